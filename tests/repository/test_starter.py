"""tests/starter.py: a student's workspace of skeletons, drivers and a
README, derived from this repository's task files; grading a fresh one
gives no results and says what to write, without a traceback."""
import ast
import json
import os
import stat
import subprocess
import sys

import pycodestyle
import pytest

import starter
from judge.compare import same_printout
from judge.contract.tasks import ROOT, TASK, TASKS
from submissions import entries, first_failure

START = os.path.join(ROOT, "tests", "starter.py")


def contract(source, task):
    """[(qualified name, arguments, docstring)] of what task defines, and
    the names of its other top-level functions."""
    found, others = [], []
    defines = TASK[task].defines
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef) and node.name != defines:
            others.append(node.name)
        if getattr(node, "name", None) != TASK[task].defines:
            continue
        found.append((node.name, None, ast.get_docstring(node)))
        for member in getattr(node, "body", []):
            if isinstance(member, ast.FunctionDef):
                found.append(("{}.{}".format(node.name, member.name),
                              ast.unparse(member.args),
                              ast.get_docstring(member)))
        if isinstance(node, ast.FunctionDef):
            found[-1] = (node.name, ast.unparse(node.args),
                         ast.get_docstring(node))
    return found, others


@pytest.mark.parametrize("task", TASKS)
def test_skeleton_keeps_the_contract_and_nothing_else(task):
    """Every class, method and function of the contract, with its
    signature and docstring, raising NotImplementedError; no private
    helper; the module docstring and the only import kept."""
    with open(os.path.join(ROOT, task + ".py")) as f:
        reference = f.read()
    text = starter.skeleton(task)
    assert contract(text, task) == (contract(reference, task)[0], [])
    tree = ast.parse(text)
    assert ast.get_docstring(tree) == ast.get_docstring(ast.parse(reference))
    raises = [node for node in ast.walk(tree) if isinstance(node, ast.Raise)]
    functions = [node for node in ast.walk(tree)
                 if isinstance(node, ast.FunctionDef)]
    assert len(raises) == len(functions) > 0
    for node in functions:
        assert isinstance(node.body[-1], ast.Raise)
        assert ast.unparse(node.body[-1]).startswith(
            "raise NotImplementedError('write ")
    assert "(task {})".format(TASK[task].number) in text
    imports = [ast.unparse(node) for node in ast.walk(tree)
               if isinstance(node, (ast.Import, ast.ImportFrom))]
    assert imports == ["import numpy as np"]


def test_workspace_follows_the_house_rules(tmp_path):
    """Skeletons and drivers: executable, the shebang, a final newline,
    pycodestyle-clean; the drivers are this repository's."""
    starter.write(str(tmp_path))
    paths = [str(tmp_path / (task + ".py")) for task in TASKS] + [
        str(tmp_path / "main" / "{}-main.py".format(TASK[task].number))
        for task in TASKS]
    for path in paths:
        with open(path) as f:
            text = f.read()
        assert text.startswith("#!/usr/bin/env python3\n"), path
        assert text.endswith("\n"), path
        assert os.stat(path).st_mode & stat.S_IXUSR, path
    style = pycodestyle.StyleGuide(config_file=False, quiet=True)
    assert style.check_files(paths).total_errors == 0
    for task in TASKS:
        name = "{}-main.py".format(TASK[task].number)
        with open(os.path.join(ROOT, "main", name)) as a, \
                open(str(tmp_path / "main" / name)) as b:
            assert a.read() == b.read()
    readme = (tmp_path / "README.md").read_text()
    assert "--submission={}".format(tmp_path) in readme


def test_workspace_spells_the_grading_command_as_the_readme(tmp_path):
    """What starter.py prints and the workspace's README name the grading
    of task 0 `./grade 0`, as README.md does; the README gives the one
    pytest command that works from anywhere."""
    done = subprocess.run([sys.executable, START, str(tmp_path)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "\n  ./grade 0                 grades it (./grade: every " \
        "task)" in done.stdout, done.stdout
    readme = (tmp_path / "README.md").read_text()
    assert "\n./grade 0          " in readme, readme
    assert "python3 -m pytest {} --submission={}".format(
        ROOT, tmp_path) in readme, readme
    for text in (done.stdout, readme):
        assert "-k 0-rnn_cell" not in text, text
    with open(os.path.join(ROOT, "README.md")) as f:
        assert "\n./grade 0          " in f.read()


def test_refuses_a_folder_that_is_not_empty(tmp_path):
    """Without --force, a folder that holds anything is left alone."""
    (tmp_path / "notes.txt").write_text("mine")
    done = subprocess.run([sys.executable, START, str(tmp_path)],
                          capture_output=True, text=True)
    assert done.returncode != 0 and "is not empty" in done.stderr
    assert sorted(os.listdir(str(tmp_path))) == ["notes.txt"]


def test_force_never_overwrites_a_students_work(tmp_path):
    """With --force, a task file that is not its skeleton is kept, and
    whatever is missing is written again."""
    starter.write(str(tmp_path))
    mine = tmp_path / "2-gru_cell.py"
    mine.write_text(mine.read_text() + "# my work\n")
    (tmp_path / "3-lstm_cell.py").unlink()
    (tmp_path / "main" / "3-main.py").unlink()
    done = subprocess.run([sys.executable, START, str(tmp_path), "--force"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "kept 2-gru_cell.py" in done.stdout
    assert mine.read_text().endswith("# my work\n")
    assert (tmp_path / "3-lstm_cell.py").read_text() == starter.skeleton(
        "3-lstm_cell")
    assert (tmp_path / "main" / "3-main.py").exists()


def test_drivers_run_the_students_own_files(tmp_path):
    """./main/0-main.py in a workspace runs the workspace's 0-rnn_cell.py:
    with this repository's file copied in, it prints the expected output."""
    starter.write(str(tmp_path))
    with open(os.path.join(ROOT, "0-rnn_cell.py")) as f:
        (tmp_path / "0-rnn_cell.py").write_text(f.read())
    done = subprocess.run(["./main/0-main.py"], cwd=str(tmp_path),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    with open(os.path.join(ROOT, "tests", "expected", "0-main.txt")) as f:
        same_printout("0-main", done.stdout, f.read())


def test_fresh_workspace_grades_to_zero_with_clear_messages(gradings):
    """No point, style included (not started), and for every task 'not
    implemented yet' naming what to write; no traceback. (The workspace
    is graded as one submission of the class of test_grade_class.py.)"""
    _, _, out, _ = gradings["class"]
    with open(os.path.join(out, "starter", "results.json")) as f:
        verdict = json.load(f)
    with open(os.path.join(out, "starter", "output.txt")) as f:
        printed = f.read()
    found = entries(verdict)
    scoreboard = printed[printed.index("Grading "):]
    assert "Traceback" not in scoreboard
    for task in TASKS:
        assert found[task, "results"]["score"] == 0
        assert found[task, "style"]["score"] == 0, task
        assert "not started" in found[task, "style"]["output"], task
        assert found[task, "style"]["extra_data"]["started"] is False
        kind, message = first_failure(verdict["output"], task)
        assert kind == "results", (task, kind)
        assert message.startswith("not implemented yet: write "), message
        assert message.endswith("(task {})".format(TASK[task].number)), message
