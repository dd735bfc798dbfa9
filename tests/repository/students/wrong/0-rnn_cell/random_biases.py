#!/usr/bin/env python3
"""Simple RNN cell."""
import numpy as np


class RNNCell:
    """Simple RNN cell."""

    def __init__(self, i, h, o):
        """Constructor.

        i: dimensionality of the data
        h: dimensionality of the hidden state
        o: dimensionality of the outputs
        """
        self.Wh = np.random.normal(size=(i + h, h))
        self.Wy = np.random.normal(size=(h, o))
        self.bh = np.random.normal(size=(1, h))
        self.by = np.random.normal(size=(1, o))

    @staticmethod
    def softmax(x):
        """Softmax over the last axis, shifted by the row maximum."""
        x = x - np.max(x, axis=1, keepdims=True)
        return np.exp(x) / np.sum(np.exp(x), axis=1, keepdims=True)

    def forward(self, h_prev, x_t):
        """One forward step.

        h_prev: numpy.ndarray (m, h), x_t: numpy.ndarray (m, i)
        Returns: h_next (m, h), y (m, o)
        """
        h_x = np.concatenate((h_prev, x_t), axis=1)
        h_next = np.tanh(h_x @ self.Wh + self.bh)
        y = self.softmax(h_next @ self.Wy + self.by)
        return h_next, y
