"""A submission: the task files of one folder, read once.

The judge reads the submitted files when the grading begins and never
looks at the folder again: every worker gets these bytes.
"""
import os
from dataclasses import dataclass, field
from typing import Dict, List

from judge.contract.tasks import TASK, TASKS
from judge.reference import ROOT, read

LARGEST_FILE = 1 << 20


@dataclass
class Submission:
    """The task files found in a folder.

    files: the bytes of each submitted task file (at most LARGEST_FILE);
    modes: their permission bits; too_large: the size of those larger than
    LARGEST_FILE (not graded); notes: what the scoreboard should say about
    how the files were found.
    """
    folder: str
    files: Dict[str, bytes] = field(default_factory=dict)
    modes: Dict[str, int] = field(default_factory=dict)
    too_large: Dict[str, int] = field(default_factory=dict)
    notes: List[str] = field(default_factory=list)

    @classmethod
    def read(cls, folder: str) -> "Submission":
        """Read the task files of folder."""
        found = cls(os.path.realpath(folder))
        for task in TASKS:
            path = os.path.join(found.folder, TASK[task].file)
            if not os.path.isfile(path):
                continue
            found.modes[task] = os.stat(path).st_mode
            if os.path.getsize(path) > LARGEST_FILE:
                found.too_large[task] = os.path.getsize(path)
            found.files[task] = read(path)[:LARGEST_FILE]
        return found

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
