#!/usr/bin/env python3
"""RNN cell for a single time step."""
import numpy as np


def softmax(x):
    """Softmax along the last axis of x, shifted by the maximum."""
    e_x = np.exp(x - np.max(x, axis=-1, keepdims=True))
    return e_x / np.sum(e_x, axis=-1, keepdims=True)


class RNNCell:
    """Represents a cell of a simple RNN."""

    def __init__(self, i, h, o):
        """Initialize weights (standard normal) and biases (zeros).

        i: input dimension, h: hidden dimension, o: output dimension
        """
        self.Wh = np.random.normal(size=(h + i, h))
        self.Wy = np.random.normal(size=(h, o))
        self.bh = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def forward(self, h_prev, x_t):
        """Forward propagation for one time step.

        h_prev: (m, h) previous hidden state
        x_t: (m, i) input for the cell
        Returns: h_next (m, h), y (m, o)
        """
        y = softmax(np.dot(h_prev, self.Wy) + self.by)
        h_x = np.concatenate((h_prev, x_t), axis=1)
        h_next = np.tanh(np.dot(h_x, self.Wh) + self.bh)
        return h_next, y
