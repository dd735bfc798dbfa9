#!/usr/bin/env python3
"""Bidirectional cell of an RNN: both directions and the outputs."""
import numpy as np


def softmax(x):
    """Return the softmax of x taken over its last axis."""
    return np.exp(x) / np.exp(x).sum(axis=-1, keepdims=True)


class BidirectionalCell:
    """Represents a bidirectional cell of an RNN.

    Whf, Whb (h + i, h) are the weights of the forward and the backward
    directions, Wy (2 * h, o) the weights of the outputs; bhf, bhb (1, h)
    and by (1, o) are the matching biases.
    """

    def __init__(self, i, h, o):
        """Class constructor.

        i is the dimensionality of the data, h the dimensionality of the
        hidden states and o the dimensionality of the outputs.
        """
        self.Whf = np.random.normal(size=(h + i, h))
        self.Whb = np.random.normal(size=(h + i, h))
        self.Wy = np.random.normal(size=(2 * h, o))
        self.bhf = np.zeros((1, h))
        self.bhb = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def forward(self, h_prev, x_t):
        """Calculate the hidden state in the forward direction for one step.

        h_prev (m, h) is the previous hidden state and x_t (m, i) the data
        input. Returns h_next (m, h), the next hidden state.
        """
        h_x = np.hstack((h_prev, x_t))
        h_next = np.tanh(np.dot(h_x, self.Whf) + self.bhf)
        return h_next

    def backward(self, h_next, x_t):
        """Calculate the hidden state in the backward direction for one step.

        h_next (m, h) is the next hidden state and x_t (m, i) the data
        input. Returns h_prev (m, h), the previous hidden state.
        """
        h_x = np.hstack((h_next, x_t))
        h_prev = np.tanh(np.dot(h_x, self.Whb) + self.bhb)
        return h_prev

    def output(self, H):
        """Calculate all the outputs of the RNN.

        H (t, m, 2 * h) holds the concatenated hidden states from both
        directions, excluding their initial states.
        Returns Y (t, m, o), the outputs.
        """
        t = H.shape[0]
        Y = []
        for step in range(t):
            Y.append(softmax(np.dot(H[step], self.Wy) + self.by))
        return np.array(Y)
