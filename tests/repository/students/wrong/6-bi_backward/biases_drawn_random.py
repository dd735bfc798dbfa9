#!/usr/bin/env python3
"""Task 6: a bidirectional cell with its forward and backward directions.

    h_next = tanh([h_prev, x_t] @ Whf + bhf)
    h_prev = tanh([h_next, x_t] @ Whb + bhb)
"""
import numpy as np


class BidirectionalCell:
    """Bidirectional cell: Whf, Whb, Wy, bhf, bhb, by."""

    def __init__(self, i, h, o):
        """Initialise every parameter from the standard normal.

        i: input size, h: hidden size, o: output size.
        """
        self.Whf = np.random.normal(size=(h + i, h))
        self.Whb = np.random.normal(size=(h + i, h))
        self.Wy = np.random.normal(size=(2 * h, o))
        self.bhf = np.random.normal(size=(1, h))
        self.bhb = np.random.normal(size=(1, h))
        self.by = np.random.normal(size=(1, o))

    def forward(self, h_prev, x_t):
        """One forward step: (m, h), (m, i) -> (m, h)."""
        a = np.dot(np.concatenate([h_prev, x_t], 1), self.Whf) + self.bhf
        return np.tanh(a)

    def backward(self, h_next, x_t):
        """One backward step: (m, h), (m, i) -> (m, h)."""
        a = np.dot(np.concatenate([h_next, x_t], 1), self.Whb) + self.bhb
        return np.tanh(a)
