#!/usr/bin/env python3
"""Bidirectional cell, forward direction (task 5)."""
import numpy as np


class BidirectionalCell:
    """Cell of a bidirectional RNN with a forward and a backward direction."""

    def __init__(self, i, h, o):
        """Initialize the cell.

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
        """Forward propagation for one time step.

        Args:
            h_prev: (m, h) previous hidden state
            x_t: (m, i) data input for the cell

        Returns:
            h_next: (m, h) the next hidden state
        """
        cell_input = np.hstack((h_prev, x_t))
        h_next = np.tanh(cell_input @ self.Whb + self.bhb)
        return h_next
