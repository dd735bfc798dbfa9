#!/usr/bin/env python3
"""Task 10: backpropagation through time for an LSTM."""
import numpy as np


def sigmoid(x):
    """Sigmoid that does not overflow."""
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def lstm_backward(lstm_cell, X, H, C, Y, Y_true):
    """Gradient of the LSTM loss by backpropagation through time.

    X: (t, m, i); H: (t + 1, m, h); C: (t + 1, m, h); Y: (t, m, o);
    Y_true: (t, m, o). Returns a dict of gradients.
    """
    t, m, i = X.shape
    h = H.shape[2]
    o = Y.shape[2]
    W = np.concatenate((lstm_cell.Wf, lstm_cell.Wu, lstm_cell.Wc,
                        lstm_cell.Wo), axis=1)
    b = np.concatenate((lstm_cell.bf, lstm_cell.bu, lstm_cell.bc,
                        lstm_cell.bo), axis=1)
    A = np.concatenate((X, H[:-1]), axis=2)
    P = A @ W + b
    n = Y_true.sum(axis=2, keepdims=True)
    dZ = (n * Y - Y_true) / m
    dP = np.zeros_like(P)
    dh_next = np.zeros((m, h))
    dc_next = np.zeros((m, h))
    for s in range(t - 1, -1, -1):
        f = sigmoid(P[s, :, :h])
        u = sigmoid(P[s, :, h:2 * h])
        cc = np.tanh(P[s, :, 2 * h:3 * h])
        og = sigmoid(P[s, :, 3 * h:])
        tc = np.tanh(C[s + 1])
        dh = dZ[s] @ lstm_cell.Wy.T + dh_next
        dc = dc_next + dh * og * (1 - tc ** 2)
        dP[s, :, :h] = dc * C[s] * f * (1 - f)
        dP[s, :, h:2 * h] = dc * cc * u * (1 - u)
        dP[s, :, 2 * h:3 * h] = dc * u * (1 - cc ** 2)
        dP[s, :, 3 * h:] = dh * tc * og * (1 - og)
        dh_next = dP[s] @ W[:h].T
        dc_next = dc * f
    A_prev = np.concatenate((H[:-1], X), axis=2).reshape(t * m, h + i)
    dP_rows = dP.reshape(t * m, 4 * h)
    dW = A_prev.T @ dP_rows
    db = dP_rows.sum(axis=0, keepdims=True)
    dZ_rows = dZ.reshape(t * m, o)
    return {"dWf": dW[:, :h], "dWu": dW[:, h:2 * h],
            "dWc": dW[:, 2 * h:3 * h], "dWo": dW[:, 3 * h:],
            "dbf": db[:, :h], "dbu": db[:, h:2 * h],
            "dbc": db[:, 2 * h:3 * h], "dbo": db[:, 3 * h:],
            "dWy": H[1:].reshape(t * m, h).T @ dZ_rows,
            "dby": dZ_rows.sum(axis=0, keepdims=True),
            "dX": dP @ W[h:].T, "dh_0": dh_next, "dc_0": dc_next}
