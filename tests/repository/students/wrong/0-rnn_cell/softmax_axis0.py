#!/usr/bin/env python3
"""A simple RNN cell."""
import numpy as np


def softmax(z):
    """Stable softmax of z.

    z: numpy.ndarray of shape (m, o)
    Returns the probabilities, same shape as z
    """
    shifted = np.exp(z - np.max(z, axis=0))
    return shifted / shifted.sum(axis=0)


class RNNCell:
    """A cell of a simple RNN with a softmax output."""

    def __init__(self, i, h, o):
        """Initialize the weights and biases.

        i: dimension of the input, h: dimension of the hidden state,
        o: dimension of the output
        """
        self.Wh = np.random.normal(size=(h + i, h))
        self.Wy = np.random.normal(size=(h, o))
        self.bh = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def forward(self, h_prev, x_t):
        """Forward propagation for one time step.

        h_prev: (m, h) previous hidden state
        x_t: (m, i) input data for the cell
        Returns h_next (m, h) and y (m, o)
        """
        concat = np.concatenate((h_prev, x_t), axis=1)
        h_next = np.tanh(np.dot(concat, self.Wh) + self.bh)
        y = softmax(np.dot(h_next, self.Wy) + self.by)
        return h_next, y
