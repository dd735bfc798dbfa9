#!/usr/bin/env python3
"""Module with a GRU cell."""
import numpy as np


def sigmoid(z):
    """Stable sigmoid: 1 / (1 + e) or e / (1 + e) with e = exp(-|z|)."""
    e = np.exp(-np.abs(z))
    out = np.empty_like(e)
    pos = z >= 0
    out[pos] = 1 / (1 + e[pos])
    out[~pos] = e[~pos] / (1 + e[~pos])
    return out


def softmax(z):
    """Softmax over each row."""
    z = z - np.max(z, axis=1, keepdims=True)
    return np.exp(z) / np.sum(np.exp(z), axis=1, keepdims=True)


class GRUCell:
    """Gated recurrent unit."""

    def __init__(self, i, h, o):
        """Constructor: Wz, Wr, Wh (h + i, h), Wy (h, o), zero biases."""
        self.Wz = np.random.normal(size=(h + i, h))
        self.Wr = np.random.normal(size=(h + i, h))
        self.Wh = np.random.normal(size=(h + i, h))
        self.Wy = np.random.normal(size=(h, o))
        self.bz = np.zeros((1, h))
        self.br = np.zeros((1, h))
        self.bh = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def forward(self, h_prev, x_t):
        """Forward propagation for one time step.

        h_prev: numpy.ndarray (m, h), x_t: numpy.ndarray (m, i)
        Returns h_next (m, h), y (m, o)
        """
        inputs = np.concatenate((h_prev, x_t), axis=1)
        update = sigmoid(np.dot(inputs, self.Wz) + self.bz)
        reset = sigmoid(np.dot(inputs, self.Wr) + self.br)
        candidate = np.tanh(np.dot(inputs, self.Wh) + self.bh)
        h_next = (1 - update) * h_prev + update * candidate
        y = softmax(np.dot(h_next, self.Wy) + self.by)
        return h_next, y
