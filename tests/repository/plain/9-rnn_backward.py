#!/usr/bin/env python3
"""Backpropagation through time for an RNN (a plain student solution)."""
import numpy as np


def rnn_backward(rnn_cell, X, H, Y, Y_true):
    """Gradients of the cross-entropy, one step at a time."""
    t, m, i = X.shape
    h = H.shape[2]
    grads = {"dWh": np.zeros_like(rnn_cell.Wh),
             "dbh": np.zeros_like(rnn_cell.bh),
             "dWy": np.zeros_like(rnn_cell.Wy),
             "dby": np.zeros_like(rnn_cell.by),
             "dX": np.zeros_like(X)}
    dh_next = np.zeros((m, h))
    for s in reversed(range(t)):
        n = Y_true[s].sum(axis=1, keepdims=True)
        dz = (Y[s] * n - Y_true[s]) / m
        grads["dWy"] += H[s + 1].T @ dz
        grads["dby"] += dz.sum(axis=0, keepdims=True)
        dh = dz @ rnn_cell.Wy.T + dh_next
        da = dh * (1 - H[s + 1] ** 2)
        concat = np.concatenate((H[s], X[s]), axis=1)
        grads["dWh"] += concat.T @ da
        grads["dbh"] += da.sum(axis=0, keepdims=True)
        dconcat = da @ rnn_cell.Wh.T
        dh_next = dconcat[:, :h]
        grads["dX"][s] = dconcat[:, h:]
    grads["dh_0"] = dh_next
    return grads
