#!/usr/bin/env python3
"""Task 2: one time step of a gated recurrent unit (GRU).

With concat = [h_prev, x_t] (m, h + i) and σ the logistic sigmoid:

    z      = σ(concat @ Wz + bz)                  update gate    (m, h)
    r      = σ(concat @ Wr + br)                  reset gate     (m, h)
    h_cand = tanh([r * h_prev, x_t] @ Wh + bh)    candidate      (m, h)
    h_next = (1 - z) * h_prev + z * h_cand                       (m, h)
    y      = softmax(h_next @ Wy + by)                           (m, o)

The reset gate scales h_prev before the product with Wh.
"""
import numpy as np


def sigmoid(x):
    """Logistic sigmoid, written with tanh so it cannot overflow."""
    return (1 + np.tanh(x / 2)) / 2


def softmax(x):
    """Softmax over the last axis."""
    x = x - np.max(x, axis=-1, keepdims=True)
    e = np.exp(x)
    return e / np.sum(e, axis=-1, keepdims=True)


class GRUCell:
    """A gated recurrent unit.

    Attributes, drawn from the standard normal in this order (biases zero):
        Wz, Wr, Wh: (h + i, h) weights of the update gate, the reset gate
                    and the candidate hidden state
        Wy: (h, o) weights of the output
        bz, br, bh: (1, h) their biases
        by: (1, o) bias of the output
    """

    def __init__(self, i, h, o):
        """Build the cell.

        i: size of one input vector; h: size of the hidden state;
        o: size of one output vector.
        """
        self.Wz = np.random.normal(size=(h + i, h))
        self.Wr = np.random.normal(size=(h + i, h))
        self.Wh = np.random.normal(size=(h + i, h))
        self.Wy = np.random.normal(size=(h, o))
        self.bz = np.zeros((1, h))
        self.br = np.zeros((1, h))
        self.bh = np.zeros((1, h))
        self.by = np.zeros((1, o))

    def forward(self, h_prev, x_t):
        """Run one time step.

        h_prev: (m, h) previous hidden state; x_t: (m, i) input.
        Returns h_next: (m, h) next hidden state and y: (m, o) output.
        """
        concat = np.concatenate((h_prev, x_t), axis=1)
        z = sigmoid(concat @ self.Wz + self.bz)
        r = sigmoid(concat @ self.Wr + self.br)
        h_cand = np.tanh(r * (concat @ self.Wh) + self.bh)
        h_next = (1 - z) * h_prev + z * h_cand
        y = softmax(h_next @ self.Wy + self.by)
        return h_next, y
