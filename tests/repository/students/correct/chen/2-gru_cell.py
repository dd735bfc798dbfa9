#!/usr/bin/env python3
"""
GRU cell.

Defines GRUCell, which performs one time step of a gated recurrent unit.
"""
import numpy as np


class GRUCell:
    """
    A gated recurrent unit.

    Public attributes:
        Wz, bz: update gate weights (h + i, h) and bias (1, h)
        Wr, br: reset gate weights (h + i, h) and bias (1, h)
        Wh, bh: candidate hidden state weights (h + i, h) and bias (1, h)
        Wy, by: output weights (h, o) and bias (1, o)
    """

    def __init__(self, i, h, o):
        """
        Create the cell.

        Args:
            i: dimensionality of the input data
            h: dimensionality of the hidden state
            o: dimensionality of the output
        """
        self.input_size = i
        self.hidden_size = h
        self.output_size = o
        self.Wz = np.random.normal(size=(h + i, h))
        self.Wr = np.random.normal(size=(h + i, h))
        self.Wh = np.random.normal(size=(h + i, h))
        self.Wy = np.random.normal(size=(h, o))
        self.bz = np.zeros((1, h))
        self.br = np.zeros((1, h))
        self.bh = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def sigmoid(self, x):
        """
        Logistic sigmoid.

        Args:
            x: any array
        Returns:
            sigmoid of x, same shape
        """
        return np.exp(x) / (1 + np.exp(x))

    def softmax(self, z):
        """
        Softmax over the last axis.

        Args:
            z: logits of shape (m, o)
        Returns:
            probabilities of shape (m, o)
        """
        e = np.exp(z - np.max(z, axis=-1, keepdims=True))
        return e / np.sum(e, axis=-1, keepdims=True)

    def forward(self, h_prev, x_t):
        """
        Forward propagation for one time step.

        Args:
            h_prev: previous hidden state, shape (m, h)
            x_t: input data for the step, shape (m, i)
        Returns:
            h_next: next hidden state, shape (m, h)
            y: output of the cell, shape (m, o)
        """
        cat = np.c_[h_prev, x_t]
        z = self.sigmoid(np.matmul(cat, self.Wz) + self.bz)
        r = self.sigmoid(np.matmul(cat, self.Wr) + self.br)
        cat_reset = np.c_[r * h_prev, x_t]
        h_hat = np.tanh(np.matmul(cat_reset, self.Wh) + self.bh)
        h_next = (1 - z) * h_prev + z * h_hat
        y = self.softmax(np.matmul(h_next, self.Wy) + self.by)
        self.h = h_next
        return h_next, y
