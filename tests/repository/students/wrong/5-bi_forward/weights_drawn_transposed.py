#!/usr/bin/env python3
"""Task 5: bidirectional cell, forward direction."""
import numpy as np


class BidirectionalCell:
    """Represents a bidirectional cell of an RNN."""

    def __init__(self, i, h, o):
        """Class constructor.

        i is the dimensionality of the data, h the dimensionality of the
        hidden states, o the dimensionality of the outputs.
        """
        # one row per hidden unit, then transposed to (h + i, h)
        self.Whf = np.random.normal(size=(h, h + i)).T
        self.Whb = np.random.normal(size=(h, h + i)).T
        self.Wy = np.random.normal(size=(2 * h, o))
        self.bhf = np.zeros((1, h))
        self.bhb = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def forward(self, h_prev, x_t):
        """Calculate the hidden state in the forward direction.

        h_prev: (m, h) previous hidden state; x_t: (m, i) input.
        Returns h_next, the next hidden state (m, h).
        """
        h_x = np.concatenate((h_prev, x_t), axis=1)
        h_next = np.tanh(np.dot(h_x, self.Whf) + self.bhf)
        return h_next
