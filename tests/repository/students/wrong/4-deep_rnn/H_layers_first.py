#!/usr/bin/env python3
"""A deep RNN over a sequence."""
import numpy as np


def deep_rnn(rnn_cells, X, h_0):
    """Perform forward propagation for a deep RNN.

    rnn_cells: list of RNNCell instances, one per layer
    X: numpy.ndarray of shape (t, m, i)
    h_0: numpy.ndarray of shape (l, m, h)
    Returns H, every hidden state of every layer, and Y (t, m, o)
    """
    t = X.shape[0]
    l, m, h = h_0.shape
    H = np.zeros((l, t + 1, m, h))
    H[:, 0] = h_0
    Y = []
    for s in range(t):
        inp = X[s]
        for k in range(l):
            H[k, s + 1], y = rnn_cells[k].forward(H[k, s], inp)
            inp = H[k, s + 1]
        Y.append(y)
    return H, np.array(Y)
