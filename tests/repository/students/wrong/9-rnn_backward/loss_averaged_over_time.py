#!/usr/bin/env python3
"""Task 9: backpropagation through time for a simple RNN."""
import numpy as np


def rnn_backward(rnn_cell, X, H, Y, Y_true):
    """Gradients of the cross-entropy of a simple RNN.

    X: (t, m, i); H: (t + 1, m, h); Y, Y_true: (t, m, o).
    Returns a dict with dWh, dbh, dWy, dby, dX, dh_0.
    """
    t, m, i = X.shape
    h = H.shape[2]
    Whh = rnn_cell.Wh[:h]
    Whx = rnn_cell.Wh[h:]
    n = np.sum(Y_true, axis=2, keepdims=True)
    dZ = (n * Y - Y_true) / (t * m)
    dA = np.zeros((t, m, h))
    dh_next = np.zeros((m, h))
    for s in reversed(range(t)):
        dH = dZ[s] @ rnn_cell.Wy.T + dh_next
        dA[s] = dH * (1 - H[s + 1] ** 2)
        dh_next = dA[s] @ Whh.T
    A = np.concatenate((H[:-1], X), axis=2).reshape(t * m, h + i)
    dA_flat = dA.reshape(t * m, h)
    dZ_flat = dZ.reshape(t * m, -1)
    grads = {
        "dWh": A.T @ dA_flat,
        "dbh": dA_flat.sum(axis=0, keepdims=True),
        "dWy": H[1:].reshape(t * m, h).T @ dZ_flat,
        "dby": dZ_flat.sum(axis=0, keepdims=True),
        "dX": dA @ Whx.T,
        "dh_0": dh_next,
    }
    return grads
