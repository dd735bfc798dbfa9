"""7-bi_output: a process that outlives its task. The first worker to
import it starts a process in a session of its own that forks, and
ends, every millisecond or so (a fork hopper: each pid lives too short
a time for the judge's sweep, which lists /proc and then kills what it
listed; a fork refused at the limit of processes is tried again). Once
that worker has ended and 2 s more have passed (task 0 is graded by
then), for at most _LIFE seconds, it kills (SIGKILL) every worker of its
own user whose command line names this grading (the run's mark): the
workers of the tasks graded after this one; it writes how many it
killed, and how long it lived, to the drop folder. Its cell is right.
(Each hop leaves a zombie that only the fork server reaps, between two
requests, and zombies count against the limit of processes: the hopper
runs out of forks within the sweep, and dies with its task.)"""
import ctypes as _ctypes
import signal as _signal
import time as _time

_LIFE = 60
_NAME = b"hop" + _MARK[-6:].encode()  # (its number: its grading's)


def _workers():
    """The pids of this user's workers whose command line names the
    mark, but hoppers."""
    found = []
    for name in _os.listdir("/proc"):
        if not name.isdigit() or int(name) == _os.getpid():
            continue
        try:
            if _os.stat("/proc/" + name).st_uid != _os.getuid():
                continue
            with open("/proc/%s/comm" % name, "rb") as f:
                if f.read().strip() == _NAME:
                    continue
            with open("/proc/%s/cmdline" % name, "rb") as f:
                line = f.read()
            if _MARK.encode() in line and b"worker.py" in line:
                found.append(int(name))
        except OSError:
            pass
    return found


def _hop():
    """Fork, the parent ends: the same work goes on under a new pid (a
    fork refused, at the limit of processes, is tried again later)."""
    try:
        if _os.fork():
            _os._exit(0)
    except OSError:
        _time.sleep(0.001)


def _hopper(worker):
    """Hop; once worker has ended and 2 s more, kill the others, until
    _LIFE seconds have passed."""
    start, killed, since, last = _time.monotonic(), set(), None, 0.0
    while _time.monotonic() - start < _LIFE:
        _hop()
        now = _time.monotonic()
        if since is None and not _os.path.exists("/proc/%d" % worker):
            since = now
        if now - last < 0.05:
            continue
        last = now
        if since is None or now - since < 2:
            _note(len(killed), now - start)
            continue
        for pid in _workers():
            try:
                _os.kill(pid, _signal.SIGKILL)
                killed.add(pid)
            except OSError:
                pass
        _note(len(killed), now - start)


def _note(killed, alive):
    """Write how many it killed and how long it has lived."""
    with open(_os.path.join(_DROP, _MARK + "-hopper.txt"), "w") as f:
        f.write("killed %d, alive after %.1f s\n" % (killed, alive))


try:
    _lock = _os.open(_os.path.join(_DROP, _MARK + "-hopper.lock"),
                     _os.O_CREAT | _os.O_EXCL | _os.O_WRONLY)
except OSError:
    _lock = None
if _lock is not None:
    _worker = _os.getpid()
    if _os.fork() == 0:
        try:
            _os.setsid()
            _ctypes.CDLL(None).prctl(15, _NAME, 0, 0, 0)  # PR_SET_NAME
            _hopper(_worker)
        finally:
            _os._exit(0)
