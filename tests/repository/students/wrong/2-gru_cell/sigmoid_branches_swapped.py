#!/usr/bin/env python3
"""GRU cell."""
import numpy as np


def sigmoid(x):
    """Numerically stable sigmoid.

    With e = exp(-|x|), the sigmoid is 1 / (1 + e) on one side of zero
    and e / (1 + e) on the other, so exp never sees a large number.
    """
    e = np.exp(-np.abs(x))
    return np.where(x < 0, 1 / (1 + e), e / (1 + e))


def softmax(x):
    """Softmax of x over its last axis."""
    shifted = x - np.amax(x, axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / np.sum(e, axis=-1, keepdims=True)


class GRUCell:
    """Represents a gated recurrent unit."""

    def __init__(self, i, h, o):
        """Class constructor.

        i is the dimensionality of the data, h of the hidden state and
        o of the outputs.
        """
        self.Wz = np.random.normal(size=(h + i, h))
        self.Wr = np.random.normal(size=(h + i, h))
        self.Wh = np.random.normal(size=(h + i, h))
        self.Wy = np.random.normal(size=(h, o))
        self.bz = np.zeros((1, h))
        self.br = np.zeros((1, h))
        self.bh = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def forward(self, h_prev, x_t):
        """Forward propagation for one time step.

        h_prev (m, h) contains the previous hidden state, x_t (m, i) the
        data input for the cell.
        Returns h_next (m, h), the next hidden state, and y (m, o).
        """
        cat = np.concatenate((h_prev, x_t), axis=1)
        z = sigmoid(cat @ self.Wz + self.bz)
        r = sigmoid(cat @ self.Wr + self.br)
        cat_r = np.concatenate((r * h_prev, x_t), axis=1)
        h_cand = np.tanh(cat_r @ self.Wh + self.bh)
        h_next = (1 - z) * h_prev + z * h_cand
        y = softmax(h_next @ self.Wy + self.by)
        return h_next, y
