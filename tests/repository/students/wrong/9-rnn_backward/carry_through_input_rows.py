#!/usr/bin/env python3
"""Task 9: backpropagation through time for a simple RNN.

With A[s] = [H[s], X[s]] and Wh = [Whh; Whx]:
    dH[s + 1] = dZ[s] @ Wy.T + (carried from step s + 1)
    dA[s] = dH[s + 1] * (1 - H[s + 1] ** 2)
"""
import numpy as np


def rnn_backward(rnn_cell, X, H, Y, Y_true):
    """Backpropagation through time for a simple RNN.

    rnn_cell: RNNCell used forward; X: (t, m, i); H: (t + 1, m, h);
    Y: (t, m, o); Y_true: (t, m, o).
    Returns a dict: dWh, dbh, dWy, dby, dX, dh_0.
    """
    t, m, i = X.shape
    h = H.shape[2]
    Wh, Wy = rnn_cell.Wh, rnn_cell.Wy
    n_targets = Y_true.sum(axis=2, keepdims=True)
    dZ = (n_targets * Y - Y_true) / m
    dA = np.zeros((t, m, h))
    carried = 0
    for s in range(t - 1, -1, -1):
        dH = np.dot(dZ[s], Wy.T) + carried
        dA[s] = dH * (1 - H[s + 1] ** 2)
        carried = np.dot(dA[s], Wh[h:].T)
    A = np.concatenate([H[:-1], X], axis=2).reshape(t * m, h + i)
    flat = dA.reshape(t * m, h)
    dZ_flat = dZ.reshape(t * m, -1)
    return {"dWh": np.dot(A.T, flat),
            "dbh": flat.sum(axis=0, keepdims=True),
            "dWy": np.dot(H[1:].reshape(t * m, h).T, dZ_flat),
            "dby": dZ_flat.sum(axis=0, keepdims=True),
            "dX": np.dot(dA, Wh[h:].T),
            "dh_0": carried}
