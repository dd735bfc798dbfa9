#!/usr/bin/env python3
"""LSTM unit: one step of forward propagation."""
import numpy as np


def sigmoid(x):
    """Sigmoid: 1 / (1 + e) if x >= 0, else e / (1 + e); e = exp(-|x|)."""
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def softmax(x):
    """Softmax of the rows of x."""
    e = np.exp(x - np.max(x, axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


class LSTMCell:
    """Long short-term memory unit."""

    def __init__(self, i, h, o):
        """Constructor: weights from the standard normal, zero biases.

        i: dimension of the data; h: of the hidden state; o: of the output
        """
        self.Wf = np.random.normal(size=(h + i, h))
        self.Wu = np.random.normal(size=(h + i, h))
        self.Wc = np.random.normal(size=(h + i, h))
        self.Wo = np.random.normal(size=(h + i, h))
        self.Wy = np.random.normal(size=(h, o))
        self.bf = np.zeros((1, h))
        self.bu = np.zeros((1, h))
        self.bc = np.zeros((1, h))
        self.bo = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def forward(self, h_prev, c_prev, x_t):
        """Run one step.

        h_prev: (m, h), c_prev: (m, h), x_t: (m, i)
        Returns h_next, c_next: (m, h), y: (m, o)
        """
        concat = np.concatenate((h_prev, x_t), axis=1)
        f = sigmoid(concat @ self.Wf + self.bf)
        u = sigmoid(concat @ self.Wu + self.bu)
        c_t = np.tanh(concat @ self.Wc + self.bc)
        o = sigmoid(concat @ self.Wo + self.bo)
        c_next = f * h_prev + u * c_t
        h_next = o * np.tanh(c_next)
        y = softmax(h_next @ self.Wy + self.by)
        return h_next, c_next, y
