#!/usr/bin/env python3
"""Task 1: forward propagation of a simple RNN over a whole sequence.

Starting from H[0] = h_0, the cell reads X[s] at each step s:

    H[s + 1], Y[s] = rnn_cell.forward(H[s], X[s])     for s = 0 … t - 1
"""
import numpy as np


def rnn(rnn_cell, X, h_0):
    """Run rnn_cell over the sequence X.

    rnn_cell: an RNNCell with input size i, hidden size h, output size o.
    X: (t, m, i) the inputs, time first; h_0: (m, h) the initial state.
    Returns H: (t + 1, m, h), every hidden state with H[0] = h_0, and
    Y: (t, m, o), every output.
    """
    if not isinstance(X, np.ndarray) or X.ndim != 3:
        raise ValueError("X must have shape (t, m, i), got {}".format(
            np.shape(X)))
    t, m, i = X.shape
    h = rnn_cell.Wh.shape[1]
    o = rnn_cell.Wy.shape[1]
    if rnn_cell.Wh.shape[0] != h + i:
        raise ValueError("X must have shape ({}, {}, {}), got {}".format(
            t, m, rnn_cell.Wh.shape[0] - h, X.shape))
    if not isinstance(h_0, np.ndarray) or h_0.shape != (m, h):
        raise ValueError("h_0 must have shape ({}, {}), got {}".format(
            m, h, np.shape(h_0)))

    H = [h_0]
    Y = []
    for s in range(t):
        h_next, y = rnn_cell.forward(h_0, X[s])
        H.append(h_next)
        Y.append(y)
    return np.array(H), np.array(Y)
