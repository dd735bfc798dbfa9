"""The stored-array cases: how each case's inputs are made, and how a task
turns them into outputs.

tests/regenerate.py saves inputs and outputs to tests/data/TASK--CASE.npz;
tests/test_stored.py reloads them and runs the task again. Weights are
stored as inputs ("cell.Wh", or "cell1.Wh" in a deep RNN), so these cases
test the equations whatever order a constructor draws in.
"""
import numpy as np

import support

# task -> class of its cell (module, name), or None
CELLS = {
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

# task -> {case name: sizes}; every case has random biases and non-zero
# initial states
SIZES = {
    "0-rnn_cell": {"i7_h4_o3_m5": dict(i=7, h=4, o=3, m=5),
                   "m1_o1": dict(i=3, h=2, o=1, m=1),
                   "i1_h1_o1": dict(i=1, h=1, o=1, m=2)},
    "1-rnn": {"t5_m3_i4_h6_o2": dict(t=5, m=3, i=4, h=6, o=2),
              "t1_m1": dict(t=1, m=1, i=3, h=5, o=4),
              "o1": dict(t=4, m=2, i=6, h=3, o=1)},
    "4-deep_rnn": {"l3_t4_m2_i4_h5_o3": dict(l=3, t=4, m=2, i=4, h=5, o=3),
                   "l1": dict(l=1, t=3, m=2, i=3, h=4, o=2),
                   "l2_t1_m1_o1": dict(l=2, t=1, m=1, i=2, h=3, o=1)},
    "7-bi_output": {"t4_m3_h5_o3": dict(t=4, m=3, h=5, o=3),
                    "t1_m1_o1": dict(t=1, m=1, h=2, o=1)},
    "8-bi_rnn": {"t5_m3_i4_h6_o2": dict(t=5, m=3, i=4, h=6, o=2),
                 "t1_m1": dict(t=1, m=1, i=3, h=2, o=4),
                 "o1": dict(t=3, m=2, i=2, h=3, o=1)},
    "9-rnn_backward": {"t4_m3_i5_h6_o4": dict(t=4, m=3, i=5, h=6, o=4),
                       "t1_m1": dict(t=1, m=1, i=3, h=2, o=3)},
}
for _cell_task in ("2-gru_cell", "3-lstm_cell", "5-bi_forward",
                   "6-bi_backward"):
    SIZES[_cell_task] = SIZES["0-rnn_cell"]
SIZES["10-lstm_backward"] = SIZES["9-rnn_backward"]


def new_cell(task, i, h, o):
    """A new cell of the class that task uses."""
    module, name = CELLS[task]
    return getattr(support.task(module), name)(i, h, o)


def random_cell(task, rng, i, h, o, prefix="cell."):
    """Random weights and biases (scale 0.7) of task's cell, as inputs."""
    cell = support.randomize(new_cell(task, i, h, o), rng, 0.7)
    return {prefix + name: value for name, value in vars(cell).items()}


def stored_cell(task, data, prefix="cell."):
    """A cell of task's class whose attributes are data's prefix* arrays."""
    weights = {key[len(prefix):]: value for key, value in data.items()
               if key.startswith(prefix)}
    first = next(value for name, value in sorted(weights.items())
                 if name.startswith("W") and name != "Wy")
    h = first.shape[1]
    cell = new_cell(task, first.shape[0] - h, h, weights["Wy"].shape[1])
    for name, value in weights.items():
        setattr(cell, name, value.copy())
    return cell


def targets(rng, t, m, o):
    """One-hot targets with one all-zero row and, if o > 1, one soft row."""
    Y_true = np.eye(o)[rng.integers(0, o, (t, m))]
    Y_true[-1, 0] = 0
    if o > 1:
        Y_true[0, -1] = rng.dirichlet(np.ones(o))
    return Y_true


def make_inputs(task, rng, sizes):
    """The inputs of one case of task, drawn from rng."""
    n = rng.normal
    s = dict(sizes)
    if task == "4-deep_rnn":
        data = {}
        for k in range(s["l"]):
            data.update(random_cell(task, rng, s["i"] if k == 0 else s["h"],
                                    s["h"], s["o"], "cell{}.".format(k)))
        data["X"] = n(size=(s["t"], s["m"], s["i"]))
        data["h_0"] = n(size=(s["l"], s["m"], s["h"]))
        return data
    if task == "7-bi_output":
        data = random_cell(task, rng, 1, s["h"], s["o"])
        data["H"] = n(size=(s["t"], s["m"], 2 * s["h"]))
        return data
    data = random_cell(task, rng, s["i"], s["h"], s["o"])
    if "t" not in s:
        data["state"] = n(size=(s["m"], s["h"]))
        data["x_t"] = n(size=(s["m"], s["i"]))
        if task == "3-lstm_cell":
            data["c_prev"] = n(size=(s["m"], s["h"]))
        return data
    data["X"] = n(size=(s["t"], s["m"], s["i"]))
    data["h_0"] = n(size=(s["m"], s["h"]))
    if task == "8-bi_rnn":
        data["h_t"] = n(size=(s["m"], s["h"]))
    if task == "10-lstm_backward":
        data["c_0"] = n(size=(s["m"], s["h"]))
        cell = stored_cell(task, data)
        data["H"], data["C"], data["Y"] = support.lstm_forward(
            cell, data["X"], data["h_0"], data["c_0"])
    if task == "9-rnn_backward":
        cell = stored_cell(task, data)
        data["H"], data["Y"] = support.task("1-rnn").rnn(
            cell, data["X"], data["h_0"])
    if task in ("9-rnn_backward", "10-lstm_backward"):
        data["Y_true"] = targets(rng, s["t"], s["m"], s["o"])
    return data


def run(task, data):
    """Run task on the inputs data; returns its outputs by name."""
    if task == "4-deep_rnn":
        cells = [stored_cell(task, data, "cell{}.".format(k))
                 for k in range(len(data["h_0"]))]
        H, Y = support.task(task).deep_rnn(cells, data["X"], data["h_0"])
        return {"H": H, "Y": Y}
    cell = stored_cell(task, data)
    if task in ("0-rnn_cell", "2-gru_cell"):
        h_next, y = cell.forward(data["state"], data["x_t"])
        return {"h_next": h_next, "y": y}
    if task == "3-lstm_cell":
        h_next, c_next, y = cell.forward(data["state"], data["c_prev"],
                                         data["x_t"])
        return {"h_next": h_next, "c_next": c_next, "y": y}
    if task == "5-bi_forward":
        return {"h_next": cell.forward(data["state"], data["x_t"])}
    if task == "6-bi_backward":
        return {"h_prev": cell.backward(data["state"], data["x_t"])}
    if task == "7-bi_output":
        return {"Y": cell.output(data["H"])}
    if task == "1-rnn":
        H, Y = support.task(task).rnn(cell, data["X"], data["h_0"])
        return {"H": H, "Y": Y}
    if task == "8-bi_rnn":
        H, Y = support.task(task).bi_rnn(cell, data["X"], data["h_0"],
                                         data["h_t"])
        return {"H": H, "Y": Y}
    if task == "9-rnn_backward":
        return support.task(task).rnn_backward(
            cell, data["X"], data["H"], data["Y"], data["Y_true"])
    return support.task(task).lstm_backward(
        cell, data["X"], data["H"], data["C"], data["Y"], data["Y_true"])


def all_cases():
    """Every (task, case name, sizes), in a fixed order."""
    return [(task, name, sizes) for task in support.TASKS
            for name, sizes in SIZES[task].items()]
