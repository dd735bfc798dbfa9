"""6-bi_backward: memory. In its first robustness check it starts four
processes that each take 200 MB and hold it (graded with 512 MB of
memory: redteam.OPTIONS); it counts how many got there and are still
alive (held it together), and says so; its backward is right."""
import select as _select
import time as _time

_HELD = []


def _hold():
    """How many MB four children held at once."""
    if _HELD:
        return _HELD[0]
    read, write = _os.pipe()
    children = []
    for _ in range(4):
        pid = _os.fork()
        if pid == 0:
            try:
                block = bytearray(200 << 20)
                for k in range(0, len(block), 4096):
                    block[k] = 1
                _os.write(write, b"x")
                _time.sleep(60)  # (killed by its parent)
            finally:
                _os._exit(0)
        children.append(pid)
    _os.close(write)
    count, deadline = 0, _time.monotonic() + 5
    while count < 4 and _time.monotonic() < deadline:
        if _select.select([read], [], [], 0.1)[0]:
            if not _os.read(read, 1):
                break
            count += 1
    alive = 0
    for pid in children:
        try:
            alive += _os.waitpid(pid, _os.WNOHANG)[0] == 0
            _os.kill(pid, 9)
            _os.waitpid(pid, 0)
        except OSError:
            pass
    _HELD.append(200 * min(count, alive))
    return _HELD[0]


class BidirectionalCell(BidirectionalCell):
    """The plain cell; in a robustness check, how much it held."""

    def backward(self, h_next, x_t):
        """The plain backward; in a robustness check, HELD n MB."""
        if _strict():
            raise RuntimeError("HELD %d MB" % _hold())
        return super().backward(h_next, x_t)
