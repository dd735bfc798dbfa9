#!/usr/bin/env python3
"""Task 10: backpropagation through time for an LSTM.

At each step, going back, dh collects the output's gradient and what the
next step sends back through the weights; dc comes from dh through
h = o * tanh(c).
"""
import numpy as np


def sigmoid(x):
    """Logistic sigmoid, stable for large |x|."""
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def lstm_backward(lstm_cell, X, H, C, Y, Y_true):
    """Gradients of an LSTM's cross-entropy.

    X: (t, m, i); H: (t + 1, m, h); C: (t + 1, m, h); Y: (t, m, o);
    Y_true: (t, m, o).
    Returns a dict with the gradients of Wf, Wu, Wc, Wo, Wy, bf, bu, bc,
    bo, by, X, h_0 and c_0.
    """
    t, m, i = X.shape
    h = H.shape[2]
    o = Y.shape[2]
    W = np.concatenate((lstm_cell.Wf, lstm_cell.Wu, lstm_cell.Wc,
                        lstm_cell.Wo), axis=1)
    b = np.concatenate((lstm_cell.bf, lstm_cell.bu, lstm_cell.bc,
                        lstm_cell.bo), axis=1)
    A = np.concatenate((H[:-1], X), axis=2)
    P = A @ W + b
    n = Y_true.sum(axis=2, keepdims=True)
    dZ = (n * Y - Y_true) / m
    dP = np.zeros((t, m, 4 * h))
    dh_next = np.zeros((m, h))
    dc = np.zeros((m, h))
    f = np.ones((m, h))
    for s in range(t - 1, -1, -1):
        f = sigmoid(P[s, :, :h])
        u = sigmoid(P[s, :, h:2 * h])
        c_hat = np.tanh(P[s, :, 2 * h:3 * h])
        out = sigmoid(P[s, :, 3 * h:])
        tanh_c = np.tanh(C[s + 1])
        dh = dZ[s] @ lstm_cell.Wy.T + dh_next
        dc = dh * out * (1 - tanh_c ** 2)
        dP[s, :, :h] = dc * C[s] * f * (1 - f)
        dP[s, :, h:2 * h] = dc * c_hat * u * (1 - u)
        dP[s, :, 2 * h:3 * h] = dc * u * (1 - c_hat ** 2)
        dP[s, :, 3 * h:] = dh * tanh_c * out * (1 - out)
        dh_next = dP[s] @ W[:h].T
    flat = dP.reshape(t * m, 4 * h)
    dW = A.reshape(t * m, h + i).T @ flat
    db = flat.sum(axis=0, keepdims=True)
    dZ_flat = dZ.reshape(t * m, o)
    return {"dWf": dW[:, :h], "dWu": dW[:, h:2 * h],
            "dWc": dW[:, 2 * h:3 * h], "dWo": dW[:, 3 * h:],
            "dbf": db[:, :h], "dbu": db[:, h:2 * h],
            "dbc": db[:, 2 * h:3 * h], "dbo": db[:, 3 * h:],
            "dWy": H[1:].reshape(t * m, h).T @ dZ_flat,
            "dby": dZ_flat.sum(axis=0, keepdims=True),
            "dX": dP @ W[h:].T, "dh_0": dh_next, "dc_0": dc * f}
