#!/usr/bin/env python3
"""Task 5: the forward direction of a bidirectional cell.

The forward direction is a simple RNN step:
    h_next = tanh([h_prev, x_t] @ Whf + bhf)
"""
import numpy as np


class BidirectionalCell:
    """A bidirectional RNN cell (forward direction only for now)."""

    def __init__(self, i, h, o):
        """Create the weights and biases.

        i: input size, h: hidden size, o: output size.
        Whf, Whb: (h + i, h); Wy: output weights; bhf, bhb: (1, h);
        by: (1, o).
        """
        self.Whf = np.random.normal(size=(h + i, h))
        self.Whb = np.random.normal(size=(h + i, h))
        self.Wy = np.random.normal(size=(h, o))
        self.bhf = np.zeros((1, h))
        self.bhb = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def forward(self, h_prev, x_t):
        """Compute the next forward hidden state.

        h_prev: (m, h) previous state, x_t: (m, i) input.
        Returns h_next: (m, h).
        """
        concat = np.concatenate((h_prev, x_t), axis=1)
        h_next = np.tanh(np.matmul(concat, self.Whf) + self.bhf)
        return h_next
