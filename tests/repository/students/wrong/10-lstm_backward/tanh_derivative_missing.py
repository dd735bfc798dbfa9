#!/usr/bin/env python3
"""Task 10: backpropagation through time for an LSTM."""
import numpy as np


def _sigmoid(x):
    """Sigmoid without overflow."""
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def lstm_backward(lstm_cell, X, H, C, Y, Y_true):
    """Compute the gradient of the LSTM's cross-entropy loss.

    X: (t, m, i); H: (t + 1, m, h); C: (t + 1, m, h); Y: (t, m, o);
    Y_true: (t, m, o).
    Returns a dict keyed dWf, dWu, dWc, dWo, dWy, dbf, dbu, dbc, dbo, dby,
    dX, dh_0, dc_0.
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
    dZ = (np.sum(Y_true, axis=2, keepdims=True) * Y - Y_true) / m
    dP = np.zeros_like(P)
    dh_carry = np.zeros((m, h))
    dc_carry = np.zeros((m, h))
    for s in range(t - 1, -1, -1):
        f = _sigmoid(P[s][:, :h])
        u = _sigmoid(P[s][:, h:2 * h])
        cc = np.tanh(P[s][:, 2 * h:3 * h])
        og = _sigmoid(P[s][:, 3 * h:])
        dh = np.matmul(dZ[s], lstm_cell.Wy.T) + dh_carry
        dc = dc_carry + dh * og
        dP[s] = np.concatenate([dc * C[s] * f * (1 - f),
                                dc * cc * u * (1 - u),
                                dc * u * (1 - cc ** 2),
                                dh * np.tanh(C[s + 1]) * og * (1 - og)],
                               axis=1)
        dh_carry = np.matmul(dP[s], W[:h].T)
        dc_carry = dc * f
    flat_dP = dP.reshape(t * m, 4 * h)
    dW = np.matmul(A.reshape(t * m, h + i).T, flat_dP)
    db = flat_dP.sum(axis=0, keepdims=True)
    flat_dZ = dZ.reshape(t * m, o)
    return {"dWf": dW[:, :h], "dWu": dW[:, h:2 * h],
            "dWc": dW[:, 2 * h:3 * h], "dWo": dW[:, 3 * h:],
            "dWy": np.matmul(H[1:].reshape(t * m, h).T, flat_dZ),
            "dbf": db[:, :h], "dbu": db[:, h:2 * h],
            "dbc": db[:, 2 * h:3 * h], "dbo": db[:, 3 * h:],
            "dby": flat_dZ.sum(axis=0, keepdims=True),
            "dX": np.matmul(dP, W[h:].T),
            "dh_0": dh_carry, "dc_0": dc_carry}
