"""Invariants that trust no stored value: each follows from SPEC.md alone."""
import numpy as np
import pytest

import support
from support import BiCell, RNNCell, check_close, randomize, task

rnn = task("1-rnn").rnn
deep_rnn = task("4-deep_rnn").deep_rnn
bi_rnn = task("8-bi_rnn").bi_rnn


def cell_outputs(name, rng):
    """Every softmax output of task name on random data, as one array."""
    X = rng.normal(size=(4, 3, 5))
    h = rng.normal(size=(3, 6))
    if name == "0-rnn_cell":
        return randomize(RNNCell(5, 6, 4), rng).forward(h, X[0])[1]
    if name == "2-gru_cell":
        cell = randomize(task(name).GRUCell(5, 6, 4), rng)
        return cell.forward(h, X[0])[1]
    if name == "3-lstm_cell":
        cell = randomize(task(name).LSTMCell(5, 6, 4), rng)
        return cell.forward(h, h, X[0])[2]
    if name == "1-rnn":
        return rnn(randomize(RNNCell(5, 6, 4), rng), X, h)[1]
    if name == "4-deep_rnn":
        cells = [randomize(RNNCell(5, 6, 6), rng),
                 randomize(RNNCell(6, 6, 4), rng)]
        return deep_rnn(cells, X, np.stack([h, h]))[1]
    if name == "7-bi_output":
        return randomize(BiCell(5, 6, 4), rng).output(
            rng.normal(size=(4, 3, 12)))
    return bi_rnn(randomize(BiCell(5, 6, 4), rng), X, h, h)[1]


@pytest.mark.parametrize("name", ["0-rnn_cell", "1-rnn", "2-gru_cell",
                                  "3-lstm_cell", "4-deep_rnn", "7-bi_output",
                                  "8-bi_rnn"])
def test_softmax_rows_sum_to_one(name):
    """Every output row is a probability distribution."""
    Y = cell_outputs(name, np.random.default_rng(1))
    assert Y.shape[-1] == 4, "{}: output size {}, expected 4".format(
        name, Y.shape[-1])
    assert np.all(Y > 0), "{}: softmax output not positive".format(name)
    check_close(name + " sum of each output row", Y.sum(axis=-1),
                np.ones(Y.shape[:-1]))


def test_gru_with_closed_update_gate_keeps_h_prev():
    """z = 0 (bz very negative, Wz = 0): h_next = h_prev whatever r."""
    rng = np.random.default_rng(2)
    cell = randomize(task("2-gru_cell").GRUCell(4, 3, 2), rng)
    cell.Wz = np.zeros_like(cell.Wz)
    cell.bz = np.full((1, 3), -800.0)
    h_prev = rng.normal(size=(5, 3))
    h_next, _ = cell.forward(h_prev, rng.normal(size=(5, 4)))
    check_close("2-gru_cell h_next with z = 0", h_next, h_prev)


def test_gru_with_open_update_gate_takes_the_candidate():
    """z = 1: h_next is the candidate, which a closed reset gate (r = 0)
    makes tanh(x_t @ Wh[h:] + bh): the reset acts before the product."""
    rng = np.random.default_rng(3)
    cell = randomize(task("2-gru_cell").GRUCell(4, 3, 2), rng)
    cell.Wz, cell.Wr = np.zeros_like(cell.Wz), np.zeros_like(cell.Wr)
    cell.bz, cell.br = np.full((1, 3), 800.0), np.full((1, 3), -800.0)
    x_t = rng.normal(size=(5, 4))
    h_next, _ = cell.forward(rng.normal(size=(5, 3)), x_t)
    check_close("2-gru_cell h_next with z = 1, r = 0", h_next,
                np.tanh(x_t @ cell.Wh[3:] + cell.bh))


def test_lstm_with_forget_1_update_0_keeps_c_prev():
    """f = 1 and u = 0: c_next = c_prev, h_next = o * tanh(c_prev)."""
    rng = np.random.default_rng(4)
    cell = randomize(task("3-lstm_cell").LSTMCell(4, 3, 2), rng)
    cell.Wf, cell.Wu, cell.Wo = (np.zeros_like(cell.Wf) for _ in range(3))
    cell.bf, cell.bu = np.full((1, 3), 800.0), np.full((1, 3), -800.0)
    cell.bo = np.zeros((1, 3))
    c_prev = rng.normal(size=(5, 3))
    h_next, c_next, _ = cell.forward(rng.normal(size=(5, 3)), c_prev,
                                     rng.normal(size=(5, 4)))
    check_close("3-lstm_cell c_next with f = 1, u = 0", c_next, c_prev)
    check_close("3-lstm_cell h_next with o = 1/2", h_next,
                0.5 * np.tanh(c_prev))


def test_rnn_over_one_step_is_one_forward_call():
    """rnn over t = 1 gives H = [h_0, h_1] and Y = [y] of one forward."""
    rng = np.random.default_rng(5)
    cell = randomize(RNNCell(4, 3, 2), rng)
    X, h_0 = rng.normal(size=(1, 6, 4)), rng.normal(size=(6, 3))
    H, Y = rnn(cell, X, h_0)
    h_1, y = cell.forward(h_0, X[0])
    check_close("1-rnn H", H, np.stack([h_0, h_1]))
    check_close("1-rnn Y", Y, y[None])


def test_rnn_reads_the_steps_in_order():
    """rnn equals forward called step by step by hand."""
    rng = np.random.default_rng(6)
    cell = randomize(RNNCell(4, 3, 2), rng)
    X, h = rng.normal(size=(5, 2, 4)), rng.normal(size=(2, 3))
    H, Y = rnn(cell, X, h)
    check_close("1-rnn H[0] (must be h_0)", H[0], h)
    for s in range(5):
        h, y = cell.forward(h, X[s])
        check_close("1-rnn H[{}]".format(s + 1), H[s + 1], h)
        check_close("1-rnn Y[{}]".format(s), Y[s], y)


def test_deep_rnn_with_one_layer_is_rnn():
    """A one-layer deep RNN is the simple RNN."""
    rng = np.random.default_rng(7)
    cell = randomize(RNNCell(4, 3, 2), rng)
    X, h_0 = rng.normal(size=(5, 2, 4)), rng.normal(size=(2, 3))
    H, Y = deep_rnn([cell], X, h_0[None])
    H_rnn, Y_rnn = rnn(cell, X, h_0)
    check_close("4-deep_rnn H (one layer)", H[:, 0], H_rnn)
    check_close("4-deep_rnn Y (one layer)", Y, Y_rnn)


def test_deep_rnn_is_rnns_stacked_layer_by_layer():
    """Layer k is rnn over layer k - 1's states, from its own h_0[k]."""
    rng = np.random.default_rng(8)
    cells = [randomize(RNNCell(4, 3, 3), rng),
             randomize(RNNCell(3, 3, 3), rng),
             randomize(RNNCell(3, 3, 2), rng)]
    X, h_0 = rng.normal(size=(5, 2, 4)), rng.normal(size=(3, 2, 3))
    H, Y = deep_rnn(cells, X, h_0)
    check_close("4-deep_rnn H[0] (must be h_0)", H[0], h_0)
    inputs = X
    for k, cell in enumerate(cells):
        H_k, Y_k = rnn(cell, inputs, h_0[k])
        check_close("4-deep_rnn H[:, {}] (layer {})".format(k, k),
                    H[:, k], H_k)
        inputs = H_k[1:]
    check_close("4-deep_rnn Y (last layer's outputs)", Y, Y_k)


def test_bi_rnn_halves_are_the_two_directions_alone():
    """H[:, :, :h] is forward alone from h_0; H[:, :, h:] is backward alone
    over the reversed sequence from h_t; Y is output(H)."""
    rng = np.random.default_rng(9)
    cell = randomize(BiCell(4, 3, 2), rng)
    X = rng.normal(size=(5, 2, 4))
    h_0, h_t = rng.normal(size=(2, 3)), rng.normal(size=(2, 3))
    H, Y = bi_rnn(cell, X, h_0, h_t)
    assert H.shape == (5, 2, 6), "8-bi_rnn H: shape {}, expected (5, 2, 6)" \
        .format(H.shape)
    state = h_0
    for s in range(5):
        state = cell.forward(state, X[s])
        check_close("8-bi_rnn forward half H[{}, :, :3]".format(s),
                    H[s, :, :3], state)
    state = h_t
    for s in reversed(range(5)):
        state = cell.backward(state, X[s])
        check_close("8-bi_rnn backward half H[{}, :, 3:]".format(s),
                    H[s, :, 3:], state)
    check_close("8-bi_rnn Y", Y, cell.output(H))


def test_output_is_softmax_of_each_row():
    """output(H) applies the same softmax to every (step, example) row."""
    rng = np.random.default_rng(10)
    cell = randomize(BiCell(4, 3, 2), rng)
    H = rng.normal(size=(3, 2, 6))
    Y = cell.output(H)
    for s in range(3):
        z = H[s] @ cell.Wy + cell.by
        check_close("7-bi_output Y[{}]".format(s), Y[s],
                    np.exp(z) / np.exp(z).sum(axis=1, keepdims=True))


def test_lstm_helper_matches_cell():
    """The tests' own LSTM loop matches one forward call (sanity)."""
    rng = np.random.default_rng(11)
    cell = randomize(support.LSTMCell(3, 2, 2), rng)
    X, h, c = (rng.normal(size=(1, 4, 3)), rng.normal(size=(4, 2)),
               rng.normal(size=(4, 2)))
    H, C, Y = support.lstm_forward(cell, X, h, c)
    check_close("3-lstm_cell h_next", H[1], cell.forward(h, c, X[0])[0])
