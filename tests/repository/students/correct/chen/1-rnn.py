#!/usr/bin/env python3
"""
Simple RNN.

Defines rnn, the forward propagation of a simple RNN over a sequence.
"""
import numpy as np


def rnn(rnn_cell, X, h_0):
    """
    Forward propagation for a simple RNN.

    Args:
        rnn_cell: an instance of RNNCell
        X: input data, shape (t, m, i)
        h_0: initial hidden state, shape (m, h)
    Returns:
        H: all the hidden states, shape (t + 1, m, h)
        Y: all the outputs, shape (t, m, o)
    """
    steps, batch, _ = X.shape
    hidden_size = h_0.shape[1]
    output_size = rnn_cell.Wy.shape[1]

    H = np.empty((steps + 1, batch, hidden_size))
    Y = np.empty((steps, batch, output_size))
    H[0] = h_0
    for step in range(steps):
        h_next, y = rnn_cell.forward(H[step], X[step])
        H[step + 1] = h_next
        Y[step] = y
    return H, Y
