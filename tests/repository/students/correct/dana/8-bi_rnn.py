#!/usr/bin/env python3
"""bi_rnn: forward propagation of a bidirectional RNN."""
import numpy as np


def bi_rnn(bi_cell, X, h_0, h_t):
    """Run a bidirectional RNN over X.

    Parameters
    ----------
    bi_cell : BidirectionalCell
    X : (t, m, i) inputs
    h_0 : (m, h) initial state of the forward direction
    h_t : (m, h) initial state of the backward direction

    Returns
    -------
    H : (t, m, 2 * h) forward and backward states after each step
    Y : (t, m, o) outputs
    """
    t = X.shape[0]
    fwd = []
    h = h_0
    for s in range(t):
        h = bi_cell.forward(h, X[s])
        fwd.append(h)
    bwd = []
    h = h_t
    for s in reversed(range(t)):
        h = bi_cell.backward(h, X[s])
        bwd.append(h)
    bwd = bwd[::-1]
    H = np.concatenate((np.stack(fwd), np.stack(bwd)), axis=-1)
    return H, bi_cell.output(H)
