"""results: edge sizes (t = 1, m = 1, i = h = o = 1) give finite results
of the shapes the README documents."""
import numpy as np
import pytest

from judge.contract import cases
from judge.compare import shape
from judge.contract.tasks import TASKS
from judge.failures import fail

pytestmark = pytest.mark.results


@pytest.mark.parametrize("task", TASKS)
@pytest.mark.parametrize("sizes", [
    dict(t=1, m=2, i=3, h=4, o=2, l=2), dict(t=3, m=1, i=3, h=4, o=2, l=1),
    dict(t=1, m=1, i=1, h=1, o=1, l=1), dict(t=2, m=3, i=1, h=1, o=1, l=3)],
    ids=["t1", "m1", "all1", "i_h_o_1"])
def test_edge_sizes(task, sizes, judge):
    """Finite results of the documented shapes."""
    case = cases.make_inputs(task, np.random.default_rng(21), sizes,
                             judge.reference)
    got = judge.results(task, case)
    shown = ", ".join("{}={}".format(*item) for item in sizes.items())
    for name, size in cases.result_shapes(task, sizes).items():
        shape("{} {} ({})".format(task, name, shown), got[name], size)
        if not np.all(np.isfinite(got[name])):
            fail("{} {} ({}): not finite".format(task, name, shown))
