"""Which catalogued mistake explains a task's failures.

Every call a check makes of a submission is recorded with what it gave
(session.RecordedCall). When a task fails checks of a kind, the judge
replays those calls, in its own process, with this repository's file and
with each catalogued mistake of that task and kind (contract/mistakes.py:
this repository's file with a small change), and with each pair of them
when no single one explains it.

A candidate explains the failures when, on the calls of the failing
checks, it gives what the submission gave for every quantity (an output,
or a gradient key) on which the submission and this repository differ, or
the same exception where the submission raised. Among those, the one that
also agrees most with the submission on the other quantities is named, and
only when it is clearly best: a tie names nothing. A catalogue entry that
no longer applies to this repository's file is passed over.
"""
import itertools
import types
from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

import numpy as np

from judge.contract import cases
from judge.contract.mistakes import MISTAKES, Mistake
from judge.session import RecordedCall
from judge.verdict import Check

Arrays = Dict[str, np.ndarray]


@dataclass(frozen=True)
class Candidate:
    """One catalogued mistake, or a pair of them, as a variant module."""
    mistakes: Tuple[Mistake, ...]
    module: types.ModuleType

    @property
    def says(self) -> str:
        """The mistake(s) in plain words."""
        return "; and ".join(mistake.says for mistake in self.mistakes)


# the variant modules made so far, by (reference's text, mistakes' names)
VARIANTS: Dict[Tuple[str, Tuple[str, ...]], Optional[types.ModuleType]] = {}


def variant(mistakes: Tuple[Mistake, ...], reference: str
            ) -> Optional[types.ModuleType]:
    """The module of mistakes applied one after the other to the
    reference's text, or None if one of them does not apply (made once)."""
    key = (reference, tuple(m.task + "/" + m.name for m in mistakes))
    if key not in VARIANTS:
        text = reference
        try:
            for mistake in mistakes:
                text = mistake.source(text)
        except ValueError:
            VARIANTS[key] = None
            return None
        module = types.ModuleType("mistake_" + "_".join(
            m.name for m in mistakes))
        exec(compile(text, "<mistake {} {}>".format(
            mistakes[0].task, "+".join(m.name for m in mistakes)), "exec"),
            module.__dict__)
        VARIANTS[key] = module
    return VARIANTS[key]


Replayed = Tuple[Optional[Arrays], Optional[str]]


def replay(call: RecordedCall, load) -> Replayed:
    """(arrays, exception type name) of a recorded call, redone with the
    modules of load."""
    try:
        if call.probe == "construct":
            return cases.construct(call.task, call.request, load), None
        return cases.call(call.task, call.request, call.case, load), None
    except Exception as error:
        return None, type(error).__name__


def agree(call: RecordedCall, a, b) -> bool:
    """Whether two arrays agree (to 1e-9, or 1e-4 from float32 inputs)."""
    single = any(np.asarray(value).dtype == np.float32
                 for value in (call.case or {}).values())
    a, b = np.asarray(a), np.asarray(b)
    return a.shape == b.shape and bool(np.allclose(
        a, b, rtol=1e-4 if single else 1e-9, atol=1e-5 if single else
        1e-12, equal_nan=True))


@dataclass
class Evidence:
    """A recorded call, what this repository gives for it, and the
    quantities on which the submission differs ("raised" for an
    exception)."""
    call: RecordedCall
    failing: bool
    wrong: List[str]
    right: List[str]


def evidence(checks: List[Check], load_reference) -> List[Evidence]:
    """The evidence of every recorded call of checks."""
    found = []
    for check in checks:
        for call in check.calls:
            arrays, error = replay(call, load_reference)
            outcome = call.outcome
            if not outcome.ok or error is not None:
                same = not outcome.ok and error == outcome.error.type
                wrong, right = ([], ["raised"]) if same else (
                    ["raised"], [])
            else:
                wrong = [k for k in arrays if k not in outcome.arrays or
                         not agree(call, outcome.arrays[k], arrays[k])]
                right = [k for k in arrays if k not in wrong]
            found.append(Evidence(call, check.outcome == "failed", wrong,
                                  right))
    return found


def score(candidate: Candidate, found: List[Evidence], task: str,
          load_reference) -> Optional[int]:
    """None if the candidate misses a quantity the submission gets wrong
    on a failing check; else how many other quantities it disagrees on."""
    def load(name):
        return candidate.module if name == task else load_reference(name)

    misses = 0
    # the failing calls first: most candidates miss one of them at once
    for item in sorted(found, key=lambda item: not item.failing):
        arrays, error = replay(item.call, load)
        outcome = item.call.outcome
        for key in item.wrong + item.right:
            if key == "raised":
                ok = (not outcome.ok and error == outcome.error.type) or (
                    outcome.ok and error is None)
            elif arrays is None or not outcome.ok:
                ok = False
            else:
                ok = key in outcome.arrays and key in arrays and agree(
                    item.call, outcome.arrays[key], arrays[key])
            if not ok and item.failing and key in item.wrong:
                return None
            misses += not ok
    return misses


def candidates(task: str, kind: str, reference: str, pairs: bool):
    """The single mistakes of task and kind, or their pairs (those with a
    helper's form in them: Mistake.pairs)."""
    found = [m for m in MISTAKES if m.task == task and m.kind == kind]
    groups = [group for group in itertools.combinations(found, 2)
              if group[0].pairs or group[1].pairs] if pairs else (
        (m,) for m in found)
    for group in groups:
        module = variant(tuple(group), reference)
        if module is not None:
            yield Candidate(tuple(group), module)


def diagnose(task: str, kind: str, checks: List[Check],
             reference) -> Optional[Candidate]:
    """The catalogued mistake (or pair) that clearly best explains the
    failures of task's checks of kind, or None.

    reference: this repository's files (judge.reference.Reference).
    """
    failing = [check for check in checks if check.outcome == "failed"]
    if not any(check.calls for check in failing):
        return None
    found = evidence(checks, reference)
    if not any(item.wrong for item in found if item.failing):
        return None
    for pairs in (False, True):
        scored = []
        for candidate in candidates(task, kind, reference.text(task), pairs):
            misses = score(candidate, found, task, reference)
            if misses is not None:
                scored.append((misses, candidate))
        if scored:
            scored.sort(key=lambda entry: entry[0])
            if len(scored) > 1 and scored[1][0] == scored[0][0]:
                return None
            return scored[0][1]
    return None
