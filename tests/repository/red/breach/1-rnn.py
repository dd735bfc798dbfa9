"""1-rnn: the judge's side of the protocol. Every reply of its worker
says that no limit could be set (memory, CPU time, file size, core
files, processes, ending with the judge: "unset"), which the judge
notes for its account of the protections; and in its robustness checks
it sends two stand-in calls at once, before the judge answers the
first (two frames in one read). Its rnn is right."""
_protocol = _sys.modules["judge.run.protocol"]
_plain_send = _protocol.send


def _lying_send(sock, message, arrays=None):
    """The worker's send(), every reply claiming no limit was set."""
    if "standin" not in message:
        message = dict(message, unset=[
            "memory", "CPU time", "file size", "core files", "processes",
            "end with the judge"])
    return _plain_send(sock, message, arrays)


_protocol.send = _lying_send
_plain_rnn = rnn


def rnn(rnn_cell, X, h_0):
    """The plain rnn; in a robustness check, two calls at once."""
    if _strict():
        cell = {"cell." + k: getattr(rnn_cell, k) for k in (
            "Wh", "Wy", "bh", "by")}
        frame = _protocol.pack({"standin": "0-rnn_cell",
                                "call": "RNNCell.forward", "errors": {}},
                               dict(cell, h_prev=h_0, x_t=X[0]))
        with _socket.socket(fileno=_os.dup(3)) as sock:
            sock.sendall(frame + frame)
            _protocol.receive(sock)
            _protocol.receive(sock)
    return _plain_rnn(rnn_cell, X, h_0)
