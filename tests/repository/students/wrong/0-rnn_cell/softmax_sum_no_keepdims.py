#!/usr/bin/env python3
"""Simple RNN cell with a softmax output layer."""
import numpy as np


class RNNCell:
    """RNN cell."""

    def __init__(self, i, h, o):
        """Initialize the cell.

        i -- size of the inputs
        h -- size of the hidden state
        o -- size of the outputs
        """
        self.Wh = np.random.normal(size=(h + i, h))
        self.Wy = np.random.normal(size=(h, o))
        self.bh = np.zeros(shape=(1, h))
        self.by = np.zeros(shape=(1, o))

    def forward(self, h_prev, x_t):
        """Forward one step.

        h_prev -- (m, h) previous hidden state
        x_t -- (m, i) input
        Returns h_next (m, h) and y (m, o).
        """
        h_next = np.tanh(
            np.concatenate((h_prev, x_t), axis=1) @ self.Wh + self.bh)
        logits = h_next @ self.Wy + self.by
        exps = np.exp(logits - np.max(logits, axis=1, keepdims=True))
        y = exps / np.sum(exps, axis=1)
        return h_next, y
