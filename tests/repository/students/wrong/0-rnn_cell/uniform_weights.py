#!/usr/bin/env python3
"""Defines RNNCell, one step of a simple RNN."""
import numpy as np


class RNNCell:
    """A cell of a simple RNN."""

    def __init__(self, i, h, o):
        """Build the cell.

        i: size of one input vector; h: size of the hidden state;
        o: size of one output vector.
        """
        self.Wh = np.random.rand(h + i, h)
        self.Wy = np.random.rand(h, o)
        self.bh = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def forward(self, h_prev, x_t):
        """Run one time step.

        h_prev: (m, h) previous hidden state; x_t: (m, i) input.
        Returns h_next: (m, h) next hidden state and y: (m, o) output.
        """
        concat = np.concatenate((h_prev, x_t), axis=1)
        h_next = np.tanh(np.matmul(concat, self.Wh) + self.bh)
        z = np.matmul(h_next, self.Wy) + self.by
        z -= np.max(z, axis=1, keepdims=True)
        y = np.exp(z) / np.sum(np.exp(z), axis=1, keepdims=True)
        return h_next, y
