#!/usr/bin/env python3
"""
Backpropagation through time for a simple RNN.

Defines rnn_backward, the gradient of the cross-entropy loss.
"""
import numpy as np


def rnn_backward(rnn_cell, X, H, Y, Y_true):
    """
    Gradients of the loss L = -(1 / m) sum(Y_true * log(Y)).

    Args:
        rnn_cell: the RNNCell used in the forward pass
        X: input data, shape (t, m, i)
        H: hidden states, shape (t + 1, m, h), H[0] the initial one
        Y: outputs, shape (t, m, o)
        Y_true: target weights, shape (t, m, o)
    Returns:
        dict with dWh (h + i, h), dbh (1, h), dWy (h, o), dby (1, o),
        dX (t, m, i) and dh_0 (m, h)
    """
    steps, batch, _ = X.shape
    hidden_size = H.shape[2]
    Wh_state = rnn_cell.Wh[:hidden_size]
    Wh_input = rnn_cell.Wh[hidden_size:]

    targets = np.sum(Y_true, axis=-1, keepdims=True)
    dZ = (targets * Y - Y_true) / batch

    dA = np.empty((steps, batch, hidden_size))
    dh_carry = np.zeros((batch, hidden_size))
    for s in reversed(range(steps)):
        dH = np.matmul(dZ[s], rnn_cell.Wy.T) + dh_carry
        dA[s] = dH * (1 - H[s + 1] ** 2)
        dh_carry = np.matmul(dA[s], Wh_state.T)

    A = np.concatenate((H[:-1], X), axis=-1)
    dWh = np.tensordot(A, dA, axes=([0, 1], [0, 1]))
    dbh = np.sum(dA, axis=(0, 1)).reshape(1, -1)
    dWy = np.tensordot(H[1:], dZ, axes=([0, 1], [0, 1]))
    dby = np.sum(dZ, axis=(0, 1)).reshape(1, -1)
    dX = np.matmul(dA, Wh_input.T)

    return {
        'dWh': dWh,
        'dbh': dbh,
        'dWy': dWy,
        'dby': dby,
        'dX': dX,
        'dh_0': dh_carry,
    }
