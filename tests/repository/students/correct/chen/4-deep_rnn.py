#!/usr/bin/env python3
"""
Deep RNN.

Defines deep_rnn, the forward propagation of a stack of RNN cells.
"""
import numpy as np


def deep_rnn(rnn_cells, X, h_0):
    """
    Forward propagation for a deep RNN, one layer at a time.

    Each layer reads the whole sequence of hidden states of the layer
    below (layer 0 reads X).

    Args:
        rnn_cells: list of l RNNCell instances
        X: input data, shape (t, m, i)
        h_0: initial hidden states, shape (l, m, h)
    Returns:
        H: all the hidden states, shape (t + 1, l, m, h)
        Y: the outputs of the last layer, shape (t, m, o)
    """
    steps, batch, _ = X.shape
    num_layers, _, hidden_size = h_0.shape
    output_size = rnn_cells[-1].Wy.shape[1]

    H = np.empty((steps + 1, num_layers, batch, hidden_size))
    Y = np.empty((steps, batch, output_size))
    layer_input = X
    for layer in range(num_layers):
        cell = rnn_cells[layer]
        H[0, layer] = h_0[layer]
        for step in range(steps):
            h_next, y = cell.forward(H[step, layer], layer_input[step])
            H[step + 1, layer] = h_next
            if layer == num_layers - 1:
                Y[step] = y
        layer_input = H[1:, layer]
    return H, Y
