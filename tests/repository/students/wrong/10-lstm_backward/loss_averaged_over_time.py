#!/usr/bin/env python3
"""Task 10: backpropagation through time for an LSTM."""
import numpy as np


def sigmoid(x):
    """Logistic sigmoid that never overflows."""
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def lstm_backward(lstm_cell, X, H, C, Y, Y_true):
    """Gradients of the cross-entropy of an LSTM.

    X: (t, m, i); H, C: (t + 1, m, h); Y, Y_true: (t, m, o).
    Returns a dict with dWf, dWu, dWc, dWo, dWy, dbf, dbu, dbc, dbo, dby,
    dX, dh_0 and dc_0.
    """
    t, m, i = X.shape
    h = H.shape[2]
    o = Y.shape[2]
    cell = lstm_cell
    W = np.concatenate((cell.Wf, cell.Wu, cell.Wc, cell.Wo), axis=1)
    b = np.concatenate((cell.bf, cell.bu, cell.bc, cell.bo), axis=1)
    A = np.concatenate((H[:-1], X), axis=2)
    P = A @ W + b
    n = Y_true.sum(axis=2, keepdims=True)
    dZ = (n * Y - Y_true) / (m * t)
    dh_next = np.zeros((m, h))
    dc_next = np.zeros((m, h))
    for s in range(t - 1, -1, -1):
        f = sigmoid(P[s, :, :h])
        u = sigmoid(P[s, :, h:2 * h])
        c_cand = np.tanh(P[s, :, 2 * h:3 * h])
        og = sigmoid(P[s, :, 3 * h:])
        tanh_c = np.tanh(C[s + 1])
        dh = dZ[s] @ cell.Wy.T + dh_next
        dc = dc_next + dh * og * (1 - tanh_c ** 2)
        P[s, :, :h] = dc * C[s] * f * (1 - f)
        P[s, :, h:2 * h] = dc * c_cand * u * (1 - u)
        P[s, :, 2 * h:3 * h] = dc * u * (1 - c_cand ** 2)
        P[s, :, 3 * h:] = dh * tanh_c * og * (1 - og)
        dh_next = P[s] @ W[:h].T
        dc_next = dc * f
    dP = P.reshape(t * m, 4 * h)
    dW = A.reshape(t * m, h + i).T @ dP
    db = dP.sum(axis=0, keepdims=True)
    dZ2 = dZ.reshape(t * m, o)
    return {"dWf": dW[:, :h], "dWu": dW[:, h:2 * h],
            "dWc": dW[:, 2 * h:3 * h], "dWo": dW[:, 3 * h:],
            "dbf": db[:, :h], "dbu": db[:, h:2 * h],
            "dbc": db[:, 2 * h:3 * h], "dbo": db[:, 3 * h:],
            "dWy": H[1:].reshape(t * m, h).T @ dZ2,
            "dby": dZ2.sum(axis=0, keepdims=True),
            "dX": P @ W[h:].T, "dh_0": dh_next, "dc_0": dc_next}
