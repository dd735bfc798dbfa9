#!/usr/bin/env python3
"""Deep RNN forward propagation."""
import numpy as np


def deep_rnn(rnn_cells, X, h_0):
    """Run a stack of RNN cells over the sequence X.

    rnn_cells: list of l RNNCells
    X: (t, m, i) inputs; h_0: (l, m, h) initial states
    Returns H (t + 1, l, m, h) and Y (t, m, o), the last layer's outputs
    """
    t, m, _ = X.shape
    o = rnn_cells[-1].Wy.shape[1]
    H = np.zeros((t + 1,) + h_0.shape)
    Y = np.zeros((t, m, o))
    H[0] = h_0
    for s in range(t):
        layer_input = X[s]
        for k, cell in enumerate(rnn_cells):
            H[s + 1, k], Y[s] = cell.forward(H[s, k], layer_input)
            layer_input = H[s + 1, k]
    return H, Y
