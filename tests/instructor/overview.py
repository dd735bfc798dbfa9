"""The class at a glance, computed once for the summary and the report:
scores, each task's share of submissions passing each kind, and the
named mistakes and hints with the submissions that have them
(tests/README.md, "Grading a class").
"""
import re
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Dict, List, NamedTuple, Tuple

from judge.contract.tasks import TASKS
from judge.verdict import KINDS, MAX_SCORE
from instructor.verdicts import Graded

# how the judge says a task's file is still the starter's skeleton
UNWRITTEN = "not implemented yet"
# the histogram's bins: 0-9, 10-19, ..., 100-109, and full marks alone
BINS = [(low, low + 9) for low in range(0, MAX_SCORE, 10)] + [
    (MAX_SCORE, MAX_SCORE)]


class Named(NamedTuple):
    """A diagnosis or a hint, and the submissions whose verdict has it."""
    task: str
    kind: str
    text: str
    names: Tuple[str, ...]


class Share(NamedTuple):
    """How the class did on one kind of one task: submissions that
    passed every check, that failed some, that did not submit the task
    (those without checks of the kind aside), and the checks passed and
    run over the submitted files."""
    passed: int
    failed: int
    absent: int
    checks_passed: int
    checks_run: int

    @property
    def total(self) -> int:
        """The submissions counted."""
        return self.passed + self.failed + self.absent


@dataclass
class TaskView:
    """One task across the class."""
    task: str
    submitted: int
    shares: Dict[str, Share]
    # failing `results` with no named mistake
    unexplained: Tuple[str, ...]
    # failing `results` as the starter's skeleton does: not written yet
    unwritten: Tuple[str, ...] = ()


@dataclass
class Overview:
    """The class at a glance."""
    # the submissions with a verdict to count (not missing, not void)
    names: List[str]
    scores: Dict[str, int]
    # (name, why): gradings without a verdict, or void
    missing: List[Tuple[str, str]]
    tasks: List[TaskView] = field(default_factory=list)
    mistakes: List[Named] = field(default_factory=list)
    hints: List[Named] = field(default_factory=list)

    @property
    def mean(self) -> float:
        """The mean score (0 for no submission)."""
        return statistics.mean(self.scores.values()) if self.scores else 0

    @property
    def median(self) -> float:
        """The median score (0 for no submission)."""
        return statistics.median(self.scores.values()) if self.scores \
            else 0

    def histogram(self) -> List[Tuple[str, int]]:
        """(label, submissions) of each bin of scores."""
        return [("{}".format(low) if low == high else
                 "{}-{}".format(low, high),
                 sum(low <= score <= high for score in self.scores.values()))
                for low, high in BINS]

    def of_task(self, task: str) -> TaskView:
        """The view of one task."""
        return next(view for view in self.tasks if view.task == task)


def hint_key(text: str) -> str:
    """A hint as it is counted: line numbers differ from one file to the
    next and are set aside ("at line 28" -> "at line N")."""
    return re.sub(r"\blines? \d+(?:[-–]\d+)?", "line N", text)


def overview(graded: Dict[str, Graded]) -> Overview:
    """The Overview of a class's verdicts."""
    counted = sorted(name for name, one in graded.items() if one.final)
    missing = sorted((name, "no verdict: " + one.no_verdict
                      if one.no_verdict else "void: " + str(one.void))
                     for name, one in graded.items() if not one.final)
    found = Overview(names=counted,
                     scores={name: graded[name].score for name in counted},
                     missing=missing)
    mistakes, hints = defaultdict(list), defaultdict(list)
    for task in TASKS:
        shares = {}
        submitted = sum(task in graded[name].submitted() for name in counted)
        for kind in KINDS:
            entries = [graded[name].entry(task, kind) for name in counted]
            entries = [entry for entry in entries if entry]
            shares[kind] = Share(
                passed=sum(entry.submitted and not entry.failed
                           for entry in entries),
                failed=sum(entry.failed for entry in entries),
                absent=sum(not entry.submitted for entry in entries),
                checks_passed=sum(entry.passed for entry in entries
                                  if entry.submitted),
                checks_run=sum(entry.checks for entry in entries
                               if entry.submitted))
        unexplained, unwritten = [], []
        for name in counted:
            for kind in KINDS:
                entry = graded[name].entry(task, kind)
                if not entry or not entry.failed:
                    continue
                if entry.diagnosis:
                    mistakes[task, kind, entry.diagnosis].append(name)
                elif kind == "results" and entry.lines and \
                        entry.lines[0].startswith(UNWRITTEN):
                    unwritten.append(name)
                elif kind == "results":
                    unexplained.append(name)
                for hint in dict.fromkeys(map(hint_key, entry.hints)):
                    hints[task, kind, hint].append(name)
        found.tasks.append(TaskView(task, submitted, shares,
                                    tuple(unexplained), tuple(unwritten)))
    order = {task: k for k, task in enumerate(TASKS)}
    for table, into in ((mistakes, found.mistakes), (hints, found.hints)):
        into.extend(sorted(
            (Named(task, kind, text, tuple(names))
             for (task, kind, text), names in table.items()),
            key=lambda named: (-len(named.names), order[named.task],
                               KINDS.index(named.kind), named.text)))
    return found
