"""Every task reproduces the stored arrays of tests/data on cases beyond
the drivers (i != h, m = 1, t = 1, o = 1, non-zero initial states, random
biases). The stored arrays are regression guards: their correctness comes
from the independent checks of the other test files.
"""
import os

import numpy as np
import pytest

import cases
from support import ROOT, check_close

DATA = os.path.join(ROOT, "tests", "data")


def test_every_case_is_stored():
    """tests/data holds exactly the cases tests/cases.py defines."""
    stored = sorted(name[:-4] for name in os.listdir(DATA))
    wanted = sorted("{}--{}".format(task, name)
                    for task, name, _ in cases.all_cases())
    assert stored == wanted


@pytest.mark.parametrize("task, case", [
    (task, name) for task, name, _ in cases.all_cases()])
def test_stored_case(task, case):
    """task on the stored inputs gives the stored outputs."""
    with np.load(os.path.join(DATA, "{}--{}.npz".format(task, case)),
                 allow_pickle=False) as stored:
        data = {key: stored[key] for key in stored.files}
    inputs = {key[3:]: value for key, value in data.items()
              if key.startswith("in.")}
    expected = {key[4:]: value for key, value in data.items()
                if key.startswith("out.")}
    got = cases.run(task, inputs)
    assert sorted(got) == sorted(expected), (
        "{} ({}): returned {}, expected {}".format(
            task, case, sorted(got), sorted(expected)))
    for name in expected:
        check_close("{} ({}) {}".format(task, case, name), got[name],
                    expected[name], rtol=1e-9, atol=1e-12)
