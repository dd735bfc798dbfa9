"""Diagnosis: which catalogued mistake explains a task's failures.

Every call a check makes of a submission is recorded with what it gave
(session.RecordedCall). When a task fails checks of a kind, the judge
replays those calls, in its own process, with each catalogued mistake of
that task and kind (contract/mistakes.py: this repository's file with a
small change) in place of the submitted file, and this repository's files
for the rest. A mistake is named when it reproduces every recorded outcome
of the kind, the same arrays (to 1e-9, or 1e-4 from float32 inputs) or the
same exception, and at least one failing check has a recorded call to
explain.
"""
import types
from typing import List, Optional, Tuple

import numpy as np

from judge.contract import cases
from judge.contract.mistakes import MISTAKES, Mistake
from judge.reference import Reference
from judge.session import RecordedCall
from judge.verdict import Check


def variant(mistake: Mistake, reference: str) -> types.ModuleType:
    """The module of a mistake, made from the reference's text."""
    module = types.ModuleType("mistake_{}_{}".format(
        mistake.task.replace("-", "_"), mistake.name))
    exec(compile(mistake.source(reference), "<mistake {} {}>".format(
        mistake.task, mistake.name), "exec"), module.__dict__)
    return module


def replay(call: RecordedCall, load) -> Tuple[Optional[dict], Optional[str]]:
    """(arrays, exception type name) of a recorded call, redone with the
    modules of load."""
    try:
        if call.probe == "construct":
            return cases.construct(call.task, call.request, load), None
        return cases.call(call.task, call.request, call.case, load), None
    except Exception as error:
        return None, type(error).__name__


def reproduces(call: RecordedCall, load) -> bool:
    """Whether load's modules give what the submission gave."""
    arrays, error = replay(call, load)
    outcome = call.outcome
    if outcome.error is not None or error is not None:
        return outcome.error is not None and error == outcome.error.type
    if sorted(arrays) != sorted(outcome.arrays):
        return False
    # from float32 inputs, results agree to float32's precision at best
    single = any(np.asarray(value).dtype == np.float32
                 for value in (call.case or {}).values())
    for name, value in arrays.items():
        got = np.asarray(outcome.arrays[name])
        if np.shape(value) != got.shape or not np.allclose(
                value, got, rtol=1e-4 if single else 1e-9,
                atol=1e-5 if single else 1e-12, equal_nan=True):
            return False
    return True


def diagnose(task: str, kind: str, checks: List[Check],
             reference: Reference) -> Optional[Mistake]:
    """The first catalogued mistake of task and kind that reproduces every
    recorded call of checks (the task's checks of that kind), or None."""
    if not any(check.calls for check in checks
               if check.outcome == "failed"):
        return None
    calls = [call for check in checks for call in check.calls]
    for mistake in MISTAKES:
        if mistake.task != task or mistake.kind != kind:
            continue
        module = variant(mistake, reference.text(task))

        def load(name):
            return module if name == task else reference(name)

        if all(reproduces(call, load) for call in calls):
            return mistake
    return None
