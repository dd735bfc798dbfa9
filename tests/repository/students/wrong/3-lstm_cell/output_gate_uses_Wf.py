#!/usr/bin/env python3
"""Forward step of an LSTM unit."""
import numpy as np


def sigmoid(x):
    """Numerically stable sigmoid."""
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def softmax(x):
    """Row-wise softmax with the row maximum subtracted."""
    e = np.exp(x - np.max(x, axis=1, keepdims=True))
    return e / np.sum(e, axis=1, keepdims=True)


class LSTMCell:
    """LSTM unit."""

    def __init__(self, i, h, o):
        """Class constructor.

        i is the dimensionality of the data, h the dimensionality of the
        hidden state, o the dimensionality of the outputs.
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
        """Perform forward propagation for one time step.

        h_prev is (m, h), c_prev is (m, h), x_t is (m, i).
        Returns h_next (m, h), c_next (m, h), y (m, o).
        """
        concat = np.concatenate((h_prev, x_t), axis=1)
        f_t = sigmoid(np.matmul(concat, self.Wf) + self.bf)
        u_t = sigmoid(np.matmul(concat, self.Wu) + self.bu)
        c_cand = np.tanh(np.matmul(concat, self.Wc) + self.bc)
        o_t = sigmoid(np.matmul(concat, self.Wf) + self.bo)
        c_next = f_t * c_prev + u_t * c_cand
        h_next = o_t * np.tanh(c_next)
        y = softmax(np.matmul(h_next, self.Wy) + self.by)
        return h_next, c_next, y
