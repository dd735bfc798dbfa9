#!/usr/bin/env python3
"""Task 9: backpropagation through time for a simple RNN.

A step with an all-zero target row has no target, so it contributes no
gradient: the softmax gradient Y - Y_true is masked for those rows.
"""
import numpy as np


def rnn_backward(rnn_cell, X, H, Y, Y_true):
    """Gradients of the summed cross-entropy, averaged over the batch.

    X: (t, m, i); H: (t + 1, m, h); Y: (t, m, o); Y_true: (t, m, o).
    Returns a dict with dWh, dbh, dWy, dby, dX and dh_0.
    """
    t, m, i = X.shape
    h = H.shape[2]
    o = Y.shape[2]
    has_target = Y_true.max(axis=2, keepdims=True)
    dZ = (has_target * Y - Y_true) / m
    dA = np.zeros((t, m, h))
    dh = np.zeros((m, h))
    for s in range(t - 1, -1, -1):
        dA[s] = (dZ[s] @ rnn_cell.Wy.T + dh) * (1 - H[s + 1] ** 2)
        dh = dA[s] @ rnn_cell.Wh[:h].T
    A = np.concatenate((H[:-1], X), axis=2).reshape(t * m, h + i)
    dA2 = dA.reshape(t * m, h)
    dZ2 = dZ.reshape(t * m, o)
    return {"dWh": A.T @ dA2, "dbh": dA2.sum(0, keepdims=True),
            "dWy": H[1:].reshape(t * m, h).T @ dZ2,
            "dby": dZ2.sum(0, keepdims=True),
            "dX": dA @ rnn_cell.Wh[h:].T, "dh_0": dh}
