#!/usr/bin/env python3
"""Module with rnn_backward(): backpropagation through time, simple RNN."""
import numpy as np


def rnn_backward(rnn_cell, X, H, Y, Y_true):
    """Gradients of the cross-entropy loss of a simple RNN.

    rnn_cell: RNNCell used for the forward pass
    X: (t, m, i) inputs
    H: (t + 1, m, h) hidden states, H[0] is the initial state
    Y: (t, m, o) outputs
    Y_true: (t, m, o) targets (one-hot, soft, or all-zero rows)
    Returns: dict with dWh (h + i, h), dbh (1, h), dWy (h, o), dby (1, o),
    dX (t, m, i), dh_0 (m, h)
    """
    if not isinstance(X, np.ndarray) or X.ndim != 3:
        raise ValueError("X must be a numpy.ndarray of shape (t, m, i)")
    t, m, i = X.shape
    h = rnn_cell.Wh.shape[1]
    o = rnn_cell.Wy.shape[1]
    if H.shape != (t + 1, m, h):
        raise ValueError("H must have shape {}, got {}".format(
            (t + 1, m, h), H.shape))
    if Y.shape != (t, m, o):
        raise ValueError("Y must have shape {}, got {}".format(
            (t, m, o), Y.shape))
    if Y_true.shape != (t, m, o):
        raise ValueError("Y_true must have shape {}, got {}".format(
            (t, m, o), Y_true.shape))

    Whh = rnn_cell.Wh[:h]
    Whx = rnn_cell.Wh[h:]

    n = np.sum(Y_true, axis=-1, keepdims=True)
    dZ = (n * Y - Y_true) / m                      # (t, m, o)
    dH_out = dZ @ rnn_cell.Wy.T                    # (t, m, h)

    dA = np.zeros((t, m, h))
    carry = np.zeros((m, h))
    for s in reversed(range(t)):
        dA[s] = (dH_out[s] + carry) * (1 - H[s + 1] ** 2)
        carry = dA[s] @ Whh.T

    A = np.concatenate((H[:-1], X), axis=2).reshape(t * m, h + i)
    dA_flat = dA.reshape(t * m, h)
    dWh = A.T @ dA_flat
    dbh = np.sum(dA_flat, axis=0, keepdims=True)
    dWy = H[1:].reshape(t * m, h).T @ dZ.reshape(t * m, o)
    dby = np.sum(dZ.reshape(t * m, o), axis=0, keepdims=True)
    dX = dA @ Whx.T

    return {"dWh": dWh, "dbh": dbh, "dWy": dWy, "dby": dby,
            "dX": dX, "dh_0": carry}
