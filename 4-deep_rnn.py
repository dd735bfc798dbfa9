#!/usr/bin/env python3
"""Task 4: forward propagation of a deep RNN of l stacked cells.

At step s, layer 0 reads the input X[s] and layer k > 0 reads the new hidden
state of layer k - 1; each layer starts from its own initial state h_0[k]:

    H[s + 1, 0], _ = rnn_cells[0].forward(H[s, 0], X[s])
    H[s + 1, k], _ = rnn_cells[k].forward(H[s, k], H[s + 1, k - 1])
    Y[s] is the output of the last layer.
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


def deep_rnn(rnn_cells, X, h_0):
    """Run a stack of RNN cells over the sequence X.

    rnn_cells: a list of l RNNCells, all with hidden size h; the first reads
    inputs of size i, the others read the layer below (size h); the last
    has output size o.
    X: (t, m, i) the inputs, time first; h_0: (l, m, h) every layer's
    initial state.
    Returns H: (t + 1, l, m, h), every layer's hidden states with
    H[0] = h_0, and Y: (t, m, o), the outputs of the last layer.
    """
    if len(rnn_cells) == 0:
        raise ValueError("rnn_cells must hold at least one cell, got none")
    h = rnn_cells[0].Wh.shape[1]
    for k in range(1, len(rnn_cells)):
        check_shape("rnn_cells[{}].Wh".format(k), rnn_cells[k].Wh,
                    (2 * h, h))
    check_shape("X", X, ("t", "m", rnn_cells[0].Wh.shape[0] - h))
    t, m = np.shape(X)[:2]
    check_shape("h_0", h_0, (len(rnn_cells), m, h))
    H = np.zeros((t + 1, len(rnn_cells), m, h))
    Y = np.zeros((t, m, rnn_cells[-1].Wy.shape[1]))
    H[0] = h_0
    for s in range(t):
        x = X[s]
        for k, cell in enumerate(rnn_cells):
            H[s + 1, k], y = cell.forward(H[s, k], x)
            x = H[s + 1, k]
        Y[s] = y
    return H, Y
