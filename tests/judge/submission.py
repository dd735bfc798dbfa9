"""A submission: the task files of one folder, read once, as untrusted bytes.

The judge reads the submitted files when the grading begins and never
looks at the folder again: every worker gets these bytes. A file is read
only if it is a regular file, opened without following a link, and at
most LARGEST_FILE bytes of it: a link (to this repository's solutions,
to /proc/kmsg, to a root-only file), a device, a FIFO, a socket or a
folder named like a task file is not graded, with a message that says
what it is; so is a submission folder given as a link. Every name shown
comes through shown(): a name cannot write a line of its own.

Students do not always hand in a flat folder of exactly named files, so
the task files are looked for:

- at the top of the folder, or, when there are none there, in the one
  sub-folder (at most three levels down, links not followed: a clone of a
  course repository, `supervised_learning/0x0D-RNNs/`) that holds them;
  several such folders are an error that names them;
- under their README names, or under a near miss (`0_rnn_cell.py`,
  `0-RNN-cell.py`, `rnn_cell.py`): a near miss is graded as its task, with
  a note, and costs the style point; two files that claim one task are an
  error that names both, and that task is not graded.
"""
import os
import re
import stat
from dataclasses import dataclass, field
from typing import Dict, List, Optional

from judge.contract.tasks import TASK, TASKS
from judge.reference import ROOT

LARGEST_FILE = 1 << 20
DEPTH = 3
# the most folders looked into, and entries read from one folder
FOLDERS, ENTRIES = 200, 10000
# what a file that is not a regular one is, by its type
KINDS = {stat.S_IFLNK: "a symbolic link", stat.S_IFDIR: "a folder",
         stat.S_IFIFO: "a FIFO", stat.S_IFSOCK: "a socket",
         stat.S_IFCHR: "a device", stat.S_IFBLK: "a device"}
SKIPPED = {"__pycache__", "node_modules", "venv", ".venv", "main", "tests"}


def shown(name: str, most: int = 60) -> str:
    """A name as the judge shows it: every character that is not a
    printable one escaped (a newline as \\n, an undecodable byte as
    \\xNN), at most most characters: no name can start a line of its
    own or pass for the judge's words."""
    found = []
    for char in name:
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:  # a byte os.listdir could not decode
            found.append("\\x{:02x}".format(code - 0xDC00))
        elif char.isprintable() and char != "\\":
            found.append(char)
        else:
            found.append(repr(char)[1:-1] if char == "\\" or code < 0x10000
                         else "\\U{:08x}".format(code))
    text = "".join(found)
    return text if len(text) <= most else text[:most - 3] + "..."


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


def entries(folder: str) -> List[os.DirEntry]:
    """The entries of folder (at most ENTRIES), sorted by name."""
    found = []
    try:
        with os.scandir(folder) as listing:
            for entry in listing:
                found.append(entry)
                if len(found) >= ENTRIES:
                    break
    except OSError:
        return []
    return sorted(found, key=lambda entry: entry.name)


def claimed(folder: str) -> Dict[str, List[str]]:
    """{task: names of folder's entries that claim it} (of any type: what
    is not a regular file is refused when read)."""
    found: Dict[str, List[str]] = {}
    for entry in entries(folder):
        task = claims(entry.name)
        if task:
            found.setdefault(task, []).append(entry.name)
    return found


def holders(folder: str, depth: int = DEPTH, seen: Optional[list] = None
            ) -> List[str]:
    """The sub-folders of folder, at most depth levels down and never
    through a link, that hold files claiming a task (not below one that
    does)."""
    seen = [] if seen is None else seen
    found = []
    for entry in entries(folder):
        if entry.name.startswith(".") or entry.name in SKIPPED or \
                not entry.is_dir(follow_symlinks=False) or \
                len(seen) >= FOLDERS:
            continue
        seen.append(entry.path)
        if claimed(entry.path):
            found.append(entry.path)
        elif depth > 1:
            found += holders(entry.path, depth - 1, seen)
    return found


def read_regular(path: str) -> bytes:
    """At most LARGEST_FILE + 1 bytes of path, which must be a regular
    file, opened without following a link or waiting on a FIFO; OSError
    (with the kind of file as its message) if it is none."""
    before = os.lstat(path)
    kind = stat.S_IFMT(before.st_mode)
    if kind != stat.S_IFREG:
        raise OSError(KINDS.get(kind, "not a regular file"))
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK |
                 getattr(os, "O_NOCTTY", 0))
    try:
        after = os.fstat(fd)
        if not stat.S_ISREG(after.st_mode) or (
                after.st_dev, after.st_ino) != (before.st_dev, before.st_ino):
            raise OSError("a file that changed while it was read")
        if after.st_nlink > 1:
            raise OSError("a hard link (a file with other names)")
        parts, size = [], 0
        while size <= LARGEST_FILE:
            part = os.read(fd, LARGEST_FILE + 1 - size)
            if not part:
                break
            parts.append(part)
            size += len(part)
        return b"".join(parts)
    finally:
        os.close(fd)


@dataclass
class Submission:
    """The task files found in a folder.

    folder: the folder given; place: the folder the task files are in;
    files: the bytes of each submitted task file (at most LARGEST_FILE);
    names: the name each was submitted under (as shown()); modes: their
    permission bits; broken: why a task is not graded (two files claim
    it, it is not a regular file, or larger than LARGEST_FILE);
    notes: what the scoreboard says about how the files were found;
    problem: why nothing can be graded (no task file, several folders).
    """
    folder: str
    place: str = ""
    files: Dict[str, bytes] = field(default_factory=dict)
    names: Dict[str, str] = field(default_factory=dict)
    modes: Dict[str, int] = field(default_factory=dict)
    broken: Dict[str, str] = field(default_factory=dict)
    notes: List[str] = field(default_factory=list)
    problem: Optional[str] = None

    @classmethod
    def read(cls, folder: str) -> "Submission":
        """Find and read the task files of folder."""
        given = os.path.abspath(folder)
        if os.path.islink(given.rstrip(os.sep) or os.sep):
            found = cls(given)
            found.problem = "{} is a symbolic link: give the folder " \
                "itself".format(shown(given, 200))
            return found
        found = cls(os.path.realpath(folder))
        found.place = found.folder
        tasks = claimed(found.folder)
        if not tasks and not found.own:
            places = holders(found.folder)
            if len(places) > 1:
                found.problem = "task files are in several folders of {}: " \
                    "{}; grade one of them".format(
                        shown(found.folder, 200), ", ".join(
                            shown(os.path.relpath(p, found.folder))
                            for p in places))
                return found
            if places:
                found.place = places[0]
                tasks = claimed(found.place)
                found.notes.append("The task files were found in {}.".format(
                    shown(os.path.relpath(found.place, found.folder), 120)))
        for task, names in tasks.items():
            exact = TASK[task].file
            if len(names) > 1 and exact in names:
                found.notes.append("{} claim task {}: {} was graded; remove "
                                   "the other{}.".format(
                                       " and ".join(map(shown, names)), task,
                                       exact, "s" if len(names) > 2 else ""))
                names = [exact]
            if len(names) > 1:
                found.broken[task] = "{} claim task {}: keep one, named " \
                    "{}".format(" and ".join(map(shown, names)), task, exact)
                continue
            found.take(task, names[0])
        if not tasks:
            seen = [shown(entry.name, 40) for entry in entries(found.folder)
                    if not entry.name.startswith(".")][:8]
            found.problem = "no task file was found in {} (nor in its " \
                "sub-folders): name them as in the README ({}, {}, ...){}" \
                .format(shown(found.folder, 200), TASK[TASKS[0]].file,
                        TASK[TASKS[1]].file, "; it holds " + ", ".join(seen)
                        if seen else "; it is empty")
        return found

    def take(self, task: str, name: str) -> None:
        """Read the file name (in place) as the submission of task, if it
        is a regular file (broken says why not)."""
        path = os.path.join(self.place, name)
        try:
            data = read_regular(path)
        except OSError as error:
            what = "is " + str(error) if error.errno is None else \
                "could not be read ({})".format(error.strerror)
            self.broken[task] = "{} {}: submit the file itself, named " \
                "{}".format(shown(name), what, TASK[task].file)
            return
        if len(data) > LARGEST_FILE:
            self.broken[task] = "{} is larger than {} KB".format(
                shown(name), LARGEST_FILE >> 10)
            return
        self.names[task] = shown(name)
        self.modes[task] = os.lstat(path).st_mode
        self.files[task] = data
        if name != TASK[task].file:
            self.notes.append("{} graded as {}: rename it.".format(
                shown(name), TASK[task].file))

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
