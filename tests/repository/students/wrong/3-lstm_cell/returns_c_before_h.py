#!/usr/bin/env python3
"""LSTM cell: the forward step."""
import numpy as np


def sigmoid(x):
    """Logistic sigmoid computed without overflow."""
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def softmax(x):
    """Softmax of each row."""
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


class LSTMCell:
    """A long short-term memory cell."""

    def __init__(self, i, h, o):
        """Init the cell: i inputs, h hidden units, o outputs."""
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
        """Forward pass for one time step.

        h_prev: (m, h); c_prev: (m, h); x_t: (m, i).
        Returns the new cell state, the new hidden state (both (m, h))
        and the output y (m, o).
        """
        hx = np.concatenate((h_prev, x_t), axis=1)
        f = sigmoid(hx @ self.Wf + self.bf)
        u = sigmoid(hx @ self.Wu + self.bu)
        c_cand = np.tanh(hx @ self.Wc + self.bc)
        o = sigmoid(hx @ self.Wo + self.bo)
        c_next = f * c_prev + u * c_cand
        h_next = o * np.tanh(c_next)
        y = softmax(h_next @ self.Wy + self.by)
        return c_next, h_next, y
