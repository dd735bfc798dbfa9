#!/usr/bin/env python3
"""LSTM unit."""
import numpy as np


def sigmoid(x):
    """Logistic sigmoid, stable for large |x|."""
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def softmax(x):
    """Softmax over the last axis."""
    e = np.exp(x - np.max(x, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


class LSTMCell:
    """Represents an LSTM unit."""

    def __init__(self, i, h, o):
        """Class constructor.

        i: dimensionality of the data
        h: dimensionality of the hidden state
        o: dimensionality of the outputs
        """
        self.Wf = np.random.normal(size=(i + h, h))
        self.Wu = np.random.normal(size=(i + h, h))
        self.Wc = np.random.normal(size=(i + h, h))
        self.Wo = np.random.normal(size=(i + h, h))
        self.Wy = np.random.normal(size=(h, o))
        self.bf = np.zeros((1, h))
        self.bu = np.zeros((1, h))
        self.bc = np.zeros((1, h))
        self.bo = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def forward(self, h_prev, c_prev, x_t):
        """Forward propagation for one time step.

        h_prev: (m, h) previous hidden state
        c_prev: (m, h) previous cell state
        x_t: (m, i) data input for the cell
        Returns: h_next (m, h), c_next (m, h), y (m, o)
        """
        concat = np.concatenate((h_prev, x_t), axis=1)
        forget = sigmoid(concat @ self.Wf + self.bf)
        update = sigmoid(concat @ self.Wu + self.bu)
        c_tilde = np.tanh(concat @ self.Wc + self.bc)
        output = sigmoid(concat @ self.Wo + self.bo)
        c_next = update * c_prev + forget * c_tilde
        h_next = output * np.tanh(c_next)
        y = softmax(h_next @ self.Wy + self.by)
        return h_next, c_next, y
