#!/usr/bin/env python3
"""Module with deep_rnn(): forward propagation of a deep RNN."""
import numpy as np


def deep_rnn(rnn_cells, X, h_0):
    """Forward propagation of a stack of RNN cells.

    rnn_cells: list of l RNNCell instances (layer 0 first)
    X: (t, m, i) input data
    h_0: (l, m, h) initial hidden state of every layer
    Returns: H (t + 1, l, m, h) all hidden states, Y (t, m, o) the outputs
    of the last layer
    """
    if not isinstance(X, np.ndarray) or X.ndim != 3:
        raise ValueError("X must be a numpy.ndarray of shape (t, m, i)")
    if not isinstance(h_0, np.ndarray) or h_0.ndim != 3:
        raise ValueError("h_0 must be a numpy.ndarray of shape (l, m, h)")
    t, m, _ = X.shape
    n_layers, _, h = h_0.shape
    if len(rnn_cells) != n_layers:
        raise ValueError("h_0 must have shape ({}, {}, {}), got {}".format(
            len(rnn_cells), m, h, h_0.shape))
    o = rnn_cells[-1].Wy.shape[1]

    H = np.zeros((t + 1, n_layers, m, h))
    Y = np.zeros((t, m, o))
    H[0] = h_0
    for step in range(t):
        layer_in = X[step]
        for k in range(n_layers):
            H[step + 1, k], y = rnn_cells[k].forward(H[step, k], layer_in)
            layer_in = H[step + 1, k]
        Y[step] = y
    return H, Y
