#!/usr/bin/env python3
"""rnn_backward: backpropagation through time for a vanilla RNN."""
import numpy as np


def rnn_backward(rnn_cell, X, H, Y, Y_true):
    """Gradient of the cross-entropy loss, summed over time, batch mean.

    Parameters
    ----------
    rnn_cell : RNNCell that produced H and Y
    X : (t, m, i) inputs
    H : (t + 1, m, h) hidden states, H[0] the initial one
    Y : (t, m, o) outputs
    Y_true : (t, m, o) targets (one-hot rows, soft rows or zero rows)

    Returns
    -------
    dict of dWh (h + i, h), dbh (1, h), dWy (h, o), dby (1, o),
    dX (t, m, i), dh_0 (m, h)
    """
    t, m, i = X.shape
    h = H.shape[-1]
    Wh, Wy = rnn_cell.Wh, rnn_cell.Wy

    dZ = (Y_true.sum(axis=-1, keepdims=True) * Y - Y_true) / m

    dA = []
    carry = 0
    for s in reversed(range(t)):
        dh = dZ[s].dot(Wy.T) + carry
        da = dh * (1 - H[s + 1] ** 2)
        dA.append(da)
        carry = da.dot(Wh[:h].T)
    dA = np.stack(dA[::-1])

    A = np.concatenate((H[:-1], X), axis=-1)
    return {
        "dWh": np.einsum("tma,tmb->ab", A, dA),
        "dbh": dA.sum(axis=(0, 1))[np.newaxis],
        "dWy": np.einsum("tmh,tmo->ho", H[1:], dZ),
        "dby": dZ.sum(axis=(0, 1))[np.newaxis],
        "dX": np.dot(dA, Wh[h:].T),
        "dh_0": carry,
    }
