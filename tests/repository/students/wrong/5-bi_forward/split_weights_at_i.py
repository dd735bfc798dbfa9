#!/usr/bin/env python3
"""Task 5 - BidirectionalCell.forward.

Instead of concatenating, the weights are split into the part that acts on
the previous state and the part that acts on the input:
    h_next = tanh(h_prev @ Whf_h + x_t @ Whf_x + bhf)
"""
import numpy as np


class BidirectionalCell:
    """Bidirectional RNN cell."""

    def __init__(self, i, h, o):
        """Constructor.

        i -- input size
        h -- hidden size of each direction
        o -- output size
        """
        self.Whf = np.random.normal(size=(h + i, h))
        self.Whb = np.random.normal(size=(h + i, h))
        self.Wy = np.random.normal(size=(2 * h, o))
        self.bhf = np.zeros(shape=(1, h))
        self.bhb = np.zeros(shape=(1, h))
        self.by = np.zeros(shape=(1, o))

    def forward(self, h_prev, x_t):
        """Forward direction step.

        h_prev -- (m, h) previous hidden state
        x_t -- (m, i) input
        Returns the next hidden state, (m, h).
        """
        i = x_t.shape[1]
        Wx = self.Whf[i:]
        Wh = self.Whf[:i]
        return np.tanh(h_prev @ Wh + x_t @ Wx + self.bhf)
