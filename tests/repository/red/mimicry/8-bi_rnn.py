"""8-bi_rnn: lies about its docstrings. The style point's docstring
check trusts what the worker says (which names have a docstring), and
the worker is the submission's own process: this file replaces the
worker's documentation() (in the frames above its import) with one
that reports the module alone, documented. It defines a function without a
docstring: the check passes all the same. A task file without a single
docstring that does this through __import__("sys") (no import
statement, so the only-numpy check holds) earns the style point, 10/10
instead of 9/10: 11 points over a submission."""


def undocumented(x):
    return x


_frame = _sys._getframe()
while _frame is not None:  # the worker's own globals, above the import
    if "PROBES" in _frame.f_globals:
        _frame.f_globals["documentation"] = lambda module: {"": True}
    _frame = _frame.f_back
