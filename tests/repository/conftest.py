"""The gradings that the tests of the judge read (test_judge.py,
test_red_team.py, test_gradescope.py, ...).

Each is a real run of the judge (python3 -m pytest --submission=DIR
--results=FILE) in a copy of this repository, so that a submission that
tampers with the judge's files harms the copy only. They start as soon as
collection ends, when a test that reads them is selected, and run beside
the rest of the suite; the judge spares them (Session.spare) when it kills
what a submission left behind.

The red team (redteam.py) is graded at the level namespaces here (as
root with this machine's Python, or with user namespaces as another
user); as root, the Gradescope cycle (gradescope_cycle.py) builds the
bundle, makes its virtual environment from a Python that an
unprivileged user can read, grades with it as Gradescope would (with
namespaces, and where none can be made), and then grades the red team at
the levels user, userns and processes with that Python.
"""
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping

import pytest

import submissions
from redteam import world_readable
from judge.contract.tasks import ROOT
from judge.plugin import GRADING
from judge.reference import fingerprint

OPTIONS = ["--seed=1", "--assert=plain"]


def plans():
    """{grading: (the test files that read it, options of its run)}.

    Only the hostile submission hangs: it alone gets short time limits,
    so that the others never fail a check for being slow on a busy
    machine. All run at the strongest level of protection available."""
    found = {"hostile": ("test_judge.py", ["--time-limit=5",
                                           "--task-time-limit=15"]),
             "plain": ("test_judge.py", []),
             "class": ("test_grade_class.py test_starter.py "
                       "test_class_report.py", ["--seed=1", "--jobs=2"])}
    # a layer of mistakes is graded for the kinds of its mistakes, on a
    # subset of the checks: if no earlier mistake reproduces a subset of
    # the recorded calls, none reproduces them all (nor the driver's
    # check, which names no mistake: one worker per file instead of two)
    for k, layer in enumerate(submissions.mistake_layers(), 1):
        kinds = sorted({mistake.kind for mistake in layer.values()})
        found["mistakes-{}".format(k)] = ("test_diagnosis.py", [
            "-m", " or ".join(kinds), "-k", "not fresh and not edge and "
            "not descent and not driver_prints"])
    # the students: every results check for the correct ones; for the
    # wrong files, all but the gradient checks, the fresh cases, the edge
    # sizes and the driver (the slowest, and a second worker per file;
    # the feedback points at the same faults without them: 165 of 165
    # files either way)
    for name in submissions.students():
        found["correct-" + name] = ("test_feedback.py", ["-m", "results"])
    for kind in ("results", "robustness"):
        for k in range(1, len(submissions.fault_layers(kind)) + 1):
            found["wrong-{}-{}".format(kind, k)] = ("test_feedback.py", [
                "-m", kind, "-k", "not gradients and not fresh and not "
                "edge and not driver_prints"])
    return found


# the gradings graded in batches (batch.py), by the start of their name:
# many, each of a folder of students' or catalogued files; and how many
# processes grade them side by side
BATCHED = ("mistakes-", "correct-", "wrong-")
BATCHES = 2


def longest_first(name):
    """The order a batch takes its gradings in: the correct students
    (every results check), then the layers of mistakes and of wrong files
    by their number (the first layers are the fullest)."""
    number = name.rpartition("-")[2]
    return (not name.startswith("correct-"),
            int(number) if number.isdigit() else 0, name)


class Priority:
    """As root, the tests run at a higher priority than the gradings they
    start (nice -10 against their own 0): what the tests do themselves (a
    class graded again, the student's commands, Chromium) is the suite's
    longest chain, one process after another, and the gradings fill the
    cores around it. The gradings keep the priority the suite started
    with: lowered, they would starve beside other busy processes."""

    BOOST = 10

    def __init__(self):
        """Nothing raised yet."""
        self.raised = 0

    def raise_tests(self):
        """Raise this process's priority by BOOST, where it may."""
        if not self.raised and hasattr(os, "nice"):
            try:
                os.nice(-self.BOOST)
                self.raised = self.BOOST
            except OSError:
                pass

    def start(self, command: list, **options) -> subprocess.Popen:
        """subprocess.Popen(command, **options) at the priority the suite
        started with."""
        if self.raised:
            options["preexec_fn"] = lambda: os.nice(self.raised)
        return subprocess.Popen(command, **options)


PRIORITY = Priority()


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
        self.process = PRIORITY.start(
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


class Batch:
    """Gradings run one after the other by BATCHES processes side by side
    (batch.py), each taking the next job no other has taken, in a copy of
    this repository."""

    def __init__(self, jobs, spare):
        """Start the jobs ({name: (folder, options)}, taken in their
        order: the longest first, so that the processes end together)."""
        self.place = tempfile.mkdtemp(prefix="judge-batch-")
        self.repo = os.path.join(self.place, "repo")
        shutil.copytree(ROOT, self.repo, ignore=shutil.ignore_patterns(
            ".git", "__pycache__", ".pytest_cache", ".benchmarks"))
        self.jobs = {name: {
            "submission": folder, "options": OPTIONS + options,
            "results": os.path.join(self.place, name + ".json"),
            "printed": os.path.join(self.place, name + ".txt")}
            for name, (folder, options) in jobs.items()}
        path = os.path.join(self.place, "jobs.json")
        with open(path, "w") as f:
            json.dump(list(self.jobs.values()), f)
        self.outputs = [os.path.join(self.place, "batch-{}.txt".format(k))
                        for k in range(BATCHES)]
        self.processes = []
        for output in self.outputs:
            with open(output, "w") as out:
                self.processes.append(PRIORITY.start(
                    [sys.executable, os.path.join(HERE, "batch.py"), path],
                    cwd=self.repo, stdout=out, stderr=subprocess.STDOUT,
                    env=dict(os.environ, PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")))
            spare(self.processes[-1].pid)

    def result(self, name):
        """Wait for the job called name: (exit status, printed text,
        verdict)."""
        job = self.jobs[name]
        deadline = time.monotonic() + 900
        while not os.path.exists(job["printed"] + ".done"):
            ended = all(p.poll() is not None for p in self.processes)
            if ended and not os.path.exists(job["printed"] + ".done") or \
                    time.monotonic() > deadline:
                printed = ""
                for output in self.outputs:
                    with open(output) as f:
                        printed += f.read()[-3000:]
                raise AssertionError("the batch did not grade {}: {}".format(
                    name, printed))
            time.sleep(0.2)
        with open(job["printed"]) as f:
            printed = f.read()
        status = int(printed.rstrip().rsplit("exit ", 1)[1])
        with open(job["results"]) as f:
            return status, printed, json.load(f)

    def remove(self):
        """Stop the batch's processes that still run, and remove its
        copy."""
        for process in self.processes:
            if process.poll() is None:
                process.kill()
            process.wait()
        shutil.rmtree(self.place, ignore_errors=True)


class Batched:
    """One grading of a Batch, read as a Background's."""

    def __init__(self, name, folder, batch):
        """The job name of batch, which grades folder."""
        self.name = name
        self.folder = folder
        self.batch = batch

    def finish(self):
        """(exit status, printed text, verdict)."""
        return self.batch.result(self.name)

    def remove(self):
        """Remove the batch (once)."""
        self.batch.remove()


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
        # as tests/README.md has it: the table inside the repository
        self.out = os.path.join(self.repo, "grades")
        self.process = PRIORITY.start(
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
    the bundle, its setup, run_autograder on the plain submission with
    files of mode 644 (as a browser upload leaves them), with namespaces
    and where none can be made; then the red team at the levels user,
    userns and processes. It ends (remove) as a Background does."""

    def __init__(self, python, submission, spare):
        """Start the cycle with a virtual environment made from python."""
        self.name = "gradescope"
        self.place = tempfile.mkdtemp(prefix="judge-gradescope-")
        # the workers' user must cross it to reach the environment
        os.chmod(self.place, 0o711)
        self.top = os.path.join(self.place, "autograder")
        self.process = PRIORITY.start(
            [sys.executable, os.path.join(HERE, "gradescope_cycle.py"),
             self.place, python, submission],
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
        steps printed, the verdict of run_autograder with namespaces and
        without, the red team's reports by level)."""
        if self.done is None:
            self.process.communicate(timeout=1200)
            steps = json.loads(self.read("steps.json") or "{}")
            verdicts = [json.loads(self.read(name) or "null") for name in (
                "run-results.json",
                os.path.join("autograder", "results", "results.json"))]
            printed = {name: self.read(name + ".txt") for name in steps}
            reports = {name[4:]: json.loads(self.read(os.path.join(
                name, "report.json")) or "null") for name in steps
                if name.startswith("red-")}
            self.done = (steps, printed, verdicts[0], verdicts[1], reports)
        return self.done


class RedTeam(Background):
    """The red team at one level (redteam.py), in a temporary folder."""

    def __init__(self, level, spare):
        """Start grading the red team at level with this Python."""
        self.name = "red-" + level
        self.place = tempfile.mkdtemp(prefix="judge-red-")
        os.chmod(self.place, 0o755)
        self.report = os.path.join(self.place, level, "report.json")
        self.process = PRIORITY.start(
            [sys.executable, os.path.join(HERE, "redteam.py"),
             os.path.join(self.place, level), level, sys.executable],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        spare(self.process.pid)
        self.done = None

    def finish(self):
        """Wait for it: (exit status, what it printed, its report)."""
        if self.done is None:
            printed, _ = self.process.communicate(timeout=900)
            try:
                with open(self.report) as f:
                    report = json.load(f)
            except (OSError, ValueError):
                report = None
            self.done = (self.process.returncode, printed, report)
        return self.done


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
HERE = os.path.dirname(os.path.abspath(__file__))
# the tests that read the Gradescope cycle (as root only), and the red
# team's
CYCLE_READERS = {"test_gradescope.py", "test_protections.py",
                 "test_red_team.py"}
RED_READERS = {"test_red_team.py"}


def cycle_python():
    """The Python the cycle's environment is made from, or why there is
    no cycle: (python, reason)."""
    if not (sys.platform.startswith("linux") and os.geteuid() == 0):
        return None, "the judge drops privileges only as root, on Linux"
    python = readable_python()
    if python is None:
        return None, "no Python here that an unprivileged user can read"
    return python, ""


def red_team_level():
    """The level the red team is graded at here, beside the suite: as
    root, namespaces; as another user, namespaces (user namespaces) if
    this machine has them, else none (processes only would let its
    attacks signal this suite, which runs as the same user)."""
    if not sys.platform.startswith("linux"):
        return None
    if os.geteuid() == 0:
        return "namespaces"
    done = subprocess.run(["unshare", "-U", "-m", "-p", "-n", "-f", "true"],
                          capture_output=True)
    return "namespaces" if done.returncode == 0 else None


def pytest_collection_modifyitems(items):
    """The tests that read a grading of the background after the others,
    so that those run while the gradings do: first the readers of the
    class (its grading is short, and what they do themselves, a class
    graded again and Chromium, then runs beside the longer gradings), then
    the student's commands (test_terminal.py), then the other readers. A
    test of the other readers' files that reads no grading runs first,
    with the tests of other files (else it would run last, alone, once
    the gradings have ended)."""
    found = plans()
    first = set(found["class"][0].split())

    def rank(item):
        name = os.path.basename(str(item.fspath))
        return 1 if name in first else 2 if name == "test_terminal.py" \
            else 3 if "gradings" in getattr(item, "fixturenames", ()) \
            else 0

    items.sort(key=rank)


def pytest_collection_finish(session):
    """Start the gradings that the selected tests will read."""
    wanted = {os.path.basename(str(item.fspath)) for item in session.items}
    needed = {name: options for name, (readers, options) in plans().items()
              if wanted & set(readers.split())}
    python, _ = cycle_python() if wanted & CYCLE_READERS else (None, "")
    level = red_team_level() if wanted & RED_READERS else None
    if not needed and python is None and level is None:
        return
    PRIORITY.raise_tests()
    folder = tempfile.mkdtemp(prefix="judge-submissions-")
    submissions.write_all(folder)
    GRADINGS["folder"] = folder
    spare = session.config.stash[GRADING].session.spare
    if level:
        GRADINGS["red"] = RedTeam(level, spare)
    batched = sorted((name for name in needed if name.startswith(BATCHED)),
                     key=longest_first)
    if batched:
        batch = Batch({name: (os.path.join(folder, name), needed[name])
                       for name in batched}, spare)
        for name in batched:
            GRADINGS[name] = Batched(name, os.path.join(folder, name), batch)
    for name, options in needed.items():
        if name not in batched:
            kind = ClassGrading if name == "class" else Background
            GRADINGS[name] = kind(name, os.path.join(folder, name), options,
                                  spare)
    if python:
        upload = os.path.join(folder, "upload")
        shutil.copytree(submissions.PLAIN, upload)
        for name in os.listdir(upload):
            os.chmod(os.path.join(upload, name), 0o644)
        GRADINGS["gradescope"] = Cycle(python, upload, spare)


def pytest_sessionfinish(session):
    """Remove the copies and the submissions."""
    for name in list(GRADINGS):
        if name != "folder":
            GRADINGS.pop(name).remove()
    if "folder" in GRADINGS:
        folder = GRADINGS.pop("folder")
        shutil.rmtree(folder, ignore_errors=True)


class Finished(Mapping):
    """The gradings started for the selected tests, by name, each waited
    for when a test first reads it (so that a test reads one grading while
    the others still run): (exit status, printed text, verdict or out
    folder, Grading); the cycle's: Cycle.finish; the red team's:
    RedTeam.finish."""

    def __getitem__(self, name):
        if name == "folder" or name not in GRADINGS:
            raise KeyError(name)
        grading = GRADINGS[name]
        return grading.finish() + (grading,)

    def __iter__(self):
        return (name for name in GRADINGS if name != "folder")

    def __len__(self):
        return sum(1 for _ in self)


@pytest.fixture(scope="session")
def gradings():
    """The gradings started for the selected tests (Finished)."""
    return Finished()


@pytest.fixture(scope="session")
def cycle(gradings):
    """(steps, printed, verdict with namespaces, verdict without, red
    team reports, Cycle) of the Gradescope cycle; the test is skipped
    where there is none (not root, or no Python an unprivileged user can
    read), but in CI as root, where it must run."""
    if "gradescope" not in gradings:
        why = cycle_python()[1] or "the cycle was not started"
        if os.environ.get("CI") == "true" and os.geteuid() == 0:
            pytest.fail("CI runs as root, and the cycle must run: " + why)
        pytest.skip(why)
    return gradings["gradescope"]


@pytest.fixture(scope="session")
def red_team(gradings):
    """{level: report} of the red team (redteam.py: grade_level), at
    every level graded here."""
    found = {}
    if "red" in gradings:
        status, printed, report, _ = gradings["red"]
        assert report is not None, printed[-3000:]
        found["namespaces"] = report
    if "gradescope" in gradings:
        steps, printed, _, _, reports, _ = gradings["gradescope"]
        for level, report in reports.items():
            assert report is not None, (level, printed.get(
                "red-" + level, "")[-3000:])
            found[level] = report
    if not found:
        pytest.skip("no level of the red team runs here")
    return found
