#!/usr/bin/env python3
"""Task 8: a bidirectional RNN over a whole sequence."""
import numpy as np


def bi_rnn(bi_cell, X, h_0, h_t):
    """Run bi_cell over X in both directions.

    X: (t, m, i); h_0, h_t: (m, h) initial states of the forward and the
    backward direction.
    Returns H (t, m, 2h) and Y (t, m, o).
    """
    t, m, _ = X.shape
    h = h_0.shape[1]
    Hf = np.zeros((t + 1, m, h))
    Hb = np.zeros((t + 1, m, h))
    Hf[0] = h_0
    Hb[t] = h_t
    for s in range(t):
        Hf[s + 1] = bi_cell.forward(Hf[s], X[s])
    for s in range(t - 1, -1, -1):
        Hb[s] = bi_cell.backward(Hb[s + 1], X[s])
    H = np.concatenate((Hf[1:], Hb[1:]), axis=2)
    Y = bi_cell.output(H)
    return H, Y
