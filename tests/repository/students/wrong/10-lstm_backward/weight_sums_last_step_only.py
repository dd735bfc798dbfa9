#!/usr/bin/env python3
"""Task 10: backpropagation through time for an LSTM."""
import numpy as np


def sigmoid(x):
    """Sigmoid computed without overflow."""
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def lstm_backward(lstm_cell, X, H, C, Y, Y_true):
    """Gradients of the cross-entropy of an LSTM.

    X: (t, m, i); H: (t + 1, m, h); C: (t + 1, m, h); Y: (t, m, o);
    Y_true: (t, m, o).
    Returns a dict with dWf, dWu, dWc, dWo, dWy, dbf, dbu, dbc, dbo, dby,
    dX, dh_0 and dc_0.
    """
    t, m, i = X.shape
    h = H.shape[2]
    Wf, Wu, Wc, Wo = lstm_cell.Wf, lstm_cell.Wu, lstm_cell.Wc, lstm_cell.Wo
    n = Y_true.sum(axis=2, keepdims=True)
    dZ = (n * Y - Y_true) / m
    dX = np.zeros_like(X)
    dh_next = np.zeros((m, h))
    dc_next = np.zeros((m, h))
    for s in range(t - 1, -1, -1):
        a = np.concatenate((H[s], X[s]), axis=1)
        f = sigmoid(a @ Wf + lstm_cell.bf)
        u = sigmoid(a @ Wu + lstm_cell.bu)
        cc = np.tanh(a @ Wc + lstm_cell.bc)
        og = sigmoid(a @ Wo + lstm_cell.bo)
        tc = np.tanh(C[s + 1])
        dh = dZ[s] @ lstm_cell.Wy.T + dh_next
        dc = dc_next + dh * og * (1 - tc ** 2)
        dPf = dc * C[s] * f * (1 - f)
        dPu = dc * cc * u * (1 - u)
        dPc = dc * u * (1 - cc ** 2)
        dPo = dh * tc * og * (1 - og)
        da = dPf @ Wf.T + dPu @ Wu.T + dPc @ Wc.T + dPo @ Wo.T
        dX[s] = da[:, h:]
        dh_next = da[:, :h]
        dc_next = dc * f
        dWf = a.T @ dPf
        dWu = a.T @ dPu
        dWc = a.T @ dPc
        dWo = a.T @ dPo
        dbf = dPf.sum(axis=0, keepdims=True)
        dbu = dPu.sum(axis=0, keepdims=True)
        dbc = dPc.sum(axis=0, keepdims=True)
        dbo = dPo.sum(axis=0, keepdims=True)
    dWy = np.einsum("smh,smo->ho", H[1:], dZ)
    dby = dZ.sum(axis=(0, 1)).reshape(1, -1)
    return {"dWf": dWf, "dWu": dWu, "dWc": dWc, "dWo": dWo, "dWy": dWy,
            "dbf": dbf, "dbu": dbu, "dbc": dbc, "dbo": dbo, "dby": dby,
            "dX": dX, "dh_0": dh_next, "dc_0": dc_next}
