#!/usr/bin/env python3
"""GRU cell, one time step."""
import numpy as np


class GRUCell:
    """A gated recurrent unit cell."""

    def __init__(self, i, h, o):
        """Initialize the gates' weights and the output layer.

        i: input size; h: hidden size; o: output size
        """
        self.Wz = np.random.normal(size=(h + i, h))
        self.Wr = np.random.normal(size=(h + i, h))
        self.Wh = np.random.normal(size=(h + i, h))
        self.Wy = np.random.normal(size=(h, o))
        self.bz = np.zeros((1, h))
        self.br = np.zeros((1, h))
        self.bh = np.zeros((1, h))
        self.by = np.zeros((1, o))

    @staticmethod
    def sigmoid(x):
        """Numerically stable logistic function."""
        return np.exp(-np.logaddexp(0, -x))

    @staticmethod
    def softmax(x):
        """Softmax of each row of x."""
        x = np.exp(x - x.max(axis=1, keepdims=True))
        return x / x.sum(axis=1, keepdims=True)

    def forward(self, h_prev, x_t):
        """Run one step of the GRU.

        h_prev: (m, h), x_t: (m, i)
        Returns h_next (m, h) and y (m, o)
        """
        h = h_prev.shape[1]
        hx = np.concatenate((h_prev, x_t), axis=1)
        z = self.sigmoid(hx @ self.Wz + self.bz)
        r = self.sigmoid(hx @ self.Wr + self.br)
        h_cand = np.tanh(r * (h_prev @ self.Wh[:h]) + x_t @ self.Wh[h:]
                         + self.bh)
        h_next = (1 - z) * h_prev + z * h_cand
        y = self.softmax(h_next @ self.Wy + self.by)
        return h_next, y
