#!/usr/bin/env python3
"""Task 8: forward propagation of a bidirectional RNN.

The forward direction starts from h_0 and reads X[0] … X[t-1]; the backward
direction starts from h_t and reads X[t-1] … X[0]:

    F[s] = bi_cell.forward(F[s - 1], X[s])      F[-1] = h_0
    B[s] = bi_cell.backward(B[s + 1], X[s])     B[t] = h_t
    H[s] = [F[s], B[s]]     both states after reading X[s]
    Y = bi_cell.output(H)

Neither initial state appears in H.
"""
import numpy as np


def bi_rnn(bi_cell, X, h_0, h_t):
    """Run a bidirectional cell over the sequence X.

    bi_cell: a BidirectionalCell with input size i, hidden size h per
    direction and output size o.
    X: (t, m, i) the inputs, time first; h_0: (m, h) the initial state of
    the forward direction; h_t: (m, h) the initial state of the backward
    direction.
    Returns H: (t, m, 2 * h), the forward and backward states after each
    step side by side, and Y: (t, m, o), the outputs.
    """
    if not isinstance(X, np.ndarray) or X.ndim != 3:
        raise ValueError("X must have shape (t, m, i), got {}".format(
            np.shape(X)))
    t, m, i = X.shape
    h = bi_cell.Whf.shape[1]
    if bi_cell.Whf.shape[0] != h + i:
        raise ValueError("X must have shape ({}, {}, {}), got {}".format(
            t, m, bi_cell.Whf.shape[0] - h, X.shape))
    for name, state in (("h_0", h_0), ("h_t", h_t)):
        if not isinstance(state, np.ndarray) or state.shape != (m, h):
            raise ValueError("{} must have shape ({}, {}), got {}".format(
                name, m, h, np.shape(state)))

    Hf = np.zeros((t, m, h))
    Hb = np.zeros((t, m, h))
    hf = h_0
    hb = h_0
    for s in range(t):
        hf = bi_cell.forward(hf, X[s])
        Hf[s] = hf
        hb = bi_cell.backward(hb, X[t - 1 - s])
        Hb[t - 1 - s] = hb
    H = np.concatenate((Hf, Hb), axis=2)
    return H, bi_cell.output(H)
