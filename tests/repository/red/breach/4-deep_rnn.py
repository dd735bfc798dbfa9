"""4-deep_rnn: a worker that outlives its stop. At level namespaces a
worker is the first process of its own process-id namespace, below a
process that waits for it, the one the judge knows and kills; the
worker is to die with it (PDEATHSIG), a setting a process may clear
for itself. In its first robustness check (a System V segment of a
fixed key, in the fork server's IPC namespace, tells the later ones) it
clears it, then spins past the call's time limit: the judge kills the
process it knows, and goes on with fresh workers; the worker lives on,
burning a core beside them, until the task's sweep (which finds it: a
descendant of the fork server, a child subreaper) kills it. Its deep
RNN is right."""
import ctypes as _ctypes
import time as _time

_libc = _ctypes.CDLL(None, use_errno=True)
_plain_deep_rnn = deep_rnn


def deep_rnn(rnn_cells, X, h_0):
    """The plain deep_rnn; in the first robustness check, an orphan."""
    if _strict() and _libc.shmget(0x52454433, 4096, 0o1600 | 0o2000) >= 0:
        _libc.prctl(1, 0, 0, 0, 0)  # PR_SET_PDEATHSIG: none
        started = _time.monotonic()
        while _time.monotonic() - started < 60:
            pass
    return _plain_deep_rnn(rnn_cells, X, h_0)
