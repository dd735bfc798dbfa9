#!/usr/bin/env python3
"""
Bidirectional RNN.

Defines bi_rnn, the forward propagation of a bidirectional RNN.
"""
import numpy as np


def bi_rnn(bi_cell, X, h_0, h_t):
    """
    Forward propagation for a bidirectional RNN.

    Both directions are run in the same loop: at iteration k the forward
    direction reads X[k] and the backward direction reads X[t - 1 - k].

    Args:
        bi_cell: an instance of BidirectionalCell
        X: input data, shape (t, m, i)
        h_0: initial hidden state of the forward direction, shape (m, h)
        h_t: initial hidden state of the backward direction, shape (m, h)
    Returns:
        H: concatenated hidden states, shape (t, m, 2 * h)
        Y: the outputs, shape (t, m, o)
    """
    steps, batch, _ = X.shape
    hidden_size = h_0.shape[1]

    H_fwd = np.empty((steps, batch, hidden_size))
    H_bwd = np.empty((steps, batch, hidden_size))
    h_f = h_0
    h_b = h_t
    for k in range(steps):
        h_f = bi_cell.forward(h_f, X[k])
        H_fwd[k] = h_f
        h_b = bi_cell.backward(h_b, X[steps - 1 - k])
        H_bwd[steps - 1 - k] = h_b
    H = np.concatenate((H_fwd, H_bwd), axis=2)
    Y = bi_cell.output(H)
    return H, Y
