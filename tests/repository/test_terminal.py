"""What a student sees in the terminal, run as a student runs it: a
workspace made by tests/starter.py in a temporary folder, some of its
tasks written (by the correct students of students/), graded from the
workspace's folder with ./grade or python3 -m pytest.
"""
import json
import os
import re
import shutil
import subprocess
import sys

import pytest

import starter
from judge.contract.tasks import ROOT, TASK

STUDENT = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                       "students", "correct", "bilal")


def workspace(place, done=(), names=None, student=STUDENT):
    """A starter workspace in place with the tasks of done written (by a
    correct student), under the names of names ({task: file name})."""
    starter.write(str(place))
    for task in done:
        name = (names or {}).get(task, TASK[task].file)
        target = os.path.join(str(place), name)
        shutil.copy(os.path.join(student, TASK[task].file), target)
        os.chmod(target, 0o755)
        if name != TASK[task].file:
            os.remove(os.path.join(str(place), TASK[task].file))
    return str(place)


def run(command, cwd):
    """(exit status, what it printed) of a command run in cwd."""
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True,
                          timeout=300, env=dict(
                              os.environ, PYTEST_DISABLE_PLUGIN_AUTOLOAD="1"))
    return done.returncode, done.stdout + done.stderr


def test_a_half_done_workspace_grades_in_a_short_report(tmp_path):
    """./grade from the workspace: a line per task, the first failure of
    each failing kind, and the scoreboard last, in at most 60 lines;
    none of pytest's FAILED lines."""
    place = workspace(tmp_path / "work", ["0-rnn_cell", "1-rnn",
                                          "2-gru_cell", "3-lstm_cell",
                                          "4-deep_rnn", "5-bi_forward"])
    status, printed = run(["./grade"], place)
    lines = printed.rstrip("\n").splitlines()
    assert status == 1, printed
    assert len(lines) <= 60, printed
    # six tasks right; a skeleton scores nothing, style included
    assert lines[-1].startswith("total") and lines[-1].endswith("60/110")
    assert "FAILED" not in printed and "Traceback" not in printed
    assert "  6-bi_backward      0/10  not started" in lines
    assert "6-bi_backward: not started: write " \
        "BidirectionalCell.__init__ in 6-bi_backward.py (task 6)" in lines


def test_verbose_restores_pytest_report(tmp_path):
    """./grade -v lists every check as pytest does, then the scoreboard,
    last."""
    place = workspace(tmp_path / "work", ["0-rnn_cell"])
    status, printed = run(["./grade", "-v", "0"], place)
    assert "test_imports[0-rnn_cell] PASSED" in printed, printed
    assert printed.index("= scoreboard =") > printed.rindex("PASSED")


def test_pytest_with_the_repository_path_from_the_workspace(tmp_path):
    """python3 -m pytest REPOSITORY --submission=. from the workspace
    grades the workspace; -k TASK selects every kind of that task."""
    place = workspace(tmp_path / "work", ["1-rnn"])
    status, printed = run([sys.executable, "-m", "pytest", ROOT,
                           "--submission=.", "-k", "1-rnn"], place)
    row = next(line for line in printed.splitlines()
               if line.startswith("1-rnn "))
    assert row.split()[2:] == ["17/17", "5/5", "5/5", "4/4", "10/10"], row


def test_a_near_miss_name_is_graded_and_costs_the_style_point(tmp_path):
    """0_rnn_cell.py is graded as 0-rnn_cell.py, with a note; its results
    count, its style point does not."""
    place = workspace(tmp_path / "work", ["0-rnn_cell"],
                      {"0-rnn_cell": "0_rnn_cell.py"})
    status, printed = run(["./grade", "0"], place)
    assert "0_rnn_cell.py graded as 0-rnn_cell.py: rename it." in printed
    row = next(line for line in printed.splitlines()
               if line.startswith("0-rnn_cell "))
    assert row.split()[2:4] == ["19/19", "4/5"], row
    assert "0_rnn_cell.py must be named 0-rnn_cell.py" in printed


def test_task_files_in_a_course_repository_are_found(tmp_path):
    """A clone of a course repository: the one sub-folder that holds task
    files is graded, with a note; two such folders are an error."""
    place = tmp_path / "holbertonschool-machine_learning"
    course = place / "supervised_learning" / "0x0D-RNNs"
    course.mkdir(parents=True)
    shutil.copy(os.path.join(STUDENT, "0-rnn_cell.py"), str(course))
    (place / "README.md").write_text("# my course\n")
    status, printed = run([sys.executable, "-m", "pytest", "-k",
                           "0-rnn_cell", "--submission=" + str(place)], ROOT)
    assert "The task files were found in supervised_learning/0x0D-RNNs." \
        in printed
    assert printed.rstrip().splitlines()[-1].endswith("10/10"), printed
    other = place / "old"
    other.mkdir()
    shutil.copy(os.path.join(STUDENT, "1-rnn.py"), str(other))
    status, printed = run([sys.executable, "-m", "pytest",
                           "--submission=" + str(place)], ROOT)
    assert status != 0
    assert "task files are in several folders" in printed
    assert "old, supervised_learning/0x0D-RNNs" in printed


def test_two_files_claiming_one_task_are_named(tmp_path):
    """Two near misses of one name: the task is not graded, and the
    failure names both; beside the right name, a near miss is named in a
    note and the right one graded."""
    place = workspace(tmp_path / "work", ["2-gru_cell"],
                      {"2-gru_cell": "2_gru_cell.py"})
    shutil.copy(os.path.join(STUDENT, "2-gru_cell.py"),
                os.path.join(place, "gru_cell.py"))
    status, printed = run(["./grade", "2"], place)
    assert "2-gru_cell: not graded: 2_gru_cell.py and gru_cell.py claim " \
        "task 2-gru_cell" in printed, printed
    os.rename(os.path.join(place, "2_gru_cell.py"),
              os.path.join(place, "2-gru_cell.py"))
    status, printed = run(["./grade", "2"], place)
    assert "2-gru_cell.py and gru_cell.py claim task 2-gru_cell: " \
        "2-gru_cell.py was graded; remove the other." in printed, printed
    assert printed.rstrip().splitlines()[-1].endswith("10/10")


def test_pytest_given_the_workspace_grades_it(tmp_path):
    """pytest run in the workspace, or given it after --submission written
    with a space (which pytest takes for a folder of tests), hands over to
    ./grade with the checks selected."""
    place = workspace(tmp_path / "work", ["0-rnn_cell"])
    for command, cwd in (([sys.executable, "-m", "pytest", "-k", "0"],
                          place),
                         ([sys.executable, "-m", "pytest", "--submission",
                           place, "-k", "0-rnn_cell"], ROOT)):
        status, printed = run(command, cwd)
        lines = printed.splitlines()
        assert lines[0].startswith("This folder is your workspace: grading "
                                   "it with ./grade 0"), printed
        assert lines[-1].startswith("total") and lines[-1].endswith(
            "10/10"), printed


def test_a_doubled_extension_is_a_near_miss(tmp_path):
    """0-rnn_cell.py.py and a browser's 0-rnn_cell (1).py are graded as
    task 0; a folder of other files says which it holds."""
    for name in ("0-rnn_cell.py.py", "0-rnn_cell (1).py"):
        folder = tmp_path / name.replace(" ", "_")
        folder.mkdir()
        shutil.copy(os.path.join(STUDENT, "0-rnn_cell.py"),
                    str(folder / name))
        status, printed = run([sys.executable, "-m", "pytest", "-k", "0",
                               "-m", "style", "--submission=" + str(folder)],
                              ROOT)
        assert "{} graded as 0-rnn_cell.py: rename it.".format(name) in \
            printed, printed
    other = tmp_path / "other"
    other.mkdir()
    (other / "0-rnn_cell.txt").write_text("x")
    status, printed = run([sys.executable, "-m", "pytest",
                           "--submission=" + str(other)], ROOT)
    assert "it holds 0-rnn_cell.txt" in printed, printed


@pytest.mark.parametrize("files", [[], ["notes.txt"]],
                         ids=["empty", "no task"])
def test_a_folder_without_task_files_fails_with_a_message(tmp_path, files):
    """Nothing to grade: a non-zero exit, and why."""
    for name in files:
        (tmp_path / name).write_text("hello\n")
    status, printed = run([sys.executable, "-m", "pytest",
                           "--submission=" + str(tmp_path)], ROOT)
    assert status != 0
    assert "Nothing was graded: no task file was found in" in printed


def test_style_says_what_to_do(tmp_path):
    """pycodestyle's E741 (the README's own l as a name) comes with what
    to do about it, and the next problems by line and code; every failing
    style rule is said (each costs the point), and a file without the
    executable bit gets its advice, without -v."""
    place = workspace(tmp_path / "work", ["4-deep_rnn"])
    path = os.path.join(place, "4-deep_rnn.py")
    with open(path) as f:
        text = f.read()
    lines = len(text.splitlines())
    with open(path, "w") as f:
        f.write(text.replace("import numpy as np", "import numpy as np\n"
                             "import math", 1) +
                "\n\nl = len\nx = 1 \n# a comment that goes on and on, "
                "far longer than pycodestyle lets a line of Python be\n")
    os.chmod(path, 0o644)
    status, printed = run(["./grade", "4", "-m", "style"], place)
    assert "line {}, column 1: E741 ambiguous variable name 'l' (3 " \
        "problems in all: also line {} W291, line {} E501): l, O and I " \
        "look like 1 and 0".format(lines + 4, lines + 5, lines + 6) in \
        printed, printed
    assert "such as n_layers" in printed
    assert "    and: 4-deep_rnn.py imports ['import numpy as np', " \
        "'import math']" in printed, printed
    assert "Advice (no points taken):\n  4-deep_rnn (style): 4-deep_rnn.py " \
        "is not executable" in printed, printed
    assert status == 1


def test_a_quoted_control_character_is_shown_as_a_space(tmp_path):
    """pycodestyle quotes the character after a stray backslash: a
    direction override (or an escape) reaches neither the terminal nor
    results.json."""
    place = workspace(tmp_path / "work", ["0-rnn_cell"])
    path = os.path.join(place, "0-rnn_cell.py")
    with open(path) as f:
        text = f.read()
    with open(path, "w") as f:
        f.write(text.replace("import numpy as np\n", "import numpy as np\n"
                             "TAG = \"\\\u202e\"\n", 1))
    status, printed = run(["./grade", "0", "-m", "style", "--results=r.json"],
                          place)
    with open(os.path.join(place, "r.json"), encoding="utf-8") as f:
        written = f.read()
    assert "W605 invalid escape sequence '\\ '" in printed, printed
    for shown in (printed, json.loads(written)["output"]):
        assert "\u202e" not in shown and "\x1b" not in shown
    assert status == 1


def test_a_task_that_does_not_run_earns_no_style(tmp_path):
    """A red team's free points: the starter's skeleton with its raise
    made a return None, and a file that only imports numpy, pass every
    style check but run no task: 0 points, with the reason."""
    place = workspace(tmp_path / "work")
    path = os.path.join(place, "0-rnn_cell.py")
    with open(path) as f:
        text = f.read()
    with open(path, "w") as f:
        f.write(re.sub(r"raise NotImplementedError\(.*?\)\n",
                       "return None\n", text, flags=re.S))
    with open(os.path.join(place, "1-rnn.py"), "w") as f:
        f.write('#!/usr/bin/env python3\n"""Nothing here."""\nimport numpy '
                'as np\n\nrnn = np\n')
    status, printed = run(["./grade", "0", "1"], place)
    lines = printed.splitlines()
    for task in ("0-rnn_cell", "1-rnn"):
        row = next(line for line in lines if line.startswith(task + " "))
        assert " yes " in row and " 5/5 " in row and row.endswith(" 0/10"), \
            row
    assert lines.count("  style (5/5): no point while no results check "
                       "passes but the import: the style point comes with "
                       "a task that runs") == 2, printed
    assert status == 1


def test_one_task_graded_shows_its_row_and_exits_zero(tmp_path):
    """./grade 0 on a task written right: its row alone, the total of
    that task, a line naming the tasks not graded, and exit status 0
    (anna's plain softmax fails robustness checks, which earn no points,
    and pytest's count says so); a results file named from the workspace
    is written there."""
    place = workspace(tmp_path / "work", ["0-rnn_cell"], student=os.path.join(
        os.path.dirname(STUDENT), "anna"))
    status, printed = run(["./grade", "0", "--results=mine.json"], place)
    with open(os.path.join(place, "mine.json")) as f:
        assert json.load(f)["score"] == 10
    assert not os.path.exists(os.path.join(ROOT, "mine.json"))
    counts = next(line for line in printed.splitlines()
                  if " passed" in line and " in " in line)
    assert re.search(r"\d+ failed \(no points\)", counts), counts
    assert not re.search(r"\d+ failed(,| in)", counts), counts
    lines = printed.rstrip("\n").splitlines()
    table = lines[lines.index(next(line for line in lines
                                   if line.startswith("task "))):]
    assert [line.split()[0] for line in table] == ["task", "0-rnn_cell",
                                                   "total"], printed
    assert table[-1].endswith("10/10")
    assert "Not graded in this run (not selected): 1-rnn, 2-gru_cell, " \
        "3-lstm_cell, 4-deep_rnn, 5-bi_forward, 6-bi_backward, " \
        "7-bi_output, 8-bi_rnn, 9-rnn_backward, 10-lstm_backward." in lines
    assert status == 0, printed


def test_pytest_from_a_folder_of_the_repository_finds_its_tests():
    """python3 -m pytest from main/ (or any folder inside) collects this
    repository's tests, as from its root."""
    status, printed = run([sys.executable, "-m", "pytest", "-q", "-p",
                           "no:cacheprovider", "--collect-only", "-k",
                           "test_pycodestyle and 0-rnn_cell"],
                          os.path.join(ROOT, "main"))
    assert status == 0, printed
    assert "tests/checks/test_style.py::test_pycodestyle[0-rnn_cell]" in \
        printed
