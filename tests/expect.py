"""What checks compare a submission with, and how.

REFERENCE holds this repository's task files, loaded once from their paths
in the judge's process when the checks are collected, before any submitted
code runs.
The comparisons fail a check with one line that names the quantity and
where it first differs, e.g.
`2-gru_cell h_next: first differs at (0, 1): got 0.236303, expected
-0.0537825 (3 of 10 entries differ)`.
"""
import importlib.util
import os
import re

import numpy as np

from judge.session import fail
from tasks import ROOT, TASKS


def load_reference(task):
    """This repository's file of task, loaded from its path (never through
    sys.path, where a submission's folder could come first)."""
    spec = importlib.util.spec_from_file_location(
        "reference_" + task.replace("-", "_"),
        os.path.join(ROOT, task + ".py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


REFERENCE = {task: load_reference(task) for task in TASKS}


def reference(task):
    """This repository's module of task (a loader for cases.run)."""
    return REFERENCE[task]


def number(value):
    """A number as the scoreboard shows it."""
    return "{:.6g}".format(value)


def close(where, actual, expected, rtol=1e-9, atol=1e-12):
    """Fail unless actual has expected's shape and values (within rtol
    relative and atol absolute; NaN never matches)."""
    actual = np.asarray(actual)
    expected = np.asarray(expected)
    shape(where, actual, expected.shape)
    bad = ~np.isclose(actual, expected, rtol=rtol, atol=atol)
    if bad.any():
        first = tuple(int(k) for k in np.argwhere(bad)[0])
        fail("{}: first differs at {}: got {}, expected {} ({} of {} "
             "entries differ)".format(
                 where, first, number(actual[first]),
                 number(expected[first]), int(bad.sum()), bad.size))


def shape(where, actual, expected):
    """Fail unless the array actual has the shape expected."""
    if np.shape(actual) != tuple(expected):
        fail("{}: shape {}, expected {}".format(where, np.shape(actual),
                                                tuple(expected)))


def equal(where, actual, expected):
    """Fail unless actual equals expected exactly, shape and values."""
    close(where, actual, expected, rtol=0, atol=0)


def same_results(where, got, expected, **tolerance):
    """close() on every result of expected, named `where NAME`."""
    for name in expected:
        close("{} {}".format(where, name), got[name], expected[name],
              **tolerance)


# -- printed text, as the drivers print it -----------------------------------

NUMBER = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?|nan|inf")


def tokens(line):
    """Split a printed line into its text parts and its numbers."""
    texts = [" ".join(part.split()) for part in NUMBER.split(line)]
    return texts, NUMBER.findall(line)


def unit(printed):
    """One unit of the last printed digit of a number as printed."""
    mantissa, _, exponent = printed.lower().partition("e")
    decimals = len(mantissa.partition(".")[2])
    return 10.0 ** (int(exponent or 0) - decimals)


def same_printout(name, printed, expected):
    """Fail unless printed agrees with expected, naming the first
    difference.

    Numbers are compared as numbers: they must agree to one unit of the
    last printed digit (plus 1e-13 relative, for float64 noise in a
    17-digit print). The text between numbers must match, runs of spaces
    taken as one (numpy pads columns to the widest number).
    """
    got_lines = printed.splitlines()
    want_lines = expected.splitlines()
    for count, (got, want) in enumerate(zip(got_lines, want_lines), 1):
        got_texts, got_numbers = tokens(got)
        want_texts, want_numbers = tokens(want)
        where = "{} line {}".format(name, count)
        if got_texts != want_texts or len(got_numbers) != len(
                want_numbers):
            fail("{}: printed {!r}, expected {!r}".format(
                where, got[:80], want[:80]))
        for k, (a, b) in enumerate(zip(got_numbers, want_numbers), 1):
            tol = unit(b) + 1e-13 * abs(float(b))
            if not abs(float(a) - float(b)) <= tol:
                fail("{}, number {}: printed {}, expected {} (within "
                     "{:.0e})".format(where, k, a, b, tol))
    if len(got_lines) != len(want_lines):
        fail("{}: printed {} lines, expected {}".format(
            name, len(got_lines), len(want_lines)))
