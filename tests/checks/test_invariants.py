"""results: invariants that trust no stored value.

Softmax rows sum to 1; a GRU whose update gate is shut keeps h_prev, and
one whose reset gate is shut ignores h_prev in its candidate; an LSTM with
f = 1, u = 0 keeps c_prev; rnn is forward called step by step; a deep RNN
of one layer is the RNN, and of several is simple RNNs stacked; each half of
a bidirectional RNN is its direction run alone. Where an expectation needs a
cell (the step-by-step runs), it is this repository's, run in the judge.
"""
import numpy as np
import pytest

from judge.compare import close, shape
from judge.contract.cases import build_cell, random_cell
from judge.contract.tasks import (BI_CELL, GRU_CELL, LSTM_CELL, RNN_CELL,
                                  TASK)
from judge.failures import fail

pytestmark = pytest.mark.results
# a gate bias that shuts (-GATE) or opens (+GATE) a gate to within 5e-18 in
# float64, small enough that every plain form of the sigmoid, 1 / (1 +
# exp(-x)) or exp(x) / (1 + exp(x)), stays finite: larger magnitudes are
# the robustness checks' business
GATE = 40.0


def rng(seed):
    """A local generator."""
    return np.random.default_rng(seed)


def softmax_case(task, g):
    """A case of task with random weights (o = 4) and inputs."""
    cls = TASK[task].cell
    if task == "4-deep_rnn":
        case = random_cell(cls, g, 5, 6, 6, prefix="cell0.")
        case.update(random_cell(cls, g, 6, 6, 4, prefix="cell1."))
        case.update(X=g.normal(size=(4, 3, 5)),
                    h_0=g.normal(size=(2, 3, 6)))
        return case
    case = random_cell(cls, g, 5, 6, 4)
    case.update(state=g.normal(size=(3, 6)), x_t=g.normal(size=(3, 5)),
                c_prev=g.normal(size=(3, 6)), X=g.normal(size=(4, 3, 5)),
                h_0=g.normal(size=(3, 6)), h_t=g.normal(size=(3, 6)),
                H=g.normal(size=(4, 3, 12)))
    return case


@pytest.mark.parametrize("task", ["0-rnn_cell", "1-rnn", "2-gru_cell",
                                  "3-lstm_cell", "4-deep_rnn", "7-bi_output",
                                  "8-bi_rnn"])
def test_softmax_rows_sum_to_one(task, judge):
    """Every output row is a probability distribution."""
    got = judge.results(task, softmax_case(task, rng(1)))
    name = "y" if "y" in got else "Y"
    Y = got[name]
    shape("{} {}".format(task, name), Y, Y.shape[:-1] + (4,))
    if not np.all(Y > 0):
        fail("{} {}: an entry is not positive ({})".format(
            task, name, Y.min()))
    close("{} sum of each row of {}".format(task, name), Y.sum(axis=-1),
          np.ones(Y.shape[:-1]), rtol=1e-12)


def gru_case(g, bz, br):
    """A GRU case with Wz = Wr = 0 and the gate biases given."""
    case = random_cell(GRU_CELL, g, 4, 3, 2)
    case["cell.Wz"] = np.zeros((7, 3))
    case["cell.Wr"] = np.zeros((7, 3))
    case["cell.bz"] = np.full((1, 3), bz)
    case["cell.br"] = np.full((1, 3), br)
    case.update(state=g.normal(size=(5, 3)), x_t=g.normal(size=(5, 4)))
    return case


@pytest.mark.parametrize("task", ["2-gru_cell"])
def test_gru_with_shut_update_gate_keeps_h_prev(task, judge):
    """z = 0 (bz = -40, Wz = 0): h_next = h_prev whatever r."""
    case = gru_case(rng(2), -GATE, 0.0)
    got = judge.results(task, case)
    close("2-gru_cell h_next with the gate z = 0 (must be h_prev)",
          got["h_next"], case["state"])


@pytest.mark.parametrize("task", ["2-gru_cell"])
def test_gru_with_open_update_gate_takes_the_candidate(task, judge):
    """z = 1: h_next is the candidate, which a shut reset gate (r = 0)
    makes tanh(x_t @ Wh[h:] + bh): the reset acts before the product."""
    case = gru_case(rng(3), GATE, -GATE)
    got = judge.results(task, case)
    close("2-gru_cell h_next with the gates z = 1, r = 0 (must be tanh(x_t @ "
          "Wh[h:] + bh))", got["h_next"],
          np.tanh(case["x_t"] @ case["cell.Wh"][3:] + case["cell.bh"]))


@pytest.mark.parametrize("task", ["3-lstm_cell"])
def test_lstm_with_forget_1_update_0_keeps_c_prev(task, judge):
    """f = 1 and u = 0: c_next = c_prev, h_next = o * tanh(c_prev)."""
    g = rng(4)
    case = random_cell(LSTM_CELL, g, 4, 3, 2)
    for gate in "fuo":
        case["cell.W" + gate] = np.zeros((7, 3))
    case["cell.bf"] = np.full((1, 3), GATE)
    case["cell.bu"] = np.full((1, 3), -GATE)
    case["cell.bo"] = np.zeros((1, 3))
    case.update(state=g.normal(size=(5, 3)), c_prev=g.normal(size=(5, 3)),
                x_t=g.normal(size=(5, 4)))
    got = judge.results(task, case)
    close("3-lstm_cell c_next with the gates f = 1, u = 0 (must be c_prev)",
          got["c_next"], case["c_prev"])
    close("3-lstm_cell h_next with the output gate o = 1/2 (must be "
          "tanh(c_prev) / 2)",
          got["h_next"], 0.5 * np.tanh(case["c_prev"]))


def rnn_case(g, t, m=2, i=4, h=3, o=2):
    """A simple RNN case: a cell, X (t, m, i) and h_0 (m, h)."""
    case = random_cell(RNN_CELL, g, i, h, o)
    case.update(X=g.normal(size=(t, m, i)), h_0=g.normal(size=(m, h)))
    return case


def reference_cell(judge, case, prefix="cell."):
    """This repository's cell with the case's attributes."""
    task = "7-bi_output" if prefix + "Whf" in case else "0-rnn_cell"
    return build_cell(task, case, prefix, judge.reference)


@pytest.mark.parametrize("task", ["1-rnn"])
@pytest.mark.parametrize("t", [1, 5])
def test_rnn_is_forward_step_by_step(task, t, judge):
    """H[0] = h_0, then H[s + 1], Y[s] = forward(H[s], X[s])."""
    case = rnn_case(rng(5 + t), t, m=6 if t == 1 else 2)
    got = judge.results(task, case)
    cell = reference_cell(judge, case)
    h = case["h_0"]
    close("1-rnn H[0] (must be h_0)", got["H"][:1], h[None])
    for s in range(t):
        h, y = cell.forward(h, case["X"][s])
        close("1-rnn H[{}]".format(s + 1), got["H"][s + 1], h)
        close("1-rnn Y[{}]".format(s), got["Y"][s], y)


@pytest.mark.parametrize("task", ["4-deep_rnn"])
def test_deep_rnn_with_one_layer_is_rnn(task, judge):
    """A one-layer deep RNN is the simple RNN."""
    case = rnn_case(rng(7), 5)
    deep = {key.replace("cell.", "cell0."): value
            for key, value in case.items()}
    deep["h_0"] = case["h_0"][None]
    got = judge.results(task, deep)
    H, Y = judge.reference("1-rnn").rnn(reference_cell(judge, case),
                                        case["X"], case["h_0"])
    close("4-deep_rnn H (one layer)", got["H"], H[:, None])
    close("4-deep_rnn Y (one layer)", got["Y"], Y)


@pytest.mark.parametrize("task", ["4-deep_rnn"])
def test_deep_rnn_is_rnns_stacked_layer_by_layer(task, judge):
    """Layer k is rnn over layer k - 1's states, from its own h_0[k]; the
    inner layers have another output size than the last."""
    g = rng(8)
    case = random_cell(RNN_CELL, g, 4, 3, 3, prefix="cell0.")
    case.update(random_cell(RNN_CELL, g, 3, 3, 5, prefix="cell1."))
    case.update(random_cell(RNN_CELL, g, 3, 3, 2, prefix="cell2."))
    case.update(X=g.normal(size=(5, 2, 4)), h_0=g.normal(size=(3, 2, 3)))
    got = judge.results(task, case)
    close("4-deep_rnn H[0] (must be h_0)", got["H"][0], case["h_0"])
    inputs = case["X"]
    for k in range(3):
        H, Y = judge.reference("1-rnn").rnn(
            reference_cell(judge, case, "cell{}.".format(k)), inputs,
            case["h_0"][k])
        close("4-deep_rnn H[:, {}] (layer {}, as rnn alone)".format(k, k),
              got["H"][:, k], H)
        inputs = H[1:]
    close("4-deep_rnn Y (the last layer's outputs)", got["Y"], Y)


@pytest.mark.parametrize("task", ["8-bi_rnn"])
def test_bi_rnn_halves_are_the_two_directions_alone(task, judge):
    """H[:, :, :h] is forward alone from h_0; H[:, :, h:] is backward alone
    over the reversed sequence from h_t; Y is output(H)."""
    g = rng(9)
    case = random_cell(BI_CELL, g, 4, 3, 2)
    case.update(X=g.normal(size=(5, 2, 4)), h_0=g.normal(size=(2, 3)),
                h_t=g.normal(size=(2, 3)))
    got = judge.results(task, case)
    shape("8-bi_rnn H", got["H"], (5, 2, 6))
    cell = reference_cell(judge, case)
    state = case["h_0"]
    for s in range(5):
        state = cell.forward(state, case["X"][s])
        close("8-bi_rnn forward half H[{}, :, :3]".format(s),
              got["H"][s, :, :3], state)
    state = case["h_t"]
    for s in reversed(range(5)):
        state = cell.backward(state, case["X"][s])
        close("8-bi_rnn backward half H[{}, :, 3:]".format(s),
              got["H"][s, :, 3:], state)
    close("8-bi_rnn Y (must be output(H))", got["Y"], cell.output(got["H"]))


@pytest.mark.parametrize("task", ["7-bi_output"])
def test_output_is_softmax_of_each_row(task, judge):
    """output(H) applies the same softmax to every (step, example) row."""
    g = rng(10)
    case = random_cell(BI_CELL, g, 4, 3, 2)
    case["H"] = g.normal(size=(3, 2, 6))
    got = judge.results(task, case)
    for s in range(3):
        z = case["H"][s] @ case["cell.Wy"] + case["cell.by"]
        close("7-bi_output Y[{}]".format(s), got["Y"][s],
              np.exp(z) / np.exp(z).sum(axis=1, keepdims=True))
