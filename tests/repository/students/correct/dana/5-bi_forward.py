#!/usr/bin/env python3
"""BidirectionalCell: the forward direction of a bidirectional RNN."""
import numpy as np


class BidirectionalCell:
    """Cell of a bidirectional RNN.

    Parameters
    ----------
    Whf, Whb : (h + i, h) weights of the forward and backward directions
    Wy : (2 * h, o) output weights
    bhf, bhb : (1, h) and by : (1, o) biases
    """

    def __init__(self, i, h, o):
        """Draw the weights from N(0, 1) and set the biases to zero.

        Parameters
        ----------
        i : int, input size
        h : int, hidden size of one direction
        o : int, output size
        """
        self.Whf = np.random.randn(h + i, h)
        self.Whb = np.random.randn(h + i, h)
        self.Wy = np.random.randn(2 * h, o)
        self.bhf = np.zeros((1, h))
        self.bhb = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def forward(self, h_prev, x_t):
        """One step of the forward direction.

        Parameters
        ----------
        h_prev : (m, h) previous forward state
        x_t : (m, i) input

        Returns
        -------
        h_next : (m, h)
        """
        concat = np.concatenate((h_prev, x_t), axis=1)
        return np.tanh(concat.dot(self.Whf) + self.bhf)
