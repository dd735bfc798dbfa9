#!/usr/bin/env python3
"""Task 10: LSTM backpropagation through time.

The softmax and the cross-entropy together give dZ = (Y - Y_true) / m.
"""
import numpy as np


def sigmoid(x):
    """Numerically stable sigmoid."""
    out = np.empty_like(x, dtype=float)
    pos = x >= 0
    out[pos] = 1 / (1 + np.exp(-x[pos]))
    ex = np.exp(x[~pos])
    out[~pos] = ex / (1 + ex)
    return out


def lstm_backward(lstm_cell, X, H, C, Y, Y_true):
    """Backpropagation through time for an LSTM.

    lstm_cell: the LSTMCell; X: (t, m, i); H: (t + 1, m, h);
    C: (t + 1, m, h); Y: (t, m, o); Y_true: (t, m, o).
    Returns the gradients of the loss in a dict.
    """
    t, m, i = X.shape
    h = H.shape[2]
    names = ("f", "u", "c", "o")
    W = {k: getattr(lstm_cell, "W" + k) for k in names}
    b = {k: getattr(lstm_cell, "b" + k) for k in names}
    grads = {"dW" + k: np.zeros_like(W[k]) for k in names}
    grads.update({"db" + k: np.zeros_like(b[k]) for k in names})
    dZ = (Y - Y_true) / m
    grads["dWy"] = np.einsum("tmh,tmo->ho", H[1:], dZ)
    grads["dby"] = dZ.sum(axis=(0, 1))[None, :]
    grads["dX"] = np.zeros_like(X)
    dh_next = np.zeros((m, h))
    dc_next = np.zeros((m, h))
    for s in reversed(range(t)):
        a = np.concatenate((H[s], X[s]), axis=1)
        f = sigmoid(a @ W["f"] + b["f"])
        u = sigmoid(a @ W["u"] + b["u"])
        cc = np.tanh(a @ W["c"] + b["c"])
        o = sigmoid(a @ W["o"] + b["o"])
        tc = np.tanh(C[s + 1])
        dh = dZ[s] @ lstm_cell.Wy.T + dh_next
        dc = dc_next + dh * o * (1 - tc ** 2)
        dP = {"f": dc * C[s] * f * (1 - f),
              "u": dc * cc * u * (1 - u),
              "c": dc * u * (1 - cc ** 2),
              "o": dh * tc * o * (1 - o)}
        da = np.zeros_like(a)
        for k in names:
            grads["dW" + k] += a.T @ dP[k]
            grads["db" + k] += dP[k].sum(axis=0, keepdims=True)
            da += dP[k] @ W[k].T
        grads["dX"][s] = da[:, h:]
        dh_next = da[:, :h]
        dc_next = dc * f
    grads["dh_0"] = dh_next
    grads["dc_0"] = dc_next
    return grads
