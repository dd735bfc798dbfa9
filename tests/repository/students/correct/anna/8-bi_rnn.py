#!/usr/bin/env python3
"""Forward propagation for a bidirectional RNN."""
import numpy as np


def bi_rnn(bi_cell, X, h_0, h_t):
    """Perform forward propagation for a bidirectional RNN.

    bi_cell is an instance of BidirectionalCell.
    X is the data, a numpy.ndarray of shape (t, m, i).
    h_0 (m, h) is the initial hidden state in the forward direction and
    h_t (m, h) the initial hidden state in the backward direction.
    Returns H, a numpy.ndarray of shape (t, m, 2 * h) with the concatenated
    hidden states, and Y, a numpy.ndarray of shape (t, m, o) with the
    outputs.
    """
    t = X.shape[0]
    forward_states = []
    h_f = h_0
    for step in range(t):
        h_f = bi_cell.forward(h_f, X[step])
        forward_states.append(h_f)
    backward_states = [None] * t
    h_b = h_t
    for step in range(t - 1, -1, -1):
        h_b = bi_cell.backward(h_b, X[step])
        backward_states[step] = h_b
    H = np.concatenate((np.array(forward_states), np.array(backward_states)),
                       axis=-1)
    Y = bi_cell.output(H)
    return H, Y
