#!/usr/bin/env python3
"""One time step of a GRU."""
import numpy as np


def sigmoid(x):
    """Stable logistic sigmoid."""
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def softmax(x):
    """Stable softmax over the last axis."""
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


class GRUCell:
    """Gated recurrent unit with a softmax output."""

    def __init__(self, i, h, o):
        """Draw the weights from the standard normal, biases at zero.

        i: input size, h: hidden size, o: output size
        """
        self.Wh = np.random.normal(size=(h + i, h))
        self.Wz = np.random.normal(size=(h + i, h))
        self.Wr = np.random.normal(size=(h + i, h))
        self.Wy = np.random.normal(size=(h, o))
        self.bz = np.zeros((1, h))
        self.br = np.zeros((1, h))
        self.bh = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def forward(self, h_prev, x_t):
        """One GRU step.

        h_prev: (m, h) previous state; x_t: (m, i) input.
        Returns h_next (m, h), y (m, o).
        """
        hx = np.concatenate((h_prev, x_t), axis=1)
        z = sigmoid(hx @ self.Wz + self.bz)
        r = sigmoid(hx @ self.Wr + self.br)
        rx = np.concatenate((r * h_prev, x_t), axis=1)
        h_cand = np.tanh(rx @ self.Wh + self.bh)
        h_next = (1 - z) * h_prev + z * h_cand
        y = softmax(h_next @ self.Wy + self.by)
        return h_next, y
