"""A submission's results.json (tests/judge/verdict.py writes it) read as
typed data: one Entry per task and kind, and the Graded submission.

README.md, "Grading your own work", says what each kind checks; a
results.json without a verdict has `no_verdict` (tests/grade_class.py
writes it when the judge gave none). `hints` may be absent: read as [].
"""
import json
from dataclasses import dataclass, field
from typing import Dict, List, NamedTuple, Optional, Tuple

from judge.contract.tasks import TASKS
from judge.verdict import KINDS, MAX_SCORE, POINTS

# the kinds that earn points, and those only reported
SCORED = tuple(kind for kind in KINDS if POINTS[kind])
REPORTED = tuple(kind for kind in KINDS if not POINTS[kind])
# how the judge words a void verdict in each test's output
VOID = "the verdict is void: "


class Entry(NamedTuple):
    """One test of results.json: a task's checks of one kind."""
    task: str
    kind: str
    score: int
    max_score: int
    status: str
    # the failing checks' messages and the feedback, one per line
    lines: Tuple[str, ...]
    passed: int
    checks: int
    submitted: bool
    diagnosis: Optional[str]
    hints: Tuple[str, ...]
    # False for the starter's skeleton (every call raises
    # NotImplementedError): no points, style included
    started: bool = True

    @property
    def failed(self) -> bool:
        """Whether a submitted task failed checks of this kind (a kind
        that earns no points is "passed" for Gradescope, and failed here
        when a check of it did)."""
        return self.submitted and (self.status == "failed" or
                                   self.passed < self.checks)


@dataclass
class Graded:
    """A submission's verdict: its entries by (task, kind), its score,
    and why there is none when the judge gave none."""
    name: str
    score: int = 0
    max_score: int = MAX_SCORE
    seconds: float = 0.0
    entries: Dict[Tuple[str, str], Entry] = field(default_factory=dict)
    no_verdict: Optional[str] = None
    void: Optional[str] = None

    @property
    def final(self) -> bool:
        """Whether this is a verdict to keep: not missing, not void."""
        return self.no_verdict is None and self.void is None

    def entry(self, task: str, kind: str) -> Optional[Entry]:
        """The entry of a task's kind, or None if it has no checks."""
        return self.entries.get((task, kind))

    def submitted(self) -> List[str]:
        """The tasks whose file was found, in the README's order."""
        return [task for task in TASKS if any(
            entry.submitted for (other, _), entry in self.entries.items()
            if other == task)]

    def not_started(self) -> List[str]:
        """The tasks submitted as the starter's skeleton."""
        return [task for task in self.submitted() if any(
            not entry.started for (other, _), entry in self.entries.items()
            if other == task)]

    def tally(self, kind: str) -> Tuple[int, int]:
        """(checks passed, checks run) of a kind over the submitted
        tasks: the robustness and errors columns of grades.csv."""
        done = [entry for (_, other), entry in self.entries.items()
                if other == kind and entry.submitted]
        return (sum(entry.passed for entry in done),
                sum(entry.checks for entry in done))

    def points(self, task: str) -> Tuple[int, int]:
        """(points earned, most points) of a task."""
        found = [self.entries[task, kind] for kind in KINDS
                 if (task, kind) in self.entries]
        return (sum(entry.score for entry in found),
                sum(entry.max_score for entry in found))


def entry_of(test: dict) -> Entry:
    """The Entry of one test of results.json: its output's failure lines
    (the output ends with the feedback, kept apart: diagnosis, hints)."""
    data = test["extra_data"]
    said = set(data.get("hints") or ())
    if data.get("diagnosis"):
        said.add("likely mistake: " + data["diagnosis"])
    return Entry(
        task=data["task"], kind=data["kind"], score=test["score"],
        max_score=test["max_score"], status=test["status"],
        lines=tuple(line for line in test.get("output", "").splitlines()
                    if line.strip() and line not in said and
                    not line.startswith("Advice, for no points: ")),
        passed=data["passed"], checks=data["checks"],
        submitted=data["submitted"], diagnosis=data.get("diagnosis"),
        hints=tuple(data.get("hints") or ()),
        started=data.get("started", data["submitted"]))


def from_json(name: str, verdict: dict) -> Graded:
    """A Graded from the dictionary of a results.json."""
    entries = {}
    for test in verdict.get("tests", []):
        entry = entry_of(test)
        entries[entry.task, entry.kind] = entry
    most = sum(entry.max_score for entry in entries.values()
               if entry.kind in SCORED)
    void = next((line[len(VOID):] for entry in entries.values()
                 for line in entry.lines if line.startswith(VOID)), None)
    return Graded(name=name, score=verdict.get("score", 0),
                  max_score=most or MAX_SCORE,
                  seconds=verdict.get("execution_time", 0.0),
                  entries=entries, no_verdict=verdict.get("no_verdict"),
                  void=void)


def read(name: str, path: str) -> Optional[Graded]:
    """The Graded of a results.json file, or None if there is none (or
    it cannot be read)."""
    try:
        with open(path) as f:
            verdict = json.load(f)
    except (OSError, ValueError):
        return None
    if not isinstance(verdict, dict) or not isinstance(
            verdict.get("tests"), list):
        return None
    try:
        return from_json(name, verdict)
    except (KeyError, TypeError):
        return None
