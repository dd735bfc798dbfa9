"""The eleven tasks as SPEC.md lists them: their files, what each defines,
the documented attributes of their cells, and what their calls return.

This table is trusted code shared by the judge (tests/judge/), the code that
calls a submission inside a worker (tests/cases.py) and the checks
(tests/checks/). Nothing here imports a task file.
"""
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

TASKS = ["0-rnn_cell", "1-rnn", "2-gru_cell", "3-lstm_cell", "4-deep_rnn",
         "5-bi_forward", "6-bi_backward", "7-bi_output", "8-bi_rnn",
         "9-rnn_backward", "10-lstm_backward"]

# what each task file must define
DEFINES = {
    "0-rnn_cell": "RNNCell", "1-rnn": "rnn", "2-gru_cell": "GRUCell",
    "3-lstm_cell": "LSTMCell", "4-deep_rnn": "deep_rnn",
    "5-bi_forward": "BidirectionalCell", "6-bi_backward": "BidirectionalCell",
    "7-bi_output": "BidirectionalCell", "8-bi_rnn": "bi_rnn",
    "9-rnn_backward": "rnn_backward", "10-lstm_backward": "lstm_backward",
}

# the cell a task builds on: (task file that defines it, class name)
CELL = {
    "0-rnn_cell": ("0-rnn_cell", "RNNCell"),
    "1-rnn": ("0-rnn_cell", "RNNCell"),
    "2-gru_cell": ("2-gru_cell", "GRUCell"),
    "3-lstm_cell": ("3-lstm_cell", "LSTMCell"),
    "4-deep_rnn": ("0-rnn_cell", "RNNCell"),
    "5-bi_forward": ("5-bi_forward", "BidirectionalCell"),
    "6-bi_backward": ("6-bi_backward", "BidirectionalCell"),
    "7-bi_output": ("7-bi_output", "BidirectionalCell"),
    "8-bi_rnn": ("7-bi_output", "BidirectionalCell"),
    "9-rnn_backward": ("0-rnn_cell", "RNNCell"),
    "10-lstm_backward": ("3-lstm_cell", "LSTMCell"),
}

# the documented attributes of each cell, weights in draw order then biases;
# checks read and write these and nothing else of a cell
ATTRIBUTES = {
    "RNNCell": ("Wh", "Wy", "bh", "by"),
    "GRUCell": ("Wz", "Wr", "Wh", "Wy", "bz", "br", "bh", "by"),
    "LSTMCell": ("Wf", "Wu", "Wc", "Wo", "Wy", "bf", "bu", "bc", "bo", "by"),
    "BidirectionalCell": ("Whf", "Whb", "Wy", "bhf", "bhb", "by"),
}

RNN_GRADS = ("dWh", "dbh", "dWy", "dby", "dX", "dh_0")
LSTM_GRADS = ("dWf", "dWu", "dWc", "dWo", "dWy", "dbf", "dbu", "dbc", "dbo",
              "dby", "dX", "dh_0", "dc_0")

# what a call of each task returns, in order (a dict for tasks 9 and 10)
OUTPUTS = {
    "0-rnn_cell": ("h_next", "y"), "1-rnn": ("H", "Y"),
    "2-gru_cell": ("h_next", "y"), "3-lstm_cell": ("h_next", "c_next", "y"),
    "4-deep_rnn": ("H", "Y"), "5-bi_forward": ("h_next",),
    "6-bi_backward": ("h_prev",), "7-bi_output": ("Y",),
    "8-bi_rnn": ("H", "Y"), "9-rnn_backward": RNN_GRADS,
    "10-lstm_backward": LSTM_GRADS,
}

# the call a task's checks make, as a student would write it
CALLS = {
    "0-rnn_cell": "RNNCell.forward(h_prev, x_t)",
    "1-rnn": "rnn(rnn_cell, X, h_0)",
    "2-gru_cell": "GRUCell.forward(h_prev, x_t)",
    "3-lstm_cell": "LSTMCell.forward(h_prev, c_prev, x_t)",
    "4-deep_rnn": "deep_rnn(rnn_cells, X, h_0)",
    "5-bi_forward": "BidirectionalCell.forward(h_prev, x_t)",
    "6-bi_backward": "BidirectionalCell.backward(h_next, x_t)",
    "7-bi_output": "BidirectionalCell.output(H)",
    "8-bi_rnn": "bi_rnn(bi_cell, X, h_0, h_t)",
    "9-rnn_backward": "rnn_backward(rnn_cell, X, H, Y, Y_true)",
    "10-lstm_backward": "lstm_backward(lstm_cell, X, H, C, Y, Y_true)",
}


def number(task):
    """The task's number: 2 for "2-gru_cell"."""
    return int(task.split("-")[0])


def cell_class(task):
    """The class name of the cell a task builds on."""
    return CELL[task][1]


def has_own_cell(task):
    """Whether the task file defines the cell itself (tasks 0, 2, 3, 5-7)."""
    return CELL[task][0] == task


def attribute_shape(cls, name, i, h, o):
    """The shape SPEC.md gives attribute name of cls for sizes i, h, o."""
    if name == "Wy":
        return (2 * h if cls == "BidirectionalCell" else h, o)
    if name == "by":
        return (1, o)
    return (h + i, h) if name.startswith("W") else (1, h)


def weights(cls):
    """The weights of cls in draw order."""
    return tuple(name for name in ATTRIBUTES[cls] if name.startswith("W"))


def biases(cls):
    """The biases of cls."""
    return tuple(name for name in ATTRIBUTES[cls] if name.startswith("b"))
