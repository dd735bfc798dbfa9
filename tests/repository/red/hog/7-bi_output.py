"""7-bi_output: forks until it cannot (each child sleeps), in its first
robustness check; says how many it made; its output is right."""
import time as _time

_FORKED = []


def _bomb():
    """How many processes it could start."""
    if _FORKED:
        return _FORKED[0]
    count = 0
    while count < 2000:
        try:
            pid = _os.fork()
        except OSError:
            break
        if pid == 0:
            _time.sleep(30)
            _os._exit(0)
        count += 1
    _FORKED.append(count)
    return count


class BidirectionalCell(BidirectionalCell):
    """The plain cell; in a robustness check, how many it forked."""

    def output(self, H):
        """The plain output; in a robustness check, FORKED n."""
        if _strict():
            raise RuntimeError("FORKED %d" % _bomb())
        return super().output(H)
