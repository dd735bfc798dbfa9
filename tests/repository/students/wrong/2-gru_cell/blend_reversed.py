#!/usr/bin/env python3
"""Gated recurrent unit."""
import numpy as np


def sigmoid(x):
    """Logistic sigmoid that never overflows."""
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def softmax(x):
    """Softmax over the last axis."""
    e = np.exp(x - np.max(x, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


class GRUCell:
    """Represents a gated recurrent unit."""

    def __init__(self, i, h, o):
        """Class constructor.

        i: dimensionality of the data
        h: dimensionality of the hidden state
        o: dimensionality of the outputs
        """
        self.Wz = np.random.normal(size=(i + h, h))
        self.Wr = np.random.normal(size=(i + h, h))
        self.Wh = np.random.normal(size=(i + h, h))
        self.Wy = np.random.normal(size=(h, o))
        self.bz = np.zeros((1, h))
        self.br = np.zeros((1, h))
        self.bh = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def forward(self, h_prev, x_t):
        """Forward propagation for one time step.

        h_prev: (m, h) previous hidden state
        x_t: (m, i) data input for the cell
        Returns: h_next (m, h), y (m, o)
        """
        concat = np.concatenate((h_prev, x_t), axis=1)
        z = sigmoid(concat @ self.Wz + self.bz)
        r = sigmoid(concat @ self.Wr + self.br)
        reset = np.concatenate((r * h_prev, x_t), axis=1)
        h_tilde = np.tanh(reset @ self.Wh + self.bh)
        h_next = h_tilde + z * (h_prev - h_tilde)
        y = softmax(h_next @ self.Wy + self.by)
        return h_next, y
