"""robustness: what a careful solution does beyond the task as stated.

Inputs, states and biases of magnitude 1e3 and 1e4, logits of magnitude
1e4 alone, and gates driven to 0 and 1 by biases of ±1e308, with every
warning and floating-point error raised: the results are finite, softmax
rows sum to 1, states stay in the range of their gates. float32 inputs
give finite results of the right shapes. No call changes the arrays it is
given, a cell's attributes, or the global random state.
"""
import numpy as np
import pytest

from judge.contract import cases
from judge.compare import agrees, close, equal, shape
from judge.contract.tasks import TASK, TASKS
from judge.failures import fail

pytestmark = pytest.mark.robustness
SIZES = dict(t=3, m=2, i=4, h=5, o=3)


def valid_case(task, rng, sizes, reference, magnitude=1.0,
               dtype=np.float64):
    """A valid case of task: standard normal weights; inputs, states and
    biases of the given magnitude; arrays of dtype. A deep RNN has two
    layers, the inner one of output size h."""
    sizes = dict(sizes, l=2, inner_o=sizes["h"])
    case = cases.make_inputs(task, rng, sizes, reference, scale=1.0,
                             magnitude=magnitude)
    return {key: value.astype(dtype) for key, value in case.items()}


@pytest.mark.parametrize("task", TASKS)
@pytest.mark.parametrize("scale", [1e3, 1e4])
def test_extreme_values(task, scale, judge):
    """Inputs, states and biases of magnitude 1e3-1e4: finite results,
    softmax rows summing to 1, states within the range of their gates."""
    case = valid_case(task, np.random.default_rng(20), SIZES,
                      judge.reference, scale)
    got = judge.results(task, case, strict=True)
    outputs = TASK[task].call().outputs
    values = {output.name: output.values for output in outputs}
    for name, value in got.items():
        if not np.all(np.isfinite(value)):
            fail("{} {}: not finite for inputs of magnitude {:g}".format(
                task, name, scale))
        if values[name] == "probabilities":
            close("{} {}: the sum of each row, for inputs of magnitude {:g}"
                  .format(task, name, scale), value.sum(axis=-1),
                  np.ones(value.shape[:-1]), rtol=1e-12)
            if value.min() < 0:
                fail("{} {}: a negative probability".format(task, name))
    for output in outputs:
        value = got[output.name]
        if output.values == "blend":
            # a convex blend of h_prev and a tanh lies between them
            if np.any(np.abs(value) > np.maximum(np.abs(case["state"]), 1)):
                fail("{} {}: outside [-max(|h_prev|, 1), max(|h_prev|, 1)]"
                     .format(task, output.name))
        if output.values == "tanh":
            inner = value[1:] if output.axes[0] == "t+1" else value
            outside = np.argwhere(np.abs(inner) > 1)
            if len(outside):
                first = tuple(int(k) for k in outside[0])
                if inner is not value:
                    first = (first[0] + 1,) + first[1:]
                fail("{} {}: {} of {} entries outside [-1, 1], the range of "
                     "a tanh{}, the first at {}".format(
                         task, output.name, len(outside), inner.size,
                         " times a gate" if TASK[task].cell.name ==
                         "LSTMCell" else "", first))


@pytest.mark.parametrize("task", ["0-rnn_cell", "1-rnn", "2-gru_cell",
                                  "3-lstm_cell", "4-deep_rnn", "7-bi_output",
                                  "8-bi_rnn"])
def test_large_logits(task, judge):
    """Output biases of ±1e4, all else of ordinary size: the softmax alone
    sees large inputs, and its rows still sum to 1 without a warning."""
    case = valid_case(task, np.random.default_rng(27), SIZES,
                      judge.reference)
    last = "cell1.by" if task == "4-deep_rnn" else "cell.by"
    case[last] = 1e4 * np.sign(case[last])
    got = judge.results(task, case, strict=True)
    name = "y" if "y" in got else "Y"
    if not np.all(np.isfinite(got[name])):
        fail("{} {}: not finite for logits of magnitude 1e4".format(
            task, name))
    close("{} {}: the sum of each row, for logits of magnitude 1e4".format(
        task, name), got[name].sum(axis=-1), np.ones(got[name].shape[:-1]),
        rtol=1e-12)


def saturated(task, sign, reference):
    """A case whose gate biases are ±1e308: sign +1 opens the forget (or
    update) and output gates and shuts the others; -1 the reverse."""
    case = valid_case(task, np.random.default_rng(26), SIZES, reference)
    big = sign * 1e308
    gates = {"bz": big, "br": -big} if task == "2-gru_cell" else {
        "bf": big, "bu": -big, "bo": big}
    for name, value in gates.items():
        case["cell." + name] = np.full((1, SIZES["h"]), value)
    if task == "10-lstm_backward":
        case["H"], case["C"], case["Y"] = cases.forward_states(
            task, case, reference)
    return case


@pytest.mark.parametrize("task", ["2-gru_cell", "3-lstm_cell",
                                  "10-lstm_backward"])
@pytest.mark.parametrize("sign", [1, -1])
def test_gates_saturate_without_overflow(task, sign, judge):
    """Gates of pre-activation ±1e308 are exactly 0 or 1, without an
    overflow or a warning (the sigmoid must never take exp of a large
    positive number)."""
    case = saturated(task, sign, judge.reference)
    got = judge.results(task, case, strict=True)
    if task == "2-gru_cell":
        want = np.tanh(case["x_t"] @ case["cell.Wh"][SIZES["h"]:] +
                       case["cell.bh"]) if sign > 0 else case["state"]
        close("2-gru_cell h_next with the gates z = {0}, r = {1}".format(
            *((1, 0) if sign > 0 else (0, 1))), got["h_next"], want)
    elif task == "3-lstm_cell":
        concat = np.concatenate((case["state"], case["x_t"]), axis=1)
        c = case["c_prev"] if sign > 0 else np.tanh(
            concat @ case["cell.Wc"] + case["cell.bc"])
        close("3-lstm_cell c_next with the gates f, u = {}".format(
            "1, 0" if sign > 0 else "0, 1"), got["c_next"], c)
        close("3-lstm_cell h_next with the output gate o = {}".format(
            int(sign > 0)), got["h_next"],
            np.tanh(c) if sign > 0 else np.zeros_like(c))
    else:
        for name, value in got.items():
            if not np.all(np.isfinite(value)):
                fail("10-lstm_backward {}: not finite with saturated gates"
                     .format(name))
        for gate in "fuo":
            for name in ("dW" + gate, "db" + gate):
                close("10-lstm_backward {} (a saturated gate passes no "
                      "gradient)".format(name), got[name],
                      np.zeros_like(got[name]), atol=0)


@pytest.mark.parametrize("task", TASKS)
def test_float32(task, judge):
    """float32 inputs and weights give finite results of the right
    shapes."""
    case = valid_case(task, np.random.default_rng(22), SIZES,
                      judge.reference, dtype=np.float32)
    got = judge.results(task, case, strict=True)
    for name, size in cases.result_shapes(task, dict(SIZES, l=2)).items():
        shape("{} {} (float32 inputs)".format(task, name), got[name], size)
        if not np.all(np.isfinite(got[name])):
            fail("{} {}: not finite for float32 inputs".format(task, name))


@pytest.mark.parametrize("task", TASKS)
def test_arguments_are_untouched(task, judge):
    """No call changes an array it is given, a cell's documented
    attributes, or the global random state."""
    case = valid_case(task, np.random.default_rng(23), SIZES,
                      judge.reference)
    got = judge.results(task, case, seed=5, report=True)
    equal("{}: the global random generator after the call (it must not "
          "draw)".format(task), got["random.after"],
          np.random.RandomState(5).normal(size=3))
    names = {a.case_key: a.name for a in TASK[task].call().arguments}
    for name, value in got.items():
        if name.startswith("after."):
            key = name[len("after."):]
            if not agrees(value, case[key], rtol=0, atol=0):
                fail("{}: {} was changed by the call (an in-place operation "
                     "on it, or on a view of it?): copy it first (the "
                     "README: no function changes the arrays it is given)"
                     .format(task, given_name(key, names)))


def given_name(key, names):
    """The README's name of a case key a call is given: an argument
    ("h_prev"), a cell's attribute ("the cell's Wh", "rnn_cells[1].Wh")."""
    if key in names:
        return names[key]
    prefix, attribute = key.split(".", 1)
    if prefix == "cell":
        return "the cell's " + attribute
    return "rnn_cells[{}].{}".format(prefix[len("cell"):], attribute)
