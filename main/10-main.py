#!/usr/bin/env python3
"""Driver of task 10: backpropagation through time for an LSTM."""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LSTMCell = __import__('3-lstm_cell').LSTMCell
lstm_backward = __import__('10-lstm_backward').lstm_backward

np.random.seed(10)
lstm_cell = LSTMCell(10, 15, 5)
lstm_cell.bf = np.random.randn(1, 15)
lstm_cell.bu = np.random.randn(1, 15)
lstm_cell.bc = np.random.randn(1, 15)
lstm_cell.bo = np.random.randn(1, 15)
lstm_cell.by = np.random.randn(1, 5)
X = np.random.randn(6, 8, 10)
H = np.zeros((7, 8, 15))
C = np.zeros((7, 8, 15))
Y = np.zeros((6, 8, 5))
H[0] = np.random.randn(8, 15)
C[0] = np.random.randn(8, 15)
for t in range(6):
    H[t + 1], C[t + 1], Y[t] = lstm_cell.forward(H[t], C[t], X[t])
Y_true = np.eye(5)[np.random.randint(0, 5, (6, 8))]
print("loss:", -np.sum(Y_true * np.log(Y)) / 8)
grads = lstm_backward(lstm_cell, X, H, C, Y, Y_true)
for name in ("dWf", "dWu", "dWc", "dWo", "dWy", "dbf", "dbu", "dbc", "dbo",
             "dby", "dh_0", "dc_0", "dX"):
    print(name, grads[name].shape)
    print(grads[name])
