#!/usr/bin/env python3
"""Deep RNN (a plain student solution)."""
import numpy as np


def deep_rnn(rnn_cells, X, h_0):
    """Run a stack of cells over X."""
    t, m, _ = X.shape
    layers, _, h = h_0.shape
    H = np.zeros((t + 1, layers, m, h))
    H[0] = h_0
    Y = []
    for step in range(t):
        x = X[step]
        for layer in range(layers):
            x, y = rnn_cells[layer].forward(H[step, layer], x)
            H[step + 1, layer] = x
        Y.append(y)
    return H, np.array(Y)
