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


def sigmoid(x):
    """Logistic sigmoid, (1 + tanh(x / 2)) / 2: it never overflows."""
    return (1 + np.tanh(x / 2)) / 2


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
    cell = lstm_cell
    h = cell.Wf.shape[1]
    i = cell.Wf.shape[0] - h
    o = cell.Wy.shape[1]
    if not isinstance(X, np.ndarray) or X.ndim != 3 or X.shape[2] != i:
        raise ValueError("X must have shape (t, m, {}), got {}".format(
            i, np.shape(X)))
    t, m = X.shape[:2]
    for name, arr, shape in (("H", H, (t + 1, m, h)),
                             ("C", C, (t + 1, m, h)),
                             ("Y", Y, (t, m, o)),
                             ("Y_true", Y_true, (t, m, o))):
        if not isinstance(arr, np.ndarray) or arr.shape != shape:
            raise ValueError("{} must have shape {}, got {}".format(
                name, shape, np.shape(arr)))

    W = np.concatenate((cell.Wf, cell.Wu, cell.Wc, cell.Wo), axis=1)
    b = np.concatenate((cell.bf, cell.bu, cell.bc, cell.bo), axis=1)
    A = np.concatenate((H[:-1], X), axis=2)
    P = A @ W + b
    f = sigmoid(P[..., :h])
    u = sigmoid(P[..., h:2 * h])
    c_cand = np.tanh(P[..., 2 * h:3 * h])
    og = sigmoid(P[..., 3 * h:])
    tc = np.tanh(C[1:])

    n = np.sum(Y_true, axis=2, keepdims=True)
    dZ = (n * Y - Y_true) / m
    dP = np.zeros((t, m, 4 * h))
    dh_next = np.zeros((m, h))
    dc_next = np.zeros((m, h))
    for s in range(t - 1, -1, -1):
        dh = dZ[s] @ cell.Wy.T + dh_next
        dc = dc_next + dh * og[s] * (1 - tc[s] ** 2)
        dP[s, :, :h] = dc * C[s] * f[s] * (1 - f[s])
        dP[s, :, h:2 * h] = dc * c_cand[s] * u[s] * (1 - u[s])
        dP[s, :, 2 * h:3 * h] = dc * u[s] * (1 - c_cand[s] ** 2)
        dP[s, :, 3 * h:] = dh * tc[s] * og[s] * (1 - og[s])
        dh_next = dP[s] @ W[:h].T
        dc_next = dc * u[s]

    dW = A.reshape(-1, h + i).T @ dP.reshape(-1, 4 * h)
    db = np.sum(dP, axis=(0, 1)).reshape(1, 4 * h)
    dX = (dP.reshape(-1, 4 * h) @ W[h:].T).reshape(t, m, i)
    dWy = H[1:].reshape(-1, h).T @ dZ.reshape(-1, o)
    dby = np.sum(dZ, axis=(0, 1)).reshape(1, o)
    return {"dWf": dW[:, :h], "dWu": dW[:, h:2 * h],
            "dWc": dW[:, 2 * h:3 * h], "dWo": dW[:, 3 * h:],
            "dWy": dWy, "dbf": db[:, :h], "dbu": db[:, h:2 * h],
            "dbc": db[:, 2 * h:3 * h], "dbo": db[:, 3 * h:], "dby": dby,
            "dX": dX, "dh_0": dh_next, "dc_0": dc_next}
