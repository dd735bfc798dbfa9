#!/usr/bin/env python3
"""Module that defines the cell of a simple RNN."""
import numpy as np


class RNNCell:
    """Represents a cell of a simple RNN."""

    def __init__(self, i, h, o):
        """Class constructor.

        i is the dimensionality of the data
        h is the dimensionality of the hidden state
        o is the dimensionality of the outputs
        Wh (i + h, h), Wy (h, o) are drawn from a standard normal,
        bh (1, h) and by (1, o) are zeros.
        """
        self.Wh = np.random.normal(size=(i + h, h))
        self.Wy = np.random.normal(size=(h, o))
        self.bh = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def forward(self, h_prev, x_t):
        """Performs forward propagation for one time step.

        h_prev is a numpy.ndarray of shape (m, h) with the previous state
        x_t is a numpy.ndarray of shape (m, i) with the data input
        Returns: h_next (m, h), y (m, o)
        """
        cell_input = np.hstack((x_t, h_prev))
        h_next = np.tanh(cell_input @ self.Wh + self.bh)
        logits = h_next @ self.Wy + self.by
        logits = logits - np.max(logits, axis=1, keepdims=True)
        exp = np.exp(logits)
        y = exp / np.sum(exp, axis=1, keepdims=True)
        return h_next, y
