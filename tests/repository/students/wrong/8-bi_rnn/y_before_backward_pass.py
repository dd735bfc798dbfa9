#!/usr/bin/env python3
"""Task 8: forward propagation of a bidirectional RNN."""
import numpy as np


def bi_rnn(bi_cell, X, h_0, h_t):
    """Run the bidirectional cell over the sequence.

    bi_cell: BidirectionalCell; X: (t, m, i) inputs; h_0: (m, h) initial
    forward state; h_t: (m, h) initial backward state.
    Returns H: (t, m, 2h) and Y: (t, m, o).
    """
    t, m, i = X.shape
    h = h_0.shape[1]
    o = bi_cell.by.shape[1]
    H = np.zeros((t, m, 2 * h))
    Y = np.zeros((t, m, o))
    h_f = h_0
    for s in range(t):
        h_f = bi_cell.forward(h_f, X[s])
        H[s, :, :h] = h_f
        Y[s] = bi_cell.output(H[s:s + 1])[0]
    h_b = h_t
    for s in range(t - 1, -1, -1):
        h_b = bi_cell.backward(h_b, X[s])
        H[s, :, h:] = h_b
    return H, Y
