#!/usr/bin/env python3
"""Task 10: backpropagation through time for an LSTM.

The pre-activations of every step are computed in one product and each
step's are overwritten with their gradient on the way back.
"""
import numpy as np


def sigmoid(x):
    """Sigmoid from exp(-|x|), so that it never overflows."""
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def lstm_backward(lstm_cell, X, H, C, Y, Y_true):
    """Backpropagation through time for an LSTM.

    lstm_cell: the LSTMCell; X: (t, m, i); H: (t + 1, m, h);
    C: (t + 1, m, h); Y: (t, m, o); Y_true: (t, m, o).
    Returns a dict of the gradients, shaped like what they differentiate.
    """
    t, m, i = X.shape
    h = H.shape[2]
    o = Y.shape[2]
    c = lstm_cell
    W = np.concatenate((c.Wf, c.Wu, c.Wc, c.Wo), axis=1)
    b = np.concatenate((c.bf, c.bu, c.bc, c.bo), axis=1)
    A = np.concatenate((H[:-1], X), axis=2)
    P = A @ W + b
    dZ = (Y_true.sum(axis=2, keepdims=True) * Y - Y_true) / m
    dh = np.zeros((m, h))
    dc = np.zeros((m, h))
    for s in range(t - 1, -1, -1):
        p = P[s]
        f = sigmoid(p[:, :h])
        u = sigmoid(p[:, h:2 * h])
        g = np.tanh(p[:, 2 * h:3 * h])
        og = sigmoid(p[:, 3 * h:])
        tc = np.tanh(C[s + 1])
        dh = dZ[s] @ c.Wy.T + dh
        dc = dc + dh * og * (1 - tc ** 2)
        p[:, :h] = dc * C[s] * f * (1 - f)
        p[:, h:2 * h] = dc * g * u * (1 - u)
        p[:, 2 * h:3 * h] = dc * u * (1 - g ** 2)
        p[:, 3 * h:] = dh * tc * og * (1 - og)
        dh = p @ W[:h].T
        dc = dc * sigmoid(p[:, :h])
    dP = P.reshape(t * m, 4 * h)
    dW = A.reshape(t * m, h + i).T @ dP
    db = dP.sum(axis=0, keepdims=True)
    dZ2 = dZ.reshape(t * m, o)
    grads = {"dWy": H[1:].reshape(t * m, h).T @ dZ2,
             "dby": dZ2.sum(axis=0, keepdims=True),
             "dX": P @ W[h:].T, "dh_0": dh, "dc_0": dc}
    for k, name in enumerate(("f", "u", "c", "o")):
        grads["dW" + name] = dW[:, k * h:(k + 1) * h]
        grads["db" + name] = db[:, k * h:(k + 1) * h]
    return grads
