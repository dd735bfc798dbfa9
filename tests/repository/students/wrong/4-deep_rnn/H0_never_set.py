#!/usr/bin/env python3
"""Deep RNN."""
import numpy as np


def deep_rnn(rnn_cells, X, h_0):
    """Forward propagation for a deep RNN.

    rnn_cells: list of RNNCell, one per layer
    X: (t, m, i) the data to be used
    h_0: (l, m, h) the initial hidden state
    Returns H (t + 1, l, m, h) and Y (t, m, o)
    """
    t, m, i = X.shape
    l, _, h = h_0.shape
    H = np.zeros((t + 1, l, m, h))
    Y = []
    for step in range(1, t + 1):
        h_below = X[step - 1]
        for layer, cell in enumerate(rnn_cells):
            h_below, y = cell.forward(H[step - 1, layer], h_below)
            H[step, layer] = h_below
        Y.append(y)
    return H, np.array(Y)
