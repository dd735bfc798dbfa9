#!/usr/bin/env python3
"""Task 7: the outputs of a bidirectional cell.

    Y = softmax(H @ Wy + by)
"""
import numpy as np


class BidirectionalCell:
    """Cell of a bidirectional RNN."""

    def __init__(self, i, h, o):
        """Initialise the cell for input size i, hidden h, output o."""
        self.Whf = np.random.normal(size=(h + i, h))
        self.Whb = np.random.normal(size=(h + i, h))
        self.Wy = np.random.normal(size=(2 * h, o))
        self.bhf = np.zeros((1, h))
        self.bhb = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def forward(self, h_prev, x_t):
        """Step forward: h_prev (m, h), x_t (m, i) -> h_next (m, h)."""
        return np.tanh(np.concatenate((h_prev, x_t), 1) @ self.Whf + self.bhf)

    def backward(self, h_next, x_t):
        """Step backward: h_next (m, h), x_t (m, i) -> h_prev (m, h)."""
        return np.tanh(np.concatenate((h_next, x_t), 1) @ self.Whb + self.bhb)

    def output(self, H):
        """Outputs Y (t, m, o) of the states H (t, m, 2h)."""
        Z = H @ self.Wy + self.by
        E = np.exp(Z - Z.max(axis=-1, keepdims=True))
        return E / E.sum(axis=-1)
