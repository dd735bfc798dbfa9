"""results: constructors draw every weight from the standard normal in the
order of SPEC.md, all weights before any bias; biases start at zero; the
constructor draws nothing else.

The worker seeds numpy's global generator, builds the cell and sends back
its documented attributes and the next three draws; the judge re-seeds a
generator of its own and compares.
"""
import numpy as np
import pytest

from expect import equal
from tasks import (TASKS, attribute_shape, biases, cell_class, has_own_cell,
                   weights)

pytestmark = pytest.mark.results
SEED = 1234


@pytest.mark.parametrize("task", [task for task in TASKS
                                  if has_own_cell(task)])
@pytest.mark.parametrize("i, h, o", [(10, 15, 5), (3, 2, 7), (1, 1, 1)])
def test_weights_are_reseeded_draws(task, i, h, o, judge):
    """Each weight equals the next np.random.normal draw of its shape."""
    cls = cell_class(task)
    got = judge.construct(task, i, h, o, SEED)
    draws = np.random.RandomState(SEED)
    for name in weights(cls):
        shape = attribute_shape(cls, name, i, h, o)
        equal("{} {}({}, {}, {}).{} (the next standard normal draw of shape "
              "{}; weights are drawn in the order {})".format(
                  task, cls, i, h, o, name, shape, ", ".join(weights(cls))),
              got[name], draws.normal(size=shape))
    equal("{} {}(): the draws after the constructor (it must draw its "
          "weights and nothing else)".format(task, cls),
          got["random.after"], draws.normal(size=3))
    for name in biases(cls):
        shape = attribute_shape(cls, name, i, h, o)
        equal("{} {}.{} (zeros of shape {})".format(task, cls, name, shape),
              got[name], np.zeros(shape))
