"""6-bi_backward: memory that outlives its worker, and its task. System V
shared memory belongs to an IPC namespace, not to a process: at level
namespaces every worker of a grading shares the fork server's, which
lives until the grading ends; without namespaces (the levels user and
processes), the machine's, which lives until it restarts. The first
worker of the task to import it (a small segment of a fixed key says so
to the others, and holds how much was pinned) fills segments of
_SEGMENT_MB MB, up to _PIN_MB, touches them and detaches them: pages
that no process holds and no kill frees. At level namespaces the
grading's control group counts them against every worker that follows
(the tasks after this one have some 50 MB left); at the level user they
stay taken after the grading, 2 GB per grading, until someone runs
ipcrm. Its cell is right; the robustness check says how much it
pinned."""
import ctypes as _ctypes

_PIN_MB, _SEGMENT_MB = 2000, 16
_KEY = 0x52454432  # "RED2": the segment that says it is done
_libc = _ctypes.CDLL(None, use_errno=True)
_libc.shmat.restype = _ctypes.c_void_p


def _attach(shm):
    """The address of segment shm attached, or None."""
    address = _libc.shmat(shm, None, 0)
    return None if address in (None, _ctypes.c_void_p(-1).value) \
        else address


def _pin():
    """Fill and leave segments (once per IPC namespace); how many MB
    were pinned, as the first worker wrote it."""
    first = _libc.shmget(_KEY, 4096, 0o1600 | 0o2000)  # CREAT | EXCL
    if first < 0:
        address = _attach(_libc.shmget(_KEY, 4096, 0))
        return _ctypes.c_int.from_address(address).value if address else -1
    pinned = 0
    while pinned < _PIN_MB:
        shm = _libc.shmget(0, _SEGMENT_MB << 20, 0o1600)
        address = _attach(shm) if shm >= 0 else None
        if address is None:
            break
        _ctypes.memset(address, 1, _SEGMENT_MB << 20)
        _libc.shmdt(_ctypes.c_void_p(address))
        pinned += _SEGMENT_MB
        address = _attach(first)
        _ctypes.c_int.from_address(address).value = pinned
        _libc.shmdt(_ctypes.c_void_p(address))
    return pinned


_PINNED = _pin()


class BidirectionalCell(BidirectionalCell):
    """The plain cell; in a robustness check, how much was pinned."""

    def backward(self, h_next, x_t):
        """The plain backward; in a robustness check, PINNED n MB."""
        if _strict():
            raise RuntimeError("PINNED %d MB" % _pin())
        return super().backward(h_next, x_t)
