#!/usr/bin/env python3
"""GRU: gated recurrent unit, one step."""
import numpy as np


def sigmoid(x):
    """Sigmoid computed from exp(-|x|), which never overflows."""
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1, e) / (1 + e)


class GRUCell:
    """A GRU cell with a softmax output."""

    def __init__(self, i, h, o):
        """Create a GRU cell.

        i: the size of the input, h: the size of the hidden state,
        o: the size of the output
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
        """One step of forward propagation.

        h_prev: (m, h), x_t: (m, i)
        Returns h_next (m, h), y (m, o)
        """
        hx = np.hstack((h_prev, x_t))
        r = sigmoid(hx @ self.Wz + self.bz)
        z = sigmoid(hx @ self.Wr + self.br)
        h_hat = np.tanh(np.hstack((r * h_prev, x_t)) @ self.Wh + self.bh)
        h_next = (1 - z) * h_prev + z * h_hat
        logits = h_next @ self.Wy + self.by
        p = np.exp(logits - logits.max(axis=1, keepdims=True))
        return h_next, p / p.sum(axis=1, keepdims=True)
