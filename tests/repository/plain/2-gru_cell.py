#!/usr/bin/env python3
"""GRU cell (a plain student solution)."""
import numpy as np


class GRUCell:
    """A gated recurrent unit."""

    def __init__(self, i, h, o):
        """Weights from randn, biases zero; keeps the hidden size."""
        self.hidden = h
        self.Wz = np.random.randn(i + h, h)
        self.Wr = np.random.randn(i + h, h)
        self.Wh = np.random.randn(i + h, h)
        self.Wy = np.random.randn(h, o)
        self.bz = np.zeros((1, h))
        self.br = np.zeros((1, h))
        self.bh = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def forward(self, h_prev, x_t):
        """One step forward."""
        x = np.concatenate((h_prev, x_t), axis=1)
        z = 1 / (1 + np.exp(-(x @ self.Wz + self.bz)))
        r = 1 / (1 + np.exp(-(x @ self.Wr + self.br)))
        x2 = np.concatenate((r * h_prev, x_t), axis=1)
        h_tilde = np.tanh(x2 @ self.Wh + self.bh)
        h_next = (1 - z) * h_prev[:, :self.hidden] + z * h_tilde
        e = np.exp(h_next @ self.Wy + self.by)
        return h_next, e / e.sum(axis=1, keepdims=True)
