"""Checks of this repository itself rather than of a task: the style of
every other .py file, the drivers as a student runs them, the tests' own
helpers, and this repository's exact error messages and sigmoid. They run
in the plain run (python3 -m pytest) only, and are no part of any grade.
"""
import glob
import os
import subprocess
import sys

import numpy as np
import pytest

from judge.compare import close, same_printout
from judge.contract import cases
from judge.contract.tasks import LSTM_CELL, ROOT, TASKS
from judge.failures import CheckFailed
from judge.reference import Reference

# reference(task): this repository's module of task
reference = Reference()
MAIN = sorted(glob.glob(os.path.join(ROOT, "main", "*.py")))


def python_files():
    """Every .py file of the repository but the task files (graded as
    `style` by the judge), outside hidden folders."""
    tasks = {os.path.join(ROOT, task + ".py") for task in TASKS}
    found = []
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = [d for d in dirs
                   if not d.startswith(".") and d != "__pycache__"]
        found += [os.path.join(folder, f) for f in files
                  if f.endswith(".py")]
    return sorted(set(found) - tasks)


def test_pycodestyle_is_clean():
    """pycodestyle (default settings) reports nothing on the drivers,
    demos, tests and scripts."""
    done = subprocess.run([sys.executable, "-m", "pycodestyle"] +
                          python_files(), capture_output=True, text=True)
    assert done.returncode == 0, "pycodestyle:\n" + done.stdout + done.stderr


@pytest.mark.parametrize("path", MAIN, ids=[os.path.basename(path)
                                            for path in MAIN])
def test_scripts_of_main_are_executable(path):
    """First line #!/usr/bin/env python3, executable, final newline."""
    with open(path) as f:
        text = f.read()
    assert text.startswith("#!/usr/bin/env python3\n"), path
    assert text.endswith("\n"), path
    assert os.access(path, os.X_OK), path


@pytest.mark.parametrize("cwd, command", [(".", "./main/1-main.py"),
                                          ("main", "./1-main.py")])
def test_driver_runs_as_a_student_runs_it(cwd, command):
    """Both ./main/N-main.py from the root and ./N-main.py from main/ run
    this repository's files and print the expected output."""
    done = subprocess.run([command], cwd=os.path.join(ROOT, cwd),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    with open(os.path.join(ROOT, "tests", "expected", "1-main.txt")) as f:
        same_printout(command, done.stdout, f.read())


def test_printout_comparison_bites():
    """Driver output is compared to the last printed digit, not beyond."""
    same_printout("same", "x: [ 1.25  -3.5e-02]", "x: [1.25 -3.5e-02]")
    same_printout("rounding", "1.2345679", "1.2345678")
    with pytest.raises(CheckFailed, match="line 1, number 1"):
        same_printout("off", "1.2345680", "1.2345678")
    with pytest.raises(CheckFailed, match="printed 'y"):
        same_printout("text", "y: 1.0", "x: 1.0")
    with pytest.raises(CheckFailed,
                       match="printed 1 lines, expected 2"):
        same_printout("short", "1.0", "1.0\n2.0")


def test_every_case_is_stored():
    """tests/data holds exactly the stored cases the tasks describe."""
    stored = sorted(name[:-4] for name in os.listdir(
        os.path.join(ROOT, "tests", "data")))
    assert stored == sorted("{}--{}".format(task, name)
                            for task, name, _ in cases.all_cases())


MALFORMED = cases.malformed_calls()


@pytest.mark.parametrize("label, task, argument, replacement, message",
                         MALFORMED, ids=[call[0] for call in MALFORMED])
def test_own_error_messages(label, task, argument, replacement, message):
    """This repository's ValueErrors name the argument and both shapes,
    word for word as the README shows them."""
    function, args, _ = cases.prepare(task, cases.malformed_case(
        task, argument, replacement, reference), reference)
    with pytest.raises(ValueError) as caught:
        function(*args)
    assert message in str(caught.value), (label, str(caught.value))


@pytest.mark.parametrize("task", ["2-gru_cell", "3-lstm_cell",
                                  "10-lstm_backward"])
def test_own_sigmoid_is_exact_for_any_finite_input(task):
    """The sigmoid helpers are in [0, 1], monotone, exact at 0 and
    ±1.7e308, and never warn."""
    x = np.array([-1.7e308, -1e4, -745.0, -40.0, -1.0, 0.0, 1.0, 40.0,
                  745.0, 1e4, 1.7e308])
    with np.errstate(over="raise", divide="raise", invalid="raise"):
        s = reference(task).sigmoid(x)
    assert np.all((s >= 0) & (s <= 1)) and np.all(np.diff(s) >= 0), s
    close(task + " sigmoid at -1.7e308, 0, 1.7e308", s[[0, 5, -1]],
          [0, 0.5, 1], rtol=0, atol=0)
    close(task + " sigmoid(-1)", s[4], 1 / (1 + np.exp(1.0)), rtol=1e-15)


def test_lstm_forward_helper_matches_the_cell():
    """The tests' own LSTM loop (cases.lstm_forward) is forward step by
    step."""
    rng = np.random.default_rng(11)
    case = cases.random_cell(LSTM_CELL, rng, 3, 2, 2)
    cell = cases.build_cell("3-lstm_cell", case, "cell.", reference)
    X, h, c = (rng.normal(size=(2, 4, 3)), rng.normal(size=(4, 2)),
               rng.normal(size=(4, 2)))
    H, C, Y = cases.lstm_forward(cell, X, h, c)
    for s in range(2):
        h, c, y = cell.forward(h, c, X[s])
        close("H[{}]".format(s + 1), H[s + 1], h)
        close("C[{}]".format(s + 1), C[s + 1], c)
        close("Y[{}]".format(s), Y[s], y)
