#!/usr/bin/env python3
"""Task 6: the two directions of a bidirectional cell."""
import numpy as np


class BidirectionalCell:
    """A bidirectional RNN cell.

    Whf, Whb (h + i, h) and Wy (2h, o) ~ N(0, 1); bhf, bhb (1, h) and
    by (1, o) start at zero.
    """

    def __init__(self, i, h, o):
        """Build the cell for inputs of size i, states h, outputs o."""
        self.Whf = np.random.normal(size=(h + i, h))
        self.Whb = np.random.normal(size=(h + i, h))
        self.Wy = np.random.normal(size=(2 * h, o))
        self.bhf = np.zeros((1, h))
        self.bhb = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def _step(self, state, x_t, W):
        """Run tanh([state, x_t] @ W + bias) for one direction's weights."""
        return np.tanh(np.hstack([state, x_t]) @ W + self.bhf)

    def forward(self, h_prev, x_t):
        """Forward state after x_t: h_prev (m, h), x_t (m, i) -> (m, h)."""
        return self._step(h_prev, x_t, self.Whf)

    def backward(self, h_next, x_t):
        """Backward state after x_t: h_next (m, h), x_t (m, i) -> (m, h)."""
        return self._step(h_next, x_t, self.Whb)
