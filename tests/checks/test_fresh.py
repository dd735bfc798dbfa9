"""results: each task agrees with this repository's implementation on
cases drawn fresh for the run, so that knowing the stored cases is not
enough to pass.

The cases come from the run's seed, printed with the scoreboard (--seed
replays a run). Their sizes cover the edges (t = 1, m = 1, o = 1,
i = h = o = 1), a deep RNN whose inner layers have other output sizes, and
random sizes; tasks 6 and 7 are also asked for the methods they keep
(forward; backward). When the submission is this repository's own files
these checks would compare the code with itself, so they are skipped.
"""
import numpy as np
import pytest

from judge.contract import cases
from judge.compare import same_results
from judge.contract.tasks import BI_CELL, TASK, TASKS

pytestmark = pytest.mark.results
COUNT = 5


def fresh_sizes(task, rng, k):
    """The sizes of fresh case k of task: edges first, then random."""
    edges = [dict(t=1, m=1, i=1, h=1, o=1, l=1),
             dict(t=1, m=1, i=3, h=2, o=4, l=2),
             dict(t=3, m=2, i=2, h=3, o=1, l=2)]
    if k < len(edges):
        sizes = dict(edges[k])
    else:
        sizes = {name: int(rng.integers(1, 8)) for name in "tmiho"}
        sizes["l"] = int(rng.integers(1, 5))
    sizes["inner_o"] = int(rng.integers(1, 6))
    return {name: sizes[name] for name in TASK[task].sizes_used()}


def fresh_case(task, seed, k, reference):
    """(sizes, method, case) of fresh case k of task for seed, whose
    derived inputs come from reference (the forward pass of tasks 9,
    10)."""
    rng = np.random.default_rng([seed, TASKS.index(task), k])
    sizes = fresh_sizes(task, rng, k)
    # a task file of the bidirectional cell: its cases go through each
    # method its class has
    bidirectional = TASK[task].cell is BI_CELL and TASK[task].own_cell
    methods = TASK[task].methods() if bidirectional else (None,)
    method = methods[k % len(methods)]
    return sizes, method, cases.make_inputs(task, rng, sizes, reference)


@pytest.mark.parametrize("task, k", [(task, k) for task in TASKS
                                     for k in range(COUNT)])
def test_fresh_case(task, k, judge):
    """The task agrees with this repository's on fresh case k."""
    if judge.own:
        pytest.skip("the submission is this repository's own files: fresh "
                    "cases would compare the code with itself")
    sizes, method, case = fresh_case(task, judge.seed, k, judge.reference)
    expected = cases.run(task, case, judge.reference, method)
    got = judge.results(task, case, method)
    shown = ", ".join("{}={}".format(key, value)
                      for key, value in sizes.items())
    same_results("{} (fresh case {}: {}{})".format(
        task, k, shown, "" if method is None else ", " + method), got,
        expected)
