#!/usr/bin/env python3
"""Task 8: bidirectional RNN."""
import numpy as np


def bi_rnn(bi_cell, X, h_0, h_t):
    """Compute the forward and backward hidden states and the outputs.

    X: (t, m, i); h_0, h_t: (m, h).
    Returns H (t, m, 2 * h) and Y (t, m, o).
    """
    t, m, i = X.shape
    h = h_0.shape[1]
    H = np.zeros((t, m, 2 * h))
    h_fw, h_bw = h_0, h_t
    for s in range(t):
        h_fw = bi_cell.forward(h_fw, X[s])
        h_bw = bi_cell.backward(h_bw, X[s])
        H[s] = np.concatenate((h_fw, h_bw), axis=1)
    return H, bi_cell.output(H)
