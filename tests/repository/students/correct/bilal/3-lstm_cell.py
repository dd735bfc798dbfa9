#!/usr/bin/env python3
"""Module with the LSTMCell class: one time step of an LSTM."""
import numpy as np


class LSTMCell:
    """LSTM unit.

    Wf, Wu, Wc, Wo: (h + i, h) forget gate, update gate, candidate cell
    state, output gate
    Wy: (h, o) output weights
    bf, bu, bc, bo: (1, h) and by: (1, o) biases
    """

    def __init__(self, i, h, o):
        """Initialize the weights (standard normal) and biases (zeros).

        i: input size, h: hidden size, o: output size
        """
        self.Wf = np.random.randn(h + i, h)
        self.Wu = np.random.randn(h + i, h)
        self.Wc = np.random.randn(h + i, h)
        self.Wo = np.random.randn(h + i, h)
        self.Wy = np.random.randn(h, o)
        self.bf = np.zeros((1, h))
        self.bu = np.zeros((1, h))
        self.bc = np.zeros((1, h))
        self.bo = np.zeros((1, h))
        self.by = np.zeros((1, o))

    @staticmethod
    def sigmoid(x):
        """Logistic sigmoid that never overflows: uses e = exp(-|x|)."""
        e = np.exp(-np.abs(x))
        return np.where(x >= 0, 1 / (1 + e), e / (1 + e))

    @staticmethod
    def softmax(z):
        """Numerically stable softmax of z (m, o) along the last axis."""
        shifted = z - np.max(z, axis=-1, keepdims=True)
        e = np.exp(shifted)
        return e / np.sum(e, axis=-1, keepdims=True)

    def forward(self, h_prev, c_prev, x_t):
        """Forward pass for one time step.

        h_prev: (m, h) previous hidden state
        c_prev: (m, h) previous cell state
        x_t: (m, i) input data at this step
        Returns: h_next (m, h), c_next (m, h), y (m, o)
        """
        concat = np.concatenate((h_prev, x_t), axis=1)
        f = self.sigmoid(concat @ self.Wf + self.bf)
        u = self.sigmoid(concat @ self.Wu + self.bu)
        c_cand = np.tanh(concat @ self.Wc + self.bc)
        o = self.sigmoid(concat @ self.Wo + self.bo)
        c_next = f * c_prev + u * c_cand
        h_next = o * np.tanh(c_next)
        y = self.softmax(h_next @ self.Wy + self.by)
        return h_next, c_next, y
