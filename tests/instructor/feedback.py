"""OUTDIR/NAME/feedback.md: a submission's verdict written for the
student (tests/README.md, "Grading a class"; what each kind checks is
in README.md, "Grading your own work").

It holds the scoreboard, each failing task's first failures with the
likely mistake and the hints, and what the robustness and errors checks
suggest. It shows no path of the grader's machine (a path in a message
is cut to its last part) and no seed but the one that replays the
grading.
"""
import re
from typing import List, Optional

from judge.contract.tasks import TASKS
from judge.verdict import KINDS
from instructor.verdicts import REPORTED, SCORED, Entry, Graded

NAME = "feedback.md"
# failures shown for each failing kind of a task
FIRST = 3
# an absolute path: two parts or more after a slash that follows no word
PATH = re.compile(r"(?<![\w.)\]/])(?:/[\w.+@~-]+){2,}/?")
ADVICE = {
    "robustness": "These checks earn no points: they call your code on "
    "extreme inputs (magnitudes of 1e3 to 1e308, float32) under "
    "warnings-as-errors, and check that it leaves its arguments alone. "
    "A careful solution subtracts each row's maximum in the softmax, "
    "computes the sigmoid from exp(-|x|), and never changes an array it "
    "is given.",
    "errors": "These checks earn no points: they call the sequence "
    "functions with malformed arguments. A careful solution checks its "
    "arguments once, at the top, and raises a ValueError that names the "
    "argument and its expected shape, for example `h_0 must have shape "
    "(8, 15), got (2, 15)`.",
}


def markdown_text(text: str) -> str:
    """text as Markdown shows it, every ASCII punctuation mark escaped:
    a folder's name cannot start a comment, a link or emphasis."""
    return re.sub(r"([!-/:-@\[-`{-~])", r"\\\1", text)


def scrub(text: str) -> str:
    """text without the grader's paths: /tmp/x/0-rnn_cell.py ->
    0-rnn_cell.py."""
    return PATH.sub(lambda found: found.group(0).rstrip("/").rsplit(
        "/", 1)[-1], text)


def cell(entry: Optional[Entry]) -> str:
    """A scoreboard cell: checks passed of checks run, or - (a task not
    submitted, or not started)."""
    if entry is None or not entry.submitted or not entry.started:
        return "-"
    return "{}/{}".format(entry.passed, entry.checks)


def scoreboard(graded: Graded) -> List[str]:
    """The scoreboard as a Markdown table."""
    lines = ["| task | submitted | " + " | ".join(KINDS) + " | points |",
             "|---|---|" + "---|" * len(KINDS) + "---|"]
    for task in TASKS:
        submitted = task in graded.submitted()
        earned, most = graded.points(task)
        lines.append("| {} | {} | {} | {}/{} |".format(
            task, "no" if not submitted else "not started" if task in
            graded.not_started() else "yes",
            " | ".join(cell(graded.entry(task, kind)) for kind in KINDS),
            earned, most))
    lines.append("| **total** | | " + "| " * len(KINDS) +
                 "**{}/{}** |".format(graded.score, graded.max_score))
    return lines


def block(texts) -> List[str]:
    """Judge's messages as a fenced block: read as they are, raw or
    rendered."""
    return ["```text"] + [scrub(text) for text in texts] + ["```"]


def said(entry: Entry) -> List[str]:
    """The likely mistake and the hints of an entry."""
    lines = []
    if entry.diagnosis:
        lines += ["", "Likely mistake: " + scrub(entry.diagnosis)]
    if entry.hints:
        lines += [""] + ["Hint: " + scrub(hint) for hint in entry.hints]
    return lines


def failures(entry: Entry) -> List[str]:
    """The first failures of an entry, then what they suggest."""
    distinct = list(dict.fromkeys(entry.lines))
    shown = distinct[:FIRST]
    more = len(distinct) - len(shown)
    lines = block(shown)
    if more > 0:
        lines.append("(and {} more failing check{})".format(
            more, "" if more == 1 else "s"))
    return lines + said(entry)


def feedback(graded: Graded, seed: Optional[int], when: str = "") -> str:
    """The feedback of one submission, as Markdown."""
    lines = ["# Feedback on your RNN exercises ({})".format(
        markdown_text(graded.name)), ""]
    if graded.no_verdict:
        return "\n".join(lines + [
            "Your submission could not be graded: {}.".format(
                scrub(graded.no_verdict)),
            "", "Your instructor has been told, and will grade it again.",
            ""])
    lines.append("Your score: **{}/{}**{}.".format(
        graded.score, graded.max_score,
        " (graded {})".format(when) if when else ""))
    if graded.void:
        lines += ["", "This grading is void: {}. Your instructor has been "
                  "told.".format(scrub(graded.void))]
    if seed is not None:
        lines += ["", "To run the same checks yourself, from the root of "
                  "the exercises' repository (README.md, \"Grading your "
                  "own work\"):", "", "```sh",
                  "python3 -m pytest --submission=YOUR_FOLDER "
                  "--seed={}".format(seed), "```"]
    lines += ["", "## Scoreboard", ""] + scoreboard(graded)
    lines += ["", "`results` earns a task's 9 points when every check "
              "passes, `style` its 1 point; `robustness` and `errors` earn "
              "nothing (see the last section)."]
    skeletons = graded.not_started()
    failing = [task for task in TASKS if task not in skeletons and any(
        graded.entry(task, kind) and graded.entry(task, kind).failed
        for kind in SCORED)]
    missing = [task for task in TASKS if task not in graded.submitted()]
    lines += ["", "## What to fix"]
    if not graded.submitted():
        lines += ["", "No task file was found in your submission: name "
                  "each file as in the README, \"The tasks\"."]
    elif not failing and not skeletons:
        lines += ["", "Every task you submitted passes its results and "
                  "style checks."]
    for task in TASKS:
        if task in skeletons:
            entry = graded.entry(task, "results")
            lines += ["", "### {}: not started".format(task), "",
                      "The file is still the starter's skeleton (every call "
                      "raises NotImplementedError): no points, style "
                      "included."]
            lines += [""] + block(entry.lines[:1]) if entry and \
                entry.lines else []
        if task not in failing:
            continue
        for kind in SCORED:
            entry = graded.entry(task, kind)
            if not entry or not entry.failed:
                continue
            lines += ["", "### {}: {} ({} of {} checks passed)".format(
                task, kind, entry.passed, entry.checks), ""]
            lines += failures(entry)
    if missing and graded.submitted():
        lines += ["", "Not submitted: {} (a file named as in the README, "
                  "\"The tasks\").".format(", ".join(
                      "`{}.py`".format(task) for task in missing))]
    lines += ["", "## Beyond the points: robustness and errors"]
    for kind in REPORTED:
        passed, run = graded.tally(kind)
        lines += ["", "### {}: {} of {} checks passed".format(
            kind, passed, run), ""]
        if not run:
            lines.append("No check of this kind ran on your files.")
            continue
        lines.append(ADVICE[kind])
        for task in TASKS:
            entry = graded.entry(task, kind)
            if not entry or not entry.failed or not entry.started:
                continue
            lines += ["", "{} ({} of {} passed):".format(
                task, entry.passed, entry.checks), ""]
            lines += block(entry.lines[:1]) + said(entry)
    return "\n".join(lines).rstrip() + "\n"
