#!/usr/bin/env python3
"""Task 8: bidirectional RNN forward propagation."""
import numpy as np


def bi_rnn(bi_cell, X, h_0, h_t):
    """Compute the hidden states and outputs of a bidirectional RNN.

    bi_cell: BidirectionalCell; X: (t, m, i); h_0: (m, h) forward initial
    state; h_t: (m, h) backward initial state.
    Returns H: (t, m, 2 * h) and Y: (t, m, o).
    """
    t, m, i = X.shape
    h = h_0.shape[1]
    H = np.zeros((t, m, 2 * h))
    h_fwd = h_0
    for s in range(t):
        H[s, :, :h] = h_fwd
        h_fwd = bi_cell.forward(h_fwd, X[s])
    h_bwd = h_t
    for s in reversed(range(t)):
        h_bwd = bi_cell.backward(h_bwd, X[s])
        H[s, :, h:] = h_bwd
    Y = bi_cell.output(H)
    return H, Y
