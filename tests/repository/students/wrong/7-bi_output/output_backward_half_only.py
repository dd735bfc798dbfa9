#!/usr/bin/env python3
"""Task 7: outputs of a bidirectional RNN cell.

Y = softmax(H @ Wy + by), H being the states of the two directions.
"""
import numpy as np


class BidirectionalCell:
    """Bidirectional cell holding both directions and the output layer."""

    def __init__(self, i, h, o):
        """Create the parameters.

        i: size of x_t, h: size of one direction's state, o: size of y.
        """
        self.Whf = np.random.normal(size=(h + i, h))
        self.Whb = np.random.normal(size=(h + i, h))
        self.Wy = np.random.normal(size=(2 * h, o))
        self.bhf = np.zeros((1, h))
        self.bhb = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def forward(self, h_prev, x_t):
        """Next forward state (m, h) from h_prev (m, h) and x_t (m, i)."""
        return np.tanh(np.hstack((h_prev, x_t)) @ self.Whf + self.bhf)

    def backward(self, h_next, x_t):
        """Previous backward state (m, h) from h_next (m, h), x_t (m, i)."""
        return np.tanh(np.hstack((h_next, x_t)) @ self.Whb + self.bhb)

    def output(self, H):
        """Y (t, m, o) for the concatenated states H (t, m, 2h)."""
        h = H.shape[-1] // 2
        logits = H[..., h:] @ self.Wy[h:] + self.by
        logits -= logits.max(axis=-1, keepdims=True)
        exps = np.exp(logits)
        return exps / exps.sum(axis=-1, keepdims=True)
