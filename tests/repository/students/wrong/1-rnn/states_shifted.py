#!/usr/bin/env python3
"""Forward propagation of a simple RNN over a sequence."""
import numpy as np


def rnn(rnn_cell, X, h_0):
    """Run the RNN cell over every time step of X.

    rnn_cell: an RNNCell
    X: (t, m, i) the inputs, time first
    h_0: (m, h) the initial hidden state
    Returns H (t + 1, m, h) the hidden states and Y (t, m, o) the outputs
    """
    t, m, _ = X.shape
    h = h_0.shape[-1]
    o = rnn_cell.by.shape[-1]
    H = np.zeros((t + 1, m, h))
    Y = np.zeros((t, m, o))
    h_prev = h_0
    for s in range(t):
        h_prev, Y[s] = rnn_cell.forward(h_prev, X[s])
        H[s] = h_prev
    return H, Y
