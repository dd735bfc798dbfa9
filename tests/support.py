"""Helpers shared by the tests: loading task files and comparing arrays."""
import os
import sys

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

TASKS = ["0-rnn_cell", "1-rnn", "2-gru_cell", "3-lstm_cell", "4-deep_rnn",
         "5-bi_forward", "6-bi_backward", "7-bi_output", "8-bi_rnn",
         "9-rnn_backward", "10-lstm_backward"]
RNN_GRADS = ("dWh", "dbh", "dWy", "dby", "dX", "dh_0")
LSTM_GRADS = ("dWf", "dWu", "dWc", "dWo", "dWy", "dbf", "dbu", "dbc", "dbo",
              "dby", "dX", "dh_0", "dc_0")


def task(name):
    """The module of a task file, loaded like the drivers do."""
    return __import__(name)


def RNNCell(i, h, o):
    """A new task 0 RNNCell."""
    return task("0-rnn_cell").RNNCell(i, h, o)


def LSTMCell(i, h, o):
    """A new task 3 LSTMCell."""
    return task("3-lstm_cell").LSTMCell(i, h, o)


def BiCell(i, h, o):
    """A new task 7 BidirectionalCell (all three methods)."""
    return task("7-bi_output").BidirectionalCell(i, h, o)


def randomize(cell, rng, scale=1.0):
    """Give every weight and bias of cell new N(0, scale²) values."""
    for name, value in vars(cell).items():
        setattr(cell, name, scale * rng.normal(size=np.shape(value)))
    return cell


def lstm_forward(cell, X, h_0, c_0):
    """Run an LSTMCell over X (t, m, i); returns H, C (t + 1, m, h), Y."""
    t, m = X.shape[:2]
    h, o = cell.Wy.shape
    H = np.zeros((t + 1, m, h))
    C = np.zeros((t + 1, m, h))
    Y = np.zeros((t, m, o))
    H[0], C[0] = h_0, c_0
    for s in range(t):
        H[s + 1], C[s + 1], Y[s] = cell.forward(H[s], C[s], X[s])
    return H, C, Y


def cross_entropy(Y, Y_true):
    """L = -(1 / m) Σ Y_true * log(Y), the loss of tasks 9 and 10."""
    return -np.sum(Y_true * np.log(Y)) / Y.shape[1]


def check_close(where, actual, expected, rtol=1e-7, atol=1e-10):
    """Assert actual matches expected: shape first, then values.

    where: what is compared, e.g. "2-gru_cell h_next"; a failure names it
    with the first index at which the two differ.
    """
    actual = np.asarray(actual)
    expected = np.asarray(expected)
    assert actual.shape == expected.shape, (
        "{}: shape {} expected, got {}".format(
            where, expected.shape, actual.shape))
    bad = ~np.isclose(actual, expected, rtol=rtol, atol=atol)
    if bad.any():
        first = tuple(int(k) for k in np.argwhere(bad)[0])
        np.testing.assert_allclose(
            actual, expected, rtol=rtol, atol=atol,
            err_msg="{}: first differs at index {}: got {!r}, expected "
                    "{!r}".format(where, first, actual[first],
                                  expected[first]))
