#!/usr/bin/env python3
"""Task 9: BPTT for a simple RNN."""
import numpy as np


def rnn_backward(rnn_cell, X, H, Y, Y_true):
    """Backpropagation through time.

    X: (t, m, i); H: (t + 1, m, h), H[0] the initial state; Y: (t, m, o);
    Y_true: (t, m, o).
    Returns a dict with dWh, dbh, dWy, dby, dX and dh_0.
    """
    t, m, i = X.shape
    h = H.shape[2]
    o = Y.shape[2]
    Wy = rnn_cell.Wy
    Whh = rnn_cell.Wh[:h, :]
    Whx = rnn_cell.Wh[h:, :]
    count = np.sum(Y_true, axis=-1, keepdims=True)
    dZ = (count * Y - Y_true) / m
    dA = np.zeros((t, m, h))
    dh = np.zeros((m, h))
    for s in range(t - 1, -1, -1):
        if s == t - 1:
            dh = np.dot(dZ[s], Wy.T)
        else:
            dh = np.dot(dZ[s], Wy.T) + np.dot(dA[s + 1], Whh.T)
        dA[s] = dh * (1 - np.square(H[s + 1]))
    A = np.concatenate((H[:-1], X), axis=-1)
    dWh = np.tensordot(A, dA, axes=([0, 1], [0, 1]))
    dbh = np.sum(dA, axis=(0, 1))[np.newaxis, :]
    dWy = np.tensordot(H[1:], dZ, axes=([0, 1], [0, 1]))
    dby = np.sum(dZ, axis=(0, 1)).reshape(1, o)
    dX = np.dot(dA, Whx.T)
    return {"dWh": dWh, "dbh": dbh, "dWy": dWy, "dby": dby, "dX": dX,
            "dh_0": dh}
