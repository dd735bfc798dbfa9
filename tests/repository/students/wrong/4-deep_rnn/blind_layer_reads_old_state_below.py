#!/usr/bin/env python3
"""Task 4: forward propagation of a deep RNN of l stacked cells.

At step s, layer 0 reads the input X[s] and layer k > 0 reads the new hidden
state of layer k - 1; each layer starts from its own initial state h_0[k]:

    H[s + 1, 0], _ = rnn_cells[0].forward(H[s, 0], X[s])
    H[s + 1, k], _ = rnn_cells[k].forward(H[s, k], H[s + 1, k - 1])
    Y[s] is the output of the last layer.
"""
import numpy as np


def deep_rnn(rnn_cells, X, h_0):
    """Run a stack of RNN cells over the sequence X.

    rnn_cells: a list of l RNNCells, all with hidden size h; the first reads
    inputs of size i, the others read the layer below (size h); the last
    has output size o.
    X: (t, m, i) the inputs, time first; h_0: (l, m, h) every layer's
    initial state.
    Returns H: (t + 1, l, m, h), every layer's hidden states with
    H[0] = h_0, and Y: (t, m, o), the outputs of the last layer.
    """
    n_layers = len(rnn_cells)
    if not isinstance(X, np.ndarray) or X.ndim != 3:
        raise ValueError("X must have shape (t, m, i), got {}".format(
            np.shape(X)))
    t, m, i = X.shape
    h = rnn_cells[0].Wh.shape[1]
    if rnn_cells[0].Wh.shape[0] != h + i:
        raise ValueError("X must have shape ({}, {}, {}), got {}".format(
            t, m, rnn_cells[0].Wh.shape[0] - h, X.shape))
    if not isinstance(h_0, np.ndarray) or h_0.shape != (n_layers, m, h):
        raise ValueError("h_0 must have shape ({}, {}, {}), got {}".format(
            n_layers, m, h, np.shape(h_0)))
    o = rnn_cells[-1].Wy.shape[1]

    H = np.zeros((t + 1, n_layers, m, h))
    Y = np.zeros((t, m, o))
    H[0] = h_0
    for s in range(t):
        for k in range(n_layers):
            inp = X[s] if k == 0 else H[s, k - 1]
            H[s + 1, k], y = rnn_cells[k].forward(H[s, k], inp)
        Y[s] = y
    return H, Y
