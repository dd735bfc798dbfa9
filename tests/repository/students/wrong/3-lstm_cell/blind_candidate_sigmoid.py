#!/usr/bin/env python3
"""Task 3: one time step of a long short-term memory (LSTM) unit.

With concat = [h_prev, x_t] (m, h + i) and σ the logistic sigmoid:

    f      = σ(concat @ Wf + bf)             forget gate        (m, h)
    u      = σ(concat @ Wu + bu)             update (input) gate
    c_cand = tanh(concat @ Wc + bc)          candidate cell state
    o      = σ(concat @ Wo + bo)             output gate
    c_next = f * c_prev + u * c_cand                            (m, h)
    h_next = o * tanh(c_next)                                   (m, h)
    y      = softmax(h_next @ Wy + by)                          (m, o)
"""
import numpy as np


def sigmoid(x):
    """Logistic sigmoid, (1 + tanh(x / 2)) / 2, which never overflows."""
    return (1 + np.tanh(x / 2)) / 2


def softmax(x):
    """Softmax over the last axis."""
    e = np.exp(x - np.max(x, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


class LSTMCell:
    """An LSTM unit.

    Attributes, drawn from the standard normal in this order (biases zero):
        Wf, Wu, Wc, Wo: (h + i, h) weights of the forget gate, the update
                        gate, the candidate cell state and the output gate
        Wy: (h, o) weights of the output
        bf, bu, bc, bo: (1, h) their biases
        by: (1, o) bias of the output
    """

    def __init__(self, i, h, o):
        """Build the cell.

        i: size of one input vector; h: size of the hidden state;
        o: size of one output vector.
        """
        for name in ("Wf", "Wu", "Wc", "Wo"):
            setattr(self, name, np.random.normal(size=(h + i, h)))
        self.Wy = np.random.normal(size=(h, o))
        for name in ("bf", "bu", "bc", "bo"):
            setattr(self, name, np.zeros((1, h)))
        self.by = np.zeros((1, o))

    def forward(self, h_prev, c_prev, x_t):
        """Run one time step.

        h_prev: (m, h) previous hidden state; c_prev: (m, h) previous cell
        state; x_t: (m, i) input.
        Returns h_next: (m, h), c_next: (m, h) and y: (m, o).
        """
        concat = np.concatenate((h_prev, x_t), axis=1)
        f = sigmoid(concat @ self.Wf + self.bf)
        u = sigmoid(concat @ self.Wu + self.bu)
        c_cand = sigmoid(concat @ self.Wc + self.bc)
        o = sigmoid(concat @ self.Wo + self.bo)
        c_next = f * c_prev + u * c_cand
        h_next = o * np.tanh(c_next)
        y = softmax(h_next @ self.Wy + self.by)
        return h_next, c_next, y
