#!/usr/bin/env python3
"""Module with lstm_backward(): backpropagation through time, LSTM."""
import numpy as np


def sigmoid(x):
    """Logistic sigmoid that never overflows: uses e = exp(-|x|)."""
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def lstm_backward(lstm_cell, X, H, C, Y, Y_true):
    """Gradients of the cross-entropy loss of an LSTM.

    lstm_cell: LSTMCell used for the forward pass
    X: (t, m, i) inputs
    H: (t + 1, m, h) hidden states, H[0] is the initial state
    C: (t + 1, m, h) cell states, C[0] is the initial state
    Y: (t, m, o) outputs
    Y_true: (t, m, o) targets (one-hot, soft, or all-zero rows)
    Returns: dict with dWf, dWu, dWc, dWo (h + i, h), dWy (h, o),
    dbf, dbu, dbc, dbo (1, h), dby (1, o), dX (t, m, i), dh_0, dc_0 (m, h)
    """
    if not isinstance(X, np.ndarray) or X.ndim != 3:
        raise ValueError("X must be a numpy.ndarray of shape (t, m, i)")
    t, m, i = X.shape
    h = lstm_cell.Wf.shape[1]
    o = lstm_cell.Wy.shape[1]
    expected = (("H", H, (t + 1, m, h)), ("C", C, (t + 1, m, h)),
                ("Y", Y, (t, m, o)), ("Y_true", Y_true, (t, m, o)))
    for name, arr, shape in expected:
        if arr.shape != shape:
            raise ValueError("{} must have shape {}, got {}".format(
                name, shape, arr.shape))

    W = np.concatenate((lstm_cell.Wf, lstm_cell.Wu,
                        lstm_cell.Wc, lstm_cell.Wo), axis=1)    # (h + i, 4h)
    b = np.concatenate((lstm_cell.bf, lstm_cell.bu,
                        lstm_cell.bc, lstm_cell.bo), axis=1)    # (1, 4h)

    A = np.concatenate((H[:-1], X), axis=2)                     # (t, m, h+i)
    P = A @ W + b                                               # (t, m, 4h)
    f = sigmoid(P[..., :h])
    u = sigmoid(P[..., h:2 * h])
    c_cand = np.tanh(P[..., 2 * h:3 * h])
    o_gate = sigmoid(P[..., 3 * h:])
    tanh_C = np.tanh(C[1:])

    n = np.sum(Y_true, axis=-1, keepdims=True)
    dZ = (n * Y - Y_true) / m                                   # (t, m, o)
    dH_out = dZ @ lstm_cell.Wy.T                                # (t, m, h)

    dP = np.zeros((t, m, 4 * h))
    dh = np.zeros((m, h))
    dc = np.zeros((m, h))
    for s in reversed(range(t)):
        dh = dH_out[s] + dh
        dc = dc + dh * o_gate[s] * (1 - tanh_C[s] ** 2)
        dP[s, :, :h] = dc * C[s] * f[s] * (1 - f[s])
        dP[s, :, h:2 * h] = dc * c_cand[s] * u[s] * (1 - u[s])
        dP[s, :, 2 * h:3 * h] = dc * u[s] * (1 - c_cand[s] ** 2)
        dP[s, :, 3 * h:] = dh * tanh_C[s] * o_gate[s] * (1 - o_gate[s])
        dh = dP[s] @ W[:h].T
        dc = dc * f[s]

    dP_flat = dP.reshape(t * m, 4 * h)
    dW = A.reshape(t * m, h + i).T @ dP_flat
    db = np.sum(dP_flat, axis=0, keepdims=True)
    dX = dP @ W[h:].T
    dWy = H[1:].reshape(t * m, h).T @ dZ.reshape(t * m, o)
    dby = np.sum(dZ.reshape(t * m, o), axis=0, keepdims=True)

    grads = {"dWy": dWy, "dby": dby, "dX": dX, "dh_0": dh, "dc_0": dc}
    for k, gate in enumerate(("f", "u", "c", "o")):
        grads["dW" + gate] = dW[:, k * h:(k + 1) * h]
        grads["db" + gate] = db[:, k * h:(k + 1) * h]
    return grads
