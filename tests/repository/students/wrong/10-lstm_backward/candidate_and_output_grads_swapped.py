#!/usr/bin/env python3
"""Task 10: backpropagation through time for an LSTM.

The gates are stacked in the usual order [f, u, o, c].
"""
import numpy as np


def sigmoid(x):
    """Logistic function, computed without overflow."""
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def lstm_backward(lstm_cell, X, H, C, Y, Y_true):
    """LSTM backpropagation through time.

    X: (t, m, i); H: (t + 1, m, h); C: (t + 1, m, h); Y: (t, m, o);
    Y_true: (t, m, o).
    Returns a dict: dWf, dWu, dWc, dWo, dWy, dbf, dbu, dbc, dbo, dby, dX,
    dh_0, dc_0.
    """
    t, m, i = X.shape
    h = H.shape[2]
    o = Y.shape[2]
    W = np.concatenate((lstm_cell.Wf, lstm_cell.Wu, lstm_cell.Wo,
                        lstm_cell.Wc), axis=1)
    b = np.concatenate((lstm_cell.bf, lstm_cell.bu, lstm_cell.bo,
                        lstm_cell.bc), axis=1)
    A = np.concatenate((H[:-1], X), axis=2)
    P = A @ W + b
    dZ = (Y_true.sum(axis=2, keepdims=True) * Y - Y_true) / m
    dP = np.zeros_like(P)
    dh_next = np.zeros((m, h))
    dc_next = np.zeros((m, h))
    for s in range(t - 1, -1, -1):
        f = sigmoid(P[s, :, :h])
        u = sigmoid(P[s, :, h:2 * h])
        og = sigmoid(P[s, :, 2 * h:3 * h])
        cc = np.tanh(P[s, :, 3 * h:])
        tc = np.tanh(C[s + 1])
        dh = dZ[s] @ lstm_cell.Wy.T + dh_next
        dc = dc_next + dh * og * (1 - tc ** 2)
        dP[s, :, :h] = dc * C[s] * f * (1 - f)
        dP[s, :, h:2 * h] = dc * cc * u * (1 - u)
        dP[s, :, 2 * h:3 * h] = dh * tc * og * (1 - og)
        dP[s, :, 3 * h:] = dc * u * (1 - cc ** 2)
        dh_next = dP[s] @ W[:h].T
        dc_next = dc * f
    dP2 = dP.reshape(t * m, 4 * h)
    dW = A.reshape(t * m, h + i).T @ dP2
    db = dP2.sum(axis=0, keepdims=True)
    dWf, dWu, dWc, dWo = np.split(dW, 4, axis=1)
    dbf, dbu, dbc, dbo = np.split(db, 4, axis=1)
    dZ2 = dZ.reshape(t * m, o)
    return {"dWf": dWf, "dWu": dWu, "dWc": dWc, "dWo": dWo,
            "dbf": dbf, "dbu": dbu, "dbc": dbc, "dbo": dbo,
            "dWy": H[1:].reshape(t * m, h).T @ dZ2,
            "dby": dZ2.sum(axis=0, keepdims=True),
            "dX": dP @ W[h:].T, "dh_0": dh_next, "dc_0": dc_next}
