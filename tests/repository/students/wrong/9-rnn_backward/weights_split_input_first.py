#!/usr/bin/env python3
"""Task 9: backpropagation through time for a simple RNN."""
import numpy as np


def rnn_backward(rnn_cell, X, H, Y, Y_true):
    """Compute the gradients of the RNN's cross-entropy loss.

    X: (t, m, i); H: (t + 1, m, h); Y: (t, m, o); Y_true: (t, m, o).
    Returns dict: dWh (h + i, h), dbh (1, h), dWy (h, o), dby (1, o),
    dX (t, m, i), dh_0 (m, h).
    """
    t, m, i = X.shape
    h = H.shape[2]
    Wh = rnn_cell.Wh
    W_state = Wh[-h:]
    W_input = Wh[:-h]
    targets = Y_true.sum(axis=-1, keepdims=True)
    dZ = (targets * Y - Y_true) / m
    dA = np.zeros((t, m, h))
    dh_carry = np.zeros((m, h))
    for s in range(t - 1, -1, -1):
        dh = dZ[s] @ rnn_cell.Wy.T + dh_carry
        dA[s] = dh * (1 - H[s + 1] ** 2)
        dh_carry = dA[s] @ W_state.T
    A = np.concatenate((H[:-1], X), axis=2).reshape(-1, h + i)
    dA_2d = dA.reshape(-1, h)
    dZ_2d = dZ.reshape(t * m, -1)
    return {"dWh": A.T @ dA_2d, "dbh": dA_2d.sum(axis=0, keepdims=True),
            "dWy": H[1:].reshape(-1, h).T @ dZ_2d,
            "dby": dZ_2d.sum(axis=0, keepdims=True),
            "dX": dA @ W_input.T, "dh_0": dh_carry}
