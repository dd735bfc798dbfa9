#!/usr/bin/env python3
"""A simple RNN cell."""
import numpy as np


class RNNCell:
    """RNN cell with tanh activation and a softmax output."""

    def __init__(self, i, h, o):
        """Initialize the parameters.

        i: data size, h: hidden state size, o: output size.
        Wh maps [h_prev, x_t] to the state, Wy maps the state to the
        output logits (one row per output unit).
        """
        self.Wh = np.random.normal(size=(h + i, h))
        self.Wy = np.random.normal(size=(o, h))
        self.bh = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def forward(self, h_prev, x_t):
        """Do one step of forward propagation.

        h_prev: (m, h) hidden state, x_t: (m, i) input.
        Returns h_next (m, h), y (m, o).
        """
        concat = np.concatenate((h_prev, x_t), axis=1)
        h_next = np.tanh(concat @ self.Wh + self.bh)
        scores = h_next @ self.Wy.T + self.by
        scores = scores - scores.max(axis=1, keepdims=True)
        y = np.exp(scores)
        y = y / y.sum(axis=1, keepdims=True)
        return h_next, y
