#!/usr/bin/env python3
"""Long short-term memory cell."""
import numpy as np


class LSTMCell:
    """LSTM cell with a softmax output layer."""

    def __init__(self, i, h, o):
        """Build the cell: four gate weights, Wy, zero biases.

        i: input size; h: hidden size; o: output size
        """
        for name in ("Wf", "Wu", "Wc", "Wo"):
            setattr(self, name, np.random.normal(size=(h + i, h)))
        self.Wy = np.random.normal(size=(h, o))
        for name in ("bf", "bu", "bc", "bo"):
            setattr(self, name, np.zeros((1, h)))
        self.by = np.zeros((1, o))

    @staticmethod
    def _sigmoid(x):
        """Stable sigmoid."""
        return np.exp(-np.logaddexp(0, -x))

    @staticmethod
    def _softmax(x):
        """Stable softmax of each row."""
        x = np.exp(x - x.max(axis=1, keepdims=True))
        return x / x.sum(axis=1, keepdims=True)

    def forward(self, h_prev, c_prev, x_t):
        """One step of the LSTM.

        h_prev, c_prev: (m, h); x_t: (m, i)
        Returns h_next (m, h), c_next (m, h), y (m, o)
        """
        hx = np.hstack((h_prev, x_t))
        f = self._sigmoid(hx @ self.Wf + self.bf)
        u = self._sigmoid(hx @ self.Wu + self.bu)
        c_bar = np.tanh(hx @ self.Wc + self.bc)
        o = self._sigmoid(hx @ self.Wo + self.bo)
        c_next = f * c_prev + u * c_bar
        h_next = o * c_next
        y = self._softmax(h_next @ self.Wy + self.by)
        return h_next, c_next, y
