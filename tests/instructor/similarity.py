"""Near-copies: pairs of submissions whose task files are the same code,
and submissions that match known solutions (README.md, "Grading a
class"). It flags; it changes no grade.

The fingerprints and their comparison are copydetect's (MOSS-style
winnowing of k-grams): its tokenizer (pygments) drops comments and
whitespace, writes every name as V, F or O and every string (so every
docstring) as S; the code of this repository's skeletons
(tests/starter.py: the signatures and docstrings every student starts
from) is boilerplate, set aside. A pair's score is the share of each
file's fingerprinted code found in the other, the smaller of the two.
copydetect is an instructor-side library
(requirements-instructor.txt); without it nothing is flagged and the
report says why.
"""
import io
import itertools
import os
import time
from dataclasses import dataclass, field
from typing import Dict, List, NamedTuple, Optional, Tuple

from judge.contract.tasks import ROOT, TASKS

# flagged from this score: in the classes tried (README.md), independent
# solutions scored at most 0.92 on a task, near-copies 0.99 to 1.00
THRESHOLD = 0.95
# and only when the code they share is at least this long (characters of
# the filtered code: "V=V.V(V)" is 8)
SHORTEST = 60
# copydetect's noise threshold (k) and guarantee threshold (k + window - 1):
# its defaults
NOISE = 25
WINDOW = 1
# how the repository's own task files are labelled among known solutions
REPOSITORY = "this repository"


class Match(NamedTuple):
    """Two files of one task that are near-copies: two submissions, or a
    submission and a known solution (other is its label)."""
    task: str
    name: str
    other: str
    score: float
    known: bool


@dataclass
class Similarity:
    """The near-copies of a class."""
    available: bool
    reason: str = ""
    pairs: List[Match] = field(default_factory=list)
    known: List[Match] = field(default_factory=list)
    # files compared, and known solutions found, per task
    files: int = 0
    known_files: int = 0
    seconds: float = 0.0

    def by_pair(self) -> List[Tuple[Tuple[str, str], List[Match]]]:
        """The pairs of submissions flagged on several tasks first: ((a,
        b), their matches), most tasks first."""
        together: Dict[Tuple[str, str], List[Match]] = {}
        for match in self.pairs:
            together.setdefault((match.name, match.other), []).append(match)
        return sorted(together.items(), key=lambda item: (
            -len(item[1]), -sum(m.score for m in item[1]), item[0]))


def library():
    """copydetect's (CodeFingerprint, compare_files), or the reason it
    cannot be used."""
    try:
        from copydetect import CodeFingerprint, compare_files
    except ImportError as error:
        return None, "copydetect is not installed ({}): pip install -r " \
            "requirements-instructor.txt".format(error)
    return (CodeFingerprint, compare_files), ""


def read(path: str) -> Optional[str]:
    """A file's text (undecodable bytes replaced), or None."""
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError:
        return None


def known_files(folder: Optional[str]) -> Dict[str, Dict[str, str]]:
    """{task: {label: text}} of known solutions: this repository's task
    files, and every file named like a task file in folder (at any
    depth; labelled by its folder's path in folder)."""
    found: Dict[str, Dict[str, str]] = {task: {} for task in TASKS}
    for task in TASKS:
        text = read(os.path.join(ROOT, task + ".py"))
        if text is not None:
            found[task][REPOSITORY] = text
    if folder:
        for place, dirs, files in os.walk(folder):
            dirs.sort()
            for task in TASKS:
                if task + ".py" in files:
                    label = os.path.relpath(place, folder)
                    label = os.path.basename(os.path.abspath(folder)) \
                        if label == "." else label.replace(os.sep, "/")
                    text = read(os.path.join(place, task + ".py"))
                    if text is not None:
                        found[task][label] = text
    return found


def compare(folder: str, names: List[str],
            known: Optional[str] = None) -> Similarity:
    """The near-copies among the task files of folder/NAME for names, and
    between them and the known solutions (known: a folder, or None).

    Files whose code is the same once filtered (copies, or files left as
    this repository's) are fingerprinted and compared once for all."""
    start = time.monotonic()
    tools, reason = library()
    if tools is None:
        return Similarity(available=False, reason=reason)
    fingerprint_of, compare_files = tools
    from starter import skeleton
    found = Similarity(available=True)
    solutions = known_files(known)
    made: Dict[Tuple[str, str], object] = {}

    def fingerprint(task, text, boilerplate=None):
        if (task, text) not in made:
            made[task, text] = fingerprint_of(
                "task.py", NOISE, WINDOW, boilerplate, language="python",
                fp=io.StringIO(text))
        return made[task, text]

    def score(first, second):
        shared, (one, two), _ = compare_files(first, second)
        return float(min(one, two)), shared

    def flagged(value):
        return value[0] >= THRESHOLD and value[1] >= SHORTEST

    for task in TASKS:
        start_from = skeleton(task)
        boilerplate = sorted(fingerprint_of(
            "task.py", NOISE, WINDOW, language="python",
            fp=io.StringIO(start_from)).hashes)
        # the submissions, grouped by their filtered code
        groups: Dict[str, List[str]] = {}
        prints = {}
        for name in names:
            text = read(os.path.join(folder, name, task + ".py"))
            if text is None or text == start_from:
                continue
            prints[name] = fingerprint(task, text, boilerplate)
            groups.setdefault(prints[name].filtered_code, []).append(name)
        found.files += len(prints)
        others = {label: fingerprint(task, text, boilerplate)
                  for label, text in solutions[task].items()}
        found.known_files += len(others) - (REPOSITORY in others)
        heads = sorted(groups.values())
        for group in heads:
            if len(group) > 1:
                value = score(prints[group[0]], prints[group[0]])
                if flagged(value):
                    found.pairs += [Match(task, first, second, value[0],
                                          False) for first, second in
                                    itertools.combinations(group, 2)]
        for one, two in itertools.combinations(heads, 2):
            value = score(prints[one[0]], prints[two[0]])
            if flagged(value):
                found.pairs += [Match(task, *sorted((first, second)),
                                      value[0], False)
                                for first in one for second in two]
        for group, label in itertools.product(heads, others):
            value = score(prints[group[0]], others[label])
            if flagged(value):
                found.known += [Match(task, name, label, value[0], True)
                                for name in group]
    found.pairs.sort(key=lambda m: (TASKS.index(m.task), m.name, m.other))
    found.known.sort(key=lambda m: (TASKS.index(m.task), m.name, m.other))
    found.seconds = time.monotonic() - start
    return found
