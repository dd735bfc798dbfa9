#!/usr/bin/env python3
"""RNNCell: a single time step of a vanilla recurrent network."""
import numpy as np


def softmax(z):
    """Softmax of z along the last axis; z is (m, o), so is the result."""
    return np.exp(z) / np.sum(np.exp(z), axis=-1, keepdims=True)


class RNNCell:
    """Vanilla RNN cell.

    Parameters
    ----------
    Wh : (h + i, h) hidden weights, bh : (1, h) hidden bias
    Wy : (h, o) output weights, by : (1, o) output bias
    """

    def __init__(self, i, h, o):
        """Draw the weights from N(0, 1) and set the biases to zero.

        Parameters
        ----------
        i : int, input size
        h : int, hidden size
        o : int, output size
        """
        self.Wh = np.random.randn(h + i, h)
        self.Wy = np.random.randn(h, o)
        self.bh = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def forward(self, h_prev, x_t):
        """Do one step.

        Parameters
        ----------
        h_prev : (m, h) previous hidden state
        x_t : (m, i) input

        Returns
        -------
        h_next : (m, h), y : (m, o)
        """
        concat = np.concatenate((h_prev, x_t), axis=1)
        h_next = np.tanh(concat.dot(self.Wh) + self.bh)
        y = softmax(h_next.dot(self.Wy) + self.by)
        return h_next, y
