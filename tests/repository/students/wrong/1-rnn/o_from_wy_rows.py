#!/usr/bin/env python3
"""Forward propagation of a simple RNN."""
import numpy as np


def rnn(rnn_cell, X, h_0):
    """Forward propagation of a simple RNN over t time steps.

    rnn_cell: the RNNCell
    X: numpy.ndarray of shape (t, m, i)
    h_0: numpy.ndarray of shape (m, h)
    Returns: H (t + 1, m, h), Y (t, m, o)
    """
    t, m, _ = X.shape
    h = h_0.shape[1]
    o = rnn_cell.Wy.shape[0]
    H = np.empty((t + 1, m, h))
    Y = np.empty((t, m, o))
    H[0] = h_0
    for s in range(t):
        H[s + 1], Y[s] = rnn_cell.forward(H[s], X[s])
    return H, Y
