#!/usr/bin/env python3
"""deep_rnn: forward propagation of a stack of vanilla RNN cells."""
import numpy as np


def deep_rnn(rnn_cells, X, h_0):
    """Run a deep RNN over every time step of X.

    Parameters
    ----------
    rnn_cells : list of l RNNCell, the first reads X, the next ones read
        the hidden state of the layer below
    X : (t, m, i) inputs
    h_0 : (l, m, h) initial hidden state of every layer

    Returns
    -------
    H : (t + 1, l, m, h) hidden states of every layer, H[0] = h_0
    Y : (t, m, o) outputs of the last layer
    """
    states = [h_0[k] for k in range(len(rnn_cells))]
    H = [np.stack(states)]
    Y = []
    for x_t in X:
        inp = x_t
        for k, cell in enumerate(rnn_cells):
            states[k], y = cell.forward(states[k], inp)
            inp = states[k]
        H.append(np.stack(states))
        Y.append(y)
    return np.stack(H), np.stack(Y)
