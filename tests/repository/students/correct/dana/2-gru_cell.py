#!/usr/bin/env python3
"""GRUCell: a single time step of a gated recurrent unit."""
import numpy as np


def sigmoid(x):
    """Logistic function of x, elementwise."""
    return np.exp(x) / (1 + np.exp(x))


def softmax(z):
    """Softmax of z along the last axis; z is (m, o), so is the result."""
    return np.exp(z) / np.sum(np.exp(z), axis=-1, keepdims=True)


class GRUCell:
    """Gated recurrent unit.

    Parameters
    ----------
    Wz, Wr, Wh : (h + i, h) update gate, reset gate, candidate weights
    Wy : (h, o) output weights
    bz, br, bh : (1, h) and by : (1, o) biases
    """

    def __init__(self, i, h, o):
        """Draw the weights from N(0, 1) and set the biases to zero.

        Parameters
        ----------
        i : int, input size
        h : int, hidden size
        o : int, output size
        """
        self.Wz = np.random.randn(h + i, h)
        self.Wr = np.random.randn(h + i, h)
        self.Wh = np.random.randn(h + i, h)
        self.Wy = np.random.randn(h, o)
        self.bz = np.zeros((1, h))
        self.br = np.zeros((1, h))
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
        z = sigmoid(concat.dot(self.Wz) + self.bz)
        r = sigmoid(concat.dot(self.Wr) + self.br)
        concat2 = np.concatenate((r * h_prev, x_t), axis=1)
        h_tilde = np.tanh(concat2.dot(self.Wh) + self.bh)
        h_next = z * h_tilde + (1 - z) * h_prev
        y = softmax(h_next.dot(self.Wy) + self.by)
        return h_next, y
