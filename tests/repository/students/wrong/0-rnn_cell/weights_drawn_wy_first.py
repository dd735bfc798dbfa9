#!/usr/bin/env python3
"""RNNCell: one step of a vanilla recurrent network."""
import numpy as np


class RNNCell:
    """Vanilla RNN cell: tanh hidden state, softmax output."""

    def __init__(self, i, h, o):
        """Create the parameters.

        i: input size, h: hidden size, o: output size.
        Weights come from the standard normal, biases are zero.
        """
        self.Wy = np.random.normal(size=(h, o))
        self.Wh = np.random.normal(size=(h + i, h))
        self.bh = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def forward(self, h_prev, x_t):
        """Compute one time step.

        h_prev: (m, h) hidden state before this step
        x_t: (m, i) input at this step
        Returns h_next (m, h), y (m, o)
        """
        stacked = np.concatenate([h_prev, x_t], axis=-1)
        h_next = np.tanh(np.matmul(stacked, self.Wh) + self.bh)
        z = np.matmul(h_next, self.Wy) + self.by
        e = np.exp(z - z.max(axis=-1, keepdims=True))
        y = e / e.sum(axis=-1, keepdims=True)
        return h_next, y
