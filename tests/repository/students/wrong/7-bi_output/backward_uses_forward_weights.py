#!/usr/bin/env python3
"""Task 7: a complete bidirectional cell.

    forward:  h_next = tanh([h_prev, x_t] @ Whf + bhf)
    backward: h_prev = tanh([h_next, x_t] @ Whb + bhb)
    output:   Y = softmax(H @ Wy + by)
"""
import numpy as np


class BidirectionalCell:
    """Bidirectional RNN cell."""

    def __init__(self, i, h, o):
        """Initialize the cell (i inputs, h hidden units, o outputs)."""
        self.Whf = np.random.normal(size=(h + i, h))
        self.Whb = np.random.normal(size=(h + i, h))
        self.Wy = np.random.normal(size=(2 * h, o))
        self.bhf = np.zeros((1, h))
        self.bhb = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def forward(self, h_prev, x_t):
        """Forward direction, one step: returns h_next (m, h)."""
        concat = np.concatenate((h_prev, x_t), axis=1)
        return np.tanh(concat @ self.Whf + self.bhf)

    def backward(self, h_next, x_t):
        """Backward direction, one step: returns h_prev (m, h)."""
        concat = np.concatenate((h_next, x_t), axis=1)
        return np.tanh(concat @ self.Whf + self.bhf)

    def output(self, H):
        """Outputs: H (t, m, 2h) -> Y (t, m, o), softmax over the outputs."""
        z = H @ self.Wy + self.by
        z = np.exp(z - np.max(z, axis=-1, keepdims=True))
        return z / np.sum(z, axis=-1, keepdims=True)
