"""0-rnn_cell: a wide channel out of the worker, through numpy's own
messages. The worker's harness lets only arrays of numbers out; the
submission runs in the worker's process, so it lets anything out
(cases.as_array replaced), and its forward returns h_next as an array of
a structured dtype whose ~80 field names carry ~8,000 characters of its
choosing (a .npy header may hold 10,000; read without pickle, it is
accepted). The judge compares it with np.isclose, which raises a
UFuncTypeError whose message quotes the whole dtype: the check fails
with that message, uncut, in the scoreboard and in results.json, at
every level. Its text: the mark, then a line of the judge's own
scoreboard (the total) over and over."""
_FORGED = "total" + " " * 60 + "110/110"
_NAMES = ["%s %02d %s" % (_MARK, k, _FORGED) for k in range(80)]
_WIDE = np.dtype([(name, "<f8") for name in _NAMES])
_cases = _sys.modules["judge.contract.cases"]
_cases.as_array = lambda task, name, value: np.asarray(value)


class RNNCell(RNNCell):
    """The plain cell, whose h_next is structured."""

    def forward(self, h_prev, x_t):
        """h_next of the wide dtype, y right."""
        h_next, y = super().forward(h_prev, x_t)
        return np.zeros(h_next.shape, dtype=_WIDE), y
