#!/usr/bin/env python3
"""RNN: the forward pass over a sequence."""
import numpy as np


def rnn(rnn_cell, X, h_0):
    """Forward propagation through time.

    rnn_cell: RNNCell; X: (t, m, i); h_0: (m, h).
    Returns H (t + 1, m, h), with H[0] = h_0, and Y (t, m, o).
    """
    t, m, i = X.shape
    H = np.zeros((t + 1, m, i))
    H[0] = h_0
    Y = []
    for k in range(t):
        H[k + 1], y = rnn_cell.forward(H[k], X[k])
        Y.append(y)
    return H, np.array(Y)
