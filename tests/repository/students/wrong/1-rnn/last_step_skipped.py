#!/usr/bin/env python3
"""Simple RNN over a sequence."""
import numpy as np


def rnn(rnn_cell, X, h_0):
    """Forward propagation for a simple RNN.

    rnn_cell: RNNCell instance
    X: (t, m, i) input data
    h_0: (m, h) initial hidden state
    Returns H: (t + 1, m, h), Y: (t, m, o)
    """
    t, m, i = X.shape
    h = rnn_cell.Wh.shape[1]
    o = rnn_cell.Wy.shape[1]
    H = np.zeros((t + 1, m, h))
    Y = np.zeros((t, m, o))
    H[0] = h_0
    for step in range(t - 1):
        H[step + 1], Y[step] = rnn_cell.forward(H[step], X[step])
    return H, Y
