#!/usr/bin/env python3
"""Backpropagation through time for an LSTM (a plain student solution)."""
import numpy as np


def sigmoid(x):
    """The logistic function."""
    return 1 / (1 + np.exp(-x))


def lstm_backward(lstm_cell, X, H, C, Y, Y_true):
    """Gradients of the cross-entropy, one step at a time."""
    c = lstm_cell
    t, m, i = X.shape
    h = H.shape[2]
    names = ("Wf", "Wu", "Wc", "Wo", "Wy", "bf", "bu", "bc", "bo", "by")
    grads = {"d" + name: np.zeros_like(getattr(c, name)) for name in names}
    grads["dX"] = np.zeros_like(X)
    dh_next = np.zeros((m, h))
    dc_next = np.zeros((m, h))
    for s in reversed(range(t)):
        x = np.concatenate((H[s], X[s]), axis=1)
        f = sigmoid(x @ c.Wf + c.bf)
        u = sigmoid(x @ c.Wu + c.bu)
        cc = np.tanh(x @ c.Wc + c.bc)
        o = sigmoid(x @ c.Wo + c.bo)
        n = Y_true[s].sum(axis=1, keepdims=True)
        dz = (Y[s] * n - Y_true[s]) / m
        grads["dWy"] += H[s + 1].T @ dz
        grads["dby"] += dz.sum(axis=0, keepdims=True)
        dh = dz @ c.Wy.T + dh_next
        dc = dc_next + dh * o * (1 - np.tanh(C[s + 1]) ** 2)
        df = dc * C[s] * f * (1 - f)
        du = dc * cc * u * (1 - u)
        dcc = dc * u * (1 - cc ** 2)
        do = dh * np.tanh(C[s + 1]) * o * (1 - o)
        dx = 0
        for gate, d in (("f", df), ("u", du), ("c", dcc), ("o", do)):
            grads["dW" + gate] += x.T @ d
            grads["db" + gate] += d.sum(axis=0, keepdims=True)
            dx = dx + d @ getattr(c, "W" + gate).T
        dh_next = dx[:, :h]
        dc_next = dc * f
        grads["dX"][s] = dx[:, h:]
    grads["dh_0"] = dh_next
    grads["dc_0"] = dc_next
    return grads
