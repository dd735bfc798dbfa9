#!/usr/bin/env python3
"""LSTM cell for one time step."""
import numpy as np


def sigmoid(x):
    """Sigmoid that does not overflow for large negative x."""
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def softmax(x):
    """Stable softmax over the last axis."""
    x = x - np.max(x, axis=-1, keepdims=True)
    return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)


class LSTMCell:
    """An LSTM unit with a softmax output."""

    def __init__(self, i, h, o):
        """Create the weights (standard normal) and biases (zero).

        i: input dimension, h: hidden dimension, o: output dimension
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
        """Compute one step of the LSTM.

        h_prev: (m, h), c_prev: (m, h), x_t: (m, i)
        Returns: h_next (m, h), c_next (m, h), y (m, o)
        """
        hx = np.concatenate((h_prev, x_t), axis=1)
        f = sigmoid(hx @ self.Wf + self.bf)
        u = sigmoid(hx @ self.Wu + self.bu)
        cc = np.tanh(hx @ self.Wc + self.bc)
        o = sigmoid(hx @ self.Wo + self.bo)
        c_next = f * c_prev + u * cc
        h_next = o * np.tanh(c_next)
        y = softmax(c_next @ self.Wy + self.by)
        return h_next, c_next, y
