#!/usr/bin/env python3
"""rnn: forward propagation of a vanilla RNN over a sequence."""
import numpy as np


def rnn(rnn_cell, X, h_0):
    """Run rnn_cell over every time step of X.

    Parameters
    ----------
    rnn_cell : RNNCell
    X : (t, m, i) inputs
    h_0 : (m, h) initial hidden state

    Returns
    -------
    H : (t + 1, m, h) hidden states, H[0] = h_0
    Y : (t, m, o) outputs
    """
    H = [h_0]
    Y = []
    for x_t in X:
        h, y = rnn_cell.forward(H[-1], x_t)
        H.append(h)
        Y.append(y)
    return np.stack(H), np.stack(Y)
