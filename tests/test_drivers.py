"""Each driver main/N-main.py prints what tests/expected/N-main.txt holds.

Printed numbers are rounded, so numbers are compared as numbers: they must
agree to one unit of the last printed digit (plus 1e-13 relative, for
float64 noise in a 17-digit print). The text between numbers must match,
with runs of spaces taken as one (numpy pads columns to the widest number).
"""
import os
import re
import subprocess
import sys

import pytest

from support import ROOT, TASKS

DRIVERS = ["{}-main".format(n) for n in range(11)]
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


def compare(name, printed, expected):
    """Assert printed agrees with expected, naming the first difference."""
    got_lines = printed.splitlines()
    want_lines = expected.splitlines()
    for number, (got, want) in enumerate(zip(got_lines, want_lines), 1):
        got_texts, got_numbers = tokens(got)
        want_texts, want_numbers = tokens(want)
        where = "{} line {}".format(name, number)
        assert got_texts == want_texts, (
            "{}: printed {!r}, expected {!r}".format(where, got, want))
        for k, (a, b) in enumerate(zip(got_numbers, want_numbers), 1):
            tol = unit(b) + 1e-13 * abs(float(b))
            assert abs(float(a) - float(b)) <= tol, (
                "{}, number {}: printed {}, expected {} (within {:.0e})"
                .format(where, k, a, b, tol))
    assert len(got_lines) == len(want_lines), (
        "{}: printed {} lines, expected {}".format(
            name, len(got_lines), len(want_lines)))


def run(args, cwd):
    """Run a command; return its stdout, failing with its stderr."""
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, "{} failed:\n{}".format(args, done.stderr)
    return done.stdout


@pytest.mark.parametrize("driver", DRIVERS, ids=[
    "{}-{}".format(driver, name) for driver, name in zip(DRIVERS, TASKS)])
def test_driver_prints_expected(driver, tmp_path):
    """main/N-main.py, run from elsewhere, prints the stored output."""
    printed = run([sys.executable, os.path.join(ROOT, "main", driver + ".py")],
                  tmp_path)
    with open(os.path.join(ROOT, "tests", "expected", driver + ".txt")) as f:
        compare(driver, printed, f.read())


@pytest.mark.parametrize("cwd, command", [
    (".", "./main/1-main.py"),
    ("main", "./1-main.py"),
])
def test_driver_runs_as_a_student_runs_it(cwd, command):
    """Both ./main/N-main.py from the root and ./N-main.py from main/ work."""
    with open(os.path.join(ROOT, "tests", "expected", "1-main.txt")) as f:
        compare(command, run([command], os.path.join(ROOT, cwd)), f.read())


def test_compare_bites():
    """The comparison accepts a last-digit difference and nothing more."""
    compare("same", "x: [ 1.25  -3.5e-02]", "x: [1.25 -3.5e-02]")
    compare("rounding", "1.2345679", "1.2345678")
    with pytest.raises(AssertionError, match="line 1, number 1"):
        compare("off", "1.2345680", "1.2345678")
    with pytest.raises(AssertionError, match="printed 'y"):
        compare("text", "y: 1.0", "x: 1.0")
    with pytest.raises(AssertionError, match="printed 1 lines, expected 2"):
        compare("short", "1.0", "1.0\n2.0")
