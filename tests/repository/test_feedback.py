"""The feedback on real students' code (students/, written from the
README in students' own styles, not from this repository's files).

- correct/: four students, each with all eleven task files written
  plainly and correctly (plain or stable sigmoid and softmax, np.dot,
  loops and lists, helpers, extra attributes...): full `results` marks,
  and no feedback at all;
- wrong/: 165 files with one realistic fault each, by three writers who
  never read the judge, 59 of them (blind_*) written after it was built
  (faults.json: the fault, the catalogued mistake that explains it or
  none, what feedback that points at it mentions, and the kind of check
  that finds it): each fails that kind; at least 95% get feedback that
  points at the fault; none gets a named mistake other than its own.

Each student, and each layer of wrong files (one per task), is graded
once in the background (conftest.py), in batches.
"""
import re

import pytest

import submissions
from judge.contract.mistakes import MISTAKES
from judge.contract.tasks import TASKS
from submissions import entries, outcome

NAMES = {mistake.says: mistake.name for mistake in MISTAKES}


def feedback(gradings):
    """{file: (the entry of its fault's kind, named mistakes, feedback
    text)} of every wrong file: its diagnosis and hints, and for a fault
    that only a robustness check finds, that check's failures too (what
    it says of an argument changed in place)."""
    found = {}
    for kind in ("results", "robustness"):
        for k, layer in enumerate(submissions.fault_layers(kind), 1):
            _, _, verdict, _ = gradings["wrong-{}-{}".format(kind, k)]
            for task, fault in layer.items():
                entry = entries(verdict)[task, kind]
                said = entry["extra_data"]["diagnosis"]
                named = [NAMES.get(part) for part in said.split("; and ")] \
                    if said else []
                text = "\n".join(([said] if said else []) + entry[
                    "extra_data"]["hints"] + ([entry["output"]]
                                              if kind != "results" else []))
                found[fault["file"]] = (entry, named, text)
    return found


@pytest.mark.parametrize("name", submissions.students())
def test_correct_student_gets_full_results_and_no_feedback(name, gradings):
    """Every task's results pass, with no named mistake and no hint."""
    _, printed, verdict, _ = gradings["correct-" + name]
    found = entries(verdict)
    for task in TASKS:
        entry = found[task, "results"]
        assert entry["status"] == "passed", (name, task, entry["output"])
        assert entry["extra_data"]["diagnosis"] is None, (name, task)
        assert entry["extra_data"]["hints"] == [], (name, task)


def test_every_wrong_file_fails_results(gradings):
    """A file with a fault the contract sees fails its results; one whose
    fault only robustness finds (an overflow, an argument changed in
    place: the README's robustness checks) fails those."""
    passed = [path for path, (entry, _, _) in feedback(gradings).items()
              if outcome(entry) != "failed"]
    assert passed == []


def test_no_wrong_file_gets_another_named_mistake(gradings):
    """A named mistake is the file's own, or none is named."""
    faults = {fault["file"]: fault for fault in submissions.faults()}
    wrong = {path: named for path, (_, named, _) in
             feedback(gradings).items()
             if named and faults[path]["mistake"] not in named}
    assert wrong == {}


def test_feedback_points_at_the_fault(gradings):
    """At least 95% of the wrong files get feedback that names their
    mistake or mentions what faults.json says points at it; the
    catalogued mistakes among them are named."""
    faults = {fault["file"]: fault for fault in submissions.faults()}
    missed, unnamed = [], []
    for path, (_, named, text) in feedback(gradings).items():
        fault = faults[path]
        if fault["mistake"] and fault["mistake"] not in named:
            unnamed.append(path)
        if not (fault["mistake"] in named and fault["mistake"] or any(
                re.search(pattern, text) for pattern in fault["points_at"])):
            missed.append(path)
    share = 1 - len(missed) / len(faults)
    assert share >= 0.95, (share, missed)
    assert unnamed == [], unnamed


def test_every_failing_results_task_gets_a_hint(gradings):
    """A task that fails its results gets a named mistake or at least
    one hint (which output, steps, layer, half, gate or term), never a
    first difference alone."""
    silent = [path for path, (entry, named, _) in feedback(gradings).items()
              if entry["status"] == "failed" and not named and
              not entry["extra_data"]["hints"] and
              entry["extra_data"]["kind"] == "results"]
    assert silent == []
