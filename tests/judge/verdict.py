"""How a verdict is told: the scoreboard, and results.json for Gradescope.

Every check belongs to one task and one kind. A task's `results` (and its
`style`) earn their points when every check of that kind ran and passed;
`robustness` and `errors` are reported beside the score and earn nothing:
on Gradescope they are advice, never shown as failures. A check may also
report advice without failing (Session.advise: a file that is not
executable).
"""
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional, Tuple

from judge.contract.tasks import TASKS
from judge.session import RecordedCall

KINDS = ("results", "style", "robustness", "errors")
POINTS = {"results": 9, "style": 1, "robustness": 0, "errors": 0}
MAX_SCORE = len(TASKS) * sum(POINTS.values())
# why a task's style, every check passed, earns nothing
NO_RUN = "no point while no results check passes but the import: the " \
    "style point comes with a task that runs"
# the kinds whose checks fail each for a cause of its own (the style
# rules): the report says every failure, not the one that tells most
EACH_FAILURE = ("style",)


@dataclass
class Feedback:
    """What the judge says of one task's failures of one kind
    (judge/feedback/): the named catalogued mistake, or None; hints: the
    condition under which it fails, where and how the outputs differ."""
    mistake: Optional[str] = None
    hints: List[str] = field(default_factory=list)

    def lines(self) -> List[str]:
        """At most three lines: the likely mistake, then the hints."""
        found = ["likely mistake: " + self.mistake] if self.mistake else []
        return (found + self.hints)[:3]


# the fresh cases of the edges (tests/checks/test_fresh.py: the first three)
EDGES = re.compile(r"test_edge_sizes\[|test_fresh_case\[.*-[012]\]$")


def told_by(name: str) -> int:
    """How much a failing check of this name says, 0 the most: a case of
    ordinary sizes, an edge case, a driver's printout."""
    if name.startswith("test_driver_prints_expected"):
        return 2
    return 1 if EDGES.search(name) else 0


# "h_next and y differ; c_next matches" (feedback/relations.py), and the
# same in a failure's message: "h_next: first differs at ...; y differs;
# c_next matches" (compare.py)
OUTPUTS_LINE = re.compile(r"^([\w, ]+?) differs?; ([\w, ]+?) match(?:es)?$")
OUTPUTS_SAID = re.compile(r" (\w+): first differs at .*?(?:; ([\w, ]+?) "
                          r"differs?)?; ([\w, ]+?) match(?:es)?$")


def outputs_named(text: str) -> List[str]:
    """The names in "a, b and c"."""
    return sorted(text.replace(" and ", ", ").split(", "))


def says_outputs(line: str, message: str) -> bool:
    """Whether line only says which outputs differ and which match, as
    the message above it already does."""
    hint, said = OUTPUTS_LINE.match(line), OUTPUTS_SAID.search(message)
    if not hint or not said:
        return False
    wrong = [said.group(1)] + outputs_named(said.group(2) or said.group(1))
    return (outputs_named(hint.group(1)), outputs_named(hint.group(2))) == (
        sorted(set(wrong)), outputs_named(said.group(3)))


def told(line: str, message: str) -> str:
    """line, with its end shortened to "as above" when the message above
    it (a task's first failure) already says it: an exception repeated
    after the condition under which it is raised."""
    parts = line.split(": ")
    for k in range(1, len(parts)):
        tail = ": ".join(parts[k:])
        if len(tail) >= 30 and tail in message:
            return ": ".join(parts[:k]) + ": as above"
    return line


@dataclass
class Check:
    """The outcome of one check: its task, kind and name; "passed",
    "failed" or "skipped", with the failure's message; the calls it made
    of the submission."""
    task: str
    kind: str
    name: str
    outcome: str
    message: str = ""
    calls: List[RecordedCall] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        """Whether it passed."""
        return self.outcome == "passed"


class Verdict:
    """The outcome of every check of one grading run."""

    def __init__(self, submitted: Iterable[str]):
        """submitted: the tasks whose file was found."""
        self.submitted = set(submitted)
        self.checks: Dict[Tuple[str, str], List[Check]] = {
            (task, kind): [] for task in TASKS for kind in KINDS}
        self.collected = {key: 0 for key in self.checks}
        self.feedback: Dict[Tuple[str, str], Feedback] = {}
        self.notes: List[str] = []
        self.void: Optional[str] = None
        # (task, kind) -> what checks reported without failing
        self.advice: Dict[Tuple[str, str], List[str]] = {}

    def collect(self, task: str, kind: str) -> None:
        """Count a check that this run will make."""
        self.collected[task, kind] += 1

    def add(self, check: Check) -> None:
        """Record one check."""
        self.checks[check.task, check.kind].append(check)

    def tally(self, task: str, kind: str) -> Tuple[int, int, List[str]]:
        """(passed, run, failure messages) of a task's checks of a kind."""
        done = [check for check in self.checks[task, kind]
                if check.outcome != "skipped"]
        failed = [check.message for check in done
                  if check.outcome == "failed"]
        return len(done) - len(failed), len(done), failed

    def complete(self, task: str, kind: str) -> bool:
        """Whether every check of a task's kind ran and passed (checks the
        judge skips on purpose aside), and at least one ran."""
        passed, run, _ = self.tally(task, kind)
        reported = len(self.checks[task, kind])
        return (task in self.submitted and not self.void and run > 0 and
                passed == run and reported == self.collected[task, kind])

    def started(self, task: str) -> bool:
        """Whether the task's file is more than the starter's skeleton:
        False when every results check that ran but the import failed on
        a call that raised NotImplementedError (README: Grading your own
        work)."""
        done = [check for check in self.checks[task, "results"]
                if check.outcome != "skipped"]
        tried = [check for check in done if check.name !=
                 "test_imports[{}]".format(task)]
        return not tried or any(
            check.passed or not check.message.startswith(
                "not implemented yet") for check in tried)

    def runs(self, task: str) -> bool:
        """Whether the task runs: a results check other than the import
        passed (or none ran: style graded alone)."""
        tried = [check for check in self.checks[task, "results"]
                 if check.outcome != "skipped" and check.name !=
                 "test_imports[{}]".format(task)]
        return not tried or any(check.passed for check in tried)

    def earned(self, task: str, kind: str) -> bool:
        """Whether a kind's checks earn its points: every one passed, the
        task was started, and, for style, the task runs (a file that only
        imports, or a skeleton that returns None, earns no style)."""
        return self.complete(task, kind) and self.started(task) and (
            kind != "style" or self.runs(task))

    def points(self, task: str, kind: str) -> int:
        """The points a task earns for a kind: those of earned() (none
        for a task not started, style included; no style for a task that
        does not run)."""
        return POINTS[kind] if self.earned(task, kind) else 0

    def shown(self) -> List[str]:
        """The tasks the run graded (selected with -k), in order."""
        return [task for task in TASKS if any(
            self.collected[task, kind] for kind in KINDS)]

    def unselected(self) -> Optional[str]:
        """The line that says which tasks were not graded, when -k left
        some out."""
        left = [task for task in TASKS if task not in self.shown()]
        if not left or len(left) == len(TASKS):
            return None
        return "Not graded in this run (not selected): {}.".format(
            ", ".join(left))

    def most(self, task: str, kind: str) -> int:
        """The points a kind can earn (0 if the run has no such check)."""
        return POINTS[kind] if self.collected[task, kind] else 0

    def score(self) -> Tuple[int, int]:
        """(points, most points) of the whole run."""
        earned = sum(self.points(task, kind) for task, kind in self.checks)
        most = sum(self.most(task, kind) for task, kind in self.checks)
        return earned, most

    def failure(self, task: str, kind: str) -> Optional[str]:
        """The message of the first failing check of a task's kind that
        says the most: one that names an array or a call on an ordinary
        case, before one on an edge case (sizes of 1, where a softmax of
        one output is always right), before a driver's printout, before a
        check not run (its task's time was spent)."""
        failed = [check for check in self.checks[task, kind]
                  if check.outcome == "failed"]
        if not failed:
            return None
        return min(failed, key=lambda check: told_by(check.name) + 3 * (
            check.message.startswith("not run:"))).message

    def other_failures(self, task: str, kind: str) -> List[str]:
        """The messages of a kind of EACH_FAILURE's failing checks but the
        one that tells most (none for the other kinds)."""
        first = self.failure(task, kind)
        return [check.message for check in self.checks[task, kind]
                if kind in EACH_FAILURE and check.outcome == "failed"
                and check.message != first]

    def first_failure(self, task: str) -> Optional[Tuple[str, str]]:
        """(kind, message) of the task's first failing check, or None."""
        for kind in KINDS:
            message = self.failure(task, kind)
            if message is not None:
                return kind, message
        return None

    def table(self) -> List[str]:
        """The scoreboard's table: one row per task graded, then the total
        (of those tasks); a task not started shows no checks (the few a
        skeleton passes, its style's among them, earn nothing)."""
        rows = [("task", "submitted") + KINDS + ("points",)]
        for task in self.shown() or TASKS:
            started = self.started(task)
            row = [task, "no" if task not in self.submitted else "yes"
                   if started else "not started"]
            for kind in KINDS:
                passed, run, _ = self.tally(task, kind)
                row.append("{}/{}".format(passed, run) if run and started
                           else "-")
            earned = sum(self.points(task, kind) for kind in KINDS)
            most = sum(self.most(task, kind) for kind in KINDS)
            row.append("{}/{}".format(earned, most))
            rows.append(tuple(row))
        earned, most = self.score()
        rows.append(("total", "") + ("",) * len(KINDS) + (
            "{}/{}".format(earned, most),))
        widths = [max(len(row[k]) for row in rows)
                  for k in range(len(rows[0]))]
        return ["  ".join(cell.ljust(width) for cell, width in
                          zip(row, widths)).rstrip() for row in rows]

    def said(self, task: str, kind: str, message: str,
             indent: str) -> List[str]:
        """The feedback lines on a task's kind under its failure."""
        found = self.feedback.get((task, kind))
        return [indent + told(line, message) for line in (
            found.lines() if found else []) if line not in message
            and not says_outputs(line, message)]

    def scoreboard(self, title: str) -> str:
        """The scoreboard as text: one row per task, then the first
        failure of each failing task with its feedback, then the notes."""
        lines = [title, ""]
        if self.void:
            lines += ["THE VERDICT IS VOID: " + self.void, ""]
        lines += self.table()
        failures = [(task, self.first_failure(task)) for task in TASKS
                    if task in self.submitted and self.first_failure(task)]
        if failures:
            lines += ["", "The failure that tells most, of each failing task:"]
            for task, (kind, message) in failures:
                lines.append("  {} ({}): {}".format(task, kind, message))
                lines += self.said(task, kind, message, "    ")
                for other in KINDS:
                    said = self.feedback.get((task, other))
                    if other != kind and said and said.mistake:
                        lines.append("    likely mistake ({}): {}".format(
                            other, said.mistake))
        lines += [""] + self.notes + [
            line for line in [self.unselected()] if line]
        lines += self.advice_lines()
        return "\n".join(lines).rstrip() + "\n"

    def advice_lines(self) -> List[str]:
        """The advice on the submitted tasks (no points taken), after a
        blank line; none: no line."""
        advice = ["  {} ({}): {}".format(task, kind, text)
                  for task in TASKS for kind in KINDS
                  if task in self.submitted
                  for text in self.advice.get((task, kind), [])]
        return ["", "Advice (no points taken):"] + advice if advice else []

    def progress(self, task: str) -> str:
        """One line when a task's grading ends: its points so far, and why
        it has none when it was not written."""
        earned = sum(self.points(task, kind) for kind in KINDS)
        most = sum(self.most(task, kind) for kind in KINDS)
        first = self.first_failure(task)
        why = ""
        if not self.started(task):
            why = "  not started"
        elif first and first[1].startswith(("not implemented yet",
                                            "not graded")):
            why = "  " + first[1].split(":")[0]
        return "  {:<17} {:>5}{}".format(task, "{}/{}".format(earned, most),
                                         why)

    def report(self) -> str:
        """A student's report, printed last: the first failure of each
        failing kind of each task with its feedback (a message said once
        per task), the notes, and the scoreboard's table at the very
        end."""
        lines = []
        for task in TASKS:
            shown = []
            first = self.failure(task, "results") or ""
            if first.startswith(("not implemented yet", "not graded")):
                lines.append("{}: {}".format(task, "not started: " + first[
                    len("not implemented yet: "):] if not self.started(task)
                    and first.startswith("not implemented yet: ") else first))
                continue
            for kind in KINDS:
                message = self.failure(task, kind)
                if message is None or message in shown:
                    continue
                passed, run, _ = self.tally(task, kind)
                if not shown:
                    lines.append(task)
                lines.append("  {} ({}/{}{}): {}".format(
                    kind, passed, run, "" if POINTS[kind] else
                    ", no points; may follow from results" if first and
                    kind == "robustness" else ", no points", message))
                # where results fail, the kinds that earn nothing say
                # their first failure alone, after it
                if POINTS[kind] or not first:
                    lines += self.said(task, kind, message, "    ")
                lines += ["    and: " + other for other in
                          self.other_failures(task, kind)]
                shown.append(message)
            if self.complete(task, "style") and self.collected[
                    task, "style"] and not self.runs(task):
                passed, run, _ = self.tally(task, "style")
                lines.append("  style ({}/{}): {}".format(
                    passed, run, NO_RUN))
        if lines:
            lines = ["The failure that tells most, of each failing kind "
                     "(-v lists every check):", ""] + lines
        lines += [""] + self.notes + [
            line for line in [self.unselected()] if line]
        lines += self.advice_lines()
        if self.void:
            lines += ["", "THE VERDICT IS VOID: " + self.void]
        lines += [""] + self.table()
        return "\n".join(lines).lstrip("\n") + "\n"

    def status(self, task: str, kind: str) -> str:
        """"passed" or "failed", as Gradescope colours a test: a kind that
        earns no points is advice, "passed" unless the verdict is void."""
        if not POINTS[kind] and not self.void:
            return "passed"
        return "passed" if self.earned(task, kind) else "failed"

    def failed(self, every_kind: bool = False) -> bool:
        """Whether a check that earns points failed (every_kind: or any
        check); a void verdict has failed."""
        kinds = KINDS if every_kind else [k for k in KINDS if POINTS[k]]
        return bool(self.void) or any(
            task in self.submitted and self.collected[task, kind] and
            not self.earned(task, kind) for task in TASKS for kind in kinds)

    def gradescope(self, title: str, seconds: float,
                   sandbox: str = "") -> dict:
        """The verdict in Gradescope's results.json format; sandbox: the
        protections in full (extra_data.sandbox)."""
        tests = []
        for task in TASKS:
            for kind in KINDS:
                if not self.collected[task, kind]:
                    continue
                passed, run, failed = self.tally(task, kind)
                submitted = task in self.submitted
                found = self.feedback.get((task, kind))
                if not submitted:
                    output = "{}.py was not submitted".format(task)
                elif self.void:
                    output = "the verdict is void: " + self.void
                else:
                    said = found.lines() if found else []
                    output = "\n".join(failed + said + [
                        "Advice (no points taken): " + text
                        for text in self.advice.get((task, kind), [])])
                    if not POINTS[kind]:
                        output = "Advice, for no points: {} of {} checks " \
                            "passed.\n{}".format(passed, run, output)
                    elif not self.started(task):
                        output += "\n{}.py is not started: every call " \
                            "raises NotImplementedError (the starter's " \
                            "skeleton): no points, style included".format(
                                task)
                    elif kind == "style" and not self.runs(task):
                        output += "\n" + NO_RUN
                tests.append({
                    "name": "{}: {}".format(task, kind),
                    "score": self.points(task, kind),
                    "max_score": self.most(task, kind),
                    "status": self.status(task, kind),
                    "output": output.strip(),
                    "visibility": "visible",
                    "extra_data": {
                        "task": task, "kind": kind, "passed": passed,
                        "checks": self.collected[task, kind],
                        "submitted": submitted,
                        # False: the starter's skeleton, no points
                        "started": submitted and self.started(task),
                        "diagnosis": found.mistake if found else None,
                        "hints": list(found.hints) if found else [],
                    },
                })
        return {"score": self.score()[0],
                "execution_time": round(seconds, 3),
                "output": monospaced(self.scoreboard(title)),
                # the scoreboard as a Markdown code block keeps its columns
                "output_format": "md",
                # what the judge printed is the instructor's, not the
                # student's: the scoreboard is in "output"
                "stdout_visibility": "hidden",
                "extra_data": {"sandbox": sandbox},
                "tests": tests}


def monospaced(text: str) -> str:
    """text as a Markdown code block, shown in a monospaced font, whose
    fence is longer than any run of backticks in text (a message that
    quotes submitted code cannot close it)."""
    longest = max([len(run) for run in re.findall("`+", text)] + [0])
    fence = "`" * max(3, longest + 1)
    return "{}\n{}\n{}\n".format(fence, text.rstrip("\n"), fence)


class ResultsFile:
    """Where results.json goes, written by the judge alone.

    The folder is opened when the grading starts, before any submitted
    code runs; the verdict is written at the end, after every worker has
    ended, into a new file (O_EXCL | O_NOFOLLOW) in a private folder that
    the judge makes inside it (mode 700), then renamed into place: a link
    or a file that a worker planted under the name is replaced, never
    followed or written through."""

    def __init__(self, path: str):
        """Open the folder of path (OSError if it cannot be)."""
        path = os.path.abspath(path)
        self.name = os.path.basename(path)
        self.folder = os.path.dirname(path)
        self.fd = os.open(self.folder, os.O_RDONLY | os.O_DIRECTORY)

    def write(self, data: dict) -> None:
        """Write data as JSON, in place at once."""
        private = tempfile.mkdtemp(prefix=".results-", dir=self.folder)
        try:
            temporary = os.path.join(private, "results.json")
            out = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL |
                          os.O_NOFOLLOW, 0o644)
            with os.fdopen(out, "w") as f:
                json.dump(data, f, indent=1)
            os.chmod(temporary, 0o644)
            os.replace(temporary, self.name, dst_dir_fd=self.fd)
        finally:
            shutil.rmtree(private, ignore_errors=True)

    def close(self) -> None:
        """Close the folder."""
        os.close(self.fd)
