#!/usr/bin/env python3
"""Module with rnn(): forward propagation of a simple RNN."""
import numpy as np


def rnn(rnn_cell, X, h_0):
    """Forward propagation over all time steps.

    rnn_cell: RNNCell instance
    X: (t, m, i) input data
    h_0: (m, h) initial hidden state
    Returns: H (t + 1, m, h) all hidden states, Y (t, m, o) all outputs
    """
    if not isinstance(X, np.ndarray) or X.ndim != 3:
        raise ValueError("X must be a numpy.ndarray of shape (t, m, i)")
    t, m, i = X.shape
    h = rnn_cell.Wh.shape[1]
    o = rnn_cell.Wy.shape[1]
    if X.shape[2] != rnn_cell.Wh.shape[0] - h:
        raise ValueError("X must have shape (t, m, {}), got {}".format(
            rnn_cell.Wh.shape[0] - h, X.shape))
    if not isinstance(h_0, np.ndarray) or h_0.shape != (m, h):
        raise ValueError("h_0 must have shape ({}, {}), got {}".format(
            m, h, np.shape(h_0)))

    H = np.zeros((t + 1, m, h))
    Y = np.zeros((t, m, o))
    H[0] = h_0
    for step in range(t):
        H[step + 1], Y[step] = rnn_cell.forward(H[step], X[step])
    return H, Y
