#!/usr/bin/env python3
"""Task 9: backpropagation through time for a simple RNN."""
import numpy as np


def rnn_backward(rnn_cell, X, H, Y, Y_true):
    """Gradients of L = -(1/m) sum Y_true * log(Y).

    X (t, m, i), H (t + 1, m, h), Y (t, m, o), Y_true (t, m, o).
    Returns dWh, dbh, dWy, dby, dX, dh_0 in a dictionary.
    """
    t, m, i = X.shape
    h = H.shape[2]
    o = Y.shape[2]
    n = Y_true.sum(-1)[..., np.newaxis]
    dZ = (n * Y - Y_true) / m
    dA = np.zeros((t, m, h))
    dh_prev = np.zeros((m, h))
    for s in range(t - 1, -1, -1):
        dh = dZ[s] @ rnn_cell.Wy.T + dh_prev
        dA[s] = dh * (1 - H[s + 1] * H[s + 1])
        dh_prev = dA[s] @ rnn_cell.Wh[:h].T
    A = np.concatenate((H[:-1], X), axis=2).reshape(t * m, h + i)
    dA_rows = dA.reshape(t * m, h)
    dZ_rows = dZ.reshape(t * m, o)
    dX = (dA_rows @ rnn_cell.Wh[:i].T).reshape(t, m, i)
    return {"dWh": A.T @ dA_rows,
            "dbh": dA_rows.sum(axis=0, keepdims=True),
            "dWy": H[1:].reshape(t * m, h).T @ dZ_rows,
            "dby": dZ_rows.sum(axis=0, keepdims=True),
            "dX": dX,
            "dh_0": dh_prev}
