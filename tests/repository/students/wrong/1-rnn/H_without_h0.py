#!/usr/bin/env python3
"""Simple RNN forward propagation."""
import numpy as np


def rnn(rnn_cell, X, h_0):
    """Forward propagation of a simple RNN.

    rnn_cell -- the RNNCell to use
    X -- (t, m, i) data
    h_0 -- (m, h) initial hidden state
    Returns H, every hidden state, and Y (t, m, o), every output.
    """
    states = []
    outputs = []
    h_t = h_0
    for x_t in X:
        h_t, y_t = rnn_cell.forward(h_t, x_t)
        states.append(h_t)
        outputs.append(y_t)
    return np.array(states), np.array(outputs)
