#!/usr/bin/env python3
"""Driver of task 6: the backward direction of a bidirectional cell."""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BidirectionalCell = __import__('6-bi_backward').BidirectionalCell

np.random.seed(6)
bi_cell = BidirectionalCell(10, 15, 5)
bi_cell.bhb = np.random.randn(1, 15)
h_next = np.random.randn(8, 15)
x_t = np.random.randn(8, 10)
h = bi_cell.backward(h_next, x_t)
print(h.shape)
print(h)
