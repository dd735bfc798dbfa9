#!/usr/bin/env python3
"""Task 10: backpropagation through time for an LSTM.

Only the cell state carries a gradient back in time; the hidden state's
gradient comes from its own output.
"""
import numpy as np


def sigmoid(x):
    """Stable logistic function."""
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0, e) / (1.0 + e)


def lstm_backward(lstm_cell, X, H, C, Y, Y_true):
    """LSTM backward pass.

    X: (t, m, i); H, C: (t + 1, m, h); Y, Y_true: (t, m, o).
    Returns a dict of the gradients of every weight, bias, the inputs and
    the initial states.
    """
    t, m, i = X.shape
    h = H.shape[-1]
    o = Y.shape[-1]
    c = lstm_cell
    W = np.concatenate([c.Wf, c.Wu, c.Wc, c.Wo], axis=1)
    b = np.concatenate([c.bf, c.bu, c.bc, c.bo], axis=1)
    A = np.concatenate([H[:-1], X], axis=-1)
    P = A @ W + b
    n = Y_true.sum(axis=-1, keepdims=True)
    dZ = (n * Y - Y_true) / m
    dP = np.empty_like(P)
    dc_next = np.zeros((m, h))
    for s in range(t - 1, -1, -1):
        f = sigmoid(P[s, :, :h])
        u = sigmoid(P[s, :, h:2 * h])
        g = np.tanh(P[s, :, 2 * h:3 * h])
        og = sigmoid(P[s, :, 3 * h:])
        tc = np.tanh(C[s + 1])
        dh = dZ[s] @ c.Wy.T
        dc = dc_next + dh * og * (1 - tc ** 2)
        dP[s, :, :h] = dc * C[s] * f * (1 - f)
        dP[s, :, h:2 * h] = dc * g * u * (1 - u)
        dP[s, :, 2 * h:3 * h] = dc * u * (1 - g ** 2)
        dP[s, :, 3 * h:] = dh * tc * og * (1 - og)
        dc_next = dc * f
    dP_rows = dP.reshape(-1, 4 * h)
    dW = A.reshape(-1, h + i).T @ dP_rows
    db = dP_rows.sum(axis=0, keepdims=True)
    dZ_rows = dZ.reshape(-1, o)
    grads = {}
    for k, name in enumerate(("f", "u", "c", "o")):
        grads["dW" + name] = dW[:, k * h:(k + 1) * h]
        grads["db" + name] = db[:, k * h:(k + 1) * h]
    grads["dWy"] = H[1:].reshape(-1, h).T @ dZ_rows
    grads["dby"] = dZ_rows.sum(axis=0, keepdims=True)
    grads["dX"] = dP @ W[h:].T
    grads["dh_0"] = dP[0] @ W[:h].T
    grads["dc_0"] = dc_next
    return grads
