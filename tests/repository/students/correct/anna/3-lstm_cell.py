#!/usr/bin/env python3
"""Forward propagation for a single step of an LSTM unit."""
import numpy as np


def sigmoid(x):
    """Return the logistic sigmoid of x."""
    return 1 / (1 + np.exp(-x))


def softmax(x):
    """Return the softmax of x (m, n) taken over each row."""
    return np.exp(x) / np.exp(x).sum(axis=1, keepdims=True)


class LSTMCell:
    """Represents an LSTM unit.

    Wf, Wu, Wc, Wo (h + i, h) are the weights of the forget gate, the
    update gate, the intermediate cell state and the output gate, Wy (h, o)
    the weights of the output; bf, bu, bc, bo (1, h) and by (1, o) are the
    matching biases.
    """

    def __init__(self, i, h, o):
        """Class constructor.

        i is the dimensionality of the data, h the dimensionality of the
        hidden state and o the dimensionality of the outputs.
        """
        self.Wf = np.random.normal(size=(h + i, h))
        self.Wu = np.random.normal(size=(h + i, h))
        self.Wc = np.random.normal(size=(h + i, h))
        self.Wo = np.random.normal(size=(h + i, h))
        self.Wy = np.random.normal(size=(h, o))
        self.bf = np.zeros((1, h))
        self.bu = np.zeros((1, h))
        self.bc = np.zeros((1, h))
        self.bo = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def forward(self, h_prev, c_prev, x_t):
        """Perform forward propagation for one time step.

        h_prev (m, h) is the previous hidden state, c_prev (m, h) the
        previous cell state and x_t (m, i) the data input.
        Returns h_next (m, h), the next hidden state, c_next (m, h), the
        next cell state, and y (m, o), the output of the cell.
        """
        h_x = np.hstack((h_prev, x_t))
        f = sigmoid(np.dot(h_x, self.Wf) + self.bf)
        u = sigmoid(np.dot(h_x, self.Wu) + self.bu)
        c_tilde = np.tanh(np.dot(h_x, self.Wc) + self.bc)
        o = sigmoid(np.dot(h_x, self.Wo) + self.bo)
        c_next = f * c_prev + u * c_tilde
        h_next = o * np.tanh(c_next)
        y = softmax(np.dot(h_next, self.Wy) + self.by)
        return h_next, c_next, y
