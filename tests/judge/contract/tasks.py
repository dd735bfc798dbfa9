"""The eleven tasks as the README states them, each described once.

A Task says what its file defines, the cell it works with, how it is
called (its calls, with their arguments and outputs and the axes of each
array), which other task files its grading runs, which arrays a case of it
holds and in what order they are drawn, and the sizes of its stored cases.
The checks, the code that calls a submission (cases.py), the diagnosis,
the starter and the scoreboard all read these descriptions; nothing here
imports a task file.

Axes are written in the README's symbols: "t", "t+1", "m", "i", "h",
"2h", "h+i", "o", "l", "1".
"""
import os
import re
from dataclasses import dataclass, field
from typing import Dict, Mapping, Optional, Tuple

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))))

# the order in which sizes are shown: "t=1, m=1, i=3, h=2, o=4"
SYMBOLS = ("l", "t", "m", "i", "h", "o", "inner_o")


def size(axis: str, sizes: Mapping[str, int]) -> int:
    """The length of an axis for the given sizes: "t+1" with t = 4 is 5,
    "2h" with h = 3 is 6, "1" is 1."""
    total = 0
    for term in axis.split("+"):
        found = re.fullmatch(r"(\d*)([a-z_]*)", term.strip())
        factor, symbol = found.groups()
        if not symbol:
            total += int(factor)
        else:
            total += int(factor or 1) * sizes[symbol]
    return total


def symbols(axis: str) -> Tuple[str, ...]:
    """The size symbols an axis uses: "h+i" -> ("h", "i")."""
    return tuple(re.sub(r"^\d*", "", term) for term in axis.split("+")
                 if re.sub(r"^\d*", "", term))


@dataclass(frozen=True)
class Array:
    """A named array of the contract and its axes.

    key: the name of the array in a case, when it differs from the
    README's name (one "state" serves h_prev and h_next); values: what its
    values must be whatever the inputs: "probabilities" (softmax rows over
    the last axis), "tanh" (in [-1, 1]: a tanh, times a gate; the initial
    state of an axis "t+1" aside), "blend" (a GRU's h_next, between h_prev
    and a tanh), or "" (no such bound).
    """
    name: str
    axes: Tuple[str, ...]
    key: str = ""
    values: str = ""

    @property
    def case_key(self) -> str:
        """The name of the array in a case."""
        return self.key or self.name

    def shape(self, sizes: Mapping[str, int]) -> Tuple[int, ...]:
        """The array's shape for the given sizes."""
        return tuple(size(axis, sizes) for axis in self.axes)

    def symbols(self) -> Tuple[str, ...]:
        """Every size symbol of its axes."""
        return tuple(s for axis in self.axes for s in symbols(axis))


def _weight(name):
    """A cell weight that acts on [h_prev, x_t]: (h + i, h)."""
    return Array(name, ("h+i", "h"))


def _bias(name, axis="h"):
    """A bias row: (1, h), or (1, o) for the output's."""
    return Array(name, ("1", axis))


@dataclass(frozen=True)
class Cell:
    """A cell class: its documented weights, in the order they are drawn,
    and its biases (drawn after every weight; zeros)."""
    name: str
    weights: Tuple[Array, ...]
    biases: Tuple[Array, ...]

    @property
    def attributes(self) -> Tuple[Array, ...]:
        """Weights in draw order, then biases."""
        return self.weights + self.biases

    def attribute(self, name: str) -> Array:
        """The documented attribute called name."""
        return next(a for a in self.attributes if a.name == name)

    def names(self) -> Tuple[str, ...]:
        """The names of the documented attributes, in order."""
        return tuple(a.name for a in self.attributes)


RNN_CELL = Cell("RNNCell", (_weight("Wh"), Array("Wy", ("h", "o"))),
                (_bias("bh"), _bias("by", "o")))
GRU_CELL = Cell("GRUCell", (_weight("Wz"), _weight("Wr"), _weight("Wh"),
                            Array("Wy", ("h", "o"))),
                (_bias("bz"), _bias("br"), _bias("bh"), _bias("by", "o")))
LSTM_CELL = Cell("LSTMCell", (_weight("Wf"), _weight("Wu"), _weight("Wc"),
                              _weight("Wo"), Array("Wy", ("h", "o"))),
                 (_bias("bf"), _bias("bu"), _bias("bc"), _bias("bo"),
                  _bias("by", "o")))
BI_CELL = Cell("BidirectionalCell", (_weight("Whf"), _weight("Whb"),
                                     Array("Wy", ("2h", "o"))),
               (_bias("bhf"), _bias("bhb"), _bias("by", "o")))


@dataclass(frozen=True)
class Call:
    """One way a task is called: a method of its cell (method) or the
    task's function (method None), its array arguments after the cell (or
    list of cells), and what it returns, in order."""
    method: Optional[str]
    arguments: Tuple[Array, ...]
    outputs: Tuple[Array, ...]
    text: str

    def output_names(self) -> Tuple[str, ...]:
        """The names of its outputs, in order."""
        return tuple(a.name for a in self.outputs)

    def parameters(self) -> Tuple[str, ...]:
        """Its parameters as the README writes them, the cell's included:
        ("rnn_cell", "X", "h_0"), ("h_prev", "x_t")."""
        inside = self.text[self.text.index("(") + 1:self.text.rindex(")")]
        return tuple(name.strip() for name in inside.split(","))


# the arrays of cases, under their README names
H_PREV = Array("h_prev", ("m", "h"), key="state")
H_NEXT_IN = Array("h_next", ("m", "h"), key="state")
X_T = Array("x_t", ("m", "i"))
C_PREV = Array("c_prev", ("m", "h"))
X = Array("X", ("t", "m", "i"))
H_0 = Array("h_0", ("m", "h"))
C_0 = Array("c_0", ("m", "h"))
H_T = Array("h_t", ("m", "h"))
STATES = Array("H", ("t+1", "m", "h"))
CELLS = Array("C", ("t+1", "m", "h"))
Y_TRUE = Array("Y_true", ("t", "m", "o"))
# outputs
H_NEXT = Array("h_next", ("m", "h"), values="tanh")
Y_CELL = Array("y", ("m", "o"), values="probabilities")
OUTPUTS = Array("Y", ("t", "m", "o"), values="probabilities")

BI_FORWARD = Call("forward", (H_PREV, X_T), (H_NEXT,),
                  "BidirectionalCell.forward(h_prev, x_t)")
BI_BACKWARD = Call("backward", (H_NEXT_IN, X_T),
                   (Array("h_prev", ("m", "h"), values="tanh"),),
                   "BidirectionalCell.backward(h_next, x_t)")
BI_OUTPUT = Call("output", (Array("H", ("t", "m", "2h")),), (OUTPUTS,),
                 "BidirectionalCell.output(H)")


def gradients(names: str, initial: Tuple[str, ...]) -> Tuple[Array, ...]:
    """What a backward pass returns, in the README's order: the gradient
    of each attribute named (shaped like it), then dX and the gradients of
    the initial states."""
    found = []
    for name in names.split():
        cell = RNN_CELL if name in RNN_CELL.names() else LSTM_CELL
        found.append(Array("d" + name, cell.attribute(name).axes))
    return tuple(found) + (Array("dX", ("t", "m", "i")),) + tuple(
        Array("d" + name, ("m", "h")) for name in initial)


@dataclass(frozen=True)
class Task:
    """One task of the README.

    name: its file without .py; defines: the class or function it must
    define; cell: the cell it works with, defined by cell_file; calls: how
    its checks call it (a bidirectional cell: each method its class has,
    in the order the tasks add them; the task's own is the last);
    needs: the other task files its grading runs (a cell it is given, the
    functions its driver imports); inputs: the arrays of a case, in the
    order they are drawn (see cases.make_inputs); derived: those computed
    by this repository's forward pass rather than drawn; layered: it takes
    a list of cells (one per layer); stored: the sizes of its stored cases
    (tests/data/).
    """
    name: str
    defines: str
    cell: Cell
    cell_file: str
    calls: Tuple[Call, ...]
    inputs: Tuple[Array, ...]
    needs: Tuple[str, ...] = ()
    derived: Tuple[str, ...] = ()
    layered: bool = False
    stored: Mapping[str, Mapping[str, int]] = field(default_factory=dict)

    @property
    def number(self) -> int:
        """2 for "2-gru_cell"."""
        return int(self.name.split("-")[0])

    @property
    def file(self) -> str:
        """The task file's name: "2-gru_cell.py"."""
        return self.name + ".py"

    @property
    def driver(self) -> str:
        """Its driver, relative to the root: "main/2-main.py"."""
        return "main/{}-main.py".format(self.number)

    @property
    def own_cell(self) -> bool:
        """Whether the task file defines the cell itself."""
        return self.cell_file == self.name

    @property
    def returns_gradients(self) -> bool:
        """Whether a call returns a dict of gradients."""
        return self.name in ("9-rnn_backward", "10-lstm_backward")

    def call(self, method: Optional[str] = None) -> Call:
        """The call of a method (the task's own call when method is
        None)."""
        if method is None:
            return self.calls[-1]
        return next(c for c in self.calls if c.method == method)

    def methods(self) -> Tuple[str, ...]:
        """The methods of its class that its checks call, in the order the
        tasks add them."""
        return tuple(c.method for c in self.calls if c.method)

    def sizes_used(self) -> Tuple[str, ...]:
        """The size symbols of its cases, in SYMBOLS order."""
        used = {s for a in self.inputs for s in a.symbols()}
        used |= {s for a in self.cell.attributes for s in a.symbols()}
        for call in self.calls:
            used |= {s for a in call.arguments + call.outputs
                     for s in a.symbols()}
        if self.layered:
            used |= {"l", "inner_o"}
        return tuple(s for s in SYMBOLS if s in used)


CELL_SIZES = {"i7_h4_o3_m5": dict(i=7, h=4, o=3, m=5),
              "m1_o1": dict(i=3, h=2, o=1, m=1),
              "i1_h1_o1": dict(i=1, h=1, o=1, m=2)}
BACKWARD_SIZES = {"t4_m3_i5_h6_o4": dict(t=4, m=3, i=5, h=6, o=4),
                  "t1_m1": dict(t=1, m=1, i=3, h=2, o=3)}

ALL = (
    Task(
        "0-rnn_cell", "RNNCell", RNN_CELL, "0-rnn_cell",
        calls=(Call("forward", (H_PREV, X_T), (H_NEXT, Y_CELL),
                    "RNNCell.forward(h_prev, x_t)"),),
        inputs=(H_PREV, X_T), stored=CELL_SIZES),
    Task(
        "1-rnn", "rnn", RNN_CELL, "0-rnn_cell",
        calls=(Call(None, (X, H_0),
                    (Array("H", ("t+1", "m", "h"), values="tanh"), OUTPUTS),
                    "rnn(rnn_cell, X, h_0)"),),
        inputs=(X, H_0), needs=("0-rnn_cell",),
        stored={"t5_m3_i4_h6_o2": dict(t=5, m=3, i=4, h=6, o=2),
                "t1_m1": dict(t=1, m=1, i=3, h=5, o=4),
                "o1": dict(t=4, m=2, i=6, h=3, o=1)}),
    Task(
        "2-gru_cell", "GRUCell", GRU_CELL, "2-gru_cell",
        calls=(Call("forward", (H_PREV, X_T),
                    (Array("h_next", ("m", "h"), values="blend"), Y_CELL),
                    "GRUCell.forward(h_prev, x_t)"),),
        inputs=(H_PREV, X_T), stored=CELL_SIZES),
    Task(
        "3-lstm_cell", "LSTMCell", LSTM_CELL, "3-lstm_cell",
        calls=(Call("forward", (H_PREV, C_PREV, X_T),
                    (H_NEXT, Array("c_next", ("m", "h")), Y_CELL),
                    "LSTMCell.forward(h_prev, c_prev, x_t)"),),
        # drawn state, x_t, c_prev (the stored cases' order), though the
        # call takes c_prev second
        inputs=(H_PREV, X_T, C_PREV), stored=CELL_SIZES),
    Task(
        "4-deep_rnn", "deep_rnn", RNN_CELL, "0-rnn_cell",
        calls=(Call(None, (X, Array("h_0", ("l", "m", "h"))),
                    (Array("H", ("t+1", "l", "m", "h"), values="tanh"),
                     OUTPUTS),
                    "deep_rnn(rnn_cells, X, h_0)"),),
        inputs=(X, Array("h_0", ("l", "m", "h"))), needs=("0-rnn_cell",),
        layered=True,
        stored={"l3_t4_m2_i4_h5_o3": dict(l=3, t=4, m=2, i=4, h=5, o=3),
                "l1": dict(l=1, t=3, m=2, i=3, h=4, o=2),
                "l2_t1_m1_o1": dict(l=2, t=1, m=1, i=2, h=3, o=1)}),
    Task(
        "5-bi_forward", "BidirectionalCell", BI_CELL, "5-bi_forward",
        calls=(BI_FORWARD,), inputs=(H_PREV, X_T), stored=CELL_SIZES),
    Task(
        "6-bi_backward", "BidirectionalCell", BI_CELL, "6-bi_backward",
        calls=(BI_FORWARD, BI_BACKWARD), inputs=(H_PREV, X_T),
        stored=CELL_SIZES),
    Task(
        "7-bi_output", "BidirectionalCell", BI_CELL, "7-bi_output",
        calls=(BI_FORWARD, BI_BACKWARD, BI_OUTPUT),
        inputs=(Array("H", ("t", "m", "2h")), H_PREV, X_T),
        stored={"t4_m3_h5_o3": dict(t=4, m=3, h=5, o=3),
                "t1_m1_o1": dict(t=1, m=1, h=2, o=1)}),
    Task(
        "8-bi_rnn", "bi_rnn", BI_CELL, "7-bi_output",
        calls=(Call(None, (X, H_0, H_T),
                    (Array("H", ("t", "m", "2h"), values="tanh"), OUTPUTS),
                    "bi_rnn(bi_cell, X, h_0, h_t)"),),
        inputs=(X, H_0, H_T), needs=("7-bi_output",),
        stored={"t5_m3_i4_h6_o2": dict(t=5, m=3, i=4, h=6, o=2),
                "t1_m1": dict(t=1, m=1, i=3, h=2, o=4),
                "o1": dict(t=3, m=2, i=2, h=3, o=1)}),
    Task(
        "9-rnn_backward", "rnn_backward", RNN_CELL, "0-rnn_cell",
        calls=(Call(None, (X, STATES, OUTPUTS, Y_TRUE),
                    gradients("Wh bh Wy by", ("h_0",)),
                    "rnn_backward(rnn_cell, X, H, Y, Y_true)"),),
        inputs=(X, H_0, STATES, OUTPUTS, Y_TRUE),
        needs=("0-rnn_cell", "1-rnn"), derived=("H", "Y"),
        stored=BACKWARD_SIZES),
    Task(
        "10-lstm_backward", "lstm_backward", LSTM_CELL, "3-lstm_cell",
        calls=(Call(None, (X, STATES, CELLS, OUTPUTS, Y_TRUE),
                    gradients("Wf Wu Wc Wo Wy bf bu bc bo by",
                              ("h_0", "c_0")),
                    "lstm_backward(lstm_cell, X, H, C, Y, Y_true)"),),
        inputs=(X, H_0, C_0, STATES, CELLS, OUTPUTS, Y_TRUE),
        needs=("3-lstm_cell",), derived=("H", "C", "Y"),
        stored=BACKWARD_SIZES),
)

TASK: Dict[str, Task] = {task.name: task for task in ALL}
TASKS = tuple(TASK)


def offered(task: str) -> Dict[str, Call]:
    """The calls that the stand-in of a task file offers (a task that
    another builds on: Task.needs), by the name it is called under:
    {"RNNCell.forward": ...} for a cell's file, {"rnn": ...} for a
    function's."""
    described = TASK[task]
    if described.own_cell:
        return {"{}.{}".format(described.cell.name, call.method): call
                for call in described.calls if call.method}
    return {described.defines: described.call()}
