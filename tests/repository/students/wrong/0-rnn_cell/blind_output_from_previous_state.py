#!/usr/bin/env python3
"""Task 0: one time step of a simple RNN.

With the previous hidden state h_prev (m, h) and the input x_t (m, i)
stacked side by side as concat = [h_prev, x_t] (m, h + i):

    h_next = tanh(concat @ Wh + bh)          (m, h)
    y      = softmax(h_next @ Wy + by)       (m, o)
"""
import numpy as np


class RNNCell:
    """A cell of a simple RNN.

    Attributes, drawn from the standard normal in this order (biases zero):
        Wh: (h + i, h) weights of [h_prev, x_t] for the hidden state
        Wy: (h, o) weights of the hidden state for the output
        bh: (1, h) bias of the hidden state
        by: (1, o) bias of the output
    """

    def __init__(self, i, h, o):
        """Build the cell.

        i: size of one input vector; h: size of the hidden state;
        o: size of one output vector.
        """
        self.Wh = np.random.normal(size=(h + i, h))
        self.Wy = np.random.normal(size=(h, o))
        self.bh = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def forward(self, h_prev, x_t):
        """Run one time step.

        h_prev: (m, h) previous hidden state; x_t: (m, i) input.
        Returns h_next: (m, h) next hidden state and y: (m, o) output.
        """
        concat = np.concatenate([h_prev, x_t], axis=-1)
        h_next = np.tanh(np.matmul(concat, self.Wh) + self.bh)
        logits = np.matmul(h_prev, self.Wy) + self.by
        logits -= np.max(logits, axis=-1, keepdims=True)
        y = np.exp(logits)
        y /= np.sum(y, axis=-1, keepdims=True)
        return h_next, y
