#!/usr/bin/env python3
"""Task 7: BidirectionalCell.output, one time step at a time."""
import numpy as np


def softmax(x):
    """Softmax of a batch of logits, shifted by the maximum for stability."""
    e = np.exp(x - np.max(x, axis=0))
    return e / np.sum(e, axis=0)


class BidirectionalCell:
    """A cell of a bidirectional RNN."""

    def __init__(self, i, h, o):
        """Initialize the cell.

        i: input size; h: hidden size of one direction; o: output size.
        """
        self.Whf = np.random.normal(size=(h + i, h))
        self.Whb = np.random.normal(size=(h + i, h))
        self.Wy = np.random.normal(size=(2 * h, o))
        self.bhf = np.zeros((1, h))
        self.bhb = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def forward(self, h_prev, x_t):
        """Forward direction: h_prev (m, h), x_t (m, i) -> h_next (m, h)."""
        cat = np.concatenate([h_prev, x_t], axis=1)
        return np.tanh(np.dot(cat, self.Whf) + self.bhf)

    def backward(self, h_next, x_t):
        """Backward direction: h_next (m, h), x_t (m, i) -> h_prev (m, h)."""
        cat = np.concatenate([h_next, x_t], axis=1)
        return np.tanh(np.dot(cat, self.Whb) + self.bhb)

    def output(self, H):
        """Outputs of every step: H (t, m, 2h) -> Y (t, m, o)."""
        t, m, _ = H.shape
        Y = np.zeros((t, m, self.Wy.shape[1]))
        for step in range(t):
            Y[step] = softmax(np.dot(H[step], self.Wy) + self.by)
        return Y
