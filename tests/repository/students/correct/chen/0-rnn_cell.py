#!/usr/bin/env python3
"""
RNN cell.

Defines RNNCell, which performs one time step of a vanilla RNN.
"""
import numpy as np


class RNNCell:
    """
    A vanilla RNN cell.

    Public attributes:
        Wh, bh: weights (h + i, h) and bias (1, h) of the hidden state
        Wy, by: weights (h, o) and bias (1, o) of the output
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
        self.Wh = np.random.normal(size=(h + i, h))
        self.Wy = np.random.normal(size=(h, o))
        self.bh = np.zeros((1, h))
        self.by = np.zeros((1, o))

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
        h_next = np.tanh(np.matmul(cat, self.Wh) + self.bh)
        y = self.softmax(np.matmul(h_next, self.Wy) + self.by)
        self.h = h_next
        return h_next, y
