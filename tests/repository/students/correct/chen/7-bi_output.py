#!/usr/bin/env python3
"""
Bidirectional RNN cell.

Defines BidirectionalCell, both directions and the outputs of a
bidirectional RNN.
"""
import numpy as np


class BidirectionalCell:
    """
    A bidirectional cell of an RNN.

    Public attributes:
        Whf, bhf: forward direction weights (h + i, h) and bias (1, h)
        Whb, bhb: backward direction weights (h + i, h) and bias (1, h)
        Wy, by: output weights (2 * h, o) and bias (1, o)
    """

    def __init__(self, i, h, o):
        """
        Create the cell.

        Args:
            i: dimensionality of the input data
            h: dimensionality of the hidden state of each direction
            o: dimensionality of the output
        """
        self.input_size = i
        self.hidden_size = h
        self.output_size = o
        self.Whf = np.random.normal(size=(h + i, h))
        self.Whb = np.random.normal(size=(h + i, h))
        self.Wy = np.random.normal(size=(2 * h, o))
        self.bhf = np.zeros((1, h))
        self.bhb = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def forward(self, h_prev, x_t):
        """
        Hidden state of the forward direction for one time step.

        Args:
            h_prev: previous hidden state, shape (m, h)
            x_t: input data for the step, shape (m, i)
        Returns:
            h_next: next hidden state, shape (m, h)
        """
        cat = np.c_[h_prev, x_t]
        h_next = np.tanh(np.matmul(cat, self.Whf) + self.bhf)
        return h_next

    def backward(self, h_next, x_t):
        """
        Hidden state of the backward direction for one time step.

        Args:
            h_next: next hidden state, shape (m, h)
            x_t: input data for the step, shape (m, i)
        Returns:
            h_prev: previous hidden state, shape (m, h)
        """
        cat = np.c_[h_next, x_t]
        h_prev = np.tanh(np.matmul(cat, self.Whb) + self.bhb)
        return h_prev

    def softmax(self, z):
        """
        Softmax over the last axis.

        Args:
            z: logits of shape (n, o)
        Returns:
            probabilities of shape (n, o)
        """
        e = np.exp(z - np.max(z, axis=-1, keepdims=True))
        return e / np.sum(e, axis=-1, keepdims=True)

    def output(self, H):
        """
        Outputs of the RNN for every time step.

        Args:
            H: concatenated hidden states of both directions,
               shape (t, m, 2 * h)
        Returns:
            Y: the outputs, shape (t, m, o)
        """
        steps, batch, two_h = H.shape
        flat = H.reshape(steps * batch, two_h)
        Y = self.softmax(np.matmul(flat, self.Wy) + self.by)
        return Y.reshape(steps, batch, -1)
