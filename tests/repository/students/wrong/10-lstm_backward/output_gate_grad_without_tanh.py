#!/usr/bin/env python3
"""Task 10: backpropagation through time for an LSTM."""
import numpy as np


def sigmoid(x):
    """Sigmoid from e = exp(-|x|)."""
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def lstm_backward(lstm_cell, X, H, C, Y, Y_true):
    """Backward pass of an LSTM through the whole sequence.

    X: (t, m, i); H, C: (t + 1, m, h); Y, Y_true: (t, m, o).
    Returns the dict of gradients dWf, dWu, dWc, dWo, dWy, dbf, dbu, dbc,
    dbo, dby, dX, dh_0, dc_0.
    """
    t, m, i = X.shape
    h = H.shape[2]
    o = Y.shape[2]
    Ws = [lstm_cell.Wf, lstm_cell.Wu, lstm_cell.Wc, lstm_cell.Wo]
    bs = [lstm_cell.bf, lstm_cell.bu, lstm_cell.bc, lstm_cell.bo]
    W = np.concatenate(Ws, axis=1)
    A = np.concatenate((H[:-1], X), axis=2)
    P = A @ W + np.concatenate(bs, axis=1)
    n = np.sum(Y_true, axis=-1, keepdims=True)
    dZ = (n * Y - Y_true) / m
    dh_n = np.zeros((m, h))
    dc_n = np.zeros((m, h))
    for s in range(t - 1, -1, -1):
        f = sigmoid(P[s, :, :h])
        u = sigmoid(P[s, :, h:2 * h])
        cc = np.tanh(P[s, :, 2 * h:3 * h])
        og = sigmoid(P[s, :, 3 * h:])
        dh = dZ[s] @ lstm_cell.Wy.T + dh_n
        dc = dc_n + dh * og * (1 - np.tanh(C[s + 1]) ** 2)
        P[s, :, :h] = dc * C[s] * f * (1 - f)
        P[s, :, h:2 * h] = dc * cc * u * (1 - u)
        P[s, :, 2 * h:3 * h] = dc * u * (1 - cc ** 2)
        P[s, :, 3 * h:] = dh * C[s + 1] * og * (1 - og)
        dh_n = P[s] @ W[:h].T
        dc_n = dc * f
    dP = P.reshape(t * m, 4 * h)
    dW = A.reshape(t * m, h + i).T @ dP
    db = dP.sum(axis=0, keepdims=True)
    grads = {}
    for k, g in enumerate("fuco"):
        grads["dW" + g] = dW[:, k * h:(k + 1) * h]
        grads["db" + g] = db[:, k * h:(k + 1) * h]
    grads["dWy"] = H[1:].reshape(t * m, h).T @ dZ.reshape(t * m, o)
    grads["dby"] = dZ.reshape(t * m, o).sum(axis=0, keepdims=True)
    grads["dX"] = P @ W[h:].T
    grads["dh_0"] = dh_n
    grads["dc_0"] = dc_n
    return grads
