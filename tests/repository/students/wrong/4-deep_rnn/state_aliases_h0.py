#!/usr/bin/env python3
"""Deep RNN forward propagation."""
import numpy as np


def deep_rnn(rnn_cells, X, h_0):
    """Forward propagation of a deep RNN.

    rnn_cells: list of l RNNCells
    X: (t, m, i) inputs; h_0: (l, m, h) initial state of each layer
    Returns H (t + 1, l, m, h) with H[0] = h_0, and Y (t, m, o)
    """
    H = [h_0]
    Y = []
    state = h_0
    for x_t in X:
        below = x_t
        for k, cell in enumerate(rnn_cells):
            state[k], y = cell.forward(state[k], below)
            below = state[k]
        H.append(state.copy())
        Y.append(y)
    return np.array(H), np.array(Y)
