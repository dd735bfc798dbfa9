"""The gradings that the tests of the judge read (test_judge.py,
test_protections.py, test_gradescope.py, ...).

Each is a real run of the judge (python3 -m pytest --submission=DIR
--results=FILE) in a copy of this repository, so that a submission that
tampers with the judge's files harms the copy only. They start as soon as
collection ends, when a test that reads them is selected, and run beside
the rest of the suite; the judge spares them (Session.spare) when it kills
what a submission left behind.

As root, one more: the Gradescope cycle (gradescope_cycle.py), which
builds the bundle, makes its virtual environment from a Python that an
unprivileged user can read (made once per run, and used by the judge of
the bundle for its gradings at the levels namespaces and user), and
grades spy submissions (submissions.SPY) with it. The spies report to a
listener on 127.0.0.1 and to folders anyone may write (Spies).
"""
import glob
import json
import os
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time

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
    machine. The others run at the strongest level of protection
    available, but the tampering submission: the check of the
    repository's files is what catches it where workers run as the
    judge's user (as root, they cannot write there)."""
    found = {"hostile": ("test_judge.py", ["--time-limit=2",
                                           "--task-time-limit=6"]),
             "plain": ("test_judge.py", []),
             "spy-processes": ("test_protections.py", [
                 "--sandbox=processes"]),
             "tamper": ("test_judge.py", ["--sandbox=processes"]),
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
        self.folder = folder
        self.place = tempfile.mkdtemp(prefix="judge-test-")
        self.repo = os.path.join(self.place, "repo")
        shutil.copytree(ROOT, self.repo, ignore=shutil.ignore_patterns(
            ".git", "__pycache__", ".pytest_cache", ".benchmarks"))
        self.before = fingerprint(self.repo)
        self.results = os.path.join(self.place, "results.json")
        env = dict(os.environ, PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
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


class Cycle(Background):
    """The Gradescope cycle (gradescope_cycle.py) in a temporary folder:
    the bundle, its setup, run_autograder on the spy "gradescope" (files
    of mode 644, as a browser upload leaves them), and the spy "user"
    graded with --sandbox=user. It ends (remove) as a Background does."""

    def __init__(self, python, submission, user_submission, spare):
        """Start the cycle with a virtual environment made from python."""
        self.name = "gradescope"
        self.place = tempfile.mkdtemp(prefix="judge-gradescope-")
        # the workers' user must cross it to reach the environment
        os.chmod(self.place, 0o711)
        self.top = os.path.join(self.place, "autograder")
        self.process = subprocess.Popen(
            [sys.executable, os.path.join(HERE, "gradescope_cycle.py"),
             self.place, python, submission, user_submission],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        spare(self.process.pid)
        self.done = None

    def read(self, name):
        """The text of a file of the cycle's folder ("" if none)."""
        try:
            with open(os.path.join(self.place, name)) as f:
                return f.read()
        except OSError:
            return ""

    def finish(self):
        """Wait for the cycle: (the exit status of each step, what the
        steps printed, the verdict of run_autograder, that of the level
        user)."""
        if self.done is None:
            self.process.communicate(timeout=1200)
            steps = json.loads(self.read("steps.json") or "{}")
            verdicts = []
            for path in (os.path.join(self.top, "results", "results.json"),
                         os.path.join(self.place, "user-results.json")):
                try:
                    with open(path) as f:
                        verdicts.append(json.load(f))
                except (OSError, ValueError):
                    verdicts.append(None)
            printed = {name: self.read(name + ".txt") for name in steps}
            self.done = (steps, printed, verdicts[0], verdicts[1])
        return self.done


class Listener:
    """A TCP server on 127.0.0.1 that keeps what each connection sends
    (what a spy got out), in a thread; it stops by itself after LISTENED
    connections or seconds."""

    def __init__(self):
        """Listen on a free port."""
        self.server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(64)
        self.server.settimeout(0.2)
        self.port = self.server.getsockname()[1]
        self.received = []
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self):
        """Accept and read connections until stopped."""
        deadline = time.monotonic() + LISTENED
        while not self.stopped.is_set() and time.monotonic() < deadline \
                and len(self.received) < LISTENED:
            try:
                connection, _ = self.server.accept()
            except OSError:
                continue
            data = b""
            with connection:
                connection.settimeout(2)
                try:
                    while len(data) < 1 << 22:
                        chunk = connection.recv(1 << 16)
                        if not chunk:
                            break
                        data += chunk
                except OSError:
                    pass
            self.received.append(data)
        self.server.close()

    def stop(self):
        """Stop listening."""
        self.stopped.set()
        self.thread.join(5)


class Spies:
    """Where the spy submissions report: the listener, and a folder per
    spy (by its label) that anyone may write to."""

    def __init__(self):
        """A listener and the reports' folder."""
        self.listener = Listener()
        self.folder = tempfile.mkdtemp(prefix="judge-spies-")
        os.chmod(self.folder, 0o755)

    def drop(self, label):
        """The folder the spy called label writes its reports to."""
        path = os.path.join(self.folder, label)
        if not os.path.isdir(path):
            os.mkdir(path)
            os.chmod(path, 0o777)
        return path

    def reports(self, label):
        """What the spy called label wrote, one report per worker."""
        found = []
        for path in sorted(glob.glob(os.path.join(self.drop(label),
                                                  "*.json"))):
            with open(path) as f:
                found.append(json.load(f))
        return found

    def sent(self, label):
        """What the spy called label sent to the listener."""
        found = []
        for data in list(self.listener.received):
            try:
                report = json.loads(data.decode())
            except ValueError:
                continue
            if report.get("label") == label:
                found.append(report)
        return found

    def remove(self):
        """Stop listening and remove the reports."""
        self.listener.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


def world_readable(path):
    """Whether any user can reach path and read it (and each folder above
    it can be crossed)."""
    path = os.path.realpath(path)
    try:
        mode = os.stat(path).st_mode
        if not mode & stat.S_IROTH or (stat.S_ISDIR(mode) and
                                       not mode & stat.S_IXOTH):
            return False
        while path != os.sep:
            path = os.path.dirname(path)
            if not os.stat(path).st_mode & stat.S_IXOTH:
                return False
    except OSError:
        return False
    return True


def readable_python():
    """A Python (3.9 or later, able to make a virtual environment) that an
    unprivileged user can run, standard library included; or None."""
    for path in [sys.executable, "/usr/bin/python3"] + sorted(
            glob.glob("/usr/bin/python3.*[0-9]")):
        if not world_readable(path):
            continue
        check = subprocess.run(
            [path, "-c", "import ensurepip, sys, sysconfig, venv; "
             "assert sys.version_info >= (3, 9); "
             "print(sysconfig.get_path('stdlib'))"],
            capture_output=True, text=True)
        if check.returncode == 0 and world_readable(check.stdout.strip()):
            return path
    return None


GRADINGS = {}
SPIES = {}
HERE = os.path.dirname(os.path.abspath(__file__))
# connections, and seconds, after which the listener stops
LISTENED = 600
# the tests that read the Gradescope cycle (as root only)
CYCLE_READERS = {"test_gradescope.py", "test_protections.py"}


def cycle_python():
    """The Python the cycle's environment is made from, or why there is
    no cycle: (python, reason)."""
    if not (sys.platform.startswith("linux") and os.geteuid() == 0):
        return None, "the judge drops privileges only as root, on Linux"
    python = readable_python()
    if python is None:
        return None, "no Python here that an unprivileged user can read"
    return python, ""


def pytest_collection_finish(session):
    """Start the gradings that the selected tests will read."""
    wanted = {os.path.basename(str(item.fspath)) for item in session.items}
    needed = {name: options for name, (readers, options) in plans().items()
              if wanted & set(readers.split())}
    python, _ = cycle_python() if wanted & CYCLE_READERS else (None, "")
    if not needed and python is None:
        return
    folder = tempfile.mkdtemp(prefix="judge-submissions-")
    submissions.write_all(folder)
    GRADINGS["folder"] = folder
    spare = session.config.stash[GRADING].session.spare
    if "spy-processes" in needed or python:
        spies = SPIES["spies"] = Spies()
        for label, mode in (("processes", 0o755), ("gradescope", 0o644),
                            ("user", 0o755)):
            submissions.write_spy(os.path.join(folder, "spy-" + label),
                                  label, spies.listener.port,
                                  spies.drop(label), mode)
    for name, options in needed.items():
        kind = ClassGrading if name == "class" else Background
        GRADINGS[name] = kind(name, os.path.join(folder, name), options,
                              spare)
    if python:
        GRADINGS["gradescope"] = Cycle(
            python, os.path.join(folder, "spy-gradescope"),
            os.path.join(folder, "spy-user"), spare)


def pytest_sessionfinish(session):
    """Remove the copies and the submissions."""
    for name in list(GRADINGS):
        if name != "folder":
            GRADINGS.pop(name).remove()
    if "folder" in GRADINGS:
        folder = GRADINGS.pop("folder")
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(os.path.dirname(submissions.pids_file(folder)),
                      ignore_errors=True)
    if "spies" in SPIES:
        SPIES.pop("spies").remove()


@pytest.fixture(scope="session")
def gradings():
    """{name: (exit status, printed text, verdict or out folder, Grading)}
    of the gradings started for the selected tests (the cycle's:
    Cycle.finish, and the Cycle)."""
    return {name: grading.finish() + (grading,)
            for name, grading in GRADINGS.items() if name != "folder"}


@pytest.fixture(scope="session")
def spies():
    """The spies' reports (Spies)."""
    return SPIES["spies"]


@pytest.fixture(scope="session")
def cycle(gradings):
    """(steps, printed, verdict, verdict at the level user, Cycle) of the
    Gradescope cycle; the test is skipped where there is none (not root,
    or no Python an unprivileged user can read), but in CI as root, where
    it must run."""
    if "gradescope" not in gradings:
        why = cycle_python()[1] or "the cycle was not started"
        if os.environ.get("CI") == "true" and os.geteuid() == 0:
            pytest.fail("CI runs as root, and the cycle must run: " + why)
        pytest.skip(why)
    return gradings["gradescope"]
