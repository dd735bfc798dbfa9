#!/usr/bin/env python3
"""Gated recurrent unit, forward step."""
import numpy as np


class GRUCell:
    """GRU cell."""

    def __init__(self, i, h, o):
        """Build the GRU cell.

        i: input dimension; h: hidden dimension; o: output dimension.
        """
        self.Wz = np.random.normal(size=(h + i, h))
        self.Wr = np.random.normal(size=(h + i, h))
        self.Wh = np.random.normal(size=(h + i, h))
        self.Wy = np.random.normal(size=(h, o))
        self.bz = np.zeros((1, h))
        self.br = np.zeros((1, h))
        self.bh = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def sigmoid(self, x):
        """Sigmoid from exp(-|x|), safe for any finite x."""
        e = np.exp(-np.abs(x))
        return np.where(x >= 0, 1.0, e) / (1.0 + e)

    def softmax(self, x):
        """Softmax along axis 1."""
        e = np.exp(x - np.max(x, axis=1, keepdims=True))
        return e / np.sum(e, axis=1, keepdims=True)

    def forward(self, h_prev, x_t):
        """Forward propagation for one step.

        h_prev: (m, h); x_t: (m, i)
        Returns h_next (m, h) and y (m, o)
        """
        concat = np.concatenate((h_prev, x_t), axis=1)
        z = self.sigmoid(np.dot(concat, self.Wz) + self.bz)
        r = self.sigmoid(np.dot(concat, self.Wr) + self.br)
        concat_r = np.concatenate((r * h_prev, x_t), axis=1)
        h_cand = np.tanh(np.dot(concat_r, self.Wh) + self.bh)
        h_next = (1 - z) * h_prev + z * h_cand
        y = self.softmax(np.dot(h_cand, self.Wy) + self.by)
        return h_next, y
