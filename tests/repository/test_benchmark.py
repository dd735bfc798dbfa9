"""The speed script, tests/benchmark.py, runs its timings and its profile
(tests/BENCHMARK.md) at small sizes, in a subprocess of its own:
each pass is printed with a time and its parts, and the profile finds the
matrix products and the element-wise work of every pass."""
import os
import re
import subprocess
import sys

from judge.contract.tasks import ROOT

TESTS = os.path.join(ROOT, "tests")
PASSES = ("rnn forward", "rnn_backward", "lstm forward", "lstm_backward")
NUMBER = r"(-?\d+\.\d+)"


def run_benchmark(call):
    """stdout of benchmark.call at t=20, m=16, i=32, h=64, o=16."""
    code = ("import benchmark\n"
            "benchmark.SIZES.update(t=20, m=16, i=32, h=64, o=16)\n"
            "benchmark." + call + "\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=TESTS,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_profile_splits_every_pass_into_its_parts():
    printed = run_benchmark("profile_passes(1)")
    for name in PASSES:
        match = re.search(r"^{} +{}$".format(re.escape(name), " +".join(
            [NUMBER] * 6)), printed, re.M)
        assert match, "no row for {}:\n{}".format(name, printed)
        total, products, element = map(float, match.groups()[:3])
        assert total > 0 and products > 0 and element > 0, match.group(0)
    assert re.search(r"lstm_backward recomputes the gates.*: {} ms".format(
        NUMBER), printed), printed


def test_timings_print_every_pass_and_both_totals():
    printed = run_benchmark("timings(1)")
    for name in PASSES + ("rnn fwd+bwd", "lstm fwd+bwd"):
        assert re.search(r"^{} +{} +{} +\d+%$".format(
            re.escape(name), NUMBER, NUMBER), printed, re.M), (name, printed)
    assert re.search(r"^lstm fwd\+bwd t=50: .* growth \d+\.\dx", printed,
                     re.M), printed
