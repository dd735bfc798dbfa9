#!/usr/bin/env python3
"""BidirectionalCell: both directions and outputs of a bidirectional RNN."""
import numpy as np


def softmax(z):
    """Softmax of z along the last axis; z is (..., o), so is the result."""
    return np.exp(z) / np.sum(np.exp(z), axis=-1, keepdims=True)


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

    def backward(self, h_next, x_t):
        """One step of the backward direction.

        Parameters
        ----------
        h_next : (m, h) next backward state
        x_t : (m, i) input

        Returns
        -------
        h_prev : (m, h)
        """
        concat = np.concatenate((h_next, x_t), axis=1)
        return np.tanh(concat.dot(self.Whb) + self.bhb)

    def output(self, H):
        """Outputs for every time step.

        Parameters
        ----------
        H : (t, m, 2 * h) forward and backward states side by side

        Returns
        -------
        Y : (t, m, o)
        """
        return softmax(np.dot(H, self.Wy) + self.by)
