"""Similar code: pairs of submissions, and submissions and known
solutions, that share what independent writers do not (tests/README.md,
"Grading a class", "Similar code"). It flags; it changes no grade.

Two kinds of evidence, weighed apart:

- code: copydetect's fingerprints (MOSS-style k-grams of the code with
  comments and spaces dropped and every name written V, F or O) once the
  code the contract forces is set aside: every fingerprint found in this
  repository's task files or the starter's skeletons, the statements of
  a constructor that set the contract's weights and biases (however they
  are spelled), and, as MOSS's -m does, every fingerprint found in more
  than a share of the class's files of the task. What remains of each
  file is its own code; a pair's code score is the share of it found in
  the other file, the smaller of the two. A file with too little of its
  own code is not judged on code.
- text: the free parts (free_parts.py: docstring lines, comments, other
  strings, names the writer made up, the layout of statements written on
  several lines) that are not the contract's (the skeletons', the task
  files', quoted from the README) nor in more than that share of the
  class, and long enough to tell.

Against this repository's own task files, whose code is the contract's,
only their text is evidence; against other known solutions (--known),
code and text, as between submissions. copydetect is an instructor-side
library (requirements-instructor.txt); without it nothing is compared
and the report says why.
"""
import ast
import copy
import functools
import io
import itertools
import os
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import (Callable, Dict, List, NamedTuple, Optional, Set,
                    Tuple)

from judge.contract.tasks import ROOT, TASK, TASKS
from judge.submission import Submission
from instructor import free_parts
from instructor.free_parts import Contract, Piece

# copydetect's noise threshold (k: fingerprints are k-grams of this many
# characters of filtered code) and its winnowing window: its defaults
NOISE = 25
WINDOW = 1
# a fingerprint, or a free part, found in more than this share of the
# class's files of a task, and in at least COMMON_LEAST of them, is
# shared by too many to tell who copied (MOSS's -m, as a share)
COMMON_SHARE = 0.2
COMMON_LEAST = 3
# code: a file is judged when at least this much of its code is its own
# (characters of filtered code, "V=V.V(V)" is 8: about five lines), and
# a pair is flagged from this code score
CODE_LEAST = 100
CODE_SCORE = 0.6
# text: a docstring line, comment or string of fewer characters is no
# evidence, nor a name of fewer; a pair is flagged from this many
# characters of free parts in common (names count their length, a
# layout LAYOUT_LINE per continuation line of its own shape)
PROSE_LEAST = 20
NAME_LEAST = 4
LAYOUT_LINE = 20
TEXT_LEAST = 100
# the same file twice, character for character, is evidence when it holds
# this many characters of free parts that are not the contract's, short
# or common ones included
SAME_LEAST = 40
# how the repository's own task files are labelled among known solutions
REPOSITORY = "this repository"
CODE = "code"
TEXT = "text"
# the kind of text evidence of a file found twice, character for character
SAME = "the same file"


class Passage(NamedTuple):
    """Characters start..end of a file that matched, and the kind of
    evidence: "code", or a kind of free part ("docstring", "comment",
    "string", "name", "layout")."""
    start: int
    end: int
    kind: str


class Match(NamedTuple):
    """Two files of one task that share evidence: two submissions, or a
    submission and a known solution (other is its label)."""
    task: str
    name: str
    other: str
    # the code score (0 when the code was not judged or did not match)
    score: float
    known: bool
    # characters of own code matched (filtered code, the smaller of the
    # two files), and characters of free parts in common
    code: int = 0
    text: int = 0
    # "code", "text" or both: the evidence that passed its threshold
    evidence: Tuple[str, ...] = ()
    # the kinds of free parts in common, most characters first
    kinds: Tuple[str, ...] = ()
    # where: in name's file, and in other's
    left: Tuple[Passage, ...] = ()
    right: Tuple[Passage, ...] = ()

    def says(self) -> str:
        """The evidence in words: "code 1.00 and text (docstring,
        comment)"."""
        parts = []
        if CODE in self.evidence:
            parts.append("code {:.2f}".format(self.score))
        if TEXT in self.evidence:
            parts.append("text ({})".format(", ".join(self.kinds)))
        return " and ".join(parts)


class Short(NamedTuple):
    """A task whose files have too little code of their own to judge on
    code: how many of its submitted files, and which."""
    task: str
    files: int
    names: Tuple[str, ...]


@dataclass
class Similarity:
    """The similar code of a class."""
    available: bool
    reason: str = ""
    pairs: List[Match] = field(default_factory=list)
    known: List[Match] = field(default_factory=list)
    # files compared, and known solutions found (this repository's aside)
    files: int = 0
    known_files: int = 0
    seconds: float = 0.0
    # per task, the files with too little code of their own to judge
    short: List[Short] = field(default_factory=list)
    # the files compared, to show the passages: {(task, name): text} of
    # the submissions, {(task, label): text} of the known solutions
    texts: Dict[Tuple[str, str], str] = field(default_factory=dict)
    known_texts: Dict[Tuple[str, str], str] = field(default_factory=dict)

    def by_pair(self) -> List[Tuple[Tuple[str, str], List[Match]]]:
        """The pairs of submissions flagged on several tasks first: ((a,
        b), their matches), most tasks first, then those with both kinds
        of evidence on most tasks."""
        together: Dict[Tuple[str, str], List[Match]] = {}
        for match in self.pairs:
            together.setdefault((match.name, match.other), []).append(match)
        return sorted(together.items(), key=lambda item: (
            -len(item[1]), -sum(len(m.evidence) for m in item[1]),
            -sum(m.code + m.text for m in item[1]), item[0]))


def tally(matches: List[Match]) -> str:
    """How many of matches rest on each kind of evidence: "code and text
    on 9, text on 2"."""
    counts = Counter(" and ".join(m.evidence) for m in matches)
    order = ("code and text", "code", "text")
    return ", ".join("{} on {}".format(kind, counts[kind])
                     for kind in order if counts[kind])


# copydetect's CodeFingerprint, compare_files and get_token_coverage
Tools = Tuple[Callable, Callable, Callable]


def library() -> Tuple[Optional[Tools], str]:
    """copydetect's (CodeFingerprint, compare_files, get_token_coverage),
    or the reason it cannot be used."""
    try:
        from copydetect import CodeFingerprint, compare_files
        from copydetect.utils import get_token_coverage
    except ImportError as error:
        return None, "copydetect is not installed ({}): pip install -r " \
            "requirements-instructor.txt".format(error)
    return (CodeFingerprint, compare_files, get_token_coverage), ""


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


# the weights and biases a constructor draws, as the contract lists them
DRAWN = frozenset(name for task in TASKS for name in TASK[task].cell.names())


def drawn(text: str, tree: Optional[ast.Module]) -> List[Tuple[int, int]]:
    """Where in text (start, end) are the statements of a constructor
    (the __init__ of a class) that set the contract's weights and biases
    (self.Wh = ...): the contract dictates what they draw, in which
    order; how a writer spells a draw is no evidence. tree: text's syntax
    tree (None: nothing is set aside)."""
    at = free_parts.offsets(text)
    lines = text.split("\n")
    spans = []
    for node in tree.body if tree else ():
        for method in node.body if isinstance(node, ast.ClassDef) else ():
            if not (isinstance(method, ast.FunctionDef) and
                    method.name == "__init__"):
                continue
            for statement in ast.walk(method):
                if isinstance(statement, (ast.Assign, ast.AnnAssign)) and \
                        any(target.attr in DRAWN and isinstance(
                            target.value, ast.Name) and
                            target.value.id == "self"
                            for target in ast.walk(statement)
                            if isinstance(target, ast.Attribute) and
                            isinstance(target.ctx, ast.Store)):
                    first, last = statement.lineno, statement.end_lineno
                    spans.append((
                        at[first] + free_parts.column(
                            lines[first - 1], statement.col_offset),
                        at[last] + free_parts.column(
                            lines[last - 1], statement.end_col_offset)))
    return sorted(spans)


def blank(text: str, spans: List[Tuple[int, int]]) -> str:
    """text with the characters of spans written as spaces (newlines
    kept): copydetect drops them, and every other character keeps its
    place."""
    chars = list(text)
    for start, end in spans:
        for k in range(start, end):
            if chars[k] != "\n":
                chars[k] = " "
    return "".join(chars)


def outside(passages: List[Passage], spans: List[Tuple[int, int]],
            text: str) -> List[Passage]:
    """passages without the characters of spans (a match of copydetect
    runs over the code set aside between its two ends), and without the
    spaces at their ends; those left with no other character go."""
    for start, end in spans:
        cut = []
        for passage in passages:
            if passage.end <= start or passage.start >= end:
                cut.append(passage)
                continue
            if passage.start < start:
                cut.append(passage._replace(end=start))
            if passage.end > end:
                cut.append(passage._replace(start=end))
        passages = cut
    kept = []
    for passage in passages:
        part = text[passage.start:passage.end]
        if part.strip():
            kept.append(passage._replace(
                start=passage.start + len(part) - len(part.lstrip()),
                end=passage.end - len(part) + len(part.rstrip())))
    return kept


def weight(piece: Piece) -> int:
    """How much a free part in common weighs, in characters: a layout
    LAYOUT_LINE for each of its continuation lines that differs from the
    others (a dict written one item a line counts its item line once)."""
    if piece.kind == free_parts.LAYOUT:
        return LAYOUT_LINE * len(set(piece.key.split("\n")[1:]))
    return len(piece.key)


def telling(piece: Piece) -> bool:
    """Whether a free part is long enough to tell writers apart."""
    if piece.kind == free_parts.NAME:
        return len(piece.key) >= NAME_LEAST
    if piece.kind == free_parts.LAYOUT:
        return True
    return len(piece.key) >= PROSE_LEAST


def common(counts: Counter, files: int) -> Set:
    """The items found in more than COMMON_SHARE of files, and in at
    least COMMON_LEAST."""
    return {item for item, count in counts.items()
            if count > COMMON_SHARE * files and count >= COMMON_LEAST}


@dataclass
class Sheet:
    """One distinct text of a task: its fingerprint (the contract's code
    set aside) and its free parts."""
    text: str
    print: object
    pieces: List[Piece]
    # the constructor's draws, set aside (drawn())
    drawn: List[Tuple[int, int]]
    # the fingerprint with the class's common code also set aside, and
    # how much code that leaves (characters of filtered code)
    own: object = None
    remaining: int = 0
    # its free parts as evidence, against each kind of other file
    evidence: Dict[str, Dict[Tuple[str, str], List[Piece]]] = field(
        default_factory=dict)

    def free(self, keep: Callable[[Piece], bool]) -> Dict[
            Tuple[str, str], List[Piece]]:
        """{key: pieces} of the free parts keep(piece) accepts."""
        found: Dict[Tuple[str, str], List[Piece]] = {}
        for piece in self.pieces:
            if telling(piece) and keep(piece):
                found.setdefault(piece.group, []).append(piece)
        return found


class Comparison:
    """Compares the files of one task: the contract's code and text and
    the class's common ones set aside."""

    def __init__(self, tools: Tools, forced: List[int], terms: Contract,
                 texts: Dict[str, str]) -> None:
        """tools: library()'s; forced: the contract's fingerprints;
        texts: {name: text} of the submissions of the task."""
        self.fingerprint_of, self.compare_files, self.coverage = tools
        self.forced = forced
        self.terms = terms
        self.sheets: Dict[str, Sheet] = {}
        self.of = {name: self.sheet(text) for name, text in texts.items()}
        prints: Counter = Counter()
        parts: Counter = Counter()
        for sheet in self.of.values():
            prints.update(sheet.print.hashes)
            parts.update({piece.group for piece in sheet.pieces})
        self.common_prints = common(prints, len(texts))
        self.common_parts = common(parts, len(texts))
        for sheet in self.sheets.values():
            self.own(sheet)

    def sheet(self, text: str) -> Sheet:
        """The Sheet of a text (made once per distinct text)."""
        if text not in self.sheets:
            tree = free_parts.parse(text)
            spans = drawn(text, tree)
            self.sheets[text] = Sheet(text, self.fingerprint_of(
                "task.py", NOISE, WINDOW, self.forced, language="python",
                fp=io.StringIO(blank(text, spans))),
                free_parts.pieces(text, tree), spans)
        return self.sheets[text]

    def own(self, sheet: Sheet) -> None:
        """Set the class's common code aside from sheet's fingerprint."""
        if sheet.own is not None:
            return
        own = copy.copy(sheet.print)
        own.hashes = sheet.print.hashes - self.common_prints
        own.hash_idx = {key: value for key, value in
                        sheet.print.hash_idx.items() if key in own.hashes}
        own.token_coverage = self.coverage(own.hash_idx, own.k,
                                           len(own.filtered_code))
        sheet.own = own
        sheet.remaining = int(own.token_coverage)

    def free(self, sheet: Sheet, against: str) -> Dict[
            Tuple[str, str], List[Piece]]:
        """sheet's free parts as evidence: against "class" (another
        submission), "known" (a known solution of --known: the class's
        common parts are evidence, the source may be where they come
        from) or REPOSITORY (this repository's file: its own parts are
        evidence)."""
        if against not in sheet.evidence:
            if against == "class":
                sheet.evidence[against] = sheet.free(
                    lambda piece: not self.terms.given(piece) and
                    piece.group not in self.common_parts)
            else:
                sheet.evidence[against] = sheet.free(
                    lambda piece: not self.terms.given(
                        piece, repository=against != REPOSITORY))
        return sheet.evidence[against]

    def weigh(self, first: Sheet, second: Sheet,
              against: str) -> Optional["Evidence"]:
        """The evidence two sheets share, or None if it passes no
        threshold."""
        score, code, left, right = 0.0, 0, [], []
        mine = self.free(first, against)
        theirs = self.free(second, against)
        shared = mine.keys() & theirs.keys()
        same = first.text == second.text and self.same(first, against)
        prints = against != REPOSITORY and not first.own.hashes.isdisjoint(
            second.own.hashes)
        if not (prints or shared or same):
            return None
        if prints:
            _, (one, two), slices = self.compare_files(first.own,
                                                       second.own)
            if min(first.remaining, second.remaining) >= CODE_LEAST:
                score = float(min(one, two))
                code = int(min(one * first.remaining,
                               two * second.remaining))
            for side, found, sheet in ((left, slices[0], first),
                                       (right, slices[1], second)):
                side += outside([Passage(int(start), int(end), CODE)
                                 for start, end in zip(*found)],
                                sheet.drawn, sheet.text)
        text = sum(weight(mine[key][0]) for key in shared)
        evidence = tuple(kind for kind, passed in (
            (CODE, score >= CODE_SCORE), (TEXT, text >= TEXT_LEAST or same))
            if passed)
        if not evidence:
            return None
        kinds: Counter = Counter()
        for key in shared:
            for piece in mine[key]:
                kinds[piece.kind] += weight(piece)
        left += [Passage(p.start, p.end, p.kind) for key in shared
                 for p in mine[key]]
        right += [Passage(p.start, p.end, p.kind) for key in shared
                  for p in theirs[key]]
        return Evidence(score, code, text, evidence, (
            (SAME,) if same else ()) + tuple(
            kind for kind, _ in kinds.most_common()),
            tuple(sorted(left)), tuple(sorted(right)))

    def same(self, sheet: Sheet, against: str) -> bool:
        """Whether a file found twice, character for character, is
        evidence: when it holds SAME_LEAST characters of free parts that
        are not the contract's (of any length, however many files share
        them), or CODE_LEAST of code that is not."""
        own = {piece.group: weight(piece) for piece in sheet.pieces
               if not self.terms.given(piece, repository=against !=
                                       REPOSITORY)}
        # copydetect's coverage is a numpy integer: a numpy bool would
        # not do for a count of SAME below
        return sum(own.values()) >= SAME_LEAST or (
            against != REPOSITORY and
            int(sheet.print.token_coverage) >= CODE_LEAST)


class Evidence(NamedTuple):
    """What two files share: Match's fields but the names."""
    score: float
    code: int
    text: int
    evidence: Tuple[str, ...]
    kinds: Tuple[str, ...]
    left: Tuple[Passage, ...]
    right: Tuple[Passage, ...]


@functools.lru_cache(maxsize=2)
def contract_of(tools: Tools) -> Tuple[List[int], Contract]:
    """The contract's fingerprints (every skeleton and task file of this
    repository) and its Contract (their free parts, the README's); read
    once in a process."""
    from starter import skeleton
    fingerprint_of = tools[0]
    skeletons = {task: skeleton(task) for task in TASKS}
    repository = {task: read(os.path.join(ROOT, task + ".py")) or ""
                  for task in TASKS}
    forced: Set[int] = set()
    for text in list(skeletons.values()) + list(repository.values()):
        forced |= fingerprint_of("task.py", NOISE, WINDOW, language="python",
                                 fp=io.StringIO(blank(text, drawn(
                                     text, free_parts.parse(text))))).hashes
    return sorted(forced), free_parts.contract(
        skeletons, repository, read(os.path.join(ROOT, "README.md")) or "")


def compare(folder: str, names: List[str],
            known: Optional[str] = None) -> Similarity:
    """The similar code among the task files of folder/NAME for names,
    and between them and the known solutions (known: a folder, or None).

    Files with the same text are read and fingerprinted once."""
    start = time.monotonic()
    tools, reason = library()
    if tools is None:
        return Similarity(available=False, reason=reason)
    from starter import skeleton
    found = Similarity(available=True)
    forced, terms = contract_of(tools)
    solutions = known_files(known)
    # each submission's files as the judge found and graded them
    submitted = {name: Submission.read(os.path.join(folder, name))
                 for name in names}
    for task in TASKS:
        start_from = skeleton(task)
        texts = {}
        for name in names:
            text = submitted[name].text(task) if task in \
                submitted[name].files else None
            if text is not None and text != start_from:
                texts[name] = text
                found.texts[task, name] = text
        found.files += len(texts)
        found.known_files += len(solutions[task]) - (
            REPOSITORY in solutions[task])
        task_pairs(task, Comparison(tools, forced, terms, texts),
                   solutions[task], found)
    found.pairs.sort(key=lambda m: (TASKS.index(m.task), m.name, m.other))
    found.known.sort(key=lambda m: (TASKS.index(m.task), m.name, m.other))
    found.seconds = time.monotonic() - start
    return found


def task_pairs(task: str, comparison: Comparison, solutions: Dict[str, str],
               found: Similarity) -> None:
    """Add to found the matches of one task: between its submissions, and
    with its known solutions; and its files too short to judge on code."""
    groups: Dict[str, List[str]] = {}
    for name in sorted(comparison.of):
        groups.setdefault(comparison.of[name].text, []).append(name)
    heads = sorted(groups.values())
    short = tuple(name for name in sorted(comparison.of)
                  if comparison.of[name].remaining < CODE_LEAST)
    if short:
        found.short.append(Short(task, len(comparison.of), short))

    for one, two in itertools.chain(((group, group) for group in heads
                                     if len(group) > 1),
                                    itertools.combinations(heads, 2)):
        seen = comparison.weigh(comparison.of[one[0]],
                                comparison.of[two[0]], "class")
        if seen is None:
            continue
        if one is two:
            found.pairs += [Match(task, name, other, known=False,
                                  **seen._asdict())
                            for name, other in itertools.combinations(
                                one, 2)]
            continue
        for name, other in itertools.product(one, two):
            found.pairs.append(
                Match(task, name, other, known=False, **seen._asdict())
                if name < other else
                Match(task, other, name, known=False, **seen._replace(
                    left=seen.right, right=seen.left)._asdict()))
    for label, text in solutions.items():
        against = REPOSITORY if label == REPOSITORY else "known"
        sheet = comparison.sheet(text)
        comparison.own(sheet)
        found.known_texts[task, label] = text
        for group in heads:
            seen = comparison.weigh(comparison.of[group[0]], sheet, against)
            if seen is not None:
                found.known += [Match(task, name, label, known=True,
                                      **seen._asdict()) for name in group]
