"""results: constructors draw every weight from the standard normal in the
order the README gives (Conventions), all weights before any bias; biases
start at zero; the constructor draws nothing else.

The worker seeds numpy's global generator, builds the cell and sends back
its documented attributes and the next three draws; the judge re-seeds a
generator of its own and compares.
"""
import numpy as np
import pytest

from judge.compare import equal
from judge.contract.tasks import TASK, TASKS

pytestmark = pytest.mark.results
SEED = 1234


@pytest.mark.parametrize("task", [task for task in TASKS
                                  if TASK[task].own_cell])
@pytest.mark.parametrize("i, h, o", [(10, 15, 5), (3, 2, 7), (1, 1, 1)])
def test_weights_are_reseeded_draws(task, i, h, o, judge):
    """Each weight equals the next np.random.normal draw of its shape."""
    cell = TASK[task].cell
    cls = cell.name
    sizes = dict(i=i, h=h, o=o)
    order = ", ".join(weight.name for weight in cell.weights)
    got = judge.construct(task, i, h, o, SEED)
    draws = np.random.RandomState(SEED)
    for weight in cell.weights:
        name, shape = weight.name, weight.shape(sizes)
        equal("{} {}({}, {}, {}).{} (the next standard normal draw of shape "
              "{}; weights are drawn in the order {})".format(
                  task, cls, i, h, o, name, shape, order),
              got[name], draws.normal(size=shape))
    equal("{} {}(): the draws after the constructor (it must draw its "
          "weights and nothing else)".format(task, cls),
          got["random.after"], draws.normal(size=3))
    for bias in cell.biases:
        name, shape = bias.name, bias.shape(sizes)
        equal("{} {}.{} (zeros of shape {})".format(task, cls, name, shape),
              got[name], np.zeros(shape))
