#!/usr/bin/env python3
"""Task 8: bidirectional RNN forward propagation."""
import numpy as np


def bi_rnn(bi_cell, X, h_0, h_t):
    """Forward propagation of a bidirectional RNN.

    bi_cell: BidirectionalCell; X: (t, m, i); h_0, h_t: (m, h).
    Returns H: (t, m, 2h), Y: (t, m, o).
    """
    t, m, h = X.shape
    H = np.zeros((t, m, 2 * h))
    h_prev = h_0
    h_next = h_t
    for step in range(t):
        h_prev = bi_cell.forward(h_prev, X[step])
        H[step, :, :h] = h_prev
    for step in range(t - 1, -1, -1):
        h_next = bi_cell.backward(h_next, X[step])
        H[step, :, h:] = h_next
    Y = bi_cell.output(H)
    return H, Y
