"""Tests of the judge: grade submissions broken on purpose and check the
verdict of every task and kind.

Each grading is a real run of the judge in a copy of this repository,
started in the background when collection ends (conftest.py). The
submissions (submissions.py):

- hostile: one way of breaking per task (submissions.HOSTILE): a syntax
  error, an import that never returns, sys.exit at import, os._exit in a
  call, a wrong result, a missing file, a flood of output, a plain softmax,
  patched numpy comparisons, a fake report, a process left behind;
- plain: a correct solution written plainly (plain/): full `results` and
  `style`, with the robustness and errors a plain solution lacks.

Tampering with the judge's files, and every other attack, is the red
team's (test_red_team.py).
"""
import json
import os
import signal
import subprocess
import sys

import pytest

from judge.contract.mistakes import MISTAKES
from judge.plugin import GRADING
from judge.reference import changes, fingerprint
from submissions import (SLEEPER, entries, first_failure, outcome,
                         processes_with, wait_for_process, write_lingering)
from judge.contract.tasks import ROOT, TASKS

# task -> (results, style, robustness, errors) of the hostile submission,
# and what its first failure says; None where the task has no such check
HOSTILE = {
    "0-rnn_cell": ("failed", "failed", "failed", None,
                   "does not import: the import of 0-rnn_cell.py raised "
                   "SyntaxError at line"),
    "1-rnn": ("failed", "failed", "failed", "failed",
              "1-rnn.py does not import: took longer than 5 s"),
    "2-gru_cell": ("failed", "failed", "failed", None,
                   "the submission called sys.exit(0) during the import"),
    "3-lstm_cell": ("failed", "passed", "failed", None,
                    "the submission exited with status 0 during"),
    "4-deep_rnn": ("failed", "passed", "passed", "passed",
                   "H: first differs at (0, 0, 0, 0): got 0,"),
    "5-bi_forward": ("failed", "failed", "failed", None, None),
    "6-bi_backward": ("failed", "passed", "failed", None,
                      "printed more than 1 MB during"),
    "7-bi_output": ("passed", "passed", "failed", None,
                    "raised FloatingPointError"),
    "8-bi_rnn": ("failed", "passed", "passed", "passed", "H: first differs"),
    "9-rnn_backward": ("failed", "failed", "passed", "passed",
                       "dh_0: first differs"),
    "10-lstm_backward": ("failed", "failed", "failed", "failed",
                         "took longer than 5 s"),
}
KINDS = ("results", "style", "robustness", "errors")
# the plain submission: the robustness diagnoses it gets
PLAIN_DIAGNOSES = {
    "0-rnn_cell": ["plain_softmax"],
    "2-gru_cell": ["plain_sigmoid", "plain_softmax"],
    "3-lstm_cell": ["plain_sigmoid", "plain_softmax"],
    "7-bi_output": ["plain_softmax"], "10-lstm_backward": ["plain_sigmoid"],
}
# the plain submission: robustness and errors of each task
PLAIN = {
    "0-rnn_cell": ("failed", None), "1-rnn": ("passed", "failed"),
    "2-gru_cell": ("failed", None), "3-lstm_cell": ("failed", None),
    "4-deep_rnn": ("passed", "failed"), "5-bi_forward": ("passed", None),
    "6-bi_backward": ("passed", None), "7-bi_output": ("failed", None),
    "8-bi_rnn": ("passed", "failed"), "9-rnn_backward": ("passed", "failed"),
    "10-lstm_backward": ("failed", "failed"),
}


def test_results_json_has_the_gradescope_format(gradings):
    """Top level score (the sum of the tests'), execution_time, the
    scoreboard as a Markdown code block, stdout hidden, tests; one entry
    per task and kind with checks, named "<task>: <kind>"; robustness and
    errors are advice, never shown as failed."""
    _, printed, verdict, _ = gradings["hostile"]
    assert isinstance(verdict["score"], (int, float))
    assert verdict["score"] == sum(test["score"] for test in
                                   verdict["tests"]) == 14
    assert isinstance(verdict["execution_time"], (int, float))
    assert verdict["output_format"] == "md"
    assert verdict["stdout_visibility"] == "hidden"
    lines = verdict["output"].splitlines()
    assert lines[0] == lines[-1] == "```"
    board = "\n".join(lines[1:-1])
    assert board.startswith("Grading ")
    # the judge printed the same table, last (a student's report)
    table = [line for line in board.splitlines()
             if line.startswith(("task ", "total ")) or line.split(" ")[0]
             in TASKS]
    assert len(table) == len(TASKS) + 2
    assert printed.rstrip().endswith("\n".join(table)), printed[-2000:]
    found = entries(verdict)
    assert {task for task, _ in found} == set(TASKS)
    for (task, kind), test in found.items():
        assert test["name"] == "{}: {}".format(task, kind)
        assert test["visibility"] == "visible"
        assert test["status"] in ("passed", "failed")
        assert test["max_score"] == {"results": 9, "style": 1}.get(kind, 0)
        assert set(test["extra_data"]) == {"task", "kind", "passed",
                                           "checks", "submitted", "started",
                                           "diagnosis", "hints"}
        assert test["extra_data"]["started"] == test["extra_data"][
            "submitted"]
        assert isinstance(test["extra_data"]["hints"], list)
        if kind in ("robustness", "errors"):
            assert test["status"] == "passed"
            assert test["output"].startswith(
                "Advice, for no points: " if task != "5-bi_forward" else
                "5-bi_forward.py was not submitted")


@pytest.mark.parametrize("task", TASKS)
def test_hostile_submission_fails_where_it_should(task, gradings):
    """Each task of the hostile submission gets the verdict its breakage
    deserves, and breaks no other task."""
    status, printed, verdict, _ = gradings["hostile"]
    found = entries(verdict)
    *wanted, message = HOSTILE[task]
    for kind, want in zip(KINDS, wanted):
        if want is None:
            assert (task, kind) not in found
            continue
        entry = found[task, kind]
        assert outcome(entry) == want, (task, kind, entry["output"])
        assert entry["score"] == (entry["max_score"] if want == "passed"
                                  else 0)
        assert entry["extra_data"]["submitted"] == (task != "5-bi_forward")
    if message:
        _, first = first_failure(verdict["output"], task)
        assert first and message in first, (task, first)
    assert status == 1


def test_hostile_submission_cannot_fake_its_verdict(gradings):
    """The fake report it printed is not the judge's; results.json is the
    judge's, though the submission tried to write its own into it; the
    process it started in a session of its own (before it hung) is
    killed; the repository's files are untouched."""
    _, printed, verdict, grading = gradings["hostile"]
    assert verdict["score"] == 14  # 7-bi_output's results, 5 style points
    assert "377 passed" not in printed.replace(
        "9-main line 1: printed '==================== 377 passed", "")
    assert "110/110" not in printed
    assert processes_with("sleep\0" + SLEEPER) == [], \
        "the process it started outlived its grading"
    assert changes(grading.before, fingerprint(grading.repo)) == []


def test_plain_solution_passes_results_and_style(gradings):
    """A correct plain solution (plain softmax and sigmoid, no shape
    checks, loops) earns every point and gets no diagnosis of its results;
    robustness and errors show what it could do better, and name the plain
    softmax or sigmoid where it has one."""
    status, printed, verdict, _ = gradings["plain"]
    found = entries(verdict)
    assert verdict["score"] == 110, printed
    for task in TASKS:
        for kind in ("results", "style"):
            assert found[task, kind]["status"] == "passed", (task, kind)
        for kind, want in zip(("robustness", "errors"), PLAIN[task]):
            if want is None:
                assert (task, kind) not in found
            else:
                assert outcome(found[task, kind]) == want, (task, kind)
        assert found[task, "results"]["extra_data"]["diagnosis"] is None
        named = {mistake.says: mistake.name for mistake in MISTAKES}
        diagnosis = found[task, "robustness"]["extra_data"]["diagnosis"]
        assert [named.get(part) for part in diagnosis.split("; and ")] == \
            PLAIN_DIAGNOSES[task] if diagnosis else task not in \
            PLAIN_DIAGNOSES, (task, diagnosis)
    # the robustness and errors checks it fails earn no points: they do
    # not change the exit status
    assert status == 0


def test_sigterm_stops_the_judge_and_voids_the_verdict(tmp_path, request):
    """SIGTERM (a grader's timeout) while a submission hangs: the judge
    stops as for Ctrl-C, kills its worker and the process the submission
    started in a session of its own, and writes a void verdict of 0."""
    folder = tmp_path / "lingering"
    sleeper = write_lingering(str(folder))
    results = tmp_path / "results.json"
    process = subprocess.Popen(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         "--submission=" + str(folder), "--results=" + str(results),
         "--time-limit=30"], cwd=ROOT, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True,
        env=dict(os.environ, PYTEST_DISABLE_PLUGIN_AUTOLOAD="1"))
    request.config.stash[GRADING].session.spare(process.pid)
    try:
        assert wait_for_process(sleeper, process), \
            "the submission's process never started"
        process.send_signal(signal.SIGTERM)
        printed = process.communicate(timeout=60)[0]
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == pytest.ExitCode.INTERRUPTED, printed
    assert "THE VERDICT IS VOID: the grading was stopped" in printed
    verdict = json.loads(results.read_text())
    assert verdict["score"] == 0
    assert "the verdict is void" in json.dumps(verdict)
    assert processes_with(str(folder)) == [], "a worker still runs"
    assert processes_with(sleeper) == [], \
        "the submission's process outlived its grading"


def test_errors_tells_a_stand_ins_refusal_apart():
    """A stand-in cell's refusal of a malformed argument that a sequence
    function passed on (judge/standins.py) is what test_errors.py's
    STANDIN recognises: the student is told the error is the cell's."""
    import numpy as np
    from checks.test_errors import STANDIN
    from judge import standins
    from judge.contract.tasks import TASK
    call = TASK["5-bi_forward"].call("forward")
    with pytest.raises(standins.Refused) as refused:
        standins.argument_sizes(call.text, list(call.arguments),
                                [np.zeros((2, 5)), np.zeros(4)],
                                {"h": 5, "i": 4, "o": 3})
    assert STANDIN.match(str(refused.value)), str(refused.value)
    assert not STANDIN.match("X must have shape (t, m, 4), got (4,)")
