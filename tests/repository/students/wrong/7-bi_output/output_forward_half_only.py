#!/usr/bin/env python3
"""Task 7: the output of a bidirectional cell."""
import numpy as np


class BidirectionalCell:
    """Represents a bidirectional cell of an RNN."""

    def __init__(self, i, h, o):
        """Class constructor.

        i: dimensionality of the data; h: dimensionality of the hidden
        states; o: dimensionality of the outputs.
        """
        self.Whf = np.random.normal(size=(i + h, h))
        self.Whb = np.random.normal(size=(i + h, h))
        self.Wy = np.random.normal(size=(2 * h, o))
        self.bhf = np.zeros((1, h))
        self.bhb = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def forward(self, h_prev, x_t):
        """Hidden state in the forward direction for one time step.

        h_prev: (m, h); x_t: (m, i). Returns h_next (m, h).
        """
        h_x = np.concatenate((h_prev, x_t), axis=1)
        return np.tanh(np.matmul(h_x, self.Whf) + self.bhf)

    def backward(self, h_next, x_t):
        """Hidden state in the backward direction for one time step.

        h_next: (m, h); x_t: (m, i). Returns h_prev (m, h).
        """
        h_x = np.concatenate((h_next, x_t), axis=1)
        return np.tanh(np.matmul(h_x, self.Whb) + self.bhb)

    def output(self, H):
        """Calculate all outputs of the RNN.

        H: (t, m, 2 * h) concatenated hidden states of both directions.
        Returns Y: (t, m, o).
        """
        h = self.Whf.shape[1]
        z = np.matmul(H[:, :, :h], self.Wy[:h]) + self.by
        z = z - np.max(z, axis=2, keepdims=True)
        Y = np.exp(z) / np.sum(np.exp(z), axis=2, keepdims=True)
        return Y
