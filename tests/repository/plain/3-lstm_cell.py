#!/usr/bin/env python3
"""LSTM cell (a plain student solution)."""
import numpy as np


def sigmoid(x):
    """The logistic function."""
    return 1 / (1 + np.exp(-x))


class LSTMCell:
    """An LSTM unit."""

    def __init__(self, i, h, o):
        """Weights from randn, biases zero."""
        self.Wf = np.random.randn(i + h, h)
        self.Wu = np.random.randn(i + h, h)
        self.Wc = np.random.randn(i + h, h)
        self.Wo = np.random.randn(i + h, h)
        self.Wy = np.random.randn(h, o)
        self.bf = np.zeros((1, h))
        self.bu = np.zeros((1, h))
        self.bc = np.zeros((1, h))
        self.bo = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def forward(self, h_prev, c_prev, x_t):
        """One step forward."""
        x = np.hstack((h_prev, x_t))
        f = sigmoid(x @ self.Wf + self.bf)
        u = sigmoid(x @ self.Wu + self.bu)
        c_tilde = np.tanh(x @ self.Wc + self.bc)
        c_next = f * c_prev + u * c_tilde
        o = sigmoid(x @ self.Wo + self.bo)
        h_next = o * np.tanh(c_next)
        z = h_next @ self.Wy + self.by
        y = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        return h_next, c_next, y
