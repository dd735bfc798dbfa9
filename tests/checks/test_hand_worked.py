"""results: small cases worked by hand with the math module, h = i = 1,
o = 2.

With one hidden unit and one input, concat = [h_prev, x_t] and a weight
[[a], [b]] gives a * h_prev + b * x_t: a swapped concatenation order, a
missing bias or a wrong gate shows at once.
"""
import math

import numpy as np
import pytest

from judge.compare import close

pytestmark = pytest.mark.results
H_PREV, X_T = 0.2, 0.3
WY, BY = [0.7, -0.4], [0.1, 0.2]


def col(a, b):
    """The (2, 1) weight [[a], [b]]."""
    return np.array([[a], [b]])


def sig(v):
    """The logistic sigmoid of a float."""
    return 1 / (1 + math.exp(-v))


def softmax2(h):
    """softmax([h * WY[0] + BY[0], h * WY[1] + BY[1]]) by hand."""
    e = [math.exp(h * w + b) for w, b in zip(WY, BY)]
    return [[e[0] / sum(e), e[1] / sum(e)]]


def one_step(**weights):
    """A case of one step: the given weights, Wy and by, h_prev and x_t."""
    case = {"cell." + name: np.array(value, dtype=float)
            for name, value in weights.items()}
    case.update({"cell.Wy": np.array([WY]), "cell.by": np.array([BY]),
                 "state": np.array([[H_PREV]]), "x_t": np.array([[X_T]])})
    return case


@pytest.mark.parametrize("task", ["0-rnn_cell"])
def test_rnn_cell_by_hand(task, judge):
    """h_next = tanh(0.5 * 0.2 - 1.0 * 0.3 + 0.1) = tanh(-0.1)."""
    got = judge.results(task, one_step(Wh=col(0.5, -1.0), bh=[[0.1]]))
    want = math.tanh(-0.1)
    close("0-rnn_cell h_next", got["h_next"], [[want]])
    close("0-rnn_cell y", got["y"], softmax2(want))


@pytest.mark.parametrize("task", ["2-gru_cell"])
def test_gru_cell_by_hand(task, judge):
    """z, r, the candidate with r * h_prev, and the blend, by hand."""
    got = judge.results(task, one_step(
        Wz=col(0.4, 0.9), bz=[[-0.2]], Wr=col(-0.6, 0.5), br=[[0.3]],
        Wh=col(1.5, -0.8), bh=[[0.05]]))
    z = sig(0.4 * H_PREV + 0.9 * X_T - 0.2)
    r = sig(-0.6 * H_PREV + 0.5 * X_T + 0.3)
    cand = math.tanh(1.5 * r * H_PREV - 0.8 * X_T + 0.05)
    want = (1 - z) * H_PREV + z * cand
    close("2-gru_cell h_next", got["h_next"], [[want]])
    close("2-gru_cell y", got["y"], softmax2(want))


@pytest.mark.parametrize("task", ["3-lstm_cell"])
def test_lstm_cell_by_hand(task, judge):
    """f, u, the candidate, o, c_next and h_next, by hand."""
    c_prev = -0.4
    case = one_step(Wf=col(0.3, -0.2), bf=[[0.5]], Wu=col(-0.7, 0.4),
                    bu=[[0.1]], Wc=col(0.9, 1.1), bc=[[-0.3]],
                    Wo=col(0.2, -0.5), bo=[[0.6]])
    case["c_prev"] = np.array([[c_prev]])
    got = judge.results(task, case)
    f = sig(0.3 * H_PREV - 0.2 * X_T + 0.5)
    u = sig(-0.7 * H_PREV + 0.4 * X_T + 0.1)
    cand = math.tanh(0.9 * H_PREV + 1.1 * X_T - 0.3)
    o = sig(0.2 * H_PREV - 0.5 * X_T + 0.6)
    c = f * c_prev + u * cand
    close("3-lstm_cell c_next", got["c_next"], [[c]])
    close("3-lstm_cell h_next", got["h_next"], [[o * math.tanh(c)]])
    close("3-lstm_cell y", got["y"], softmax2(o * math.tanh(c)))


def bi_case():
    """A BidirectionalCell(1, 1, 2) with hand-picked weights."""
    return {"cell.Whf": col(0.5, -1.0), "cell.bhf": np.array([[0.1]]),
            "cell.Whb": col(-0.3, 0.8), "cell.bhb": np.array([[-0.2]]),
            "cell.Wy": np.array([[0.7, -0.4], [0.2, 0.9]]),
            "cell.by": np.array([[0.1, 0.2]])}


def fwd(h, x):
    """The forward step of bi_case by hand."""
    return math.tanh(0.5 * h - 1.0 * x + 0.1)


def bwd(h, x):
    """The backward step of bi_case by hand."""
    return math.tanh(-0.3 * h + 0.8 * x - 0.2)


@pytest.mark.parametrize("task, method", [
    ("5-bi_forward", "forward"), ("6-bi_backward", "forward"),
    ("6-bi_backward", "backward"), ("7-bi_output", "forward"),
    ("7-bi_output", "backward")])
def test_bidirectional_steps_by_hand(task, method, judge):
    """forward uses Whf, bhf; backward (tasks 6, 7) uses Whb, bhb."""
    case = bi_case()
    case.update(state=np.array([[H_PREV]]), x_t=np.array([[X_T]]))
    got = judge.results(task, case, method)
    step = fwd if method == "forward" else bwd
    name = "h_next" if method == "forward" else "h_prev"
    close("{} {} {}".format(task, method, name), got[name],
          [[step(H_PREV, X_T)]])


@pytest.mark.parametrize("task", ["8-bi_rnn"])
def test_bi_rnn_alignment_by_hand(task, judge):
    """t = 2: H[0] = [f(h_0, x0), b(b(h_t, x1), x0)],
    H[1] = [f(f(h_0, x0), x1), b(h_t, x1)]; neither initial state in H."""
    x0, x1, h_0, h_t = 0.3, -0.6, 0.2, -0.5
    case = bi_case()
    case.update(X=np.array([[[x0]], [[x1]]]), h_0=np.array([[h_0]]),
                h_t=np.array([[h_t]]))
    got = judge.results(task, case)
    want = [[[fwd(h_0, x0), bwd(bwd(h_t, x1), x0)]],
            [[fwd(fwd(h_0, x0), x1), bwd(h_t, x1)]]]
    close("8-bi_rnn H", got["H"], want)
    for s in range(2):
        f, b = want[s][0]
        e = [math.exp(0.7 * f + 0.2 * b + 0.1),
             math.exp(-0.4 * f + 0.9 * b + 0.2)]
        close("8-bi_rnn Y[{}]".format(s), got["Y"][s],
              [[e[0] / sum(e), e[1] / sum(e)]])


@pytest.mark.parametrize("task", ["9-rnn_backward"])
def test_rnn_backward_by_hand(task, judge):
    """t = 1, one-hot target on class 0: the chain rule written out."""
    h1 = math.tanh(-0.1)
    y = softmax2(h1)[0]
    case = one_step(Wh=col(0.5, -1.0), bh=[[0.1]])
    case.update(X=np.array([[[X_T]]]), H=np.array([[[H_PREV]], [[h1]]]),
                Y=np.array([[y]]), Y_true=np.array([[[1.0, 0.0]]]))
    got = judge.results(task, case)
    dz = [y[0] - 1, y[1]]
    da = (dz[0] * WY[0] + dz[1] * WY[1]) * (1 - h1 ** 2)
    close("9-rnn_backward dWy", got["dWy"], [[h1 * dz[0], h1 * dz[1]]])
    close("9-rnn_backward dby", got["dby"], [dz])
    close("9-rnn_backward dWh", got["dWh"], [[H_PREV * da], [X_T * da]])
    close("9-rnn_backward dbh", got["dbh"], [[da]])
    close("9-rnn_backward dX", got["dX"], [[[-1.0 * da]]])
    close("9-rnn_backward dh_0", got["dh_0"], [[0.5 * da]])
