"""results: tasks 9 and 10 return the exact gradient of
L = -(1/m) Σ Y_true * log(Y).

Every key is checked against centred finite differences of L in float64
(normwise relative error at most 1e-6), on problems with non-zero initial
states and targets that hold an all-zero row ("no target") and a soft row;
then a few gradient-descent steps with the returned gradients lower L. The
submission only computes gradients: the forward passes and L are this
repository's, run in the judge.
"""
import numpy as np
import pytest

from judge.contract import cases
from judge.compare import shape
from judge.contract.tasks import TASK
from judge.failures import fail

pytestmark = pytest.mark.results
SIZES = [dict(t=4, m=3, i=5, h=6, o=4), dict(t=1, m=2, i=3, h=4, o=3),
         dict(t=5, m=1, i=2, h=3, o=2)]
KEYS = {task: TASK[task].call().output_names()
        for task in ("9-rnn_backward", "10-lstm_backward")}


class Problem:
    """A random problem of task 9 or 10: a cell, X, h_0 (c_0), targets."""

    def __init__(self, task, reference, seed, t, m, i, h, o, scale=0.7):
        """Draw everything from np.random.default_rng(seed); the forward
        pass is reference's."""
        rng = np.random.default_rng(seed)
        self.task = task
        self.reference = reference
        self.case = cases.random_cell(TASK[task].cell, rng, i, h, o, scale)
        self.case.update(X=rng.normal(size=(t, m, i)),
                         h_0=rng.normal(size=(m, h)),
                         c_0=rng.normal(size=(m, h)),
                         Y_true=cases.targets(rng, t, m, o))

    def forward(self):
        """The case with H, (C,) Y of this repository's forward pass."""
        states = cases.forward_states(self.task, self.case,
                                      self.reference)
        names = ("H", "Y") if self.task == "9-rnn_backward" else (
            "H", "C", "Y")
        return dict(self.case, **dict(zip(names, states)))

    def loss(self):
        """The cross-entropy L of the forward pass."""
        done = self.forward()
        return -np.sum(done["Y_true"] * np.log(done["Y"])) / done["Y"].shape[1]

    def target(self, key):
        """The array that gradient key differentiates (dWh -> cell.Wh)."""
        name = key[1:]
        return self.case[name if name in self.case else "cell." + name]


def numerical(problem, array, eps=1e-6):
    """Centred finite differences of problem.loss() in every entry."""
    grad = np.zeros_like(array)
    for index in np.ndindex(array.shape):
        saved = array[index]
        array[index] = saved + eps
        plus = problem.loss()
        array[index] = saved - eps
        minus = problem.loss()
        array[index] = saved
        grad[index] = (plus - minus) / (2 * eps)
    return grad


@pytest.mark.parametrize("task", ["9-rnn_backward", "10-lstm_backward"])
@pytest.mark.parametrize("n", range(len(SIZES)))
def test_gradients_match_finite_differences(task, n, judge):
    """Every returned gradient agrees with finite differences."""
    problem = Problem(task, judge.reference, 100 + n, **SIZES[n])
    grads = judge.results(task, problem.forward())
    for key in KEYS[task]:
        array = problem.target(key)
        shape("{} {}".format(task, key), grads[key], array.shape)
        num = numerical(problem, array)
        error = np.linalg.norm(grads[key] - num) / max(
            np.linalg.norm(num), np.linalg.norm(grads[key]), 1e-12)
        if not error <= 1e-6:
            worst = tuple(int(k) for k in np.unravel_index(
                np.argmax(np.abs(grads[key] - num)), num.shape))
            fail("{} {} ({}): relative error {:.2e} against finite "
                 "differences; largest difference at {}: got {:.6g}, "
                 "expected {:.6g}".format(
                     task, key, ", ".join("{}={}".format(*item) for item in
                                          SIZES[n].items()),
                     error, worst, grads[key][worst], num[worst]))


@pytest.mark.parametrize("task, lr", [("9-rnn_backward", 0.1),
                                      ("10-lstm_backward", 0.5)])
def test_gradient_descent_lowers_the_loss(task, lr, judge):
    """30 plain gradient steps on a fixed problem lower L at every step, to
    below 60% of where it started (measured: RNN 30%, LSTM 44%)."""
    problem = Problem(task, judge.reference, 7, t=6, m=4, i=3, h=5, o=3,
                      scale=0.5)
    losses = [problem.loss()]
    for _ in range(30):
        grads = judge.results(task, problem.forward())
        for key in KEYS[task]:
            if key not in ("dX", "dh_0", "dc_0"):
                shape("{} {}".format(task, key), grads[key],
                      problem.target(key).shape)
                problem.target(key)[...] -= lr * grads[key]
        losses.append(problem.loss())
        if not losses[-1] < losses[-2]:
            fail("{}: the loss rose during gradient descent, at step {}: "
                 "{:.6g} -> {:.6g}".format(task, len(losses) - 1,
                                           losses[-2], losses[-1]))
    if not losses[-1] < 0.6 * losses[0]:
        fail("{}: loss {:.4f} -> {:.4f} in 30 steps, expected below 60%"
             .format(task, losses[0], losses[-1]))
