#!/usr/bin/env python3
"""Module with bi_rnn(): forward propagation of a bidirectional RNN."""
import numpy as np


def bi_rnn(bi_cell, X, h_0, h_t):
    """Forward propagation of a bidirectional RNN.

    bi_cell: BidirectionalCell instance
    X: (t, m, i) input data
    h_0: (m, h) initial hidden state of the forward direction
    h_t: (m, h) initial hidden state of the backward direction
    Returns: H (t, m, 2 * h) concatenated hidden states, Y (t, m, o)
    """
    if not isinstance(X, np.ndarray) or X.ndim != 3:
        raise ValueError("X must be a numpy.ndarray of shape (t, m, i)")
    t, m, _ = X.shape
    h = h_0.shape[1]

    H = np.zeros((t, m, 2 * h))
    h_f = h_0
    for step in range(t):
        h_f = bi_cell.forward(h_f, X[step])
        H[step, :, :h] = h_f
    h_b = h_t
    for step in reversed(range(t)):
        h_b = bi_cell.backward(h_b, X[step])
        H[step, :, h:] = h_b
    Y = bi_cell.output(H)
    return H, Y
