#!/usr/bin/env python3
"""Forward propagation of a deep RNN."""
import numpy as np


def deep_rnn(rnn_cells, X, h_0):
    """Forward propagation through time of a stack of RNN cells.

    rnn_cells: list of l RNNCells; X: (t, m, i); h_0: (l, m, h)
    Returns H: (t + 1, l, m, h) with H[0] = h_0, Y: (t, m, o)
    """
    t = X.shape[0]
    n_layers = len(rnn_cells)
    H = np.zeros((t + 1,) + h_0.shape)
    H[0] = h_0
    Y = []
    for s in range(t):
        H[s + 1, 0], y = rnn_cells[0].forward(H[s, 0], X[s])
        for k in range(1, n_layers):
            H[s + 1, k], _ = rnn_cells[k].forward(H[s, k], H[s + 1, k - 1])
        Y.append(y)
    return H, np.array(Y)
