#!/usr/bin/env python3
"""RNN cell."""
import numpy as np


def softmax(z):
    """Row-wise softmax of z (m, o), stable for large values."""
    z = z - z.max(axis=1, keepdims=True)
    ez = np.exp(z)
    return ez / ez.sum(axis=1, keepdims=True)


class RNNCell:
    """Cell of a simple RNN."""

    def __init__(self, i, h, o):
        """Set up Wh (h + i, h), Wy (h, o), bh (1, h) and by (1, o)."""
        self.Wh = np.random.normal(0, 1, (h + i, h))
        self.Wy = np.random.normal(0, 1, (h, o))
        self.bh = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def forward(self, h_prev, x_t):
        """Forward pass of one time step.

        h_prev (m, h): previous hidden state; x_t (m, i): the input.
        Returns the next hidden state (m, h) and the output (m, o).
        """
        a = np.concatenate((h_prev, x_t), axis=1)
        h_next = np.tanh(np.dot(a, self.Wh))
        y = softmax(np.dot(h_next, self.Wy) + self.by)
        return h_next, y
