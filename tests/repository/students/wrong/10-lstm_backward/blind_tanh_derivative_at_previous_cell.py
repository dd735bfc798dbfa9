#!/usr/bin/env python3
"""Task 10: backpropagation through time for an LSTM.

The forward pass (task 3) computed, with A[s] = [H[s], X[s]] (m, h + i),
W = [Wf, Wu, Wc, Wo] (h + i, 4h) and b = [bf, bu, bc, bo] (1, 4h):

    [f, u, c_cand, o] = [σ, σ, tanh, σ](A[s] @ W + b)       gates (m, h)
    C[s + 1] = f * C[s] + u * c_cand
    H[s + 1] = o * tanh(C[s + 1])
    Y[s]     = softmax(H[s + 1] @ Wy + by)

and the loss is the cross-entropy summed over time, averaged over the batch:

    L = -(1 / m) Σ_s Σ_m Σ_o  Y_true * log(Y)

The gates are recomputed for the whole sequence at once: their
pre-activations A @ W + b in one product, then each activation. Going back
in time with dh = dL/dH[s + 1] and dc = dL/dC[s + 1] (n = Σ_o Y_true):

    dZ[s] = (n * Y[s] - Y_true[s]) / m
    dh    = dZ[s] @ Wy.T + (gradient from step s + 1)
    dc    = (gradient from step s + 1) + dh * o * (1 - tanh(C[s + 1]) ** 2)
    dP_f  = dc * C[s] * f * (1 - f)          dP_u = dc * c_cand * u * (1 - u)
    dP_c  = dc * u * (1 - c_cand ** 2)       dP_o = dh * tanh(C[s + 1])
                                                       * o * (1 - o)
    to step s - 1:  dh = dP[s] @ W[:h].T,   dc = dc * f

and then, over all t·m rows at once, dW = Σ_s A[s].T @ dP[s] (split into
dWf, dWu, dWc, dWo), db = Σ dP, dX[s] = dP[s] @ W[h:].T,
dWy = Σ_s H[s + 1].T @ dZ[s], dby = Σ dZ.
"""
import numpy as np


def _sigmoid(z):
    """Stable sigmoid: exp is only taken of non-positive numbers."""
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def _check(name, arr, shape):
    """Raise a ValueError unless arr is an array of the given shape."""
    if not isinstance(arr, np.ndarray) or arr.shape != shape:
        raise ValueError("{} must have shape {}, got {}".format(
            name, shape, np.shape(arr)))


def lstm_backward(lstm_cell, X, H, C, Y, Y_true):
    """Compute the gradient of the cross-entropy L of an LSTM.

    lstm_cell: the LSTMCell (input size i, hidden size h, output size o)
    that ran forward; X: (t, m, i) its inputs; H: (t + 1, m, h) its hidden
    states and C: (t + 1, m, h) its cell states, H[0] and C[0] the initial
    ones; Y: (t, m, o) its outputs; Y_true: (t, m, o) non-negative target
    weights (one-hot rows, soft rows, or all-zero rows for "no target").
    Returns a dict of gradients of L, each shaped like what it
    differentiates: dWf, dWu, dWc, dWo (h + i, h), dWy (h, o),
    dbf, dbu, dbc, dbo (1, h), dby (1, o), dX (t, m, i), dh_0 and dc_0
    (m, h).
    """
    hid = lstm_cell.Wf.shape[1]
    n_in = lstm_cell.Wf.shape[0] - hid
    n_out = lstm_cell.Wy.shape[1]
    if np.ndim(X) != 3:
        raise ValueError("X must have shape (t, m, {}), got {}".format(
            n_in, np.shape(X)))
    steps, batch = X.shape[0], X.shape[1]
    _check("X", X, (steps, batch, n_in))
    _check("H", H, (steps + 1, batch, hid))
    _check("C", C, (steps + 1, batch, hid))
    _check("Y", Y, (steps, batch, n_out))
    _check("Y_true", Y_true, (steps, batch, n_out))

    W = np.hstack([lstm_cell.Wf, lstm_cell.Wu, lstm_cell.Wc, lstm_cell.Wo])
    b = np.hstack([lstm_cell.bf, lstm_cell.bu, lstm_cell.bc, lstm_cell.bo])
    concat = np.concatenate([H[:steps], X], axis=-1)
    pre = np.matmul(concat, W) + b
    p_f, p_u, p_c, p_o = np.split(pre, 4, axis=-1)
    f, u, o = _sigmoid(p_f), _sigmoid(p_u), _sigmoid(p_o)
    cc = np.tanh(p_c)
    tanh_c = np.tanh(C[1:])

    dZ = (Y_true.sum(axis=-1, keepdims=True) * Y - Y_true) / batch
    dPf = np.zeros_like(f)
    dPu = np.zeros_like(u)
    dPc = np.zeros_like(cc)
    dPo = np.zeros_like(o)
    dh_carry = np.zeros((batch, hid))
    dc_carry = np.zeros((batch, hid))
    for s in range(steps - 1, -1, -1):
        dh = np.matmul(dZ[s], lstm_cell.Wy.T) + dh_carry
        dc = dc_carry + dh * o[s] * (1 - np.tanh(C[s]) ** 2)
        dPf[s] = dc * C[s] * f[s] * (1 - f[s])
        dPu[s] = dc * cc[s] * u[s] * (1 - u[s])
        dPc[s] = dc * u[s] * (1 - cc[s] ** 2)
        dPo[s] = dh * tanh_c[s] * o[s] * (1 - o[s])
        dP_s = np.concatenate([dPf[s], dPu[s], dPc[s], dPo[s]], axis=-1)
        dh_carry = np.matmul(dP_s, W[:hid].T)
        dc_carry = dc * f[s]

    dP = np.concatenate([dPf, dPu, dPc, dPo], axis=-1)
    dW = np.tensordot(concat, dP, axes=([0, 1], [0, 1]))
    db = dP.sum(axis=(0, 1), keepdims=True)[0]
    dWf, dWu, dWc, dWo = np.split(dW, 4, axis=1)
    dbf, dbu, dbc, dbo = np.split(db, 4, axis=1)
    return {
        "dWf": dWf, "dWu": dWu, "dWc": dWc, "dWo": dWo,
        "dWy": np.tensordot(H[1:], dZ, axes=([0, 1], [0, 1])),
        "dbf": dbf, "dbu": dbu, "dbc": dbc, "dbo": dbo,
        "dby": dZ.sum(axis=(0, 1)).reshape(1, n_out),
        "dX": np.matmul(dP, W[hid:].T),
        "dh_0": dh_carry,
        "dc_0": dc_carry,
    }
