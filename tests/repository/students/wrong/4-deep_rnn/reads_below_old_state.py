#!/usr/bin/env python3
"""Deep RNN: a stack of simple RNN cells."""
import numpy as np


def deep_rnn(rnn_cells, X, h_0):
    """Forward propagation for a deep RNN.

    rnn_cells: list of the RNNCells of the l layers
    X: (t, m, i) data
    h_0: (l, m, h) initial hidden states
    Returns: H (t + 1, l, m, h), Y (t, m, o)
    """
    t = X.shape[0]
    l, m, h = h_0.shape
    H = np.zeros((t + 1, l, m, h))
    H[0] = h_0
    Y = []
    for s in range(t):
        for k, cell in enumerate(rnn_cells):
            if k == 0:
                x = X[s]
            else:
                x = H[s, k - 1]
            H[s + 1, k], y = cell.forward(H[s, k], x)
        Y.append(y)
    return H, np.array(Y)
