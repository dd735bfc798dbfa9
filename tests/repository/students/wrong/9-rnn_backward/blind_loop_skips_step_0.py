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
    Wh, Wy = rnn_cell.Wh, rnn_cell.Wy
    hs = Wh.shape[1]
    ins = Wh.shape[0] - hs
    outs = Wy.shape[1]
    if np.ndim(X) != 3 or np.shape(X)[2] != ins:
        raise ValueError(f"X must have shape (t, m, {ins}), got {np.shape(X)}")
    T, M = X.shape[0], X.shape[1]
    if np.shape(H) != (T + 1, M, hs):
        raise ValueError(
            f"H must have shape {(T + 1, M, hs)}, got {np.shape(H)}")
    if np.shape(Y) != (T, M, outs):
        raise ValueError(
            f"Y must have shape {(T, M, outs)}, got {np.shape(Y)}")
    if np.shape(Y_true) != (T, M, outs):
        raise ValueError(
            f"Y_true must have shape {(T, M, outs)}, got {np.shape(Y_true)}")

    W_state = Wh[:hs]
    W_input = Wh[hs:]
    counts = np.sum(Y_true, axis=-1, keepdims=True)
    dZ = (counts * Y - Y_true) / M
    dA = np.zeros(H[1:].shape)
    carry = np.zeros((M, hs))
    for step in range(T - 1, 0, -1):
        grad_h = np.matmul(dZ[step], Wy.T) + carry
        dA[step] = grad_h * (1 - np.square(H[step + 1]))
        carry = np.matmul(dA[step], W_state.T)
    A = np.concatenate([H[:T], X], axis=-1)
    grads = {}
    grads["dWh"] = np.tensordot(A, dA, axes=([0, 1], [0, 1]))
    grads["dbh"] = np.sum(dA, axis=(0, 1))[np.newaxis, :]
    grads["dWy"] = np.tensordot(H[1:], dZ, axes=([0, 1], [0, 1]))
    grads["dby"] = np.sum(dZ, axis=(0, 1))[np.newaxis, :]
    grads["dX"] = np.matmul(dA, W_input.T)
    grads["dh_0"] = carry
    return grads
