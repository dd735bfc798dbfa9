#!/usr/bin/env python3
"""Task 9: backpropagation through time for a simple RNN.

    dZ[s] = n * Y[s] - Y_true[s]
    dH[s + 1] = dZ[s] @ Wy.T + dA[s + 1] @ Whh.T
    dA[s] = dH[s + 1] * (1 - H[s + 1] ** 2)
"""
import numpy as np


def rnn_backward(rnn_cell, X, H, Y, Y_true):
    """Return the gradients of the loss of a simple RNN.

    X: (t, m, i) inputs, H: (t + 1, m, h) states, Y: (t, m, o) outputs,
    Y_true: (t, m, o) targets.
    """
    t, m, i = X.shape
    h = H.shape[2]
    o = Y.shape[2]
    Whh, Whx = rnn_cell.Wh[:h], rnn_cell.Wh[h:]
    dZ = Y_true.sum(axis=2, keepdims=True) * Y - Y_true
    dA = np.empty((t, m, h))
    back = np.zeros((m, h))
    for s in range(t - 1, -1, -1):
        dA[s] = (dZ[s] @ rnn_cell.Wy.T + back) * (1 - H[s + 1] ** 2)
        back = dA[s] @ Whh.T
    A = np.concatenate([H[:-1], X], axis=2).reshape(t * m, h + i)
    flat_dA = dA.reshape(t * m, h)
    flat_dZ = dZ.reshape(t * m, o)
    return {
        "dWh": A.T @ flat_dA,
        "dbh": flat_dA.sum(0, keepdims=True),
        "dWy": H[1:].reshape(t * m, h).T @ flat_dZ,
        "dby": flat_dZ.sum(0, keepdims=True),
        "dX": dA @ Whx.T,
        "dh_0": back,
    }
