#!/usr/bin/env python3
"""Task 10: backpropagation through time for an LSTM."""
import numpy as np


def sigmoid(x):
    """Numerically stable logistic sigmoid."""
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def lstm_backward(lstm_cell, X, H, C, Y, Y_true):
    """Compute every gradient of the LSTM's loss.

    X: (t, m, i); H, C: (t + 1, m, h); Y, Y_true: (t, m, o).
    Returns dict of dWf, dWu, dWc, dWo, dWy, dbf, dbu, dbc, dbo, dby, dX,
    dh_0, dc_0.
    """
    t, m, i = X.shape
    h = H.shape[2]
    o = Y.shape[2]
    W = np.concatenate([lstm_cell.Wf, lstm_cell.Wu, lstm_cell.Wc,
                        lstm_cell.Wo], axis=1)
    b = np.concatenate([lstm_cell.bf, lstm_cell.bu, lstm_cell.bc,
                        lstm_cell.bo], axis=1)
    A = np.concatenate([H[:-1], X], axis=2)
    P = np.matmul(A, W) + b
    dZ = (Y_true.sum(axis=-1, keepdims=True) * Y - Y_true) / m
    dP = np.zeros_like(P)
    dh_0 = np.zeros((m, h))
    dc_0 = np.zeros((m, h))
    dh_next = np.zeros((m, h))
    dc_next = np.zeros((m, h))
    for s in range(t - 1, -1, -1):
        f = sigmoid(P[s, :, :h])
        u = sigmoid(P[s, :, h:2 * h])
        cc = np.tanh(P[s, :, 2 * h:3 * h])
        og = sigmoid(P[s, :, 3 * h:])
        tc = np.tanh(C[s + 1])
        dh = np.matmul(dZ[s], lstm_cell.Wy.T) + dh_next
        dc = dc_next + dh * og * (1 - tc ** 2)
        dP[s, :, :h] = dc * C[s] * f * (1 - f)
        dP[s, :, h:2 * h] = dc * cc * u * (1 - u)
        dP[s, :, 2 * h:3 * h] = dc * u * (1 - cc ** 2)
        dP[s, :, 3 * h:] = dh * tc * og * (1 - og)
        if s > 0:
            dh_next = np.matmul(dP[s], W[:h].T)
        dc_next = dc * f
    dc_0 = dc_next
    flat = dP.reshape(t * m, 4 * h)
    dW = np.matmul(A.reshape(t * m, h + i).T, flat)
    db = np.sum(flat, axis=0, keepdims=True)
    dZf = dZ.reshape(t * m, o)
    return {"dWf": dW[:, :h], "dWu": dW[:, h:2 * h],
            "dWc": dW[:, 2 * h:3 * h], "dWo": dW[:, 3 * h:],
            "dbf": db[:, :h], "dbu": db[:, h:2 * h],
            "dbc": db[:, 2 * h:3 * h], "dbo": db[:, 3 * h:],
            "dWy": np.matmul(H[1:].reshape(t * m, h).T, dZf),
            "dby": np.sum(dZf, axis=0, keepdims=True),
            "dX": np.matmul(dP, W[h:].T), "dh_0": dh_0, "dc_0": dc_0}
