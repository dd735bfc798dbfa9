#!/usr/bin/env python3
"""Bidirectional cell: forward and backward directions (task 6)."""
import numpy as np


class BidirectionalCell:
    """Represents a bidirectional cell of an RNN."""

    def __init__(self, i, h, o):
        """Class constructor.

        Args:
            i: dimensionality of the data
            h: dimensionality of the hidden states
            o: dimensionality of the outputs
        """
        self.Whf = np.random.normal(size=(i + h, h))
        self.Whb = np.random.normal(size=(i + h, h))
        self.Wy = np.random.normal(size=(2 * h, o))
        self.bhf = np.zeros((1, h))
        self.bhb = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def forward(self, h_prev, x_t):
        """Calculate the hidden state in the forward direction for one step.

        Args:
            h_prev: (m, h) previous hidden state
            x_t: (m, i) data input

        Returns:
            h_next: (m, h) the next hidden state
        """
        h_x = np.concatenate((h_prev, x_t), axis=1)
        return np.tanh(np.matmul(h_x, self.Whf) + self.bhf)

    def backward(self, h_next, x_t):
        """Calculate the hidden state in the backward direction for one step.

        Args:
            h_next: (m, h) next hidden state
            x_t: (m, i) data input

        Returns:
            h_prev: (m, h) the previous hidden state
        """
        x_h = np.concatenate((x_t, h_next), axis=1)
        return np.tanh(np.matmul(x_h, self.Whb) + self.bhb)
