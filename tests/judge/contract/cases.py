"""Cases: the inputs of one call of a task, and how a task is called on them.

A case is a dict of arrays: the documented attributes of the cell it uses
("cell.Wh", or "cell1.Wh" for layer 1 of a deep RNN) and the call's
arguments under their case keys (tasks.Array.case_key: "state" is h_prev
for forward and h_next for backward; then "x_t", "c_prev", "X", "h_0",
"h_t", "H", "C", "Y", "Y_true").

`call` and `construct` (and `prepare`, `outputs` below them) run inside a
worker, on the submitted file, and in the judge, on this repository's
files or on a catalogued mistake: they take `load`, a function from a task
name to its module, and import nothing themselves. `make_inputs` is the
judge's: tests/regenerate.py saves the inputs and outputs of the stored
cases (tasks.Task.stored) to tests/data/TASK--CASE.npz.
"""
import warnings
from typing import Callable, Dict, List, Optional

import numpy as np

from judge.contract.tasks import (LSTM_CELL, RNN_CELL, TASK, TASKS, Cell,
                                  Task)

Case = Dict[str, np.ndarray]
Loader = Callable[[str], object]


class Unexpected(Exception):
    """A call returned something other than what the README says."""


def describe(task: str, method: Optional[str] = None) -> str:
    """The call as a student would write it: "GRUCell.forward(h_prev,
    x_t)", "rnn(rnn_cell, X, h_0)"."""
    return TASK[task].call(method).text


def layers(case: Case) -> List[str]:
    """The cell prefixes of a case, in order: ["cell."] or ["cell0.", ...]."""
    if any(key.startswith("cell.") for key in case):
        return ["cell."]
    count = len({key.split(".")[0] for key in case if key.startswith("cell")})
    return ["cell{}.".format(k) for k in range(count)]


def build_cell(task: str, case: Case, prefix: str, load: Loader):
    """The cell task works with (its class from the file that defines it,
    through load) whose documented attributes are the case's prefix*
    arrays (copies)."""
    cell = TASK[task].cell
    first = case[prefix + cell.attributes[0].name]
    h = first.shape[1]
    i = first.shape[0] - h
    o = case[prefix + "Wy"].shape[1]
    made = getattr(load(TASK[task].cell_file), cell.name)(i, h, o)
    for name in cell.names():
        setattr(made, name, np.array(case[prefix + name]))
    return made


def prepare(task: str, case: Case, load: Loader,
            method: Optional[str] = None):
    """The call of task on case: (function, arguments, cells).

    The cells are built with the class of the task's cell, loaded through
    load; the arguments are fresh copies of the case's arrays.
    """
    described = TASK[task]
    call = described.call(method)
    cells = [build_cell(task, case, prefix, load)
             for prefix in layers(case)]
    args = [np.array(case[a.case_key]) for a in call.arguments]
    if call.method is not None:
        return getattr(cells[0], call.method), args, cells
    function = getattr(load(task), described.defines)
    first = cells if described.layered else cells[0]
    return function, [first] + args, cells


def as_array(task: str, name: str, value) -> np.ndarray:
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


def outputs(task: str, returned, method: Optional[str] = None) -> Case:
    """What a call of task returned, by name."""
    call = TASK[task].call(method)
    names = call.output_names()
    if returned is None:
        raise Unexpected("{} returned None (is a return missing?); it must "
                         "return {}".format(call.text, "a dict of gradients"
                                            if TASK[task].returns_gradients
                                            else ", ".join(names)))
    if TASK[task].returns_gradients:
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
            call.text, count, "" if count == 1 else "s",
            len(names), ", ".join(names)))
    return {name: as_array(task, name, value)
            for name, value in zip(names, returned)}


def run(task: str, case: Case, load: Loader,
        method: Optional[str] = None) -> Case:
    """Run task on case; its results by name."""
    function, args, _ = prepare(task, case, load, method)
    return outputs(task, function(*args), method)


def call(task: str, request: dict, case: Case, load: Loader) -> Case:
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
        names = [a.case_key for a in TASK[task].call(method).arguments]
        for name, value in zip(names, positional[-len(names):]):
            arrays["after." + name] = as_array(task, name, value)
        for prefix, made in zip(layers(case), cells):
            for attr in TASK[task].cell.names():
                arrays["after." + prefix + attr] = as_array(
                    task, attr, getattr(made, attr, np.zeros(0)))
    return arrays


def construct(task: str, request: dict, load: Loader) -> Case:
    """What a worker's `construct` request computes, with the modules of
    load: np.random.seed(seed), the task's cell of the request's sizes, its
    documented attributes and the next three draws ("random.after")."""
    cell = TASK[task].cell
    np.random.seed(request["seed"])
    made = getattr(load(TASK[task].cell_file), cell.name)(*request["sizes"])
    arrays = {}
    missing = [name for name in cell.names() if not hasattr(made, name)]
    if missing:
        has = sorted(name for name, value in getattr(
            made, "__dict__", {}).items()
                     if isinstance(value, np.ndarray))
        raise Unexpected("{} has no attribute {} (the README's names: {}; "
                         "it has {})".format(
                             cell.name, ", ".join(missing),
                             ", ".join(cell.names()),
                             ", ".join(has) or "no array attribute"))
    for name in cell.names():
        arrays[name] = as_array(cell.name, name, getattr(made, name))
    arrays["random.after"] = np.random.normal(size=3)
    return arrays


def random_cell(cell: Cell, rng, i: int, h: int, o: int, scale=1.0,
                prefix="cell.") -> Case:
    """Documented attributes of a cell(i, h, o), N(0, scale²), as a case."""
    sizes = dict(i=i, h=h, o=o)
    return {prefix + a.name: scale * rng.normal(size=a.shape(sizes))
            for a in cell.attributes}


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


def forward_states(task: str, case: Case, load: Loader):
    """The arrays of the forward pass that tasks 9 and 10 differentiate
    (tasks.Task.derived: H, Y or H, C, Y), computed with the cells of
    load."""
    cell = build_cell(task, case, "cell.", load)
    if TASK[task].cell is RNN_CELL:
        return load("1-rnn").rnn(cell, case["X"], case["h_0"])
    assert TASK[task].cell is LSTM_CELL
    return lstm_forward(cell, case["X"], case["h_0"], case["c_0"])


def targets(rng, t: int, m: int, o: int) -> np.ndarray:
    """One-hot targets with one all-zero row and, if o > 1, one soft row."""
    Y_true = np.eye(o)[rng.integers(0, o, (t, m))]
    Y_true[-1, 0] = 0
    if o > 1:
        Y_true[0, -1] = rng.dirichlet(np.ones(o))
    return Y_true


def drawn(task: Task, sizes: Dict[str, int]):
    """The inputs of task drawn from N(0, 1) for these sizes, in order:
    every input that is no call's argument (the initial states of a
    forward pass), and the arguments of each call whose arguments all
    have their sizes given (a bidirectional cell's forward and backward
    need i; its output does not)."""
    found = []
    for array in task.inputs:
        if array.name in task.derived or array.name == "Y_true":
            continue
        callers = [call for call in task.calls if array.case_key in
                   {a.case_key for a in call.arguments}]
        if not callers or any(set(s for a in call.arguments
                                  for s in a.symbols()) <= set(sizes)
                              for call in callers):
            found.append(array)
    return found


def make_inputs(task: str, rng, sizes: Dict[str, int], load: Loader,
                scale=0.7, magnitude=1.0) -> Case:
    """The inputs of one case of task with the given sizes, drawn from rng.

    sizes has the task's symbols (tasks.Task.sizes_used), with inner_o,
    the output size of a deep RNN's inner layers. Weights are N(0,
    scale²); biases N(0, scale²) times magnitude; inputs and states N(0,
    1) times magnitude. For tasks 9 and 10, H, (C,) Y come from the
    forward pass of load's cells; Y_true are targets().
    """
    described = TASK[task]
    s = dict(sizes)
    if described.layered:
        data = {}
        for k in range(s["l"]):
            o = s["o"] if k == s["l"] - 1 else s.get("inner_o", s["o"])
            data.update(random_cell(
                described.cell, rng, s["i"] if k == 0 else s["h"], s["h"],
                o, scale, "cell{}.".format(k)))
    else:
        data = random_cell(described.cell, rng, s.get("i", 1), s["h"],
                           s["o"], scale)
    for key in data:
        if key.split(".")[1].startswith("b"):
            data[key] = magnitude * data[key]
    for array in drawn(described, s):
        data[array.case_key] = magnitude * rng.normal(size=array.shape(s))
    if described.derived:
        data.update(zip(described.derived, forward_states(task, data, load)))
    if "Y_true" in {a.name for a in described.inputs}:
        data["Y_true"] = targets(rng, s["t"], s["m"], s["o"])
    return data


def result_shapes(task: str, sizes: Dict[str, int],
                  method: Optional[str] = None):
    """The shape of each result of a call of task for sizes (as in
    make_inputs)."""
    return {a.name: a.shape(sizes) for a in TASK[task].call(method).outputs}


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
        case.update(random_cell(RNN_CELL, g, 4, 5, 5, prefix="cell0."))
        case.update(random_cell(RNN_CELL, g, 3, 5, 3, prefix="cell1."))
    return case


def all_cases():
    """Every stored (task, case name, sizes), in a fixed order."""
    return [(task, name, sizes) for task in TASKS
            for name, sizes in TASK[task].stored.items()]
