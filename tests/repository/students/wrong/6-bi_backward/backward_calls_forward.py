#!/usr/bin/env python3
"""Task 6: bidirectional cell with both directions.

    forward:  h_next = tanh([h_prev, x_t] @ Whf + bhf)
    backward: h_prev = tanh([h_next, x_t] @ Whb + bhb)
"""
import numpy as np


class BidirectionalCell:
    """Bidirectional RNN cell."""

    def __init__(self, i, h, o):
        """Initialize weights Whf, Whb (h + i, h), Wy (2h, o) and biases."""
        self.Whf = np.random.normal(size=(h + i, h))
        self.Whb = np.random.normal(size=(h + i, h))
        self.Wy = np.random.normal(size=(2 * h, o))
        self.bhf = np.zeros((1, h))
        self.bhb = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def forward(self, h_prev, x_t):
        """Forward direction: h_prev (m, h), x_t (m, i) -> h_next (m, h)."""
        concat = np.concatenate((h_prev, x_t), axis=1)
        return np.tanh(concat @ self.Whf + self.bhf)

    def backward(self, h_next, x_t):
        """Backward direction: h_next (m, h), x_t (m, i) -> h_prev (m, h).

        It is the same recurrence as forward, only run from the end of the
        sequence, so it reuses forward.
        """
        return self.forward(h_next, x_t)
