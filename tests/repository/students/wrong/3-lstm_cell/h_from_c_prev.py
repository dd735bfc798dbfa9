#!/usr/bin/env python3
"""An LSTM unit, one time step."""
import numpy as np


def sigmoid(z):
    """Sigmoid from e = exp(-|z|): 1 / (1 + e) if z >= 0, else e / (1 + e)."""
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1, e) / (1 + e)


def softmax(z):
    """Softmax of each row of z."""
    z = z - np.max(z, axis=1, keepdims=True)
    ez = np.exp(z)
    return ez / np.sum(ez, axis=1, keepdims=True)


class LSTMCell:
    """LSTM unit."""

    def __init__(self, i, h, o):
        """Initialize weights from a standard normal and biases to zero.

        i: data size, h: hidden state size, o: output size
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
        """Forward propagation for one time step.

        h_prev: (m, h), c_prev: (m, h), x_t: (m, i)
        Returns h_next, c_next (m, h) and y (m, o)
        """
        x = np.concatenate((h_prev, x_t), axis=1)
        f = sigmoid(np.dot(x, self.Wf) + self.bf)
        u = sigmoid(np.dot(x, self.Wu) + self.bu)
        c_hat = np.tanh(np.dot(x, self.Wc) + self.bc)
        o = sigmoid(np.dot(x, self.Wo) + self.bo)
        h_next = o * np.tanh(c_prev)
        c_next = f * c_prev + u * c_hat
        y = softmax(np.dot(h_next, self.Wy) + self.by)
        return h_next, c_next, y
