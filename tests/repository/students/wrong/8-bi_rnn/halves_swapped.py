#!/usr/bin/env python3
"""Task 8: bi_rnn."""
import numpy as np


def bi_rnn(bi_cell, X, h_0, h_t):
    """Forward propagation of a bidirectional RNN.

    bi_cell: the BidirectionalCell to use; X: (t, m, i) the data;
    h_0: (m, h) forward initial state; h_t: (m, h) backward initial state.
    Returns H (t, m, 2 * h) with both directions' states and Y (t, m, o).
    """
    t = X.shape[0]
    fwd = [None] * t
    bwd = [None] * t
    state = h_0
    for k in range(t):
        state = bi_cell.forward(state, X[k])
        fwd[k] = state
    state = h_t
    for k in range(t - 1, -1, -1):
        state = bi_cell.backward(state, X[k])
        bwd[k] = state
    H = np.array([np.hstack((b, f)) for f, b in zip(fwd, bwd)])
    Y = bi_cell.output(H)
    return H, Y
