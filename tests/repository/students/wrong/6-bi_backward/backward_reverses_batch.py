#!/usr/bin/env python3
"""Task 6: BidirectionalCell with forward and backward steps.

The backward direction reads the input the other way round.
"""
import numpy as np


class BidirectionalCell:
    """Cell of a bidirectional recurrent network."""

    def __init__(self, i, h, o):
        """Initialise the cell.

        i: input size; h: hidden size per direction; o: output size.
        """
        self.Whf = np.random.normal(size=(h + i, h))
        self.Whb = np.random.normal(size=(h + i, h))
        self.Wy = np.random.normal(size=(2 * h, o))
        self.bhf = np.zeros((1, h))
        self.bhb = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def forward(self, h_prev, x_t):
        """Return the forward hidden state (m, h) after reading x_t (m, i)."""
        z = np.concatenate((h_prev, x_t), axis=1) @ self.Whf + self.bhf
        return np.tanh(z)

    def backward(self, h_next, x_t):
        """Return the backward hidden state (m, h) after reading x_t (m, i).

        h_next is the backward state coming from the later time step.
        """
        x_rev = x_t[::-1]
        z = np.concatenate((h_next, x_rev), axis=1) @ self.Whb + self.bhb
        return np.tanh(z)
