#!/usr/bin/env python3
"""Task 9: backpropagation through time for a simple RNN.

dZ = (Y - Y_true) / m is the softmax + cross-entropy gradient.
"""
import numpy as np


def rnn_backward(rnn_cell, X, H, Y, Y_true):
    """Backpropagation through time.

    rnn_cell: RNNCell; X: (t, m, i); H: (t + 1, m, h); Y: (t, m, o);
    Y_true: (t, m, o).
    Returns the gradients dWh, dbh, dWy, dby, dX, dh_0 in a dict.
    """
    t, m, i = X.shape
    h = H.shape[-1]
    o = Y.shape[-1]
    Wh, Wy = rnn_cell.Wh, rnn_cell.Wy
    dZ = (Y - Y_true) / m
    dA = np.zeros((t, m, h))
    carry = np.zeros((m, h))
    for s in range(t - 1, -1, -1):
        dh = np.dot(dZ[s], Wy.T) + carry
        dA[s] = dh * (1 - H[s + 1] ** 2)
        carry = np.dot(dA[s], Wh[:h].T)
    A = np.concatenate((H[:t], X), axis=-1).reshape(-1, h + i)
    dA2 = dA.reshape(-1, h)
    dZ2 = dZ.reshape(-1, o)
    return {"dWh": np.dot(A.T, dA2),
            "dbh": np.sum(dA2, axis=0, keepdims=True),
            "dWy": np.dot(H[1:].reshape(-1, h).T, dZ2),
            "dby": np.sum(dZ2, axis=0, keepdims=True),
            "dX": np.dot(dA, Wh[h:].T),
            "dh_0": carry}
