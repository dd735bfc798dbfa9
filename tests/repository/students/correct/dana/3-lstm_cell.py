#!/usr/bin/env python3
"""LSTMCell: a single time step of a long short-term memory unit."""
import numpy as np


def sigmoid(x):
    """Logistic function of x, elementwise, written with tanh.

    sigmoid(x) = (1 + tanh(x / 2)) / 2, which never overflows.
    """
    return 0.5 * (1 + np.tanh(0.5 * x))


def softmax(z):
    """Softmax of z along the last axis; z is (m, o), so is the result."""
    return np.exp(z) / np.sum(np.exp(z), axis=-1, keepdims=True)


class LSTMCell:
    """Long short-term memory unit.

    Parameters
    ----------
    Wf, Wu, Wc, Wo : (h + i, h) forget, update, candidate, output weights
    Wy : (h, o) output weights
    bf, bu, bc, bo : (1, h) and by : (1, o) biases
    """

    def __init__(self, i, h, o):
        """Draw the weights from N(0, 1) and set the biases to zero.

        Parameters
        ----------
        i : int, input size
        h : int, hidden size
        o : int, output size
        """
        self.Wf = np.random.randn(h + i, h)
        self.Wu = np.random.randn(h + i, h)
        self.Wc = np.random.randn(h + i, h)
        self.Wo = np.random.randn(h + i, h)
        self.Wy = np.random.randn(h, o)
        self.bf = np.zeros((1, h))
        self.bu = np.zeros((1, h))
        self.bc = np.zeros((1, h))
        self.bo = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def forward(self, h_prev, c_prev, x_t):
        """Do one step.

        Parameters
        ----------
        h_prev : (m, h) previous hidden state
        c_prev : (m, h) previous cell state
        x_t : (m, i) input

        Returns
        -------
        h_next : (m, h), c_next : (m, h), y : (m, o)
        """
        concat = np.concatenate((h_prev, x_t), axis=1)
        forget = sigmoid(concat.dot(self.Wf) + self.bf)
        update = sigmoid(concat.dot(self.Wu) + self.bu)
        candidate = np.tanh(concat.dot(self.Wc) + self.bc)
        out = sigmoid(concat.dot(self.Wo) + self.bo)
        c_next = forget * c_prev + update * candidate
        h_next = out * np.tanh(c_next)
        y = softmax(h_next.dot(self.Wy) + self.by)
        return h_next, c_next, y
