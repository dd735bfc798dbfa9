#!/usr/bin/env python3
"""An LSTM unit."""
import numpy as np


class LSTMCell:
    """LSTM unit with softmax outputs."""

    def __init__(self, i, h, o):
        """Class constructor.

        i: dimensionality of the data; h: of the hidden state;
        o: of the outputs.
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

    @staticmethod
    def sigmoid(x):
        """Stable sigmoid."""
        e = np.exp(-np.abs(x))
        return np.where(x >= 0, 1 / (1 + e), e / (1 + e))

    @staticmethod
    def softmax(x):
        """Stable softmax."""
        e = np.exp(x - np.max(x, axis=1, keepdims=True))
        return e / np.sum(e, axis=0, keepdims=True)

    def forward(self, h_prev, c_prev, x_t):
        """Forward propagation for one time step.

        h_prev, c_prev: (m, h); x_t: (m, i)
        Returns h_next (m, h), c_next (m, h), y (m, o)
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
