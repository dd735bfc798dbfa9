#!/usr/bin/env python3
"""Task 9: rnn_backward."""
import numpy as np


def rnn_backward(rnn_cell, X, H, Y, Y_true):
    """Backpropagate the cross-entropy loss through a simple RNN.

    rnn_cell: the cell that produced H and Y from X.
    X: (t, m, i); H: (t + 1, m, h); Y: (t, m, o); Y_true: (t, m, o).
    Returns a dict of gradients shaped like their parameters:
    dWh, dbh, dWy, dby, dX (t, m, i) and dh_0 (m, h).
    """
    t, m, i = X.shape
    h = H.shape[2]
    o = Y.shape[2]
    dWh = np.zeros_like(rnn_cell.Wh)
    dbh = np.zeros_like(rnn_cell.bh)
    dWy = np.zeros_like(rnn_cell.Wy)
    dby = np.zeros_like(rnn_cell.by)
    dX = np.zeros_like(X)
    dh_next = np.zeros((m, h))
    for s in range(t - 1, -1, -1):
        n = Y_true[s].sum(axis=1, keepdims=True)
        dz = (n * Y[s] - Y_true[s]) / m
        dWy += H[s].T @ dz
        dby += dz.sum(axis=0, keepdims=True)
        dh = dz @ rnn_cell.Wy.T + dh_next
        da = dh * (1 - H[s + 1] ** 2)
        a = np.concatenate((H[s], X[s]), axis=1)
        dWh += a.T @ da
        dbh += da.sum(axis=0, keepdims=True)
        dX[s] = da @ rnn_cell.Wh[h:].T
        dh_next = da @ rnn_cell.Wh[:h].T
    return {"dWh": dWh, "dbh": dbh, "dWy": dWy, "dby": dby,
            "dX": dX, "dh_0": dh_next}
