#!/usr/bin/env python3
"""Forward pass of a deep (stacked) RNN."""
import numpy as np


def deep_rnn(rnn_cells, X, h_0):
    """Forward propagation of a deep RNN.

    rnn_cells -- list of the l cells of the network
    X -- (t, m, i) data
    h_0 -- (l, m, h) initial hidden state of every layer
    Returns H (t + 1, l, m, h), all hidden states, and Y (t, m, o)
    """
    t = X.shape[0]
    l, m, h = h_0.shape
    H = np.zeros((t + 1, l, m, h))
    H[0] = h_0
    outputs = []
    for s in range(t):
        for k in range(l):
            H[s + 1, k], y = rnn_cells[k].forward(H[s, k], X[s])
        outputs.append(y)
    return H, np.stack(outputs)
