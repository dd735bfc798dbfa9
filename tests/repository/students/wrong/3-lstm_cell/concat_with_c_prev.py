#!/usr/bin/env python3
"""LSTM cell."""
import numpy as np


def sigmoid(x):
    """Sigmoid that never overflows."""
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def softmax(x):
    """Softmax of each row, shifted by the row's maximum."""
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


class LSTMCell:
    """LSTM unit."""

    def __init__(self, i, h, o):
        """Set up the weights and biases.

        i: data dimension; h: hidden state dimension; o: output dimension
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
        """One time step of the LSTM.

        h_prev: (m, h) hidden state, c_prev: (m, h) cell state,
        x_t: (m, i) input
        Returns h_next (m, h), c_next (m, h), y (m, o)
        """
        state_input = np.concatenate((c_prev, x_t), axis=1)
        f = sigmoid(state_input @ self.Wf + self.bf)
        u = sigmoid(state_input @ self.Wu + self.bu)
        c_cand = np.tanh(state_input @ self.Wc + self.bc)
        o = sigmoid(state_input @ self.Wo + self.bo)
        c_next = f * c_prev + u * c_cand
        h_next = o * np.tanh(c_next)
        y = softmax(h_next @ self.Wy + self.by)
        return h_next, c_next, y
