#!/usr/bin/env python3
"""lstm_backward: backpropagation through time for an LSTM."""
import numpy as np


def sigmoid(x):
    """Logistic function of x, elementwise, written with tanh.

    sigmoid(x) = (1 + tanh(x / 2)) / 2, which never overflows.
    """
    return 0.5 * (1 + np.tanh(0.5 * x))


def lstm_backward(lstm_cell, X, H, C, Y, Y_true):
    """Gradient of the cross-entropy loss, summed over time, batch mean.

    Parameters
    ----------
    lstm_cell : LSTMCell that produced H, C and Y
    X : (t, m, i) inputs
    H : (t + 1, m, h) hidden states, H[0] the initial one
    C : (t + 1, m, h) cell states, C[0] the initial one
    Y : (t, m, o) outputs
    Y_true : (t, m, o) targets (one-hot rows, soft rows or zero rows)

    Returns
    -------
    dict of dWf, dWu, dWc, dWo (h + i, h), dWy (h, o),
    dbf, dbu, dbc, dbo (1, h), dby (1, o), dX (t, m, i),
    dh_0 (m, h), dc_0 (m, h)
    """
    t, m, i = X.shape
    h = H.shape[-1]
    cell = lstm_cell
    W = np.concatenate((cell.Wf, cell.Wu, cell.Wc, cell.Wo), axis=1)
    b = np.concatenate((cell.bf, cell.bu, cell.bc, cell.bo), axis=1)

    dZ = (Y_true.sum(axis=-1, keepdims=True) * Y - Y_true) / m
    A = np.concatenate((H[:-1], X), axis=-1)

    dP = [None] * t
    dh_next = np.zeros((m, h))
    dc_next = np.zeros((m, h))
    for s in reversed(range(t)):
        pre = A[s].dot(W) + b
        p_f, p_u, p_c, p_o = np.split(pre, 4, axis=1)
        f, u, cc, o = sigmoid(p_f), sigmoid(p_u), np.tanh(p_c), sigmoid(p_o)
        tc = np.tanh(C[s + 1])

        dh = dZ[s].dot(cell.Wy.T) + dh_next
        dc = dc_next + dh * o * (1 - tc ** 2)
        dP[s] = np.concatenate((dc * C[s] * f * (1 - f),
                                dc * cc * u * (1 - u),
                                dc * u * (1 - cc ** 2),
                                dh * tc * o * (1 - o)), axis=1)
        dh_next = dP[s].dot(W[:h].T)
        dc_next = dc * f
    dP = np.stack(dP)

    dW = np.einsum("tma,tmb->ab", A, dP)
    db = dP.sum(axis=(0, 1))[np.newaxis]
    dWf, dWu, dWc, dWo = np.split(dW, 4, axis=1)
    dbf, dbu, dbc, dbo = np.split(db, 4, axis=1)
    return {
        "dWf": dWf, "dWu": dWu, "dWc": dWc, "dWo": dWo,
        "dWy": np.einsum("tmh,tmo->ho", H[1:], dZ),
        "dbf": dbf, "dbu": dbu, "dbc": dbc, "dbo": dbo,
        "dby": dZ.sum(axis=(0, 1))[np.newaxis],
        "dX": np.dot(dP, W[h:].T),
        "dh_0": dh_next,
        "dc_0": dc_next,
    }
