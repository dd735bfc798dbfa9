#!/usr/bin/env python3
"""Module with the BidirectionalCell class: forward and backward directions."""
import numpy as np


class BidirectionalCell:
    """Bidirectional RNN cell.

    Whf, Whb: (h + i, h) forward and backward direction weights
    Wy: (2 * h, o) output weights
    bhf, bhb: (1, h) and by: (1, o) biases
    """

    def __init__(self, i, h, o):
        """Initialize the weights (standard normal) and biases (zeros).

        i: input size, h: hidden size of each direction, o: output size
        """
        self.Whf = np.random.randn(h + i, h)
        self.Whb = np.random.randn(h + i, h)
        self.Wy = np.random.randn(2 * h, o)
        self.bhf = np.zeros((1, h))
        self.bhb = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def forward(self, h_prev, x_t):
        """Forward direction, one time step.

        h_prev: (m, h) previous forward hidden state
        x_t: (m, i) input data at this step
        Returns: h_next (m, h)
        """
        concat = np.concatenate((h_prev, x_t), axis=1)
        return np.tanh(concat @ self.Whf + self.bhf)

    def backward(self, h_next, x_t):
        """Backward direction, one time step.

        h_next: (m, h) next backward hidden state
        x_t: (m, i) input data at this step
        Returns: h_prev (m, h)
        """
        concat = np.concatenate((h_next, x_t), axis=1)
        return np.tanh(concat @ self.Whb + self.bhb)
