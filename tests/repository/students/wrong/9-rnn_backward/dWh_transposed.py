#!/usr/bin/env python3
"""Task 9: backward pass of a simple RNN over a whole sequence."""
import numpy as np


def rnn_backward(rnn_cell, X, H, Y, Y_true):
    """Compute dL/dWh, dL/dbh, dL/dWy, dL/dby, dL/dX and dL/dh_0.

    X: (t, m, i); H: (t + 1, m, h); Y, Y_true: (t, m, o).
    """
    t, m, i = X.shape
    h = H.shape[2]
    o = Y.shape[2]
    n = Y_true.sum(axis=2, keepdims=True)
    dZ = (n * Y - Y_true) / m
    dA = np.zeros((t, m, h))
    dh_next = np.zeros((m, h))
    for s in reversed(range(t)):
        dA[s] = (dZ[s] @ rnn_cell.Wy.T + dh_next) * (1 - H[s + 1] ** 2)
        dh_next = dA[s] @ rnn_cell.Wh[:h].T
    A = np.concatenate((H[:-1], X), axis=2).reshape(t * m, h + i)
    dA_f = dA.reshape(t * m, h)
    dZ_f = dZ.reshape(t * m, o)
    dWh = dA_f.T @ A
    dbh = dA_f.sum(axis=0, keepdims=True)
    dWy = H[1:].reshape(t * m, h).T @ dZ_f
    dby = dZ_f.sum(axis=0, keepdims=True)
    dX = dA @ rnn_cell.Wh[h:].T
    return {"dWh": dWh, "dbh": dbh, "dWy": dWy, "dby": dby, "dX": dX,
            "dh_0": dh_next}
