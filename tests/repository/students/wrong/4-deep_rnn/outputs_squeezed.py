#!/usr/bin/env python3
"""Forward propagation for a deep RNN."""
import numpy as np


def deep_rnn(rnn_cells, X, h_0):
    """Perform forward propagation for a deep RNN.

    rnn_cells: list of RNNCell instances of length l
    X: data, numpy.ndarray of shape (t, m, i)
    h_0: initial hidden state, numpy.ndarray of shape (l, m, h)
    Returns: H, numpy.ndarray (t + 1, l, m, h), and Y, numpy.ndarray
    (t, m, o)
    """
    hidden = [h_0]
    outputs = []
    for x_t in X:
        h_prev = hidden[-1]
        layers = []
        for cell, h_layer in zip(rnn_cells, h_prev):
            x_t, y = cell.forward(h_layer, x_t)
            layers.append(x_t)
        hidden.append(np.array(layers))
        outputs.append(y)
    return np.array(hidden), np.squeeze(np.array(outputs))
