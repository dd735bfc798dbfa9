#!/usr/bin/env python3
"""Task 7: the outputs of a bidirectional cell.

A bidirectional RNN runs two simple RNNs over the same sequence, one from the
first step to the last and one from the last step to the first. With
h_prev, h_next: (m, h) and x_t: (m, i):

    forward:  h_next = tanh([h_prev, x_t] @ Whf + bhf)
    backward: h_prev = tanh([h_next, x_t] @ Whb + bhb)
    output:   Y = softmax(H @ Wy + by) for H: (t, m, 2h), the two
              directions' states side by side
"""
import numpy as np


def softmax(z):
    """Softmax over the last axis of z (..., o), safe for any finite z."""
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


class BidirectionalCell:
    """A cell of a bidirectional RNN.

    Attributes, drawn from the standard normal in this order (biases zero):
        Whf: (h + i, h) weights of [h_prev, x_t] for the forward direction
        Whb: (h + i, h) weights of [h_next, x_t] for the backward direction
        Wy: (2 * h, o) weights of both directions' states for the output
        bhf, bhb: (1, h) biases of the two directions
        by: (1, o) bias of the output
    """

    def __init__(self, i, h, o):
        """Build the cell.

        i: size of one input vector; h: size of the hidden state of each
        direction; o: size of one output vector.
        """
        self.Whf = np.random.normal(size=(h + i, h))
        self.Whb = np.random.normal(size=(h + i, h))
        self.Wy = np.random.normal(size=(2 * h, o))
        self.bhf = np.zeros((1, h))
        self.bhb = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def forward(self, h_prev, x_t):
        """Step the forward direction once.

        h_prev: (m, h) the forward state before x_t; x_t: (m, i) input.
        Returns h_next: (m, h) the forward state after reading x_t.
        """
        concat = np.concatenate((h_prev, x_t), axis=1)
        return np.tanh(concat @ self.Whf + self.bhf)

    def backward(self, h_next, x_t):
        """Step the backward direction once.

        h_next: (m, h) the backward state of the next step in time
        (the one the backward direction read just before x_t); x_t: (m, i)
        input.
        Returns h_prev: (m, h) the backward state after reading x_t.
        """
        concat = np.concatenate((h_next, x_t), axis=1)
        return np.tanh(concat @ self.Whb + self.bhb)

    def output(self, H):
        """Compute the outputs of every step.

        H: (t, m, 2 * h) the concatenated forward and backward states.
        Returns Y: (t, m, o) with Y = softmax(H @ Wy + by).
        """
        return softmax(H @ self.Wy + self.by)
