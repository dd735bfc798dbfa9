#!/usr/bin/env python3
"""
LSTM cell.

Defines LSTMCell, which performs one time step of an LSTM unit.
"""
import numpy as np


class LSTMCell:
    """
    An LSTM unit.

    Public attributes:
        Wf, bf: forget gate weights (h + i, h) and bias (1, h)
        Wu, bu: update gate weights (h + i, h) and bias (1, h)
        Wc, bc: candidate cell state weights (h + i, h) and bias (1, h)
        Wo, bo: output gate weights (h + i, h) and bias (1, h)
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

    def forward(self, h_prev, c_prev, x_t):
        """
        Forward propagation for one time step.

        Args:
            h_prev: previous hidden state, shape (m, h)
            c_prev: previous cell state, shape (m, h)
            x_t: input data for the step, shape (m, i)
        Returns:
            h_next: next hidden state, shape (m, h)
            c_next: next cell state, shape (m, h)
            y: output of the cell, shape (m, o)
        """
        cat = np.c_[h_prev, x_t]
        f = self.sigmoid(np.matmul(cat, self.Wf) + self.bf)
        u = self.sigmoid(np.matmul(cat, self.Wu) + self.bu)
        c_hat = np.tanh(np.matmul(cat, self.Wc) + self.bc)
        o = self.sigmoid(np.matmul(cat, self.Wo) + self.bo)
        c_next = f * c_prev + u * c_hat
        h_next = o * np.tanh(c_next)
        y = self.softmax(np.matmul(h_next, self.Wy) + self.by)
        self.h, self.c = h_next, c_next
        return h_next, c_next, y
