#!/usr/bin/env python3
"""Task 9: backpropagation through time for a simple RNN."""
import numpy as np


def rnn_backward(rnn_cell, X, H, Y, Y_true):
    """Compute the gradients of the loss with respect to everything.

    X: (t, m, i) inputs; H: (t + 1, m, h) hidden states; Y: (t, m, o)
    outputs; Y_true: (t, m, o) targets.
    Returns {"dWh", "dbh", "dWy", "dby", "dX", "dh_0"}.
    """
    t, m, i = X.shape
    h = H.shape[2]
    o = Y.shape[2]
    n = np.sum(Y_true, axis=2, keepdims=True)
    dZ = (n * Y - Y_true) / m
    dA = np.zeros((t, m, h))
    dh_next = np.zeros((m, h))
    for s in range(t - 1, -1, -1):
        dh = np.matmul(dZ[s], rnn_cell.Wy.T) + dh_next
        dA[s] = dh * (1 - H[s + 1] ** 2)
        dh_next = np.matmul(dA[s], rnn_cell.Wh[:h].T)
    # states seen by each step: the network starts from a zero state
    H_prev = np.concatenate((np.zeros((1, m, h)), H[1:t]), axis=0)
    A = np.concatenate((H_prev, X), axis=2).reshape(t * m, h + i)
    dA_r = dA.reshape(t * m, h)
    dZ_r = dZ.reshape(t * m, o)
    return {"dWh": np.matmul(A.T, dA_r),
            "dbh": np.sum(dA_r, axis=0, keepdims=True),
            "dWy": np.matmul(H[1:].reshape(t * m, h).T, dZ_r),
            "dby": np.sum(dZ_r, axis=0, keepdims=True),
            "dX": np.matmul(dA, rnn_cell.Wh[h:].T),
            "dh_0": dh_next}
