"""tests/grade_class.py: a folder of submissions graded into one table.

The class of submissions.write_class (ben: broken; cat: a correct task 0
and a GRU blended the wrong way round; starter: a fresh workspace) is
graded in the background (conftest.py); its grades.csv must agree with
each submission's results.json and with what each submission deserves.
A second class is interrupted with Ctrl-C while its slow submission is
graded.
"""
import csv
import json
import os
import signal
import subprocess
import sys

import pytest

from submissions import (entries, processes_with, wait_for_process,
                         write_lingering)
from judge.contract.tasks import ROOT, TASKS

HEADER = (["submission"] + ["{} {}".format(task, kind) for task in TASKS
                            for kind in ("results", "style")] +
          ["robustness passed", "robustness run", "errors passed",
           "errors run", "score", "max_score", "note"])


def read_table(out):
    """The rows of out/grades.csv, and its header."""
    with open(os.path.join(out, "grades.csv"), newline="") as f:
        reader = csv.DictReader(f)
        return list(reader), reader.fieldnames


def test_table_agrees_with_each_verdict(gradings):
    """One row per submission, sorted, with the documented columns; each
    row holds its results.json's scores and check counts."""
    status, printed, out, _ = gradings["class"]
    assert status == 0, printed
    rows, header = read_table(out)
    assert header == HEADER
    assert [row["submission"] for row in rows] == ["ben", "cat", "starter"]
    for row in rows:
        with open(os.path.join(out, row["submission"], "results.json")) as f:
            verdict = json.load(f)
        found = entries(verdict)
        assert row["score"] == str(verdict["score"])
        assert row["max_score"] == "110"
        for task in TASKS:
            for kind in ("results", "style"):
                assert row["{} {}".format(task, kind)] == str(
                    found[task, kind]["score"])
        for kind in ("robustness", "errors"):
            done = [test["extra_data"] for (_, other), test in found.items()
                    if other == kind and test["extra_data"]["submitted"]]
            assert row[kind + " passed"] == str(
                sum(data["passed"] for data in done))
            assert row[kind + " run"] == str(
                sum(data["checks"] for data in done))
        assert row["note"] == ""


def test_each_submission_gets_what_it_deserves(gradings):
    """ben: nothing, and the class goes on; cat: 10 points for its task 0
    and the style point of its GRU, with the diagnosis; starter: nothing,
    style included (skeletons: not started)."""
    _, printed, out, _ = gradings["class"]
    rows = {row["submission"]: row for row in read_table(out)[0]}
    assert rows["ben"]["score"] == "0"
    assert rows["cat"]["score"] == "11"
    assert rows["cat"]["0-rnn_cell results"] == "9"
    assert rows["cat"]["2-gru_cell results"] == "0"
    assert rows["cat"]["2-gru_cell style"] == "1"
    assert rows["starter"]["score"] == "0"
    assert rows["starter"]["2-gru_cell style"] == "0"
    with open(os.path.join(out, "cat", "results.json")) as f:
        found = entries(json.load(f))
    assert "blends the wrong way round" in found[
        "2-gru_cell", "results"]["extra_data"]["diagnosis"]
    assert "graded 3 submissions" in printed
    assert "1 x 2-gru_cell: the update gate blends the wrong way round" in \
        printed
    for name in ("ben", "cat", "starter"):
        assert "] {} ".format(name) in printed
        assert os.path.exists(os.path.join(out, name, "output.txt"))


def from_a_terminal():
    """Ctrl-C's default action, as a command typed in a terminal has it
    (a suite started as a background job passes SIGINT on ignored)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM])
def test_interrupted_class_writes_what_finished(tmp_path, number):
    """Ctrl-C (or SIGTERM) while a slow submission is graded: the table
    holds the one that finished, the one not graded is named, the slow
    judge is stopped with its worker and the process the submission
    started in a session of its own, and the exit status is 130."""
    (tmp_path / "class" / "a-empty").mkdir(parents=True)
    slow = tmp_path / "class" / "b-slow"
    sleeper = write_lingering(str(slow))
    process = subprocess.Popen(
        [sys.executable, os.path.join(ROOT, "tests", "grade_class.py"),
         str(tmp_path / "class"), "--out", str(tmp_path / "out"),
         "--jobs=1", "--time-limit=30"], stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True, preexec_fn=from_a_terminal)
    lines = []
    for line in process.stdout:
        lines.append(line)
        if line.startswith("[1/2]"):
            break
    assert wait_for_process(sleeper, process), \
        "b-slow's process never started"
    process.send_signal(number)
    printed = "".join(lines) + process.communicate(timeout=60)[0]
    assert process.returncode == 130, printed
    assert "interrupted: 1 submission not graded (b-slow)" in printed
    rows, _ = read_table(str(tmp_path / "out"))
    assert [row["submission"] for row in rows] == ["a-empty"]
    assert processes_with(str(slow)) == [], "the judge of b-slow still runs"
    assert processes_with(sleeper) == [], \
        "the process b-slow started outlived its grading"


def test_a_hostile_class_is_graded_as_the_judge_reads_it(tmp_path):
    """A red team's class (tests/README.md: What the judge protects): a
    folder whose name holds a line break, or is that of an output file,
    is not graded and is named escaped; a FIFO for a task file hangs
    nothing; a name that a spreadsheet reads as a formula starts with '
    in grades.csv, and one that starts a Markdown comment is escaped in
    feedback.md; files found in a sub-folder are compared for similar
    code (and a change there grades the submission again); a link to a
    classmate's file is neither graded nor compared."""
    correct = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                           "students", "correct")
    folder = tmp_path / "class"
    for name, tasks in (("anna", ("0-rnn_cell", "1-rnn")),
                        ("bilal", ("0-rnn_cell", "2-gru_cell")),
                        ("=1+1", ()), ("class.json", ("0-rnn_cell",)),
                        ("nl\nx", ("0-rnn_cell",)), ("x <!--", ()),
                        (os.path.join("copycat", "work"), ("0-rnn_cell",
                                                           "1-rnn"))):
        (folder / name).mkdir(parents=True)
        source = "bilal" if name.startswith("x") else "anna"
        for task in tasks or ("0-rnn_cell",):
            with open(os.path.join(correct, source, task + ".py")) as f:
                (folder / name / (task + ".py")).write_text(f.read())
    (folder / "fifo").mkdir()
    os.mkfifo(str(folder / "fifo" / "0-rnn_cell.py"))
    (folder / "mallory").mkdir()
    os.symlink(os.path.join("..", "bilal", "2-gru_cell.py"),
               str(folder / "mallory" / "2-gru_cell.py"))
    command = [sys.executable, os.path.join(ROOT, "tests", "grade_class.py"),
               str(folder), "--out", str(tmp_path / "out")]
    done = subprocess.run(command, capture_output=True, text=True,
                          timeout=300)
    printed = done.stdout + done.stderr
    assert done.returncode == 0, printed
    assert "not graded: the folder nl\\nx (a character in its name" in \
        printed
    assert "not graded: the folder class.json (its name is that of a " \
        "file of the output)" in printed
    assert "\nx\n" not in printed
    rows, _ = read_table(str(tmp_path / "out"))
    assert [row["submission"] for row in rows] == [
        "'=1+1", "anna", "bilal", "copycat", "fifo", "mallory", "x <!--"]
    with open(str(tmp_path / "out" / "x <!--" / "feedback.md")) as f:
        assert f.readline() == "# Feedback on your RNN exercises " \
            "(x \\<\\!\\-\\-)\n"
    if "similar code: not compared" not in printed:
        assert "anna & copycat: 2 tasks" in printed, printed
        assert "mallory" not in printed.split("similar code:")[1]
    (folder / "copycat" / "work" / "1-rnn.py").write_text("x = 1\n")
    again = subprocess.run(command, capture_output=True, text=True,
                           timeout=300).stdout
    assert "grading 1 submission of" in again and "[1/1] copycat" in again
