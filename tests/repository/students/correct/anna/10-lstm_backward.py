#!/usr/bin/env python3
"""Backpropagation through time for an LSTM."""
import numpy as np


def sigmoid(x):
    """Return the logistic sigmoid of x."""
    return 1 / (1 + np.exp(-x))


def lstm_backward(lstm_cell, X, H, C, Y, Y_true):
    """Calculate the gradients of the cross-entropy loss of an LSTM.

    lstm_cell is the LSTMCell that was used for the forward propagation.
    X (t, m, i) is the data, H (t + 1, m, h) the hidden states and
    C (t + 1, m, h) the cell states (H[0] and C[0] are the initial ones),
    Y (t, m, o) the outputs and Y_true (t, m, o) the targets.
    Returns a dictionary with dWf, dWu, dWc, dWo (h + i, h), dWy (h, o),
    dbf, dbu, dbc, dbo (1, h), dby (1, o), dX (t, m, i), dh_0 and
    dc_0 (m, h).
    """
    t, m, i = X.shape
    h = H.shape[2]
    cell = lstm_cell
    o_size = cell.Wy.shape[1]

    dWf = np.zeros((h + i, h))
    dWu = np.zeros((h + i, h))
    dWc = np.zeros((h + i, h))
    dWo = np.zeros((h + i, h))
    dWy = np.zeros((h, o_size))
    dbf = np.zeros((1, h))
    dbu = np.zeros((1, h))
    dbc = np.zeros((1, h))
    dbo = np.zeros((1, h))
    dby = np.zeros((1, o_size))
    dX = np.zeros((t, m, i))
    dh_next = np.zeros((m, h))
    dc_next = np.zeros((m, h))

    for s in range(t - 1, -1, -1):
        # recompute the gates of step s
        h_x = np.hstack((H[s], X[s]))
        f = sigmoid(np.dot(h_x, cell.Wf) + cell.bf)
        u = sigmoid(np.dot(h_x, cell.Wu) + cell.bu)
        c_tilde = np.tanh(np.dot(h_x, cell.Wc) + cell.bc)
        o = sigmoid(np.dot(h_x, cell.Wo) + cell.bo)
        tanh_c = np.tanh(C[s + 1])

        # output layer
        n = np.sum(Y_true[s], axis=1, keepdims=True)
        dZ = (n * Y[s] - Y_true[s]) / m
        dWy += np.dot(H[s + 1].T, dZ)
        dby += np.sum(dZ, axis=0, keepdims=True)

        dh = np.dot(dZ, cell.Wy.T) + dh_next
        dc = dc_next + dh * o * (1 - tanh_c ** 2)

        dPf = dc * C[s] * f * (1 - f)
        dPu = dc * c_tilde * u * (1 - u)
        dPc = dc * u * (1 - c_tilde ** 2)
        dPo = dh * tanh_c * o * (1 - o)

        dWf += np.dot(h_x.T, dPf)
        dWu += np.dot(h_x.T, dPu)
        dWc += np.dot(h_x.T, dPc)
        dWo += np.dot(h_x.T, dPo)
        dbf += np.sum(dPf, axis=0, keepdims=True)
        dbu += np.sum(dPu, axis=0, keepdims=True)
        dbc += np.sum(dPc, axis=0, keepdims=True)
        dbo += np.sum(dPo, axis=0, keepdims=True)

        dh_x = (np.dot(dPf, cell.Wf.T) + np.dot(dPu, cell.Wu.T) +
                np.dot(dPc, cell.Wc.T) + np.dot(dPo, cell.Wo.T))
        dh_next = dh_x[:, :h]
        dX[s] = dh_x[:, h:]
        dc_next = dc * f

    return {"dWf": dWf, "dWu": dWu, "dWc": dWc, "dWo": dWo, "dWy": dWy,
            "dbf": dbf, "dbu": dbu, "dbc": dbc, "dbo": dbo, "dby": dby,
            "dX": dX, "dh_0": dh_next, "dc_0": dc_next}
