"""OUTDIR/grades.csv: one row per submission, sorted by name.

The columns: `submission` (the folder's name), the roster's columns if
one was given, the `results` and `style` points of each task, then
`robustness passed`, `robustness run`, `errors passed`, `errors run` (two
numbers each, never a cell like 32/47 that a spreadsheet reads as a
date), `score`, `max_score` and `note` (tests/README.md, "Grading a
class"). A text cell that a spreadsheet would read as a formula (it
begins with =, +, -, @) starts with ' instead.
"""
import csv
import io
import os
from typing import Dict, List, Optional

from judge.contract.tasks import TASKS
from instructor.ledger import write
from instructor.roster import Roster, RosterError
from instructor.verdicts import REPORTED, SCORED, Graded

NAME = "grades.csv"
# what a spreadsheet reads as the start of a formula: a text cell that
# begins so (a folder named =HYPERLINK(...)) is written after a '
FORMULA = ("=", "+", "-", "@", "\t", "\r")


def columns(roster: Optional[Roster] = None) -> List[str]:
    """The columns of grades.csv."""
    return (["submission"] + (roster.columns if roster else []) +
            ["{} {}".format(task, kind) for task in TASKS
             for kind in SCORED] +
            ["{} {}".format(kind, part) for kind in REPORTED
             for part in ("passed", "run")] +
            ["score", "max_score", "note"])


def check(roster: Roster) -> None:
    """RosterError if a roster's column has the name of another column of
    grades.csv (or of another of its own)."""
    taken = set(columns())
    seen = set()
    for column in roster.columns:
        if column in taken or column in seen:
            raise RosterError("{}: the column {!r} has the name of another "
                              "column of grades.csv: rename it".format(
                                  roster.path, column))
        seen.add(column)


def cells(graded: Graded) -> Dict[str, object]:
    """A submission's grades, by column."""
    found: Dict[str, object] = {}
    for task in TASKS:
        for kind in SCORED:
            entry = graded.entry(task, kind)
            found["{} {}".format(task, kind)] = entry.score if entry else 0
    for kind in REPORTED:
        passed, run = graded.tally(kind)
        found[kind + " passed"], found[kind + " run"] = passed, run
    found["score"] = graded.score
    found["max_score"] = graded.max_score
    return found


def rows(graded: Dict[str, Graded], roster: Optional[Roster],
         notes: Dict[str, List[str]]) -> List[Dict[str, object]]:
    """The rows of grades.csv: every graded submission and, with a
    roster, every roster row without one (its grades empty)."""
    names = set(graded) | set(roster.rows if roster else ())
    found = []
    for name in sorted(names):
        row: Dict[str, object] = {"submission": name}
        if roster:
            row.update(zip(roster.columns, roster.cells(name)))
        said = list(notes.get(name, []))
        if name in graded:
            row.update(cells(graded[name]))
            if graded[name].no_verdict:
                said.insert(0, "no verdict: " + graded[name].no_verdict)
            elif graded[name].void:
                said.insert(0, "void: " + graded[name].void)
        else:
            said.append("no submission")
        row["note"] = "; ".join(said)
        found.append(row)
    return found


def write_table(out: str, graded: Dict[str, Graded],
                roster: Optional[Roster] = None,
                notes: Optional[Dict[str, List[str]]] = None) -> str:
    """Write out/grades.csv; return its path."""
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=columns(roster),
                            lineterminator="\r\n")
    writer.writeheader()
    for row in rows(graded, roster, notes or {}):
        writer.writerow({key: "'" + value if isinstance(value, str) and
                         value.startswith(FORMULA) else value
                         for key, value in row.items()})
    path = os.path.join(out, NAME)
    write(path, text.getvalue())
    return path
