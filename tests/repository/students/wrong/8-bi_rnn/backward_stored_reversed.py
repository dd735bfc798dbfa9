#!/usr/bin/env python3
"""Task 8: forward propagation of a bidirectional RNN."""
import numpy as np


def bi_rnn(bi_cell, X, h_0, h_t):
    """Forward propagation for a bidirectional RNN.

    bi_cell: a BidirectionalCell instance
    X: (t, m, i) data
    h_0: (m, h) initial hidden state in the forward direction
    h_t: (m, h) initial hidden state in the backward direction
    Returns: H (t, m, 2 * h) concatenated hidden states, Y (t, m, o) outputs
    """
    t = X.shape[0]
    forward_states = []
    backward_states = []
    h_f = h_0
    h_b = h_t
    for step in range(t):
        h_f = bi_cell.forward(h_f, X[step])
        forward_states.append(h_f)
        h_b = bi_cell.backward(h_b, X[t - 1 - step])
        backward_states.append(h_b)
    H = np.concatenate((np.array(forward_states), np.array(backward_states)),
                       axis=-1)
    Y = bi_cell.output(H)
    return H, Y
