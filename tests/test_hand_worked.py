"""Small cases worked by hand with the math module, h = i = 1, o = 2.

With one hidden unit and one input, concat = [h_prev, x_t] and a weight
[[a], [b]] gives a * h_prev + b * x_t: a swapped concatenation order, a
missing bias or a wrong gate shows at once.
"""
import math

import numpy as np
import pytest

from support import BiCell, RNNCell, check_close, task

H_PREV, X_T = 0.2, 0.3


def col(a, b):
    """The (2, 1) weight [[a], [b]]."""
    return np.array([[a], [b]])


def sig(v):
    """The logistic sigmoid of a float."""
    return 1 / (1 + math.exp(-v))


def softmax2(h, wy, by):
    """softmax([h * wy[0] + by[0], h * wy[1] + by[1]]) by hand."""
    z = [h * wy[0] + by[0], h * wy[1] + by[1]]
    e = [math.exp(v) for v in z]
    return [[e[0] / sum(e), e[1] / sum(e)]]


def output_weights(cell):
    """Set Wy = [[0.7, -0.4]], by = [[0.1, 0.2]] and return them as lists."""
    cell.Wy, cell.by = np.array([[0.7, -0.4]]), np.array([[0.1, 0.2]])
    return [0.7, -0.4], [0.1, 0.2]


def test_rnn_cell_by_hand():
    """h_next = tanh(0.5 * 0.2 - 1.0 * 0.3 + 0.1) = tanh(-0.1)."""
    cell = RNNCell(1, 1, 2)
    cell.Wh, cell.bh = col(0.5, -1.0), np.array([[0.1]])
    wy, by = output_weights(cell)
    h_next, y = cell.forward(np.array([[H_PREV]]), np.array([[X_T]]))
    want = math.tanh(-0.1)
    check_close("0-rnn_cell h_next", h_next, [[want]])
    check_close("0-rnn_cell y", y, softmax2(want, wy, by))


def test_gru_cell_by_hand():
    """z, r, the candidate with r * h_prev, and the blend, by hand."""
    cell = task("2-gru_cell").GRUCell(1, 1, 2)
    cell.Wz, cell.bz = col(0.4, 0.9), np.array([[-0.2]])
    cell.Wr, cell.br = col(-0.6, 0.5), np.array([[0.3]])
    cell.Wh, cell.bh = col(1.5, -0.8), np.array([[0.05]])
    wy, by = output_weights(cell)
    h_next, y = cell.forward(np.array([[H_PREV]]), np.array([[X_T]]))
    z = sig(0.4 * H_PREV + 0.9 * X_T - 0.2)
    r = sig(-0.6 * H_PREV + 0.5 * X_T + 0.3)
    cand = math.tanh(1.5 * r * H_PREV - 0.8 * X_T + 0.05)
    want = (1 - z) * H_PREV + z * cand
    check_close("2-gru_cell h_next", h_next, [[want]])
    check_close("2-gru_cell y", y, softmax2(want, wy, by))


def test_lstm_cell_by_hand():
    """f, u, the candidate, o, c_next and h_next, by hand."""
    cell = task("3-lstm_cell").LSTMCell(1, 1, 2)
    cell.Wf, cell.bf = col(0.3, -0.2), np.array([[0.5]])
    cell.Wu, cell.bu = col(-0.7, 0.4), np.array([[0.1]])
    cell.Wc, cell.bc = col(0.9, 1.1), np.array([[-0.3]])
    cell.Wo, cell.bo = col(0.2, -0.5), np.array([[0.6]])
    wy, by = output_weights(cell)
    c_prev = -0.4
    h_next, c_next, y = cell.forward(np.array([[H_PREV]]),
                                     np.array([[c_prev]]),
                                     np.array([[X_T]]))
    f = sig(0.3 * H_PREV - 0.2 * X_T + 0.5)
    u = sig(-0.7 * H_PREV + 0.4 * X_T + 0.1)
    cand = math.tanh(0.9 * H_PREV + 1.1 * X_T - 0.3)
    o = sig(0.2 * H_PREV - 0.5 * X_T + 0.6)
    c = f * c_prev + u * cand
    check_close("3-lstm_cell c_next", c_next, [[c]])
    check_close("3-lstm_cell h_next", h_next, [[o * math.tanh(c)]])
    check_close("3-lstm_cell y", y, softmax2(o * math.tanh(c), wy, by))


def bi_cell():
    """A BidirectionalCell(1, 1, 2) with hand-picked weights."""
    cell = BiCell(1, 1, 2)
    cell.Whf, cell.bhf = col(0.5, -1.0), np.array([[0.1]])
    cell.Whb, cell.bhb = col(-0.3, 0.8), np.array([[-0.2]])
    cell.Wy = np.array([[0.7, -0.4], [0.2, 0.9]])
    cell.by = np.array([[0.1, 0.2]])
    return cell


@pytest.mark.parametrize("name", ["5-bi_forward", "6-bi_backward",
                                  "7-bi_output"])
def test_bidirectional_steps_by_hand(name):
    """forward uses Whf, bhf; backward (tasks 6, 7) uses Whb, bhb."""
    cell = task(name).BidirectionalCell(1, 1, 2)
    cell.Whf, cell.bhf = col(0.5, -1.0), np.array([[0.1]])
    cell.Whb, cell.bhb = col(-0.3, 0.8), np.array([[-0.2]])
    h, x = np.array([[H_PREV]]), np.array([[X_T]])
    check_close(name + " forward", cell.forward(h, x),
                [[math.tanh(0.5 * H_PREV - 1.0 * X_T + 0.1)]])
    if name != "5-bi_forward":
        check_close(name + " backward", cell.backward(h, x),
                    [[math.tanh(-0.3 * H_PREV + 0.8 * X_T - 0.2)]])


def test_bi_rnn_alignment_by_hand():
    """t = 2: H[0] = [f(h_0, x0), b(b(h_t, x1), x0)],
    H[1] = [f(f(h_0, x0), x1), b(h_t, x1)]; neither initial state in H."""
    cell = bi_cell()
    x0, x1, h_0, h_t = 0.3, -0.6, 0.2, -0.5

    def fwd(h, x):
        return math.tanh(0.5 * h - 1.0 * x + 0.1)

    def bwd(h, x):
        return math.tanh(-0.3 * h + 0.8 * x - 0.2)

    H, Y = task("8-bi_rnn").bi_rnn(cell, np.array([[[x0]], [[x1]]]),
                                   np.array([[h_0]]), np.array([[h_t]]))
    want = [[[fwd(h_0, x0), bwd(bwd(h_t, x1), x0)]],
            [[fwd(fwd(h_0, x0), x1), bwd(h_t, x1)]]]
    check_close("8-bi_rnn H", H, want)
    for s in range(2):
        f, b = want[s][0]
        z = [0.7 * f + 0.2 * b + 0.1, -0.4 * f + 0.9 * b + 0.2]
        e = [math.exp(v) for v in z]
        check_close("8-bi_rnn Y[{}]".format(s), Y[s],
                    [[e[0] / sum(e), e[1] / sum(e)]])


def test_rnn_backward_by_hand():
    """t = 1, one-hot target on class 0: the chain rule written out."""
    cell = RNNCell(1, 1, 2)
    cell.Wh, cell.bh = col(0.5, -1.0), np.array([[0.1]])
    wy, by = output_weights(cell)
    h1 = math.tanh(-0.1)
    y = softmax2(h1, wy, by)[0]
    X, H = np.array([[[X_T]]]), np.array([[[H_PREV]], [[h1]]])
    grads = task("9-rnn_backward").rnn_backward(
        cell, X, H, np.array([[y]]), np.array([[[1.0, 0.0]]]))
    dz = [y[0] - 1, y[1]]
    da = (dz[0] * wy[0] + dz[1] * wy[1]) * (1 - h1 ** 2)
    check_close("9-rnn_backward dWy", grads["dWy"], [[h1 * dz[0], h1 * dz[1]]])
    check_close("9-rnn_backward dby", grads["dby"], [dz])
    check_close("9-rnn_backward dWh", grads["dWh"],
                [[H_PREV * da], [X_T * da]])
    check_close("9-rnn_backward dbh", grads["dbh"], [[da]])
    check_close("9-rnn_backward dX", grads["dX"], [[[-1.0 * da]]])
    check_close("9-rnn_backward dh_0", grads["dh_0"], [[0.5 * da]])
