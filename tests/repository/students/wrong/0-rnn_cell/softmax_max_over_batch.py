#!/usr/bin/env python3
"""One time step of a simple recurrent neural network."""
import numpy as np


def softmax(z):
    """Softmax of the rows of z (m, o).

    The maximum is subtracted first so that exp never overflows.
    """
    e = np.exp(z - np.max(z, axis=0, keepdims=True))
    return e / np.sum(e, axis=1, keepdims=True)


class RNNCell:
    """A simple RNN cell."""

    def __init__(self, i, h, o):
        """Weights Wh (h + i, h) and Wy (h, o), zero biases bh, by."""
        self.Wh = np.random.normal(size=(h + i, h))
        self.Wy = np.random.normal(size=(h, o))
        self.bh = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def forward(self, h_prev, x_t):
        """Run the cell on one step.

        h_prev: (m, h), x_t: (m, i)
        Returns h_next (m, h) and y (m, o)
        """
        concat = np.concatenate((h_prev, x_t), axis=1)
        h_next = np.tanh(concat @ self.Wh + self.bh)
        y = softmax(h_next @ self.Wy + self.by)
        return h_next, y
