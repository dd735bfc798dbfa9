#!/usr/bin/env python3
"""Task 10: backpropagation through time for an LSTM."""
import numpy as np


def sigmoid(z):
    """Sigmoid computed from exp(-|z|)."""
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def lstm_backward(lstm_cell, X, H, C, Y, Y_true):
    """Gradients of L for an LSTM run over X.

    X: (t, m, i) inputs; H: (t + 1, m, h) hidden states; C: (t + 1, m, h)
    cell states; Y: (t, m, o) outputs; Y_true: (t, m, o) targets.
    Returns dWf, dWu, dWc, dWo, dWy, dbf, dbu, dbc, dbo, dby, dX, dh_0,
    dc_0.
    """
    t, m, i = X.shape
    h = H.shape[2]
    o = Y.shape[2]
    W = np.hstack((lstm_cell.Wf, lstm_cell.Wu, lstm_cell.Wc, lstm_cell.Wo))
    b = np.hstack((lstm_cell.bf, lstm_cell.bu, lstm_cell.bc, lstm_cell.bo))
    A = np.concatenate((H[:t], X), axis=2)
    gates = np.dot(A, W) + b
    dZ = (Y_true.sum(axis=2, keepdims=True) * Y - Y_true) / m
    dP = np.zeros((t, m, 4 * h))
    dh_c = np.zeros((m, h))
    dc_c = np.zeros((m, h))
    for s in range(t - 1, -1, -1):
        f, u, c_bar, og = np.split(gates[s], 4, axis=1)
        f, u, og = sigmoid(f), sigmoid(u), sigmoid(og)
        c_bar = np.tanh(c_bar)
        tc = np.tanh(C[s + 1])
        dh = np.dot(dZ[s], lstm_cell.Wy.T) + dh_c
        dc = dc_c + dh * og * (1 - tc ** 2)
        dP[s] = np.hstack((dc * C[s] * f * (1 - f),
                           dc * c_bar * u * (1 - u),
                           dc * u * (1 - c_bar ** 2),
                           dh * tc * og * (1 - og)))
        dh_c = np.dot(dP[s], W[:h].T)
        dc_c = dc
    dP2 = dP.reshape(t * m, 4 * h)
    dW = np.dot(A.reshape(t * m, h + i).T, dP2)
    db = np.sum(dP2, axis=0, keepdims=True)
    dWf, dWu, dWc, dWo = np.split(dW, 4, axis=1)
    dbf, dbu, dbc, dbo = np.split(db, 4, axis=1)
    dZ2 = dZ.reshape(t * m, o)
    return {"dWf": dWf, "dWu": dWu, "dWc": dWc, "dWo": dWo,
            "dWy": np.dot(H[1:].reshape(t * m, h).T, dZ2),
            "dbf": dbf, "dbu": dbu, "dbc": dbc, "dbo": dbo,
            "dby": np.sum(dZ2, axis=0, keepdims=True),
            "dX": np.dot(dP, W[h:].T), "dh_0": dh_c, "dc_0": dc_c}
