"""Cases: the inputs of one call of a task, and how a task is called on them.

A case is a dict of arrays: the documented attributes of the cell it uses
("cell.Wh", or "cell1.Wh" for layer 1 of a deep RNN) and the call's
arguments by name ("state" is h_prev for forward and h_next for backward;
then "x_t", "c_prev", "X", "h_0", "h_t", "H", "C", "Y", "Y_true").

`call` and `construct` (and `prepare`, `outputs` below them) run inside a
worker, on the submitted file, and in the judge, on this repository's
files or on a catalogued mistake: they take `load`, a function from a task
name to its module, and import nothing themselves. `make_inputs` and
the stored cases (SIZES) are the judge's: tests/regenerate.py saves their
inputs and outputs to tests/data/TASK--CASE.npz.
"""
import warnings

import numpy as np

from tasks import (ATTRIBUTES, CALLS, CELL, DEFINES, OUTPUTS,
                   attribute_shape, cell_class)

# the call's arguments, in order, after the cell (or list of cells)
ARGUMENTS = {
    "1-rnn": ("X", "h_0"), "4-deep_rnn": ("X", "h_0"),
    "8-bi_rnn": ("X", "h_0", "h_t"),
    "9-rnn_backward": ("X", "H", "Y", "Y_true"),
    "10-lstm_backward": ("X", "H", "C", "Y", "Y_true"),
    "0-rnn_cell": ("state", "x_t"), "2-gru_cell": ("state", "x_t"),
    "3-lstm_cell": ("state", "c_prev", "x_t"),
}
# the cell tasks call a method: the one each task adds, unless a check
# names another that the class has by then (tasks 6 and 7 keep forward)
METHOD = {"0-rnn_cell": "forward", "2-gru_cell": "forward",
          "3-lstm_cell": "forward", "5-bi_forward": "forward",
          "6-bi_backward": "backward", "7-bi_output": "output"}
BIDIRECTIONAL = {"forward": (("state", "x_t"), ("h_next",)),
                 "backward": (("state", "x_t"), ("h_prev",)),
                 "output": (("H",), ("Y",))}
METHODS = {"5-bi_forward": ("forward",),
           "6-bi_backward": ("forward", "backward"),
           "7-bi_output": ("forward", "backward", "output")}


def signature(task, method=None):
    """(method or None, argument names, result names) of a call of task;
    method picks another method of a bidirectional cell."""
    if task in METHODS:
        method = method or METHOD[task]
        return (method,) + BIDIRECTIONAL[method]
    return METHOD.get(task), ARGUMENTS[task], OUTPUTS[task]


def describe(task, method=None):
    """The call as a student would write it: "GRUCell.forward(h_prev,
    x_t)", "rnn(rnn_cell, X, h_0)"."""
    method, _, _ = signature(task, method)
    if method is None or method == METHOD[task]:
        return CALLS[task]
    return "BidirectionalCell.{}({})".format(
        method, "h_prev, x_t" if method == "forward" else "h_next, x_t")


# task -> {case name: sizes}; every stored case has random biases and
# non-zero initial states
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


class Unexpected(Exception):
    """A call returned something other than what SPEC.md says."""


def layers(case):
    """The cell prefixes of a case, in order: ["cell."] or ["cell0.", ...]."""
    if any(key.startswith("cell.") for key in case):
        return ["cell."]
    count = len({key.split(".")[0] for key in case if key.startswith("cell")})
    return ["cell{}.".format(k) for k in range(count)]


def build_cell(cls, case, prefix, load, task):
    """A cell of class cls (defined by task's file, through load) whose
    documented attributes are the case's prefix* arrays (copies)."""
    first = case[prefix + ATTRIBUTES[cls][0]]
    h = first.shape[1]
    i = first.shape[0] - h
    o = case[prefix + "Wy"].shape[1]
    made = getattr(load(task), cls)(i, h, o)
    for name in ATTRIBUTES[cls]:
        setattr(made, name, np.array(case[prefix + name]))
    return made


def prepare(task, case, load, method=None):
    """The call of task on case: (function, arguments, cells).

    The cells are built with the class of CELL[task], loaded through load;
    the arguments are fresh copies of the case's arrays.
    """
    module, cls = CELL[task]
    method, names, _ = signature(task, method)
    cells = [build_cell(cls, case, prefix, load, module)
             for prefix in layers(case)]
    args = [np.array(case[name]) for name in names]
    if method is not None:
        return getattr(cells[0], method), args, cells
    function = getattr(load(task), DEFINES[task])
    first = cells if task == "4-deep_rnn" else cells[0]
    return function, [first] + args, cells


def as_array(task, name, value):
    """value as an array of numbers, or Unexpected naming it."""
    try:
        array = np.asarray(value)
    except Exception:
        raise Unexpected("{} returned {} that is not an array".format(
            task, name)) from None
    if not (np.issubdtype(array.dtype, np.number) or array.dtype == bool):
        raise Unexpected("{} returned {} of type {}, not an array of "
                         "numbers".format(task, name, type(value).__name__))
    return array


def outputs(task, returned, method=None):
    """What a call of task returned, by name."""
    _, _, names = signature(task, method)
    if task in ("9-rnn_backward", "10-lstm_backward"):
        if not isinstance(returned, dict):
            raise Unexpected("{} returned a {}, not a dict of gradients"
                             .format(task, type(returned).__name__))
        missing = [name for name in names if name not in returned]
        if missing:
            raise Unexpected("{} returned no {}".format(
                task, ", ".join(missing)))
        return {name: as_array(task, name, returned[name])
                for name in names}
    if len(names) == 1:
        return {names[0]: as_array(task, names[0], returned)}
    if not isinstance(returned, (tuple, list)) or len(returned) != len(
            names):
        count = len(returned) if isinstance(returned, (tuple, list)) else 1
        raise Unexpected("{} returned {} value{}, expected {}: {}".format(
            describe(task, method), count, "" if count == 1 else "s",
            len(names), ", ".join(names)))
    return {name: as_array(task, name, value)
            for name, value in zip(names, returned)}


def run(task, case, load, method=None):
    """Run task on case; its results by name."""
    function, args, _ = prepare(task, case, load, method)
    return outputs(task, function(*args), method)


def call(task, request, case, load):
    """What a worker's `call` request computes, with the modules of load:
    the task on case, strictly if asked (warnings and floating-point errors
    raised); its results by name, the next three global draws after it
    ("random.after") if the request seeds the generator, and the arguments
    and cells as they are after the call ("after.NAME") if it asks."""
    method = request.get("method")
    function, positional, cells = prepare(task, case, load, method)
    if request.get("seed") is not None:
        np.random.seed(request["seed"])
    if request.get("strict"):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            with np.errstate(over="raise", divide="raise", invalid="raise"):
                returned = function(*positional)
    else:
        returned = function(*positional)
    arrays = outputs(task, returned, method)
    if request.get("seed") is not None:
        arrays["random.after"] = np.random.normal(size=3)
    if request.get("report"):
        names = signature(task, method)[1]
        for name, value in zip(names, positional[-len(names):]):
            arrays["after." + name] = as_array(task, name, value)
        cls = CELL[task][1]
        for prefix, made in zip(layers(case), cells):
            for attr in ATTRIBUTES[cls]:
                arrays["after." + prefix + attr] = as_array(
                    task, attr, getattr(made, attr, np.zeros(0)))
    return arrays


def construct(task, request, load):
    """What a worker's `construct` request computes, with the modules of
    load: np.random.seed(seed), the task's cell of the request's sizes, its
    documented attributes and the next three draws ("random.after")."""
    module, cls = CELL[task]
    np.random.seed(request["seed"])
    made = getattr(load(module), cls)(*request["sizes"])
    arrays = {}
    for name in ATTRIBUTES[cls]:
        if not hasattr(made, name):
            raise Unexpected("{} has no attribute {}".format(cls, name))
        arrays[name] = as_array(cls, name, getattr(made, name))
    arrays["random.after"] = np.random.normal(size=3)
    return arrays


def random_cell(cls, rng, i, h, o, scale=1.0, prefix="cell."):
    """Documented attributes of a cls(i, h, o), N(0, scale²), as a case."""
    return {prefix + name: scale * rng.normal(
        size=attribute_shape(cls, name, i, h, o))
        for name in ATTRIBUTES[cls]}


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


def forward_states(task, case, load):
    """H, Y (RNN) or H, C, Y (LSTM) of the forward pass that tasks 9 and 10
    differentiate, computed with the cells of load."""
    cell = build_cell(cell_class(task), case, "cell.", load, CELL[task][0])
    if task == "9-rnn_backward":
        return load("1-rnn").rnn(cell, case["X"], case["h_0"])
    return lstm_forward(cell, case["X"], case["h_0"], case["c_0"])


def targets(rng, t, m, o):
    """One-hot targets with one all-zero row and, if o > 1, one soft row."""
    Y_true = np.eye(o)[rng.integers(0, o, (t, m))]
    Y_true[-1, 0] = 0
    if o > 1:
        Y_true[0, -1] = rng.dirichlet(np.ones(o))
    return Y_true


def make_inputs(task, rng, sizes, load, scale=0.7, magnitude=1.0):
    """The inputs of one case of task with the given sizes, drawn from rng.

    sizes has t, m, i, h, o as the task needs them, and l for a deep RNN
    (with inner_o, the output size of its inner layers). Weights are
    N(0, scale²); biases N(0, scale²) times magnitude; inputs and states
    N(0, 1) times magnitude. For tasks 9 and 10, H, (C,) Y come from the
    forward pass of load's cells.
    """
    def n(*size):
        return magnitude * rng.normal(size=size)

    s = dict(sizes)
    cls = cell_class(task)
    if task == "4-deep_rnn":
        data = {}
        for k in range(s["l"]):
            o = s["o"] if k == s["l"] - 1 else s.get("inner_o", s["o"])
            data.update(random_cell(cls, rng, s["i"] if k == 0 else s["h"],
                                    s["h"], o, scale, "cell{}.".format(k)))
    else:
        data = random_cell(cls, rng, s.get("i", 1), s["h"], s["o"], scale)
    for key in data:
        if key.split(".")[1].startswith("b"):
            data[key] = magnitude * data[key]
    if task == "4-deep_rnn":
        data["X"] = n(s["t"], s["m"], s["i"])
        data["h_0"] = n(s["l"], s["m"], s["h"])
        return data
    if task == "7-bi_output":
        data["H"] = n(s["t"], s["m"], 2 * s["h"])
        if "i" in s:  # for the forward and backward methods it keeps
            data["state"] = n(s["m"], s["h"])
            data["x_t"] = n(s["m"], s["i"])
        return data
    if task in METHOD:
        data["state"] = n(s["m"], s["h"])
        data["x_t"] = n(s["m"], s["i"])
        if task == "3-lstm_cell":
            data["c_prev"] = n(s["m"], s["h"])
        return data
    data["X"] = n(s["t"], s["m"], s["i"])
    data["h_0"] = n(s["m"], s["h"])
    if task == "8-bi_rnn":
        data["h_t"] = n(s["m"], s["h"])
    if task == "10-lstm_backward":
        data["c_0"] = n(s["m"], s["h"])
        data["H"], data["C"], data["Y"] = forward_states(task, data, load)
    if task == "9-rnn_backward":
        data["H"], data["Y"] = forward_states(task, data, load)
    if task in ("9-rnn_backward", "10-lstm_backward"):
        data["Y_true"] = targets(rng, s["t"], s["m"], s["o"])
    return data


def result_shapes(task, sizes, method=None):
    """The shape of each result of a call of task for sizes (as in
    make_inputs)."""
    t, m, h, o = (sizes.get(name) for name in "tmho")
    i, layers = sizes.get("i"), sizes.get("l")
    if task in ("9-rnn_backward", "10-lstm_backward"):
        found = {"dWy": (h, o), "dby": (1, o), "dX": (t, m, i),
                 "dh_0": (m, h), "dc_0": (m, h)}
        for gate in ("h",) if task == "9-rnn_backward" else "fuco":
            found["dW" + gate] = (h + i, h)
            found["db" + gate] = (1, h)
    else:
        found = {"h_next": (m, h), "h_prev": (m, h), "c_next": (m, h),
                 "y": (m, o), "Y": (t, m, o)}
        found["H"] = {"1-rnn": (t + 1, m, h), "4-deep_rnn": (
            t + 1, layers, m, h), "8-bi_rnn": (t, m, 2 * h)}.get(task)
    return {name: found[name] for name in signature(task, method)[2]}


# -- malformed calls (the errors checks) ---------------------------------

MALFORMED_SIZES = dict(t=3, m=2, i=4, h=5, o=3, l=2, inner_o=5)


def malformed_calls():
    """(label, task, argument, replacement, this repository's message) of
    each malformed call the errors checks make, at MALFORMED_SIZES.
    replacement is the argument's new array, or for rnn_cells: None (no
    cells) or "misfit" (an upper cell that reads the wrong size)."""
    t, m, i, h, o = 3, 2, 4, 5, 3
    Z = np.zeros
    calls = [
        ("rnn X 2-D", "1-rnn", "X", Z((t, i)),
         "X must have shape (t, m, 4), got (3, 4)"),
        ("rnn X last axis", "1-rnn", "X", Z((t, m, i + 1)),
         "X must have shape (t, m, 4), got (3, 2, 5)"),
        ("rnn h_0 batch", "1-rnn", "h_0", Z((m + 1, h)),
         "h_0 must have shape (2, 5), got (3, 5)"),
        ("rnn h_0 hidden", "1-rnn", "h_0", Z((m, h + 1)),
         "h_0 must have shape (2, 5), got (2, 6)"),
        ("deep X 4-D", "4-deep_rnn", "X", Z((t, m, i, 1)),
         "X must have shape (t, m, 4), got (3, 2, 4, 1)"),
        ("deep X last axis", "4-deep_rnn", "X", Z((t, m, h)),
         "X must have shape (t, m, 4), got (3, 2, 5)"),
        ("deep h_0 layers", "4-deep_rnn", "h_0", Z((3, m, h)),
         "h_0 must have shape (2, 2, 5), got (3, 2, 5)"),
        ("deep h_0 2-D", "4-deep_rnn", "h_0", Z((m, h)),
         "h_0 must have shape (2, 2, 5), got (2, 5)"),
        ("deep no cells", "4-deep_rnn", "rnn_cells", None,
         "rnn_cells must hold at least one cell"),
        ("deep cells do not fit", "4-deep_rnn", "rnn_cells", "misfit",
         "rnn_cells[1].Wh must have shape (10, 5), got (8, 5)"),
        ("bi X 2-D", "8-bi_rnn", "X", Z((m, i)),
         "X must have shape (t, m, 4), got (2, 4)"),
        ("bi X last axis", "8-bi_rnn", "X", Z((t, m, 2)),
         "X must have shape (t, m, 4), got (3, 2, 2)"),
        ("bi h_0", "8-bi_rnn", "h_0", Z((m, 2 * h)),
         "h_0 must have shape (2, 5), got (2, 10)"),
        ("bi h_t", "8-bi_rnn", "h_t", Z((1, h)),
         "h_t must have shape (2, 5), got (1, 5)"),
    ]
    for task in ("9-rnn_backward", "10-lstm_backward"):
        short = task.split("-")[1]
        calls += [
            (short + " X 2-D", task, "X", Z((t * m, i)),
             "X must have shape (t, m, 4), got (6, 4)"),
            (short + " X last axis", task, "X", Z((t, m, 1)),
             "X must have shape (t, m, 4), got (3, 2, 1)"),
            (short + " H steps", task, "H", Z((t, m, h)),
             "H must have shape (4, 2, 5), got (3, 2, 5)"),
            (short + " Y batch", task, "Y", Z((t, m + 1, o)),
             "Y must have shape (3, 2, 3), got (3, 3, 3)"),
            (short + " Y_true size", task, "Y_true", Z((t, m, o + 1)),
             "Y_true must have shape (3, 2, 3), got (3, 2, 4)"),
            (short + " Y_true negative", task, "Y_true",
             -np.eye(o)[np.zeros((t, m), dtype=int)],
             "Y_true must be non-negative"),
        ]
    calls.append(("lstm C hidden", "10-lstm_backward", "C",
                  Z((t + 1, m, 1)),
                  "C must have shape (4, 2, 5), got (4, 2, 1)"))
    return calls


def malformed_case(task, argument, replacement, load):
    """A valid case of task at MALFORMED_SIZES with one argument made
    malformed (see malformed_calls)."""
    case = make_inputs(task, np.random.default_rng(24), MALFORMED_SIZES,
                       load)
    if argument != "rnn_cells":
        case[argument] = replacement
        return case
    case = {key: value for key, value in case.items()
            if not key.startswith("cell")}
    if replacement == "misfit":
        # the upper cell reads 3 inputs where the layer below gives 5
        g = np.random.default_rng(25)
        case.update(random_cell("RNNCell", g, 4, 5, 5, prefix="cell0."))
        case.update(random_cell("RNNCell", g, 3, 5, 3, prefix="cell1."))
    return case


def all_cases():
    """Every stored (task, case name, sizes), in a fixed order."""
    return [(task, name, sizes) for task in DEFINES
            for name, sizes in SIZES[task].items()]
