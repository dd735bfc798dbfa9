#!/usr/bin/env python3
"""Task 10: backpropagation through time for an LSTM.

    dP_c = dc * u * (1 - c_cand ** 2)   through the candidate's tanh
"""
import numpy as np


def sigmoid(x):
    """Stable sigmoid."""
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def lstm_backward(lstm_cell, X, H, C, Y, Y_true):
    """Compute the gradients of the cross-entropy of an LSTM.

    X: (t, m, i); H, C: (t + 1, m, h); Y, Y_true: (t, m, o).
    Returns the gradients as a dict.
    """
    t, m, i = X.shape
    h = H.shape[2]
    o = Y.shape[2]
    cell = lstm_cell
    W = np.hstack([cell.Wf, cell.Wu, cell.Wc, cell.Wo])
    b = np.hstack([cell.bf, cell.bu, cell.bc, cell.bo])
    A = np.concatenate([H[:-1], X], axis=-1)
    P = A @ W + b
    n = Y_true.sum(-1, keepdims=True)
    dZ = (n * Y - Y_true) / m
    dP = np.zeros_like(P)
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
        dP[s, :, :h] = dc * C[s] * f * (1 - f)
        dP[s, :, h:2 * h] = dc * c_cand * u * (1 - u)
        dP[s, :, 2 * h:3 * h] = dc * u * (1 - c_cand) ** 2
        dP[s, :, 3 * h:] = dh * tanh_c * og * (1 - og)
        dh_next = dP[s] @ W[:h].T
        dc_next = dc * f
    dPr = dP.reshape(-1, 4 * h)
    dW = A.reshape(-1, h + i).T @ dPr
    db = dPr.sum(0, keepdims=True)
    dZr = dZ.reshape(-1, o)
    out = {"dWy": H[1:].reshape(-1, h).T @ dZr,
           "dby": dZr.sum(0, keepdims=True),
           "dX": dP @ W[h:].T, "dh_0": dh_next, "dc_0": dc_next}
    for k, g in enumerate(["f", "u", "c", "o"]):
        out["dW" + g] = dW[:, k * h:(k + 1) * h]
        out["db" + g] = db[:, k * h:(k + 1) * h]
    return out
