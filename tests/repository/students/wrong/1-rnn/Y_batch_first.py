#!/usr/bin/env python3
"""A simple RNN run over a whole sequence."""
import numpy as np


def rnn(rnn_cell, X, h_0):
    """Run rnn_cell over X.

    rnn_cell: an RNNCell (input i, hidden h, output o)
    X: (t, m, i) the inputs; h_0: (m, h) the initial hidden state
    Returns H (t + 1, m, h) with H[0] = h_0 and Y (t, m, o)
    """
    hidden = [h_0]
    outputs = []
    for x in X:
        h_next, y = rnn_cell.forward(hidden[-1], x)
        hidden.append(h_next)
        outputs.append(y)
    H = np.stack(hidden, axis=0)
    Y = np.stack(outputs, axis=1)
    return H, Y
