#!/usr/bin/env python3
"""Simple RNN forward propagation over time."""
import numpy as np


def rnn(rnn_cell, X, h_0):
    """Propagate X through the RNN cell, one time step at a time.

    rnn_cell: RNNCell; X: (t, m, i) data; h_0: (m, h) initial state.
    Returns H (t + 1, m, h), every hidden state, and Y (t, m, o), every
    output.
    """
    t = X.shape[0]
    H = [h_0]
    Y = []
    for s in range(t):
        h_new = rnn_cell.forward(H[s], X[s])[0]
        H.append(h_new)
        Y.append(rnn_cell.forward(H[s + 1], X[s])[1])
    return np.array(H), np.array(Y)
