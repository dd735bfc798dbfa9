#!/usr/bin/env python3
"""Deep recurrent neural network, forward propagation."""
import numpy as np


def deep_rnn(rnn_cells, X, h_0):
    """Forward propagation of a deep RNN.

    rnn_cells: list of l RNNCells (layer 0 reads the data)
    X: (t, m, i) the inputs; h_0: (l, m, h) the initial states
    Returns H (t + 1, l, m, h) and Y (t, m, o), the last layer's outputs
    """
    t, m, _ = X.shape
    l, _, h = h_0.shape
    H = np.zeros((t + 1, l, m, h))
    H[0] = h_0
    Y = []
    for s in range(t):
        H[s + 1, 0], _ = rnn_cells[0].forward(H[s, 0], X[s])
        for k in range(1, l):
            H[s + 1, k], y = rnn_cells[k].forward(H[s, k], H[s + 1, k - 1])
        Y.append(y)
    return H, np.array(Y)
