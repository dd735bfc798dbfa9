#!/usr/bin/env python3
"""Simple RNN cell, written with the two halves of Wh kept apart."""
import numpy as np


class RNNCell:
    """Simple RNN cell.

    The first rows of Wh act on the previous hidden state, the last ones
    on the input.
    """

    def __init__(self, i, h, o):
        """Draw Wh (h + i, h), then Wy (h, o); zero bh (1, h), by (1, o)."""
        self.i = i
        self.Wh = np.random.normal(size=(h + i, h))
        self.Wy = np.random.normal(size=(h, o))
        self.bh = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def forward(self, h_prev, x_t):
        """One step: h_next (m, h) and y (m, o) from h_prev (m, h), x_t (m, i).

        [h_prev, x_t] @ Wh is the same as h_prev @ Wh_h + x_t @ Wh_x,
        which saves building the concatenation.
        """
        i = x_t.shape[1]
        Wh_h = self.Wh[:i]
        Wh_x = self.Wh[i:]
        h_next = np.tanh(h_prev @ Wh_h + x_t @ Wh_x + self.bh)
        z = h_next @ self.Wy + self.by
        z = np.exp(z - z.max(axis=1, keepdims=True))
        y = z / z.sum(axis=1, keepdims=True)
        return h_next, y
