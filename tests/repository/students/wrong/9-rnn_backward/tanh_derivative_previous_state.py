#!/usr/bin/env python3
"""Task 9: backpropagation through time for a simple RNN."""
import numpy as np


def rnn_backward(rnn_cell, X, H, Y, Y_true):
    """Backpropagation through time for a simple RNN.

    rnn_cell: RNNCell; X: (t, m, i); H: (t + 1, m, h); Y: (t, m, o);
    Y_true: (t, m, o).
    Returns: dict of dWh, dbh, dWy, dby, dX, dh_0.
    """
    t, m, i = X.shape
    h = H.shape[2]
    o = Y.shape[2]
    n = Y_true.sum(axis=-1, keepdims=True)
    dZ = (n * Y - Y_true) / m
    dA = []
    dh_next = np.zeros((m, h))
    for s in range(t - 1, -1, -1):
        dh = dZ[s] @ rnn_cell.Wy.T + dh_next
        da = dh * (1 - H[s] ** 2)
        dA.insert(0, da)
        dh_next = da @ rnn_cell.Wh[:h].T
    dA = np.array(dA)
    A = np.concatenate((H[:-1], X), axis=-1).reshape(-1, h + i)
    dA_all = dA.reshape(-1, h)
    dZ_all = dZ.reshape(-1, o)
    return {"dWh": A.T @ dA_all,
            "dbh": np.sum(dA_all, axis=0, keepdims=True),
            "dWy": H[1:].reshape(-1, h).T @ dZ_all,
            "dby": np.sum(dZ_all, axis=0, keepdims=True),
            "dX": dA @ rnn_cell.Wh[h:].T,
            "dh_0": dh_next}
