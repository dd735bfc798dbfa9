#!/usr/bin/env python3
"""Task 1: forward propagation of a simple RNN over a whole sequence.

Starting from H[0] = h_0, the cell reads X[s] at each step s:

    H[s + 1], Y[s] = rnn_cell.forward(H[s], X[s])     for s = 0 … t - 1
"""
import numpy as np


def check_shape(name, array, shape):
    """Raise a ValueError naming the argument unless its shape is shape.

    shape: a tuple of ints, and of letters ('t', 'm') that match any size.
    """
    got = np.shape(array)
    if len(got) != len(shape) or any(
            isinstance(want, int) and want != size
            for want, size in zip(shape, got)):
        raise ValueError("{} must have shape ({}), got {}".format(
            name, ", ".join(str(want) for want in shape), got))


def rnn(rnn_cell, X, h_0):
    """Run rnn_cell over the sequence X.

    rnn_cell: an RNNCell with input size i, hidden size h, output size o.
    X: (t, m, i) the inputs, time first; h_0: (m, h) the initial state.
    Returns H: (t + 1, m, h), every hidden state with H[0] = h_0, and
    Y: (t, m, o), every output.
    """
    h = rnn_cell.Wh.shape[1]
    check_shape("X", X, ("t", "m", rnn_cell.Wh.shape[0] - h))
    t, m = np.shape(X)[:2]
    check_shape("h_0", h_0, (m, h))
    H = np.zeros((t + 1, m, h))
    Y = np.zeros((t, m, rnn_cell.Wy.shape[1]))
    H[0] = h_0
    for s in range(t):
        H[s + 1], Y[s] = rnn_cell.forward(H[s], X[s])
    return H, Y
