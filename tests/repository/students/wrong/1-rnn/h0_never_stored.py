#!/usr/bin/env python3
"""Forward propagation for a simple RNN."""
import numpy as np


def rnn(rnn_cell, X, h_0):
    """Performs forward propagation for a simple RNN.

    rnn_cell is an instance of RNNCell used for the forward propagation
    X is the data, numpy.ndarray of shape (t, m, i)
    h_0 is the initial hidden state, numpy.ndarray of shape (m, h)
    Returns: H, Y
        H is a numpy.ndarray (t + 1, m, h) containing all hidden states
        Y is a numpy.ndarray (t, m, o) containing all of the outputs
    """
    t, m, _ = X.shape
    h = h_0.shape[1]
    H = np.zeros((t + 1, m, h))
    Y = []
    for step in range(t):
        H[step + 1], y = rnn_cell.forward(H[step], X[step])
        Y.append(y)
    return H, np.array(Y)
