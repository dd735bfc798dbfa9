#!/usr/bin/env python3
"""An LSTM cell (gates in the usual forget, input, output, cell order)."""
import numpy as np


def sigmoid(x):
    """Stable sigmoid computed from exp(-|x|)."""
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def softmax(x):
    """Stable softmax along axis 1."""
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


class LSTMCell:
    """LSTM unit."""

    def __init__(self, i, h, o):
        """Initialize the LSTM unit.

        i: size of the data, h: size of the hidden state,
        o: size of the outputs. Weights ~ N(0, 1), biases = 0.
        """
        self.Wf = np.random.normal(size=(h + i, h))
        self.Wu = np.random.normal(size=(h + i, h))
        self.Wo = np.random.normal(size=(h + i, h))
        self.Wc = np.random.normal(size=(h + i, h))
        self.Wy = np.random.normal(size=(h, o))
        self.bf = np.zeros((1, h))
        self.bu = np.zeros((1, h))
        self.bo = np.zeros((1, h))
        self.bc = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def forward(self, h_prev, c_prev, x_t):
        """Forward propagation for one time step.

        h_prev: (m, h) previous hidden state; c_prev: (m, h) previous cell
        state; x_t: (m, i) input.
        Returns h_next (m, h), c_next (m, h), y (m, o).
        """
        z = np.concatenate((h_prev, x_t), axis=1)
        f = sigmoid(z @ self.Wf + self.bf)
        u = sigmoid(z @ self.Wu + self.bu)
        o = sigmoid(z @ self.Wo + self.bo)
        g = np.tanh(z @ self.Wc + self.bc)
        c_next = f * c_prev + u * g
        h_next = o * np.tanh(c_next)
        y = softmax(h_next @ self.Wy + self.by)
        return h_next, c_next, y
