#!/usr/bin/env python3
"""Task 9: gradients of a simple RNN's loss."""
import numpy as np


def rnn_backward(rnn_cell, X, H, Y, Y_true):
    """Compute the gradients of L with respect to the parameters and inputs.

    X: (t, m, i), H: (t + 1, m, h), Y and Y_true: (t, m, o).
    Returns {dWh, dbh, dWy, dby, dX, dh_0}.
    """
    t, m, i = X.shape
    h = H.shape[2]
    n = Y_true.sum(axis=-1, keepdims=True)
    dZ = (n * Y - Y_true) / m
    # every step at once: each state gets the gradient from its own output
    dH = dZ @ rnn_cell.Wy.T
    dA = dH * (1 - H[1:] ** 2)
    A = np.concatenate((H[:-1], X), axis=-1)
    dWh = np.einsum('tmk,tmj->kj', A, dA)
    dbh = dA.sum(axis=(0, 1)).reshape(1, h)
    dWy = np.einsum('tmk,tmj->kj', H[1:], dZ)
    dby = dZ.sum(axis=(0, 1)).reshape(1, -1)
    dX = dA @ rnn_cell.Wh[h:].T
    dh_0 = dA[0] @ rnn_cell.Wh[:h].T
    return {"dWh": dWh, "dbh": dbh, "dWy": dWy, "dby": dby, "dX": dX,
            "dh_0": dh_0}
