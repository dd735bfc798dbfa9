#!/usr/bin/env python3
"""Driver of task 7: the outputs of a bidirectional cell."""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BidirectionalCell = __import__('7-bi_output').BidirectionalCell

np.random.seed(7)
bi_cell = BidirectionalCell(10, 15, 5)
bi_cell.by = np.random.randn(1, 5)
H = np.random.randn(6, 8, 30)
Y = bi_cell.output(H)
print(Y.shape)
print(Y)
