#!/usr/bin/env python3
"""A gated recurrent unit (GRU) cell."""
import numpy as np


def sigmoid(x):
    """Logistic sigmoid, written so that exp never overflows."""
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def softmax(x):
    """Row-wise softmax, stabilised by the maximum of each row."""
    e = np.exp(x - np.max(x, axis=1, keepdims=True))
    return e / np.sum(e, axis=1, keepdims=True)


class GRUCell:
    """Gated recurrent unit."""

    def __init__(self, i, h, o):
        """Initialize the GRU cell.

        i: dimensionality of the data, h: of the hidden state,
        o: of the outputs
        """
        self.Wz = np.random.normal(size=(h + i, h))
        self.Wr = np.random.normal(size=(h + i, h))
        self.Wh = np.random.normal(size=(h + i, h))
        self.Wy = np.random.normal(size=(h, o))
        self.bz = np.zeros((1, h))
        self.br = np.zeros((1, h))
        self.bh = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def forward(self, h_prev, x_t):
        """Perform forward propagation for one time step.

        h_prev: (m, h) previous hidden state; x_t: (m, i) input.
        Returns h_next (m, h) and y (m, o).
        """
        concat = np.concatenate((h_prev, x_t), axis=1)
        z = sigmoid(np.matmul(concat, self.Wz) + self.bz)
        r = sigmoid(np.matmul(concat, self.Wr) + self.br)
        h_cand = np.tanh(r * np.matmul(concat, self.Wh) + self.bh)
        h_next = (1 - z) * h_prev + z * h_cand
        y = softmax(np.matmul(h_next, self.Wy) + self.by)
        return h_next, y
