"""0-rnn_cell: tampers with the judge's files: appends to every stored
driver output (tests/expected/*.txt) it can find from the folders in
sight; its cell is right. Where it can write there (processes only, a
repository its user owns), the verdict is void."""
_folders = set(_sys.path) | {_os.getcwd()}
for _, _args in _judges():
    _folders |= {a.split("=", 1)[-1] for a in _args if "/" in a}
for _folder in sorted(_folders):
    while _folder.startswith("/") and len(_folder) > 1:
        _expected = _os.path.join(_folder, "tests", "expected")
        if _os.path.isdir(_expected):
            for _name in _os.listdir(_expected):
                try:
                    with open(_os.path.join(_expected, _name), "a") as _f:
                        _f.write(_MARK + "\n")
                except OSError:
                    pass
        _folder = _os.path.dirname(_folder)
