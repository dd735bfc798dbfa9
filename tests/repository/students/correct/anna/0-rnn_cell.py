#!/usr/bin/env python3
"""Forward propagation for a single step of a simple RNN cell."""
import numpy as np


def softmax(x):
    """Return the softmax of x (m, n) taken over each row."""
    return np.exp(x) / np.exp(x).sum(axis=1, keepdims=True)


class RNNCell:
    """Represents a cell of a simple RNN.

    Wh (h + i, h) and Wy (h, o) are the weights, bh (1, h) and by (1, o)
    the biases.
    """

    def __init__(self, i, h, o):
        """Class constructor.

        i is the dimensionality of the data, h the dimensionality of the
        hidden state and o the dimensionality of the outputs.
        """
        self.Wh = np.random.normal(size=(h + i, h))
        self.Wy = np.random.normal(size=(h, o))
        self.bh = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def forward(self, h_prev, x_t):
        """Perform forward propagation for one time step.

        h_prev is a numpy.ndarray of shape (m, h) with the previous hidden
        state, x_t a numpy.ndarray of shape (m, i) with the data input.
        Returns h_next (m, h), the next hidden state, and y (m, o), the
        output of the cell.
        """
        h_x = np.hstack((h_prev, x_t))
        h_next = np.tanh(np.dot(h_x, self.Wh) + self.bh)
        y = softmax(np.dot(h_next, self.Wy) + self.by)
        return h_next, y
