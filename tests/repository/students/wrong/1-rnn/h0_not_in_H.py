#!/usr/bin/env python3
"""Run a simple RNN over a whole sequence."""
import numpy as np


def rnn(rnn_cell, X, h_0):
    """Forward pass of an RNN over the sequence X.

    rnn_cell: RNNCell; X: (t, m, i) inputs; h_0: (m, h) initial state.
    Returns H (t + 1, m, h), all the hidden states, and Y (t, m, o).
    """
    t = X.shape[0]
    m, h = h_0.shape
    o = rnn_cell.Wy.shape[1]
    H = np.zeros((t + 1, m, h))
    Y = np.zeros((t, m, o))
    h_prev = h_0
    for s in range(t):
        h_prev, Y[s] = rnn_cell.forward(h_prev, X[s])
        H[s + 1] = h_prev
    return H, Y
