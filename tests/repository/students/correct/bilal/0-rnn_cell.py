#!/usr/bin/env python3
"""Module with the RNNCell class: one time step of a simple RNN."""
import numpy as np


class RNNCell:
    """Simple RNN cell: h_next = tanh([h_prev, x_t] @ Wh + bh).

    Wh: (h + i, h), Wy: (h, o), bh: (1, h), by: (1, o).
    """

    def __init__(self, i, h, o):
        """Initialize the weights (standard normal) and biases (zeros).

        i: input size, h: hidden size, o: output size
        """
        self.Wh = np.random.randn(h + i, h)
        self.Wy = np.random.randn(h, o)
        self.bh = np.zeros((1, h))
        self.by = np.zeros((1, o))

    @staticmethod
    def softmax(z):
        """Numerically stable softmax of z (m, o) along the last axis."""
        shifted = z - np.max(z, axis=-1, keepdims=True)
        e = np.exp(shifted)
        return e / np.sum(e, axis=-1, keepdims=True)

    def forward(self, h_prev, x_t):
        """Forward pass for one time step.

        h_prev: (m, h) previous hidden state
        x_t: (m, i) input data at this step
        Returns: h_next (m, h), y (m, o)
        """
        concat = np.concatenate((h_prev, x_t), axis=1)
        h_next = np.tanh(concat @ self.Wh + self.bh)
        y = self.softmax(h_next @ self.Wy + self.by)
        return h_next, y
