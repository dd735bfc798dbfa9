#!/usr/bin/env python3
"""Forward direction of a bidirectional RNN cell."""
import numpy as np


class BidirectionalCell:
    """A bidirectional cell.

    Whf, Whb: (h + i, h); Wy: (2h, o); bhf, bhb: (1, h); by: (1, o).
    """

    def __init__(self, i, h, o):
        """Set up the parameters for input size i, hidden h, output o."""
        self.Whf = np.random.normal(size=(h + i, h))
        self.Whb = np.random.normal(size=(h + i, h))
        self.Wy = np.random.normal(size=(2 * h, o))
        self.bhf = np.zeros((1, h))
        self.bhb = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def forward(self, h_prev, x_t):
        """Return the forward hidden state (m, h) after reading x_t (m, i)."""
        stacked = np.concatenate((h_prev, x_t), axis=1)
        return np.tanh(stacked @ self.Whf) + self.bhf
