"""10-lstm_backward: starts a process in a session of its own (sleep,
with MARK's number), then hangs."""
import subprocess as _subprocess
import time as _time

_plain_lstm_backward = lstm_backward


def lstm_backward(lstm_cell, X, H, C, Y, Y_true):
    """Start a sleeper, then sleep for ever."""
    _subprocess.Popen(["sleep", "3" + _MARK[-6:]], start_new_session=True)
    while True:
        _time.sleep(1)
