#!/usr/bin/env python3
"""Task 8: a bidirectional RNN."""
import numpy as np


def bi_rnn(bi_cell, X, h_0, h_t):
    """Forward propagation of a bidirectional RNN.

    X: (t, m, i); h_0: (m, h) forward initial state; h_t: (m, h) backward
    initial state. Returns H, the states side by side, and Y = output(H).
    """
    t, m, _ = X.shape
    h = h_0.shape[1]
    Hf = np.zeros((t + 1, m, h))
    Hb = np.zeros((t + 1, m, h))
    Hf[0] = h_0
    Hb[-1] = h_t
    for s in range(t):
        Hf[s + 1] = bi_cell.forward(Hf[s], X[s])
        Hb[t - 1 - s] = bi_cell.backward(Hb[t - s], X[t - 1 - s])
    H = np.concatenate((Hf, Hb), axis=2)
    Y = bi_cell.output(H)
    return H, Y
