#!/usr/bin/env python3
"""Task 8: forward propagation of a bidirectional RNN.

The forward direction starts from h_0 and reads X[0] … X[t-1]; the backward
direction starts from h_t and reads X[t-1] … X[0]:

    F[s] = bi_cell.forward(F[s - 1], X[s])      (h_0 for F[s - 1] at s = 0)
    B[s] = bi_cell.backward(B[s + 1], X[s])     (h_t for B[s + 1] at s = t-1)
    H[s] = [F[s], B[s]]     both states after reading X[s]
    Y = bi_cell.output(H)

Neither initial state appears in H.
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
    h = bi_cell.Whf.shape[1]
    check_shape("X", X, ("t", "m", bi_cell.Whf.shape[0] - h))
    t, m = np.shape(X)[:2]
    check_shape("h_0", h_0, (m, h))
    check_shape("h_t", h_t, (m, h))
    H = np.zeros((t, m, 2 * h))
    h_prev = h_0
    for s in range(t):
        h_prev = bi_cell.forward(h_prev, X[s])
        H[s, :, :h] = h_prev
    h_next = h_t
    for s in reversed(range(t)):
        h_next = bi_cell.backward(h_next, X[s])
        H[s, :, h:] = h_next
    return H, bi_cell.output(H)
