#!/usr/bin/env python3
"""Forward propagation for a simple RNN."""
import numpy as np


def rnn(rnn_cell, X, h_0):
    """Perform forward propagation for a simple RNN.

    rnn_cell is an instance of RNNCell used for the forward propagation.
    X is the data, a numpy.ndarray of shape (t, m, i).
    h_0 is the initial hidden state, a numpy.ndarray of shape (m, h).
    Returns H, a numpy.ndarray of shape (t + 1, m, h) with all the hidden
    states, and Y, a numpy.ndarray of shape (t, m, o) with all the outputs.
    """
    t = X.shape[0]
    H = [h_0]
    Y = []
    h_prev = h_0
    for step in range(t):
        h_prev, y = rnn_cell.forward(h_prev, X[step])
        H.append(h_prev)
        Y.append(y)
    return np.array(H), np.array(Y)
