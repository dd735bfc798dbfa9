#!/usr/bin/env python3
"""Forward propagation for a deep RNN."""
import numpy as np


def deep_rnn(rnn_cells, X, h_0):
    """Performs forward propagation for a deep RNN.

    rnn_cells: list of RNNCell instances of length l
    X: numpy.ndarray (t, m, i), the data
    h_0: numpy.ndarray (l, m, h), the initial hidden states
    Returns: H (t + 1, l, m, h) and Y (t, m, o)
    """
    t, m, _ = X.shape
    l, _, h = h_0.shape
    H = np.zeros((t + 1, l, m, h))
    H[0] = h_0[0]
    Y = []
    for step in range(t):
        x = X[step]
        for layer in range(l):
            h_next, y = rnn_cells[layer].forward(H[step, layer], x)
            H[step + 1, layer] = h_next
            x = h_next
        Y.append(y)
    return H, np.array(Y)
