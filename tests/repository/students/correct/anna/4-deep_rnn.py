#!/usr/bin/env python3
"""Forward propagation for a deep RNN."""
import numpy as np


def deep_rnn(rnn_cells, X, h_0):
    """Perform forward propagation for a deep RNN.

    rnn_cells is a list of l RNNCell instances, one per layer.
    X is the data, a numpy.ndarray of shape (t, m, i).
    h_0 is the initial hidden state, a numpy.ndarray of shape (l, m, h).
    Returns H, a numpy.ndarray of shape (t + 1, l, m, h) with all the
    hidden states, and Y, a numpy.ndarray of shape (t, m, o) with the
    outputs of the last layer.
    """
    t = X.shape[0]
    H = [h_0]
    Y = []
    for step in range(t):
        layer_input = X[step]
        layers = []
        for layer, cell in enumerate(rnn_cells):
            h_next, y = cell.forward(H[step][layer], layer_input)
            layers.append(h_next)
            layer_input = h_next
        H.append(np.array(layers))
        Y.append(y)
    return np.array(H), np.array(Y)
