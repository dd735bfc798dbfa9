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


def sigmoid(x):
    """Logistic sigmoid 1 / (1 + exp(-x)) of x (any shape).

    Computed as (1 + tanh(x / 2)) / 2, the same function: tanh never
    overflows, so no finite x warns, and one tanh takes less time than
    the exp, abs and where of a form built on exp(-|x|).
    """
    return 0.5 * (1 + np.tanh(0.5 * x))


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
    h, o = cell.Wy.shape
    check_shape("X", X, ("t", "m", cell.Wf.shape[0] - h))
    t, m, i = np.shape(X)
    check_shape("H", H, (t + 1, m, h))
    check_shape("C", C, (t + 1, m, h))
    check_shape("Y", Y, (t, m, o))
    check_shape("Y_true", Y_true, (t, m, o))
    if np.any(np.asarray(Y_true) < 0):
        raise ValueError("Y_true must be non-negative, got a minimum of "
                         "{}".format(np.min(Y_true)))

    # the gates at every step, recomputed at once: one product, and each
    # activation over all steps
    W = np.concatenate((cell.Wf, cell.Wu, cell.Wc, cell.Wo), axis=1)
    b = np.concatenate((cell.bf, cell.bu, cell.bc, cell.bo), axis=1)
    A = np.concatenate((H[:-1], X), axis=-1).reshape(t * m, h + i)
    P = (A @ W + b).reshape(t, m, 4 * h)
    f_all = sigmoid(P[:, :, :h])                          # (t, m, h) each
    u_all = sigmoid(P[:, :, h:2 * h])
    c_cand_all = np.tanh(P[:, :, 2 * h:3 * h])
    o_all = sigmoid(P[:, :, 3 * h:])
    tanh_c_all = np.tanh(C[1:])

    # only the recursion runs step by step
    dZ = ((np.sum(Y_true, axis=-1, keepdims=True) * Y - Y_true) / m
          ).reshape(t * m, o)
    dH = (dZ @ cell.Wy.T).reshape(t, m, h)
    dP = np.zeros((t, m, 4 * h))
    dh_next = np.zeros((m, h))
    dc_next = np.zeros((m, h))
    for s in reversed(range(t)):
        f, u, c_cand = f_all[s], u_all[s], c_cand_all[s]
        o_gate, tanh_c = o_all[s], tanh_c_all[s]
        dh = dH[s] + dh_next
        dc = dc_next + dh * o_gate * (1 - tanh_c ** 2)
        dP[s, :, :h] = dc * C[s] * f * (1 - f)
        dP[s, :, h:2 * h] = dc * c_cand * u * (1 - u)
        dP[s, :, 2 * h:3 * h] = dc * u * (1 - c_cand ** 2)
        dP[s, :, 3 * h:] = dh * tanh_c * o_gate * (1 - o_gate)
        dh_next = dP[s] @ W[:h].T
        dc_next = dc * f

    dP = dP.reshape(t * m, 4 * h)
    dWf, dWu, dWc, dWo = np.split(A.T @ dP, 4, axis=1)
    dbf, dbu, dbc, dbo = np.split(np.sum(dP, axis=0, keepdims=True), 4,
                                  axis=1)
    return {
        "dWf": dWf, "dWu": dWu, "dWc": dWc, "dWo": dWo,
        "dWy": np.reshape(H[1:], (t * m, h)).T @ dZ,
        "dbf": dbf, "dbu": dbu, "dbc": dbc, "dbo": dbo,
        "dby": np.sum(dZ, axis=0, keepdims=True),
        "dX": (dP @ W[h:].T).reshape(t, m, i),
        "dh_0": dh_next,
        "dc_0": dc_next,
    }
