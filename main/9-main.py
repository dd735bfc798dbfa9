#!/usr/bin/env python3
"""Driver of task 9: backpropagation through time for a simple RNN."""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RNNCell = __import__('0-rnn_cell').RNNCell
rnn = __import__('1-rnn').rnn
rnn_backward = __import__('9-rnn_backward').rnn_backward

np.random.seed(9)
rnn_cell = RNNCell(10, 15, 5)
rnn_cell.Wh *= 0.2
rnn_cell.bh = np.random.randn(1, 15)
rnn_cell.by = np.random.randn(1, 5)
X = np.random.randn(6, 8, 10)
h_0 = np.random.randn(8, 15)
Y_true = np.eye(5)[np.random.randint(0, 5, (6, 8))]
H, Y = rnn(rnn_cell, X, h_0)
print("loss:", -np.sum(Y_true * np.log(Y)) / 8)
grads = rnn_backward(rnn_cell, X, H, Y, Y_true)
for name in ("dWh", "dbh", "dWy", "dby", "dh_0", "dX"):
    print(name, grads[name].shape)
    print(grads[name])
