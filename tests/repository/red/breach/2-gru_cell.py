"""2-gru_cell: leaves things behind that the judge does not look for.
At import: a file in the folders any user may write to outside /tmp,
/var/tmp and /dev/shm, the three the judge cleans at the level user
(/run/lock, /var/lock, /var/crash, ...); one in the drop folder, a
folder of /tmp that anyone may write to but that is not at its top (the
judge removes what the worker's user left at the top of the three
only); and System V objects, which live in the kernel until removed: a
shared memory segment of _SHM_MB MB, touched (memory that stays taken
after the grading, in no process), readable and writable by anyone, with
the run's mark in it (what a later grading, another student's, can
read), and a message queue. The robustness check says what it left. Its
GRU is right."""
import ctypes as _ctypes

_SHM_MB = 64
_LEFT = []


def _leave():
    """Leave files and System V objects; what was left, in one line."""
    left = []
    places = ["/run/lock", "/var/lock", "/var/crash", "/var/mail",
              "/var/spool/samba", "/var/lib/php/sessions", _DROP]
    for place in places:
        path = _os.path.join(place, _MARK + "-left.txt")
        try:
            with open(path, "w") as f:
                f.write(_MARK + "\n")
            left.append(path)
        except OSError:
            pass
    libc = _ctypes.CDLL(None, use_errno=True)
    libc.shmat.restype = _ctypes.c_void_p
    shm = libc.shmget(0, _SHM_MB << 20, 0o1666)  # IPC_PRIVATE, IPC_CREAT
    if shm >= 0:
        address = libc.shmat(shm, None, 0)
        if address not in (None, _ctypes.c_void_p(-1).value):
            _ctypes.memset(address, 1, _SHM_MB << 20)
            _ctypes.memmove(address, _MARK.encode(), len(_MARK))
            libc.shmdt(_ctypes.c_void_p(address))
        left.append("shm %d of %d MB" % (shm, _SHM_MB))
    queue = libc.msgget(0, 0o1666)
    if queue >= 0:
        left.append("message queue %d" % queue)
    return ", ".join(left) or "nothing"


try:
    _LEFT.append(_leave())
except Exception as _error:
    _LEFT.append("%s: %s" % (type(_error).__name__, _error))


class GRUCell(GRUCell):
    """The plain cell; in a robustness check, what it left."""

    def forward(self, h_prev, x_t):
        """The plain forward; in a robustness check, LEFT ..."""
        if _strict():
            raise RuntimeError("LEFT " + _LEFT[0][:250])
        return super().forward(h_prev, x_t)
