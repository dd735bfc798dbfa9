#!/usr/bin/env python3
"""Task 8: forward propagation for a bidirectional RNN.

    F[s] = forward(F[s - 1], X[s])      F[-1] = h_0
    B[s] = backward(B[s + 1], X[s])     B[t] = h_t
    H[s] = [F[s], B[s]],  Y = output(H)
"""
import numpy as np


def bi_rnn(bi_cell, X, h_0, h_t):
    """Run bi_cell forward and backward over X (t, m, i).

    h_0: (m, h) start of the forward direction; h_t: (m, h) start of the
    backward direction. Returns H (t, m, 2h) and Y (t, m, o).
    """
    t, m, _ = X.shape
    h = h_0.shape[1]
    F = np.zeros((t, m, h))
    B = np.zeros((t, m, h))
    f_state = h_0
    for s in range(t):
        f_state = bi_cell.forward(f_state, X[s])
        F[s] = f_state
    b_state = h_t
    for s in range(t - 1, 0, -1):
        b_state = bi_cell.backward(b_state, X[s])
        B[s] = b_state
    H = np.concatenate([F, B], axis=-1)
    return H, bi_cell.output(H)
