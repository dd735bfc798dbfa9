"""results: the task file imports and defines what the README names, and its
driver main/N-main.py prints what tests/expected/N-main.txt holds.

The driver runs in a fresh worker as a student runs it, with the submitted
file for its task and this repository's files for the others.
"""
import os

import pytest

from judge.compare import same_printout
from judge.contract.tasks import ROOT, TASK, TASKS

pytestmark = pytest.mark.results


def expected_printout(task):
    """What the driver of task prints (tests/expected/N-main.txt)."""
    path = os.path.join(ROOT, "tests", "expected", "{}-main.txt".format(
        TASK[task].number))
    with open(path) as f:
        return f.read()


EXPECTED = {task: expected_printout(task) for task in TASKS}


@pytest.mark.parametrize("task", TASKS)
def test_imports(task, judge):
    """The file imports, and defines its class or function (the worker
    checks the name: Task.defines)."""
    judge.imported(task)


@pytest.mark.parametrize("task", TASKS)
def test_driver_prints_expected(task, judge):
    """main/N-main.py prints the stored output, number by number."""
    same_printout("{}-main".format(TASK[task].number), judge.driver(task),
                  EXPECTED[task])
