#!/usr/bin/env python3
"""Module with the GRUCell class: one time step of a GRU."""
import numpy as np


class GRUCell:
    """Gated recurrent unit.

    Wz, Wr, Wh: (h + i, h) update gate, reset gate, candidate state
    Wy: (h, o) output weights
    bz, br, bh: (1, h) and by: (1, o) biases
    """

    def __init__(self, i, h, o):
        """Initialize the weights (standard normal) and biases (zeros).

        i: input size, h: hidden size, o: output size
        """
        self.Wz = np.random.randn(h + i, h)
        self.Wr = np.random.randn(h + i, h)
        self.Wh = np.random.randn(h + i, h)
        self.Wy = np.random.randn(h, o)
        self.bz = np.zeros((1, h))
        self.br = np.zeros((1, h))
        self.bh = np.zeros((1, h))
        self.by = np.zeros((1, o))

    @staticmethod
    def sigmoid(x):
        """Logistic sigmoid that never overflows: uses e = exp(-|x|)."""
        e = np.exp(-np.abs(x))
        return np.where(x >= 0, 1 / (1 + e), e / (1 + e))

    @staticmethod
    def softmax(z):
        """Numerically stable softmax of z (m, o) along the last axis."""
        shifted = z - np.max(z, axis=-1, keepdims=True)
        e = np.exp(shifted)
        return e / np.sum(e, axis=-1, keepdims=True)

    def forward(self, h_prev, x_t):
        """Forward pass for one time step.

        h_prev: (m, h) previous hidden state
        x_t: (m, i) input data at this step
        Returns: h_next (m, h), y (m, o)
        """
        concat = np.concatenate((h_prev, x_t), axis=1)
        z = self.sigmoid(concat @ self.Wz + self.bz)
        r = self.sigmoid(concat @ self.Wr + self.br)
        concat_r = np.concatenate((r * h_prev, x_t), axis=1)
        h_cand = np.tanh(concat_r @ self.Wh + self.bh)
        h_next = (1 - z) * h_prev + z * h_cand
        y = self.softmax(h_next @ self.Wy + self.by)
        return h_next, y
