"""Every catalogued mistake (tests/mistakes.py), planted as a submission,
fails its kind and is named by the judge, in results.json and under the
task's first failure in the scoreboard.

The mistakes are planted in layers, one folder per layer with the k-th
mistake of each task (submissions.mistake_layers), each graded once in the
background (conftest.py) for its results and robustness, without the
fresh cases, edge sizes and gradient descent. A planted file is the
mistake's code, so it reproduces every recorded call of any run; and if no
earlier mistake of the catalogue reproduces the calls of this subset, none
reproduces those of a full run, which include them. So a mistake named
here is named in a full grading too.
"""
import pytest

import submissions
from judge.contract.mistakes import MISTAKES
from submissions import entries, first_failure, outcome

PLANTED = [(k + 1, mistake)
           for k, layer in enumerate(submissions.mistake_layers())
           for mistake in layer.values()]


@pytest.mark.parametrize("mistake", MISTAKES, ids=[
    "{}-{}".format(mistake.task, mistake.name) for mistake in MISTAKES])
def test_catalogued_mistake_applies_to_this_repository(mistake):
    """Each catalogued mistake is a change of this repository's task file:
    an edit of the file that removes the text it changes shows here, by
    name (a grading passes over it)."""
    assert submissions.applies(mistake), (
        "{} ({}) no longer applies to {}.py: update its changes in "
        "tests/judge/contract/mistakes.py".format(
            mistake.name, mistake.task, mistake.task))


@pytest.mark.parametrize("layer, mistake", PLANTED, ids=[
    "{}-{}".format(mistake.task, mistake.name) for _, mistake in PLANTED])
def test_planted_mistake_is_named(layer, mistake, gradings):
    """The task fails the mistake's kind, and the diagnosis names it."""
    _, printed, verdict, _ = gradings["mistakes-{}".format(layer)]
    entry = entries(verdict)[mistake.task, mistake.kind]
    assert outcome(entry) == "failed", (mistake.name, entry["output"])
    assert entry["extra_data"]["diagnosis"] == mistake.says, (
        mistake.task, mistake.name, entry["extra_data"]["diagnosis"])
    scoreboard = verdict["output"]
    kind, _ = first_failure(scoreboard, mistake.task)
    label = "" if kind == mistake.kind else " ({})".format(mistake.kind)
    said = "    likely mistake{}: {}\n".format(label, mistake.says)
    assert said in scoreboard
