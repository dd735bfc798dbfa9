"""8-bi_rnn: the judge's memory, through the answers it has yet to send.
At import it calls the stand-in BidirectionalCell.output on 8 KB of
arrays that ask for an answer of 32 MB (t = 1, m = 1000, o = 4000), and
calls again and again on the worker's socket while reading only 64 KB of
each answer: a judge that queued every answer until the worker read it
would hold about 1.6 GB in 10 s, outside the workers' limits. (The
judge refuses a call made before the last answer was read.) Its bi_rnn
is right."""
_protocol = _sys.modules["judge.run.protocol"]


def _pile(seconds=8.0):
    """Call, read 64 KB of the answer, call again, for seconds."""
    import fcntl
    import struct
    import termios
    import time
    h, o, m = 1, 4000, 1000
    arrays = {"cell.Whf": np.ones((2 * h, h)), "cell.Whb": np.ones((2 * h, h)),
              "cell.Wy": np.ones((2 * h, o)), "cell.bhf": np.zeros((1, h)),
              "cell.bhb": np.zeros((1, h)), "cell.by": np.zeros((1, o)),
              "H": np.zeros((1, m, 2 * h))}
    frame = _protocol.pack({"standin": "7-bi_output",
                            "call": "BidirectionalCell.output",
                            "errors": np.geterr()}, arrays)

    def waiting():
        """The bytes of answers the worker has not read."""
        return struct.unpack("i", fcntl.ioctl(3, termios.FIONREAD,
                                              b"\0" * 4))[0]

    end, sent = time.monotonic() + seconds, 0
    while time.monotonic() < end:
        _os.write(3, frame)
        sent += 1
        if sent > 1:
            _os.read(3, min(waiting(), 1 << 16))
        while waiting() == 0 or (sent > 1 and waiting() < 60000):
            time.sleep(0.003)
            if time.monotonic() > end:
                break


_pile()
