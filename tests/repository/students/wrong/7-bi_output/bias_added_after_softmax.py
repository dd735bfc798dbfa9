#!/usr/bin/env python3
"""Task 7 - bidirectional cell: forward, backward and output."""
import numpy as np


class BidirectionalCell:
    """Bidirectional RNN cell."""

    def __init__(self, i, h, o):
        """Init: Whf, Whb (h + i, h), Wy (2h, o), zero biases."""
        self.Whf = np.random.normal(size=(h + i, h))
        self.Whb = np.random.normal(size=(h + i, h))
        self.Wy = np.random.normal(size=(2 * h, o))
        self.bhf = np.zeros((1, h))
        self.bhb = np.zeros((1, h))
        self.by = np.zeros((1, o))

    @staticmethod
    def softmax(x):
        """Softmax over the last axis."""
        ex = np.exp(x - np.max(x, axis=-1, keepdims=True))
        return ex / np.sum(ex, axis=-1, keepdims=True)

    def forward(self, h_prev, x_t):
        """Forward hidden state: (m, h), (m, i) -> (m, h)."""
        return np.tanh(np.dot(np.hstack((h_prev, x_t)), self.Whf) + self.bhf)

    def backward(self, h_next, x_t):
        """Backward hidden state: (m, h), (m, i) -> (m, h)."""
        return np.tanh(np.dot(np.hstack((h_next, x_t)), self.Whb) + self.bhb)

    def output(self, H):
        """All outputs: H (t, m, 2h) -> Y (t, m, o)."""
        return self.softmax(np.dot(H, self.Wy)) + self.by
