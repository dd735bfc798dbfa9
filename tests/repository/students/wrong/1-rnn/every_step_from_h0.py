#!/usr/bin/env python3
"""RNN forward propagation through time."""
import numpy as np


def rnn(rnn_cell, X, h_0):
    """Perform the forward propagation of a simple RNN.

    rnn_cell: instance of RNNCell
    X: numpy.ndarray (t, m, i), the data
    h_0: numpy.ndarray (m, h), the initial hidden state
    Returns H (t + 1, m, h) and Y (t, m, o)
    """
    t, m, i = X.shape
    _, h = h_0.shape
    H = np.zeros((t + 1, m, h))
    H[0] = h_0
    Y = []
    for step in range(1, t + 1):
        h_next, y = rnn_cell.forward(h_0, X[step - 1])
        H[step] = h_next
        Y.append(y)
    Y = np.stack(Y)
    return H, Y
