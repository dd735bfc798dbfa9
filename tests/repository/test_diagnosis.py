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
from submissions import entries, first_failure, outcome

PLANTED = [(k + 1, mistake)
           for k, layer in enumerate(submissions.mistake_layers())
           for mistake in layer.values()]


@pytest.mark.parametrize("layer, mistake", PLANTED, ids=[
    "{}-{}".format(mistake.task, mistake.name) for _, mistake in PLANTED])
def test_planted_mistake_is_named(layer, mistake, gradings):
    """The task fails the mistake's kind, and the diagnosis names it."""
    _, printed, verdict, _ = gradings["mistakes-{}".format(layer)]
    entry = entries(verdict)[mistake.task, mistake.kind]
    assert outcome(entry) == "failed", (mistake.name, entry["output"])
    assert entry["extra_data"]["diagnosis"] == mistake.says, (
        mistake.task, mistake.name, entry["extra_data"]["diagnosis"])
    kind, _ = first_failure(printed, mistake.task)
    label = "" if kind == mistake.kind else " ({})".format(mistake.kind)
    assert "    likely mistake{}: {}\n".format(label, mistake.says) in printed
