#!/usr/bin/env python3
"""Task 8: forward propagation for a bidirectional RNN."""
import numpy as np


def bi_rnn(bi_cell, X, h_0, h_t):
    """Run a bidirectional RNN over X.

    X: (t, m, i); h_0, h_t: (m, h).
    Returns H (t, m, 2h): forward and backward states, and Y (t, m, o).
    """
    H_forward = []
    h_prev = h_0
    for x_t in X:
        h_prev = bi_cell.forward(h_prev, x_t)
        H_forward.append(h_prev)
    H_backward = []
    h_next = h_t
    for x_t in X[::-1]:
        h_next = bi_cell.backward(h_next, x_t)
        H_backward.insert(0, h_next)
    H = np.concatenate((np.stack(H_forward), np.stack(H_backward)), axis=1)
    Y = bi_cell.output(H)
    return H, Y
