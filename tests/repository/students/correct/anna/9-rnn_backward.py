#!/usr/bin/env python3
"""Backpropagation through time for a simple RNN."""
import numpy as np


def rnn_backward(rnn_cell, X, H, Y, Y_true):
    """Calculate the gradients of the cross-entropy loss of a simple RNN.

    rnn_cell is the RNNCell that was used for the forward propagation.
    X (t, m, i) is the data, H (t + 1, m, h) the hidden states (H[0] is the
    initial one), Y (t, m, o) the outputs and Y_true (t, m, o) the targets.
    Returns a dictionary with dWh (h + i, h), dbh (1, h), dWy (h, o),
    dby (1, o), dX (t, m, i) and dh_0 (m, h).
    """
    t, m, i = X.shape
    h = H.shape[2]
    Wh_h = rnn_cell.Wh[:h]
    Wh_x = rnn_cell.Wh[h:]
    Wy = rnn_cell.Wy

    dWh = np.zeros((h + i, h))
    dbh = np.zeros((1, h))
    dWy = np.zeros(Wy.shape)
    dby = np.zeros((1, Wy.shape[1]))
    dX = np.zeros((t, m, i))
    dh_from_next = np.zeros((m, h))

    for s in range(t - 1, -1, -1):
        n = np.sum(Y_true[s], axis=1, keepdims=True)
        dZ = (n * Y[s] - Y_true[s]) / m
        dWy += np.dot(H[s + 1].T, dZ)
        dby += np.sum(dZ, axis=0, keepdims=True)

        dH = np.dot(dZ, Wy.T) + dh_from_next
        dA = dH * (1 - H[s + 1] ** 2)

        A = np.hstack((H[s], X[s]))
        dWh += np.dot(A.T, dA)
        dbh += np.sum(dA, axis=0, keepdims=True)
        dX[s] = np.dot(dA, Wh_x.T)
        dh_from_next = np.dot(dA, Wh_h.T)

    grads = {
        "dWh": dWh,
        "dbh": dbh,
        "dWy": dWy,
        "dby": dby,
        "dX": dX,
        "dh_0": dh_from_next,
    }
    return grads
