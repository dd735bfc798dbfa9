"""A submission: the task files of one folder, read once.

The judge reads the submitted files when the grading begins and never
looks at the folder again: every worker gets these bytes.

Students do not always hand in a flat folder of exactly named files, so
the task files are looked for:

- at the top of the folder, or, when there are none there, in the one
  sub-folder (at most three levels down: a clone of a course repository,
  `supervised_learning/0x0D-RNNs/`) that holds them; several such folders
  are an error that names them;
- under their README names, or under a near miss (`0_rnn_cell.py`,
  `0-RNN-cell.py`, `rnn_cell.py`): a near miss is graded as its task, with
  a note, and costs the style point; two files that claim one task are an
  error that names both, and that task is not graded.
"""
import os
import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional

from judge.contract.tasks import TASK, TASKS
from judge.reference import ROOT, read

LARGEST_FILE = 1 << 20
DEPTH = 3
SKIPPED = {"__pycache__", "node_modules", "venv", ".venv", "main", "tests"}


def squeeze(name: str) -> str:
    """A file name reduced to what identifies a task despite slips of case,
    dashes and underscores, a doubled extension and a browser's copy
    number: "0_RNN-cell.py", "0-rnn_cell.py.py", "0-rnn_cell (1).py" ->
    "0rnncell"."""
    name = re.sub(r"(\.py)+$", "", name.lower())
    name = re.sub(r"\s*\(\d+\)$", "", name)
    return re.sub(r"[^a-z0-9]", "", name)


def claims(name: str) -> Optional[str]:
    """The task a file name claims: its own name, or a near miss of it
    (with or without the task's number), or None."""
    if not name.lower().endswith(".py"):
        return None
    for task in TASKS:
        if name == TASK[task].file:
            return task
    squeezed = squeeze(name)
    found = [task for task in TASKS if squeezed in (
        squeeze(task), squeeze(task.split("-", 1)[1]))]
    return found[0] if len(found) == 1 else None


def claimed(folder: str) -> Dict[str, List[str]]:
    """{task: file names of folder that claim it}."""
    found: Dict[str, List[str]] = {}
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return found
    for name in names:
        task = claims(name)
        if task and os.path.isfile(os.path.join(folder, name)):
            found.setdefault(task, []).append(name)
    return found


def holders(folder: str, depth: int = DEPTH) -> List[str]:
    """The sub-folders of folder, at most depth levels down, that hold
    files claiming a task (not below one that does)."""
    found = []
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return found
    for name in names:
        path = os.path.join(folder, name)
        if name.startswith(".") or name in SKIPPED or not os.path.isdir(
                path) or os.path.islink(path):
            continue
        if claimed(path):
            found.append(path)
        elif depth > 1:
            found += holders(path, depth - 1)
    return found


@dataclass
class Submission:
    """The task files found in a folder.

    folder: the folder given; place: the folder the task files are in;
    files: the bytes of each submitted task file (at most LARGEST_FILE);
    names: the name each was submitted under; modes: their permission
    bits; too_large: the size of those larger than LARGEST_FILE (not
    graded); broken: why a task is not graded (two files claim it);
    notes: what the scoreboard says about how the files were found;
    problem: why nothing can be graded (no task file, several folders).
    """
    folder: str
    place: str = ""
    files: Dict[str, bytes] = field(default_factory=dict)
    names: Dict[str, str] = field(default_factory=dict)
    modes: Dict[str, int] = field(default_factory=dict)
    too_large: Dict[str, int] = field(default_factory=dict)
    broken: Dict[str, str] = field(default_factory=dict)
    notes: List[str] = field(default_factory=list)
    problem: Optional[str] = None

    @classmethod
    def read(cls, folder: str) -> "Submission":
        """Find and read the task files of folder."""
        found = cls(os.path.realpath(folder))
        found.place = found.folder
        tasks = claimed(found.folder)
        if not tasks and not found.own:
            places = holders(found.folder)
            if len(places) > 1:
                found.problem = "task files are in several folders of {}: " \
                    "{}; grade one of them".format(found.folder, ", ".join(
                        os.path.relpath(p, found.folder) for p in places))
                return found
            if places:
                found.place = places[0]
                tasks = claimed(found.place)
                found.notes.append("The task files were found in {}.".format(
                    os.path.relpath(found.place, found.folder)))
        for task, names in tasks.items():
            exact = TASK[task].file
            if len(names) > 1 and exact in names:
                found.notes.append("{} claim task {}: {} was graded; remove "
                                   "the other{}.".format(
                                       " and ".join(names), task, exact,
                                       "s" if len(names) > 2 else ""))
                names = [exact]
            if len(names) > 1:
                found.broken[task] = "{} claim task {}: keep one, named " \
                    "{}".format(" and ".join(names), task, exact)
                continue
            found.take(task, names[0])
        if not tasks:
            seen = sorted(name for name in os.listdir(found.folder)
                          if not name.startswith("."))[:8]
            found.problem = "no task file was found in {} (nor in its " \
                "sub-folders): name them as in the README ({}, {}, ...){}" \
                .format(found.folder, TASK[TASKS[0]].file,
                        TASK[TASKS[1]].file, "; it holds " + ", ".join(seen)
                        if seen else "; it is empty")
        return found

    def take(self, task: str, name: str) -> None:
        """Read the file name (in place) as the submission of task."""
        path = os.path.join(self.place, name)
        self.names[task] = name
        self.modes[task] = os.stat(path).st_mode
        if os.path.getsize(path) > LARGEST_FILE:
            self.too_large[task] = os.path.getsize(path)
        self.files[task] = read(path)[:LARGEST_FILE]
        if name != TASK[task].file:
            self.notes.append("{} graded as {}: rename it.".format(
                name, TASK[task].file))

    @property
    def own(self) -> bool:
        """Whether this is this repository's own folder."""
        return self.folder == os.path.realpath(ROOT)

    @property
    def tasks(self) -> List[str]:
        """The submitted tasks, in order."""
        return [task for task in TASKS if task in self.files]

    def text(self, task: str) -> str:
        """The submitted file of task as text."""
        return self.files[task].decode("utf-8", "replace")
