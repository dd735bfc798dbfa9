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


def _sig(a):
    """Numerically stable sigmoid."""
    e = np.exp(-np.abs(a))
    return np.where(a >= 0, 1 / (1 + e), e / (1 + e))


def _softmax(a):
    """Row-wise softmax."""
    a = a - a.max(axis=1, keepdims=True)
    return np.exp(a) / np.exp(a).sum(axis=1, keepdims=True)


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
        """Run one time step.

        h_prev: (m, h) previous hidden state; c_prev: (m, h) previous cell
        state; x_t: (m, i) input.
        Returns h_next: (m, h), c_next: (m, h) and y: (m, o).
        """
        hx = np.hstack([h_prev, x_t])
        forget = _sig(np.dot(hx, self.Wf) + self.bf)
        update = _sig(np.dot(hx, self.Wu) + self.bu)
        cand = np.tanh(np.dot(hx, self.Wc) + self.bc)
        out = _sig(np.dot(hx, self.Wo) + self.bo)
        c_next = forget * c_prev + update * cand
        h_next = out * np.tanh(c_prev)
        y = _softmax(np.dot(h_next, self.Wy) + self.by)
        return h_next, c_next, y
