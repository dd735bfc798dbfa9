#!/usr/bin/env python3
"""Bidirectional RNN (a plain student solution)."""
import numpy as np


def bi_rnn(bi_cell, X, h_0, h_t):
    """Run both directions over X."""
    t = X.shape[0]
    forward, backward = [], []
    h_f, h_b = h_0, h_t
    for step in range(t):
        h_f = bi_cell.forward(h_f, X[step])
        forward.append(h_f)
    for step in range(t - 1, -1, -1):
        h_b = bi_cell.backward(h_b, X[step])
        backward.insert(0, h_b)
    H = np.concatenate((np.array(forward), np.array(backward)), axis=-1)
    return H, bi_cell.output(H)
