#!/usr/bin/env python3
"""Task 9: backpropagation through time for a simple RNN.

The forward pass (task 1) computed, with A[s] = [H[s], X[s]] (m, h + i):

    H[s + 1] = tanh(A[s] @ Wh + bh)
    Y[s]     = softmax(Z[s]),   Z[s] = H[s + 1] @ Wy + by

and the loss is the cross-entropy summed over time, averaged over the batch:

    L = -(1 / m) Σ_s Σ_m Σ_o  Y_true * log(Y)

Writing Wh = [Whh; Whx] (its first h rows act on the state, the last i on
the input) and n = Σ_o Y_true (1 for a one-hot row, 0 for "no target"):

    dZ[s]  = (n * Y[s] - Y_true[s]) / m                           (m, o)
    dH[s + 1] = dZ[s] @ Wy.T + dA[s + 1] @ Whh.T     (second term 0 at end)
    dA[s]  = dH[s + 1] * (1 - H[s + 1] ** 2)        through the tanh (m, h)
    dWh = Σ_s A[s].T @ dA[s]      dbh = Σ dA      dX[s] = dA[s] @ Whx.T
    dWy = Σ_s H[s + 1].T @ dZ[s]  dby = Σ dZ      dh_0 = dA[0] @ Whh.T

Only the recursion for dH runs step by step; every sum over s is one matrix
product over all t·m rows.
"""
import numpy as np


def rnn_backward(rnn_cell, X, H, Y, Y_true):
    """Compute the gradient of the cross-entropy L of a simple RNN.

    rnn_cell: the RNNCell (input size i, hidden size h, output size o)
    that ran forward; X: (t, m, i) its inputs; H: (t + 1, m, h) its hidden
    states with H[0] the initial one; Y: (t, m, o) its outputs;
    Y_true: (t, m, o) non-negative target weights (one-hot rows, soft rows,
    or all-zero rows for "no target at this step").
    Returns a dict of gradients of L, each shaped like what it
    differentiates: dWh (h + i, h), dbh (1, h), dWy (h, o), dby (1, o),
    dX (t, m, i) and dh_0 (m, h).
    """
    h = rnn_cell.Wh.shape[1]
    i = rnn_cell.Wh.shape[0] - h
    o = rnn_cell.Wy.shape[1]
    if not isinstance(X, np.ndarray) or X.ndim != 3 or X.shape[2] != i:
        raise ValueError("X must have shape (t, m, {}), got {}".format(
            i, np.shape(X)))
    t, m, _ = X.shape
    expected = {"H": (t + 1, m, h), "Y": (t, m, o), "Y_true": (t, m, o)}
    for name, arr in (("H", H), ("Y", Y), ("Y_true", Y_true)):
        if not isinstance(arr, np.ndarray) or arr.shape != expected[name]:
            raise ValueError("{} must have shape {}, got {}".format(
                name, expected[name], np.shape(arr)))

    Whh = rnn_cell.Wh[:h, :]
    Whx = rnn_cell.Wh[h:, :]
    Wy = rnn_cell.Wy
    n = np.sum(Y_true, axis=2)[..., None]
    dZ = (n * Y - Y_true) / m
    dA = np.empty((t, m, h))
    dnext = np.zeros((m, h))
    for s in range(t - 1, -1, -1):
        dh = np.dot(dZ[s], Wy.T) + dnext
        dA[s] = (1 - H[s + 1] ** 2) * dh
        dnext = np.dot(dh, Whh.T)
    A = np.concatenate((H[:-1], X), axis=-1)
    return {
        "dWh": np.einsum('tma,tmb->ab', A, dA),
        "dbh": np.einsum('tmh->h', dA).reshape(1, -1),
        "dWy": np.einsum('tmh,tmo->ho', H[1:], dZ),
        "dby": np.einsum('tmo->o', dZ).reshape(1, -1),
        "dX": np.einsum('tmh,ih->tmi', dA, Whx),
        "dh_0": dnext,
    }
