#!/usr/bin/env python3
"""LSTM cell."""
import numpy as np


def sigmoid(x):
    """Stable logistic function."""
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def softmax(x):
    """Softmax along the last axis."""
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


class LSTMCell:
    """Long short-term memory unit."""

    def __init__(self, i, h, o):
        """Create the LSTM unit.

        i -- dimensionality of the data
        h -- dimensionality of the hidden state
        o -- dimensionality of the outputs
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
        """Forward step.

        h_prev -- (m, h), c_prev -- (m, h), x_t -- (m, i)
        Returns h_next (m, h), c_next (m, h), y (m, o)
        """
        concat = np.concatenate([h_prev, x_t], axis=1)
        gates = [sigmoid(concat @ W + b) for W, b in
                 ((self.Wf, self.bf), (self.Wu, self.bu),
                  (self.Wc, self.bc), (self.Wo, self.bo))]
        f, u, c_cand, o = gates
        c_next = f * c_prev + u * c_cand
        h_next = o * np.tanh(c_next)
        y = softmax(h_next @ self.Wy + self.by)
        return h_next, c_next, y
