#!/usr/bin/env python3
"""Forward propagation for a single step of a gated recurrent unit."""
import numpy as np


def sigmoid(x):
    """Return the logistic sigmoid of x."""
    return 1 / (1 + np.exp(-x))


def softmax(x):
    """Return the softmax of x (m, n) taken over each row."""
    return np.exp(x) / np.exp(x).sum(axis=1, keepdims=True)


class GRUCell:
    """Represents a gated recurrent unit.

    Wz, Wr, Wh (h + i, h) are the weights of the update gate, the reset
    gate and the intermediate hidden state, Wy (h, o) the weights of the
    output; bz, br, bh (1, h) and by (1, o) are the matching biases.
    """

    def __init__(self, i, h, o):
        """Class constructor.

        i is the dimensionality of the data, h the dimensionality of the
        hidden state and o the dimensionality of the outputs.
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
        """Perform forward propagation for one time step.

        h_prev is a numpy.ndarray of shape (m, h) with the previous hidden
        state, x_t a numpy.ndarray of shape (m, i) with the data input.
        Returns h_next (m, h), the next hidden state, and y (m, o), the
        output of the cell.
        """
        h_x = np.hstack((h_prev, x_t))
        z = sigmoid(np.dot(h_x, self.Wz) + self.bz)
        r = sigmoid(np.dot(h_x, self.Wr) + self.br)
        rh_x = np.hstack((r * h_prev, x_t))
        h_tilde = np.tanh(np.dot(rh_x, self.Wh) + self.bh)
        h_next = (1 - z) * h_prev + z * h_tilde
        y = softmax(np.dot(h_next, self.Wy) + self.by)
        return h_next, y
