"""results: every task reproduces the stored arrays of tests/data on cases
beyond the drivers (i != h, m = 1, t = 1, o = 1, non-zero initial states,
random biases).

The stored arrays are regression guards, written by tests/regenerate.py;
their correctness comes from the checks that trust no stored value (draws,
invariants, hand-worked cases, finite differences).
"""
import os

import numpy as np
import pytest

from judge.contract import cases
from judge.compare import same_results
from judge.contract.tasks import ROOT

pytestmark = pytest.mark.results
DATA = os.path.join(ROOT, "tests", "data")


def stored(task, case):
    """(inputs, outputs) of a stored case, read without pickle."""
    path = os.path.join(DATA, "{}--{}.npz".format(task, case))
    with np.load(path, allow_pickle=False) as archive:
        arrays = {key: archive[key] for key in archive.files}
    return ({key[3:]: value for key, value in arrays.items()
             if key.startswith("in.")},
            {key[4:]: value for key, value in arrays.items()
             if key.startswith("out.")})


STORED = {(task, name): stored(task, name)
          for task, name, _ in cases.all_cases()}


@pytest.mark.parametrize("task, case", sorted(STORED))
def test_stored_case(task, case, judge):
    """The task on the stored inputs gives the stored outputs."""
    inputs, expected = STORED[task, case]
    got = judge.results(task, inputs)
    same_results("{} ({})".format(task, case), got, expected)
