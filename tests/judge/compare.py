"""How checks compare what a submission gave with what it should give.

Each comparison fails the check (CheckFailed) with one line that names the
quantity and where it first differs, e.g.
`2-gru_cell h_next: first differs at (0, 1): got 0.236303, expected
-0.0537825 (3 of 10 entries differ)`.
"""
import re

import numpy as np

from judge.failures import fail


def number(value):
    """A number as the scoreboard shows it."""
    return "{:.6g}".format(value)


def agrees(actual, expected, rtol=1e-9, atol=1e-12) -> bool:
    """Whether actual has expected's shape and values."""
    actual, expected = np.asarray(actual), np.asarray(expected)
    return actual.shape == expected.shape and bool(np.all(np.isclose(
        actual, expected, rtol=rtol, atol=atol)))


def close(where, actual, expected, rtol=1e-9, atol=1e-12, note=""):
    """Fail unless actual has expected's shape and values (within rtol
    relative and atol absolute; NaN never matches); note ends the
    message."""
    actual = np.asarray(actual)
    expected = np.asarray(expected)
    shape(where, actual, expected.shape, note)
    bad = ~np.isclose(actual, expected, rtol=rtol, atol=atol)
    if bad.any():
        first = tuple(int(k) for k in np.argwhere(bad)[0])
        fail("{}: first differs at {}: got {}, expected {} ({} of {} "
             "entries differ){}".format(
                 where, first, number(actual[first]),
                 number(expected[first]), int(bad.sum()), bad.size, note))


def shape(where, actual, expected, note=""):
    """Fail unless the array actual has the shape expected."""
    if np.shape(actual) != tuple(expected):
        fail("{}: shape {}, expected {}{}".format(
            where, np.shape(actual), tuple(expected), note))


def equal(where, actual, expected):
    """Fail unless actual equals expected exactly, shape and values."""
    close(where, actual, expected, rtol=0, atol=0)


def same_results(where, got, expected, **tolerance):
    """close() on every result of expected, named `where NAME`; for a call
    of several results, the failure says which others match and which
    differ too."""
    wrong = [name for name in expected
             if not agrees(got[name], expected[name], **tolerance)]
    if not wrong:
        return
    note = ""
    if len(expected) > 1:
        # softmax rows of one output are [1], whatever the code: they say
        # nothing
        right = [name for name in expected if name not in wrong and not (
            np.shape(expected[name])[-1:] == (1,) and
            np.all(np.asarray(expected[name]) == 1))]
        parts = ["{} differ{}".format(", ".join(wrong[1:]),
                                      "s" if len(wrong) == 2 else "")
                 ] if len(wrong) > 1 else []
        parts += ["{} match{}".format(", ".join(right),
                                      "es" if len(right) == 1 else "")
                  ] if right else []
        note = "; " + "; ".join(parts) if parts else ""
    close("{} {}".format(where, wrong[0]), got[wrong[0]], expected[wrong[0]],
          note=note, **tolerance)


# -- printed text, as the drivers print it -----------------------------------

NUMBER = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?|nan|inf")


def tokens(line):
    """Split a printed line into its text parts and its numbers."""
    texts = [" ".join(part.split()) for part in NUMBER.split(line)]
    return texts, NUMBER.findall(line)


def tolerance(printed):
    """How far a number may be from one printed as printed: one unit of
    its last digit (both sides are rounded), plus 1e-13 relative (float64
    noise in a 17-digit print); exactly for a whole number printed without
    a point (a shape, a count), and to 1e-9 for one printed with a point
    and no decimals (numpy prints "0." only when every entry is whole)."""
    lowered = printed.lower()
    if "." not in lowered and "e" not in lowered:
        return 0.0
    if lowered.endswith(".") or ".e" in lowered:
        return 1e-9 + 1e-13 * abs(float(printed))
    return unit(printed) + 1e-13 * abs(float(printed))


def unit(printed):
    """One unit of the last printed digit of a number as printed."""
    mantissa, _, exponent = printed.lower().partition("e")
    decimals = len(mantissa.partition(".")[2])
    return 10.0 ** (int(exponent or 0) - decimals)


def same_printout(name, printed, expected):
    """Fail unless printed agrees with expected, naming the first
    difference.

    Numbers are compared as numbers, within tolerance() of the expected
    one (one unit of its last printed digit; whole numbers exactly). The
    text between numbers must match, runs of spaces taken as one (numpy
    pads columns to the widest number).
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
            tol = tolerance(b)
            if not abs(float(a) - float(b)) <= tol:
                fail("{}, number {}: printed {}, expected {}{}".format(
                    where, k, a, b, " ± {:.0e}".format(tol) if tol
                    else ""))
    if len(got_lines) != len(want_lines):
        fail("{}: printed {} lines, expected {}".format(
            name, len(got_lines), len(want_lines)))
