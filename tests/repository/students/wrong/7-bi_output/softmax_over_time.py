#!/usr/bin/env python3
"""Task 7: a bidirectional cell with its outputs.

    forward:  h_next = tanh([h_prev, x_t] @ Whf + bhf)
    backward: h_prev = tanh([h_next, x_t] @ Whb + bhb)
    output:   Y = softmax(H @ Wy + by)
"""
import numpy as np


def softmax(z):
    """Numerically stable softmax."""
    e = np.exp(z - np.max(z, axis=0, keepdims=True))
    return e / np.sum(e, axis=0, keepdims=True)


class BidirectionalCell:
    """Bidirectional RNN cell."""

    def __init__(self, i, h, o):
        """Weights Whf, Whb: (h + i, h), Wy: (2h, o); zero biases."""
        self.Whf = np.random.normal(size=(h + i, h))
        self.Whb = np.random.normal(size=(h + i, h))
        self.Wy = np.random.normal(size=(2 * h, o))
        self.bhf = np.zeros((1, h))
        self.bhb = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def forward(self, h_prev, x_t):
        """Forward step: (m, h), (m, i) -> (m, h)."""
        return np.tanh(np.concatenate((h_prev, x_t), 1) @ self.Whf + self.bhf)

    def backward(self, h_next, x_t):
        """Backward step: (m, h), (m, i) -> (m, h)."""
        return np.tanh(np.concatenate((h_next, x_t), 1) @ self.Whb + self.bhb)

    def output(self, H):
        """Outputs for all time steps: H (t, m, 2h) -> Y (t, m, o)."""
        return softmax(H @ self.Wy + self.by)
