"""Every task answers with a correct result or a clear error: no NaN, no
warning, no overflow for extreme values, a ValueError naming the argument
for malformed calls, edge sizes and float32 work, and no argument changed.
"""
import warnings

import numpy as np
import pytest

from cases import targets
from support import BiCell, LSTMCell, RNNCell, lstm_forward, task

SIZES = dict(t=3, m=2, i=4, h=5, o=3)


def new(factory, rng, i, h, o, dtype):
    """A cell with standard normal weights and biases of dtype."""
    cell = factory(i, h, o)
    for name, value in vars(cell).items():
        setattr(cell, name, rng.normal(size=value.shape).astype(dtype))
    return cell


def call(name, rng, t, m, i, h, o, scale=1.0, dtype=np.float64):
    """A valid call of task name: (function, positional args, the shapes
    of its results by name). Inputs, states and biases have magnitude
    about scale; weights are standard normal."""
    def n(*shape):
        return (scale * rng.normal(size=shape)).astype(dtype)

    def cell(factory, i, h, o):
        made = new(factory, rng, i, h, o, dtype)
        for attr, value in vars(made).items():
            if attr.startswith("b"):
                setattr(made, attr, n(*value.shape))
        return made

    if name in ("0-rnn_cell", "2-gru_cell"):
        factory = RNNCell if name == "0-rnn_cell" else task(name).GRUCell
        c = cell(factory, i, h, o)
        return c.forward, (n(m, h), n(m, i)), {"h_next": (m, h), "y": (m, o)}
    if name == "3-lstm_cell":
        c = cell(LSTMCell, i, h, o)
        return c.forward, (n(m, h), n(m, h), n(m, i)), {
            "h_next": (m, h), "c_next": (m, h), "y": (m, o)}
    if name in ("5-bi_forward", "6-bi_backward"):
        c = cell(task(name).BidirectionalCell, i, h, o)
        method = c.forward if name == "5-bi_forward" else c.backward
        return method, (n(m, h), n(m, i)), {"h": (m, h)}
    if name == "7-bi_output":
        return cell(BiCell, i, h, o).output, (n(t, m, 2 * h),), {
            "Y": (t, m, o)}
    if name == "1-rnn":
        return task(name).rnn, (cell(RNNCell, i, h, o), n(t, m, i),
                                n(m, h)), {"H": (t + 1, m, h), "Y": (t, m, o)}
    if name == "4-deep_rnn":
        cells = [cell(RNNCell, i, h, h), cell(RNNCell, h, h, o)]
        return task(name).deep_rnn, (cells, n(t, m, i), n(2, m, h)), {
            "H": (t + 1, 2, m, h), "Y": (t, m, o)}
    if name == "8-bi_rnn":
        return task(name).bi_rnn, (cell(BiCell, i, h, o), n(t, m, i),
                                   n(m, h), n(m, h)), {
            "H": (t, m, 2 * h), "Y": (t, m, o)}
    X = n(t, m, i)
    Y_true = targets(rng, t, m, o).astype(dtype)
    if name == "9-rnn_backward":
        c = cell(RNNCell, i, h, o)
        H, Y = task("1-rnn").rnn(c, X, n(m, h))
        args = (c, X, H.astype(dtype), Y.astype(dtype), Y_true)
        keys = {"dWh": (h + i, h), "dbh": (1, h), "dWy": (h, o),
                "dby": (1, o), "dX": (t, m, i), "dh_0": (m, h)}
        return task(name).rnn_backward, args, keys
    c = cell(LSTMCell, i, h, o)
    H, C, Y = lstm_forward(c, X, n(m, h), n(m, h))
    args = (c, X, H.astype(dtype), C.astype(dtype), Y.astype(dtype), Y_true)
    keys = {"dWy": (h, o), "dby": (1, o), "dX": (t, m, i), "dh_0": (m, h),
            "dc_0": (m, h)}
    keys.update({"dW" + g: (h + i, h) for g in "fuco"})
    keys.update({"db" + g: (1, h) for g in "fuco"})
    return task(name).lstm_backward, args, keys


def results(output, shapes):
    """The results of a call by name, in the order of shapes."""
    if isinstance(output, dict):
        return output
    if not isinstance(output, tuple):
        output = (output,)
    assert len(output) == len(shapes), "returned {} values, expected {}" \
        .format(len(output), len(shapes))
    return dict(zip(shapes, output))


def run_strict(name, fn, args):
    """fn(*args) with every warning and floating-point error raised."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(over="raise", divide="raise", invalid="raise"):
            return fn(*args)


ALL = ["0-rnn_cell", "1-rnn", "2-gru_cell", "3-lstm_cell", "4-deep_rnn",
       "5-bi_forward", "6-bi_backward", "7-bi_output", "8-bi_rnn",
       "9-rnn_backward", "10-lstm_backward"]
PROBABILITIES = ("y", "Y")
STATES = ("h_next", "h", "H")


@pytest.mark.parametrize("scale", [1e3, 1e4])
@pytest.mark.parametrize("name", ALL)
def test_extreme_values(name, scale):
    """Inputs, states and biases of magnitude 1e3-1e4: finite results,
    softmax rows summing to 1, states within the range of their gates."""
    rng = np.random.default_rng(20)
    fn, args, shapes = call(name, rng, scale=scale, **SIZES)
    got = results(run_strict(name, fn, args), shapes)
    for key, value in got.items():
        assert np.all(np.isfinite(value)), "{} {}: not finite at scale {}" \
            .format(name, key, scale)
        if key in PROBABILITIES:
            np.testing.assert_allclose(
                value.sum(axis=-1), 1, rtol=1e-12,
                err_msg="{} {}: rows must sum to 1".format(name, key))
            assert value.min() >= 0, "{} {}: negative probability".format(
                name, key)
    if name == "2-gru_cell":
        # a convex blend of h_prev and a tanh: between them
        bound = np.maximum(np.abs(args[0]), 1)
        assert np.all(np.abs(got["h_next"]) <= bound), (
            "2-gru_cell h_next: outside [-max(|h_prev|, 1), ...]")
    elif name in ("0-rnn_cell", "3-lstm_cell", "5-bi_forward",
                  "6-bi_backward", "1-rnn", "8-bi_rnn"):
        for key in STATES:
            if key in got:
                inner = got[key][1:] if name == "1-rnn" else got[key]
                assert np.all(np.abs(inner) <= 1), (
                    "{} {}: a tanh-bounded state is outside [-1, 1]".format(
                        name, key))


@pytest.mark.parametrize("module", ["2-gru_cell", "3-lstm_cell",
                                    "10-lstm_backward"])
def test_sigmoid_is_a_gate_for_any_finite_input(module):
    """sigmoid is finite, in [0, 1], monotone and exact at 0 and +-1e308."""
    x = np.concatenate([[-1.7e308, -1e4, -745.0, -40.0, -1.0, 0.0, 1.0,
                         40.0, 745.0, 1e4, 1.7e308]])
    s = run_strict(module, task(module).sigmoid, (x,))
    assert np.all((s >= 0) & (s <= 1)), "{} sigmoid: {}".format(module, s)
    assert np.all(np.diff(s) >= 0), "{} sigmoid not monotone".format(module)
    np.testing.assert_allclose(s[[0, 5, -1]], [0, 0.5, 1], atol=0,
                               err_msg="{} sigmoid".format(module))
    np.testing.assert_allclose(s[4], 1 / (1 + np.exp(1.0)), rtol=1e-15,
                               err_msg="{} sigmoid(-1)".format(module))


@pytest.mark.parametrize("name", ALL)
@pytest.mark.parametrize("sizes", [
    dict(t=1, m=2, i=3, h=4, o=2), dict(t=3, m=1, i=3, h=4, o=2),
    dict(t=1, m=1, i=1, h=1, o=1), dict(t=2, m=3, i=1, h=1, o=1)],
    ids=["t1", "m1", "all1", "i_h_o_1"])
def test_edge_sizes(name, sizes):
    """t = 1, m = 1 and i = h = o = 1 give finite results of the right
    shapes."""
    fn, args, shapes = call(name, np.random.default_rng(21), **sizes)
    got = results(run_strict(name, fn, args), shapes)
    assert sorted(got) == sorted(shapes), "{}: returned {}".format(
        name, sorted(got))
    for key, shape in shapes.items():
        assert np.shape(got[key]) == shape, "{} {} ({}): shape {}, " \
            "expected {}".format(name, key, sizes, np.shape(got[key]), shape)
        assert np.all(np.isfinite(got[key])), "{} {}: not finite".format(
            name, key)


@pytest.mark.parametrize("name", ALL)
def test_float32(name):
    """float32 inputs and weights give finite results of the right
    shapes."""
    fn, args, shapes = call(name, np.random.default_rng(22),
                            dtype=np.float32, **SIZES)
    got = results(run_strict(name, fn, args), shapes)
    for key, shape in shapes.items():
        assert np.shape(got[key]) == shape, "{} {}: shape {}, expected " \
            "{}".format(name, key, np.shape(got[key]), shape)
        assert np.all(np.isfinite(got[key])), "{} {}: not finite".format(
            name, key)


def arrays_in(args):
    """(label, array) of every array in args: the arguments themselves,
    the items of a list of cells, and every cell's attributes."""
    for k, arg in enumerate(args):
        if isinstance(arg, np.ndarray):
            yield "argument {}".format(k), arg
            continue
        for j, cell in enumerate(arg if isinstance(arg, list) else [arg]):
            for attr, value in vars(cell).items():
                yield "argument {} cell {} .{}".format(k, j, attr), value


@pytest.mark.parametrize("name", ALL)
def test_arguments_are_untouched(name):
    """No call changes an array it is given, a cell's weights, or the
    global random state."""
    fn, args, _ = call(name, np.random.default_rng(23), **SIZES)
    before = [(label, value.copy()) for label, value in arrays_in(args)]
    np.random.seed(5)
    fn(*args)
    after = np.random.normal(size=3)
    np.random.seed(5)
    np.testing.assert_array_equal(after, np.random.normal(size=3),
                                  err_msg=name + ": used the global random "
                                  "state")
    for (label, old), (_, new) in zip(before, arrays_in(args)):
        np.testing.assert_array_equal(new, old, err_msg="{}: changed {}"
                                      .format(name, label))


def bad_calls():
    """(test id, task, argument index, replacement maker, message)."""
    t, m, i, h, o = 3, 2, 4, 5, 3
    Z = np.zeros
    shapes = [
        ("rnn X 2-D", "1-rnn", 1, Z((t, i)),
         "X must have shape (t, m, 4), got (3, 4)"),
        ("rnn X last axis", "1-rnn", 1, Z((t, m, i + 1)),
         "X must have shape (t, m, 4), got (3, 2, 5)"),
        ("rnn h_0 batch", "1-rnn", 2, Z((m + 1, h)),
         "h_0 must have shape (2, 5), got (3, 5)"),
        ("rnn h_0 hidden", "1-rnn", 2, Z((m, h + 1)),
         "h_0 must have shape (2, 5), got (2, 6)"),
        ("deep X 4-D", "4-deep_rnn", 1, Z((t, m, i, 1)),
         "X must have shape (t, m, 4), got (3, 2, 4, 1)"),
        ("deep X last axis", "4-deep_rnn", 1, Z((t, m, h)),
         "X must have shape (t, m, 4), got (3, 2, 5)"),
        ("deep h_0 layers", "4-deep_rnn", 2, Z((3, m, h)),
         "h_0 must have shape (2, 2, 5), got (3, 2, 5)"),
        ("deep h_0 2-D", "4-deep_rnn", 2, Z((m, h)),
         "h_0 must have shape (2, 2, 5), got (2, 5)"),
        ("deep no cells", "4-deep_rnn", 0, [],
         "rnn_cells must hold at least one cell"),
        ("bi X 2-D", "8-bi_rnn", 1, Z((m, i)),
         "X must have shape (t, m, 4), got (2, 4)"),
        ("bi X last axis", "8-bi_rnn", 1, Z((t, m, 2)),
         "X must have shape (t, m, 4), got (3, 2, 2)"),
        ("bi h_0", "8-bi_rnn", 2, Z((m, 2 * h)),
         "h_0 must have shape (2, 5), got (2, 10)"),
        ("bi h_t", "8-bi_rnn", 3, Z((1, h)),
         "h_t must have shape (2, 5), got (1, 5)"),
    ]
    for fn, k in (("9-rnn_backward", 0), ("10-lstm_backward", 1)):
        short = fn.split("-")[1]
        shapes += [
            (short + " X 2-D", fn, 1, Z((t * m, i)),
             "X must have shape (t, m, 4), got (6, 4)"),
            (short + " X last axis", fn, 1, Z((t, m, 1)),
             "X must have shape (t, m, 4), got (3, 2, 1)"),
            (short + " H steps", fn, 2, Z((t, m, h)),
             "H must have shape (4, 2, 5), got (3, 2, 5)"),
            (short + " Y batch", fn, 3 + k, Z((t, m + 1, o)),
             "Y must have shape (3, 2, 3), got (3, 3, 3)"),
            (short + " Y_true size", fn, 4 + k, Z((t, m, o + 1)),
             "Y_true must have shape (3, 2, 3), got (3, 2, 4)"),
            (short + " Y_true negative", fn, 4 + k,
             -np.eye(o)[np.zeros((t, m), dtype=int)],
             "Y_true must be non-negative"),
        ]
    shapes.append(("lstm C hidden", "10-lstm_backward", 3, Z((t + 1, m, 1)),
                   "C must have shape (4, 2, 5), got (4, 2, 1)"))
    return shapes


@pytest.mark.parametrize("label, name, index, bad, message", bad_calls(),
                         ids=[case[0] for case in bad_calls()])
def test_malformed_call_raises_a_clear_error(label, name, index, bad,
                                             message):
    """A ValueError whose message names the argument and its shape."""
    fn, args, _ = call(name, np.random.default_rng(24), **SIZES)
    args = list(args)
    args[index] = bad
    with pytest.raises(ValueError) as caught:
        fn(*args)
    assert message in str(caught.value), (
        "{} ({}): message {!r} should contain {!r}".format(
            name, label, str(caught.value), message))


def test_deep_rnn_checks_the_cells_fit():
    """A deep RNN whose upper cell reads the wrong size says which."""
    rng = np.random.default_rng(25)
    cells = [new(RNNCell, rng, 4, 5, 5, float),
             new(RNNCell, rng, 3, 5, 3, float)]
    with pytest.raises(ValueError, match=r"rnn_cells\[1\]\.Wh must have "
                       r"shape \(10, 5\), got \(8, 5\)"):
        task("4-deep_rnn").deep_rnn(cells, np.zeros((3, 2, 4)),
                                    np.zeros((2, 2, 5)))
