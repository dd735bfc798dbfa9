#!/usr/bin/env python3
"""Task 5: a bidirectional cell that can step its forward direction.

    h_next = tanh([h_prev, x_t] @ Whf + bhf)
"""
import numpy as np


class BidirectionalCell:
    """Bidirectional RNN cell: forward weights, backward weights, output."""

    def __init__(self, i, h, o):
        """Draw the weights from N(0, 1) and set the biases to zero.

        i: size of an input vector; h: hidden size of one direction;
        o: size of an output vector.
        """
        # forward direction
        self.Whf = np.random.normal(size=(h + i, h))
        # output layer reads both directions
        self.Wy = np.random.normal(size=(2 * h, o))
        # backward direction
        self.Whb = np.random.normal(size=(h + i, h))
        self.bhf = np.zeros((1, h))
        self.bhb = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def forward(self, h_prev, x_t):
        """One step of the forward direction.

        h_prev: (m, h), x_t: (m, i). Returns h_next: (m, h).
        """
        z = np.dot(np.concatenate([h_prev, x_t], axis=1), self.Whf)
        return np.tanh(z + self.bhf)
