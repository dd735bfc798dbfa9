"""This repository's own files, as the judge uses them.

Reference reads the task files and the drivers once, when a grading
begins, before any submitted code runs: the workers get these bytes, and
the judge's own modules of the task files (what checks and the diagnosis
compare with) are compiled from the same bytes, never imported through
sys.path, where a submission's folder could come first.

fingerprint() takes the hash of every file the judge runs or reads, so
that a change made during a grading (a submission that writes into this
repository) is noticed and voids the verdict.
"""
import hashlib
import os
import types
from typing import Dict, Iterable, List, Optional

from judge.contract.tasks import ROOT, TASK, TASKS

# the folders whose files a grading runs or reads (tests/repository, the
# repository's own tests and their submissions, is no part of a grading)
JUDGE_DIRS = ("main", os.path.join("tests", "judge"),
              os.path.join("tests", "checks"), os.path.join("tests", "data"),
              os.path.join("tests", "expected"),
              os.path.join("tests", "instructor"))
SKIPPED_DIRS = {"__pycache__", ".pytest_cache"}


def read(path: str) -> bytes:
    """The bytes of a file."""
    with open(path, "rb") as f:
        return f.read()


class Reference:
    """This repository's task files and drivers, read once.

    Called with a task's name it returns this repository's module of that
    task: a loader for cases.run and cases.make_inputs.
    """

    def __init__(self, root: str = ROOT):
        """Read every task file and driver of root."""
        self.root = root
        self.texts: Dict[str, bytes] = {
            task: read(os.path.join(root, TASK[task].file))
            for task in TASKS}
        self.drivers: Dict[str, bytes] = {
            task: read(os.path.join(root, TASK[task].driver))
            for task in TASKS}
        self.modules: Dict[str, types.ModuleType] = {}

    def text(self, task: str) -> str:
        """This repository's task file of task, as text."""
        return self.texts[task].decode()

    def module(self, task: str) -> types.ModuleType:
        """This repository's module of task, compiled from the bytes read
        at the start (once)."""
        if task not in self.modules:
            path = os.path.join(self.root, TASK[task].file)
            module = types.ModuleType("reference_" + task.replace("-", "_"))
            module.__file__ = path
            exec(compile(self.texts[task], path, "exec"), module.__dict__)
            self.modules[task] = module
        return self.modules[task]

    __call__ = module


def fingerprint(root: str, exclude: Iterable[str] = ()
                ) -> Dict[str, Optional[str]]:
    """{relative path: sha256} of the files the judge runs or reads: those
    at the root of the repository (task files, pytest.ini, a conftest.py
    if one appeared) and of tests/, and everything in JUDGE_DIRS, but
    caches and the folders in exclude (a submission or a table being
    written)."""
    exclude = {os.path.realpath(path) for path in exclude}
    paths = [os.path.join(top, name) for top in (root, os.path.join(
        root, "tests")) for name in os.listdir(top)
        if os.path.isfile(os.path.join(top, name))]
    for top in JUDGE_DIRS:
        for folder, dirs, files in os.walk(os.path.join(root, top)):
            dirs[:] = sorted(
                d for d in dirs if d not in SKIPPED_DIRS and
                os.path.realpath(os.path.join(folder, d)) not in exclude)
            paths += [os.path.join(folder, name) for name in files
                      if not name.endswith(".pyc")]
    found = {}
    for path in paths:
        try:
            digest = hashlib.sha256(read(path)).hexdigest()
        except OSError:
            digest = None
        found[os.path.relpath(path, root)] = digest
    return found


def changes(before: Dict[str, Optional[str]],
            after: Dict[str, Optional[str]]) -> List[str]:
    """The paths whose content differs between two fingerprints."""
    return sorted(path for path in set(before) | set(after)
                  if before.get(path) != after.get(path))
