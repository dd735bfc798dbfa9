"""Diagnosis: which catalogued mistake explains a task's failures.

Every call a check makes of a submission is recorded with what it gave
(session.Judge.records). When a task fails checks of a kind, the judge
replays those calls, in its own process, with each catalogued mistake of
that task and kind (tests/mistakes.py: this repository's file with a small
change) in place of the submitted file, and this repository's files for
the rest. A mistake is named when it reproduces every recorded outcome of
the kind, the same arrays (to 1e-9, or 1e-4 from float32 inputs) or the
same exception, and at least one failing check has a recorded call to explain.
"""
import types

import numpy as np

import cases
from mistakes import MISTAKES


def variant(mistake, reference):
    """The module of a mistake, made from the reference's text."""
    module = types.ModuleType("mistake_{}_{}".format(
        mistake.task.replace("-", "_"), mistake.name))
    exec(compile(mistake.source(reference), "<mistake {} {}>".format(
        mistake.task, mistake.name), "exec"), module.__dict__)
    return module


def replay(record, load):
    """(arrays, exception type name) of a recorded call, redone with the
    modules of load."""
    probe, task, request, case, _ = record
    try:
        if probe == "construct":
            return cases.construct(task, request, load), None
        return cases.call(task, request, case, load), None
    except Exception as error:
        return None, type(error).__name__


def reproduces(record, load):
    """Whether load's modules give what the submission gave."""
    arrays, error = replay(record, load)
    outcome = record[-1]
    if outcome.error is not None or error is not None:
        return error == (outcome.error or {}).get("type")
    if sorted(arrays) != sorted(outcome.arrays):
        return False
    # from float32 inputs, results agree to float32's precision at best
    single = any(np.asarray(value).dtype == np.float32
                 for value in (record[3] or {}).values())
    for name, value in arrays.items():
        got = np.asarray(outcome.arrays[name])
        if np.shape(value) != got.shape or not np.allclose(
                value, got, rtol=1e-4 if single else 1e-9,
                atol=1e-5 if single else 1e-12, equal_nan=True):
            return False
    return True


def diagnose(task, kind, checks, reference, load_reference):
    """The first catalogued mistake of task and kind that reproduces every
    recorded call, or None.

    checks: [(passed, records)] of the task's checks of that kind;
    reference: this repository's text of the task file; load_reference:
    task name -> this repository's module.
    """
    if not any(records for passed, records in checks if not passed):
        return None
    records = [record for _, found in checks for record in found]
    for mistake in MISTAKES:
        if mistake.task != task or mistake.kind != kind:
            continue
        module = variant(mistake, reference)

        def load(name):
            return module if name == task else load_reference(name)

        if all(reproduces(record, load) for record in records):
            return mistake
    return None
