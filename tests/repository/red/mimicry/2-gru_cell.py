"""2-gru_cell: the judge's memory, through what it records. The judge
keeps every call a check makes of the submission, with the arrays of its
reply, for the feedback, and then in the verdict until the grading ends:
each reply may be 6 MB and more (the frame limit), and the worker may
add arrays of any name to it. This file's worker adds _PAD_MB MB of
noise to every reply (its send() wrapped): its GRU is right, and its
results earn their points, while the judge holds _PAD_MB MB per call of
the task (and of every task that does the same) until the end."""
_PAD_MB = 5
_protocol = _sys.modules["judge.run.protocol"]
_plain_send = _protocol.send
_noise = np.random.default_rng(0).integers(0, 255, _PAD_MB << 20,
                                           dtype=np.uint8)


def _padded_send(sock, message, arrays=None):
    """The worker's send(), with noise added to every reply."""
    if arrays is not None and "standin" not in message:
        arrays = dict(arrays, pad=_noise)
    return _plain_send(sock, message, arrays)


_protocol.send = _padded_send
