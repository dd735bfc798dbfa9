"""The gradings that the tests of the judge read (test_judge.py).

Each is a real run of the judge (python3 -m pytest --submission=DIR
--results=FILE) in a copy of this repository, so that a submission that
tampers with the judge's files harms the copy only. They start as soon as
collection ends, when test_judge.py is selected, and run beside the rest
of the suite; the judge spares them (Session.spare) when it kills what a
submission left behind.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

import pytest

import submissions
from judge.contract.tasks import ROOT
from judge.plugin import GRADING
from judge.reference import fingerprint

OPTIONS = ["--seed=1", "--assert=plain"]


def plans():
    """{grading: (the test files that read it, options of its run)}.

    Only the hostile submission hangs: it alone gets short time limits,
    so that the others never fail a check for being slow on a busy
    machine."""
    found = {"hostile": ("test_judge.py", ["--time-limit=2",
                                           "--task-time-limit=6"]),
             "plain": ("test_judge.py", []),
             "tamper": ("test_judge.py", []),
             "class": ("test_grade_class.py test_starter.py "
                       "test_class_report.py", ["--seed=1", "--jobs=2"])}
    # a layer of mistakes is graded for the kinds of its mistakes, on a
    # subset of the checks: if no earlier mistake reproduces a subset of
    # the recorded calls, none reproduces them all
    for k, layer in enumerate(submissions.mistake_layers(), 1):
        kinds = sorted({mistake.kind for mistake in layer.values()})
        found["mistakes-{}".format(k)] = ("test_diagnosis.py", [
            "-m", " or ".join(kinds),
            "-k", "not fresh and not edge and not descent"])
    # the students: every results check for the correct ones; for the
    # wrong files, all but the gradient checks (the slowest, and the
    # feedback's probes do not need them)
    for name in submissions.students():
        found["correct-" + name] = ("test_feedback.py", ["-m", "results"])
    for k in range(1, len(submissions.fault_layers()) + 1):
        found["wrong-{}".format(k)] = ("test_feedback.py", [
            "-m", "results", "-k", "not gradients"])
    return found


class Background:
    """One run of the judge on a submission, in a copy of this
    repository."""

    def __init__(self, name, folder, options, spare):
        """Start grading folder (a submission) in a new copy, with
        options besides OPTIONS; spare(pid) keeps the judge running this
        suite from killing it."""
        self.name = name
        self.place = tempfile.mkdtemp(prefix="judge-test-")
        self.repo = os.path.join(self.place, "repo")
        shutil.copytree(ROOT, self.repo, ignore=shutil.ignore_patterns(
            ".git", "__pycache__", ".pytest_cache", ".benchmarks"))
        self.before = fingerprint(self.repo)
        self.results = os.path.join(self.place, "results.json")
        self.pids = os.path.join(self.place, "pids")
        open(self.pids, "w").close()
        env = dict(os.environ, JUDGE_TEST_PIDS=self.pids,
                   PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
             "--submission=" + folder, "--results=" + self.results] +
            OPTIONS + options, cwd=self.repo, env=env, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, text=True)
        spare(self.process.pid)
        self.done = None

    def finish(self):
        """Wait for the run: (exit status, printed text, verdict)."""
        if self.done is None:
            printed, _ = self.process.communicate(timeout=180)
            with open(self.results) as f:
                self.done = (self.process.returncode, printed, json.load(f))
        return self.done

    def remove(self):
        """Stop the run if it still goes, and remove the copy."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.communicate()
        shutil.rmtree(self.place, ignore_errors=True)


class ClassGrading(Background):
    """One run of tests/grade_class.py on a folder of submissions, in a
    copy of this repository."""

    def __init__(self, name, folder, options, spare):
        """Start grading the class in folder, in a new copy."""
        self.name = name
        self.folder = folder
        self.place = tempfile.mkdtemp(prefix="judge-test-")
        self.repo = os.path.join(self.place, "repo")
        shutil.copytree(ROOT, self.repo, ignore=shutil.ignore_patterns(
            ".git", "__pycache__", ".pytest_cache", ".benchmarks"))
        # as the README has it: the table inside the repository
        self.out = os.path.join(self.repo, "grades")
        self.process = subprocess.Popen(
            [sys.executable, os.path.join(self.repo, "tests",
                                          "grade_class.py"),
             folder, "--out", self.out] + options, cwd=self.repo,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        spare(self.process.pid)
        self.done = None

    def finish(self):
        """Wait for the run: (exit status, printed text, out folder)."""
        if self.done is None:
            printed, _ = self.process.communicate(timeout=300)
            self.done = (self.process.returncode, printed, self.out)
        return self.done


GRADINGS = {}


def pytest_collection_finish(session):
    """Start the gradings that the selected tests will read."""
    wanted = {os.path.basename(str(item.fspath)) for item in session.items}
    needed = {name: options for name, (readers, options) in plans().items()
              if wanted & set(readers.split())}
    if not needed:
        return
    folder = tempfile.mkdtemp(prefix="judge-submissions-")
    submissions.write_all(folder)
    GRADINGS["folder"] = folder
    for name, options in needed.items():
        kind = ClassGrading if name == "class" else Background
        GRADINGS[name] = kind(name, os.path.join(folder, name), options,
                              session.config.stash[GRADING].session.spare)


def pytest_sessionfinish(session):
    """Remove the copies and the submissions."""
    for name in list(GRADINGS):
        if name != "folder":
            GRADINGS.pop(name).remove()
    if "folder" in GRADINGS:
        shutil.rmtree(GRADINGS.pop("folder"), ignore_errors=True)


@pytest.fixture(scope="session")
def gradings():
    """{name: (exit status, printed text, verdict or out folder, Grading)}
    of the gradings started for the selected tests."""
    return {name: grading.finish() + (grading,)
            for name, grading in GRADINGS.items() if name != "folder"}
