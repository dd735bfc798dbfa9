#!/usr/bin/env python3
"""Task 8: forward propagation of a bidirectional RNN.

The forward direction reads X[0] ... X[t-1], the backward one X[t-1] ...
X[0]; row s of H holds both states after reading X[s].
"""
import numpy as np


def bi_rnn(bi_cell, X, h_0, h_t):
    """Bidirectional RNN.

    X: (t, m, i) inputs; h_0: (m, h); h_t: (m, h).
    Returns H: (t, m, 2h), Y: (t, m, o).
    """
    if X.ndim != 3:
        raise ValueError("X must have shape (t, m, i), got {}".format(X.shape))
    t, m, i = X.shape
    if h_0.shape != h_t.shape:
        raise ValueError("h_t must have shape {}, got {}".format(h_0.shape,
                                                                 h_t.shape))
    h = h_0.shape[1]
    H_f = np.zeros((t, m, h))
    H_b = np.zeros((t, m, h))
    prev = h_0
    for step in range(t):
        prev = bi_cell.forward(prev, X[step])
        H_f[step] = prev
    nxt = h_0
    for step in range(t - 1, -1, -1):
        nxt = bi_cell.backward(nxt, X[step])
        H_b[step] = nxt
    H = np.concatenate((H_f, H_b), axis=-1)
    return H, bi_cell.output(H)
