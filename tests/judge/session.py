"""A grading session: one submission, graded one task at a time.

When the run begins, the judge reads everything it will use into memory:
the submitted task files, this repository's task files and drivers, and a
fingerprint of the repository's files that it runs or reads. Each task is
then graded in a folder of its own (this repository's task files with the
submitted one in place of its own, and the drivers), by workers
(sandbox.py) that are killed with everything they started when the task
is done. The fingerprint is taken again after each task: a change is
reported, and the verdict is void.

Checks (tests/checks/) talk to the submission only through Judge: `imported`,
`driver`, `construct`, `outcome` and `results`. Each fails the check, with a
one-line reason, when the submission gives no usable answer.
"""
import hashlib
import os
import re
import shutil
import time

import numpy as np
import pytest

import cases
from judge import sandbox
from tasks import DEFINES, ROOT, TASKS, number

LARGEST_FILE = 1 << 20
JUDGE_DIRS = ("main", "tests")
SKIPPED_DIRS = {"__pycache__", ".pytest_cache"}


def fail(message):
    """Fail the running check with a message, without a traceback."""
    pytest.fail(message, pytrace=False)


def one_line(text, width=300):
    """text on one line of at most width characters, without control
    characters (what a submission raises or prints is shown this way)."""
    text = re.sub(r"[\x00-\x1f\x7f]+", " ", str(text)).strip()
    return text if len(text) <= width else text[:width - 3] + "..."


def fingerprint(root, exclude=()):
    """{relative path: sha256} of the files the judge runs or reads: those
    at the root of the repository (task files, pytest.ini, a conftest.py
    if one appeared) and everything in main/ and tests/, but caches and
    the folders in exclude (a submission or a table being written)."""
    exclude = {os.path.realpath(path) for path in exclude}
    paths = [os.path.join(root, name) for name in os.listdir(root)
             if os.path.isfile(os.path.join(root, name))]
    for top in JUDGE_DIRS:
        for folder, dirs, files in os.walk(os.path.join(root, top)):
            dirs[:] = sorted(
                d for d in dirs if d not in SKIPPED_DIRS and
                os.path.realpath(os.path.join(folder, d)) not in exclude)
            paths += [os.path.join(folder, name) for name in files
                      if not name.endswith(".pyc")]
    found = {}
    for path in paths:
        try:
            with open(path, "rb") as f:
                digest = hashlib.sha256(f.read()).hexdigest()
        except OSError:
            digest = None
        found[os.path.relpath(path, root)] = digest
    return found


def changes(before, after):
    """The paths whose content differs between two fingerprints."""
    return sorted(path for path in set(before) | set(after)
                  if before.get(path) != after.get(path))


class Outcome:
    """What one call of a submitted task gave: arrays, or an error."""

    def __init__(self, arrays=None, error=None):
        """arrays: results by name; error: the worker's description of
        what the call raised (type, message, line, function, harness)."""
        self.arrays = arrays
        self.error = error

    @property
    def ok(self):
        """Whether the call returned."""
        return self.error is None


class TaskRun:
    """The grading of one task: its folder, its worker, its time."""

    def __init__(self, judge, task):
        """Nothing runs until the first request."""
        self.judge = judge
        self.task = task
        self.folder = None
        self.worker = None
        self.used = 0.0
        self.docs = None
        self.broken = None  # why the task file does not import

    def files(self):
        """The folder's files: this repository's task files, the submitted
        file for this task, and every driver."""
        files = {name + ".py": (content, 0o755) for name, content in
                 self.judge.reference.items()}
        files[self.task + ".py"] = (self.judge.submitted[self.task], 0o755)
        for n, content in self.judge.drivers.items():
            files["main/{}-main.py".format(n)] = (content, 0o755)
        return files

    def request(self, message, arrays, what, fresh=False):
        """Send a request to a worker; its reply (message, arrays). Fails
        the check when there is none."""
        if self.broken is not None:
            fail("not run: " + self.broken)
        limits = self.judge.limits
        left = limits.task - self.used
        if left <= 0:
            fail("not run: {} has used its {} (--task-time-limit)".format(
                self.task, sandbox.seconds(limits.task)))
        if self.folder is None:
            self.folder = sandbox.temporary_folder(self.files())
        if self.worker is not None and (fresh or not self.worker.usable()):
            # a worker that ended after its last reply is no fault of
            # this request: it goes to a fresh one
            self.worker.stop()
        if self.worker is None or not self.worker.alive:
            self.start_worker()
            if message["probe"] != "driver":
                self.import_task(left)
        left = limits.task - self.used
        start = time.monotonic()
        try:
            return self.worker.request(message, arrays,
                                       min(limits.call, left), what)
        except sandbox.Failure as failure:
            reason = str(failure)
        finally:
            self.used += time.monotonic() - start
        if reason.startswith("took longer") and left < limits.call:
            reason += " (all that was left of the task's {}, " \
                "--task-time-limit)".format(sandbox.seconds(limits.task))
        fail(one_line(reason))

    def start_worker(self):
        """A new worker for the task's folder."""
        try:
            self.worker = sandbox.Worker(self.judge.launch, self.folder,
                                         self.judge.limits)
            return
        except (sandbox.Failure, OSError) as failure:
            reason = "could not start a worker: {}".format(failure)
        self.worker = None
        fail(one_line(reason))

    def import_task(self, left):
        """Import the task file in a new worker; remember its docstrings,
        or why it does not import."""
        what = "the import of {}.py".format(self.task)
        start = time.monotonic()
        try:
            reply, _ = self.worker.request(
                {"probe": "import", "task": self.task}, None,
                min(self.judge.limits.call, left), what)
        except sandbox.Failure as failure:
            reply = {"ok": False, "failure": str(failure)}
        finally:
            self.used += time.monotonic() - start
        if reply.get("ok"):
            if self.docs is None:
                self.docs = reply.get("docs") or {}
            return
        if "failure" in reply:
            reason = reply["failure"]
        else:
            reason = error_message(reply.get("error") or {}, what,
                                   self.judge.limits)
        self.broken = one_line("{}.py does not import: {}".format(
            self.task, reason))
        fail(self.broken)

    def close(self):
        """Kill the worker and everything the submission started; remove
        the folder."""
        if self.worker is not None:
            self.worker.stop()
        sandbox.sweep(self.judge.launch.pids())
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)


def error_message(error, what, limits):
    """One line for an exception raised by submitted code."""
    kind = error.get("type", "an exception")
    message = one_line(error.get("message", ""), 200)
    if kind == "SystemExit":
        return "the submission called sys.exit({}) during {}".format(
            message, what)
    if kind == "NotImplementedError":
        return "not implemented yet: {}".format(message or what)
    if kind == "MemoryError":
        return "ran out of its {} MB of memory during {}".format(
            limits.memory, what)
    if error.get("harness"):
        return message
    at = ""
    if error.get("line"):
        at = " at line {}".format(error["line"])
        if error.get("function") not in (None, "<module>"):
            at += " (in {})".format(error["function"])
    return "{} raised {}{}: {}".format(what, kind, at, message)


class Judge:
    """One grading run of one submission (a folder of task files)."""

    def __init__(self, folder, limits, seed):
        """Read the submission and this repository's files into memory.

        folder: the submission; limits: sandbox.Limits; seed: the seed of
        this run's fresh cases.
        """
        self.folder = os.path.realpath(folder)
        self.limits = limits
        self.seed = seed
        self.own = self.folder == os.path.realpath(ROOT)
        self.reference = {task: read(os.path.join(ROOT, task + ".py"))
                          for task in TASKS}
        self.drivers = {number(task): read(os.path.join(
            ROOT, "main", "{}-main.py".format(number(task))))
            for task in TASKS}
        self.submitted, self.modes, self.too_large = {}, {}, {}
        for task in TASKS:
            path = os.path.join(self.folder, task + ".py")
            if not os.path.isfile(path):
                continue
            self.modes[task] = os.stat(path).st_mode
            if os.path.getsize(path) > LARGEST_FILE:
                self.too_large[task] = os.path.getsize(path)
            self.submitted[task] = read(path)[:LARGEST_FILE]
        self.before = fingerprint(ROOT, [self.folder])
        self.tampered = []  # (task, changed paths)
        self.launch = sandbox.launcher()
        sandbox.become_subreaper()
        self.run = None
        # the calls of the running check: (probe, task, request, case,
        # Outcome); and of every check: (task, kind) -> [(passed, calls)]
        self.records = []
        self.history = {}

    def text(self, task):
        """The submitted file of task as text."""
        return self.submitted[task].decode("utf-8", "replace")

    # -- one task at a time --------------------------------------------------

    def task_run(self, task):
        """The TaskRun of task, ending the previous task's."""
        if self.run is not None and self.run.task != task:
            self.finish_task()
        if self.run is None:
            self.run = TaskRun(self, task)
            if task in self.too_large:
                self.run.broken = "{}.py is larger than {} KB: not " \
                    "graded".format(task, LARGEST_FILE >> 10)
        return self.run

    def finish_task(self):
        """End the current task: kill what it started, remove its folder,
        and check that the repository's files are as they were."""
        if self.run is None:
            return
        run, self.run = self.run, None
        run.close()
        self.check_files(run.task)

    def check_files(self, task):
        """Note the repository files that changed since the run began."""
        changed = changes(self.before,
                          fingerprint(ROOT, [self.folder]))
        known = {path for _, paths in self.tampered for path in paths}
        if set(changed) - known:
            self.tampered.append((task, sorted(set(changed) - known)))

    def close(self):
        """End the session: the last task, the fork server, and a last
        look at the repository's files."""
        self.finish_task()
        self.launch.close()
        sandbox.sweep([])
        self.check_files(None)

    # -- what checks ask -----------------------------------------------------

    def imported(self, task):
        """The __doc__ of everything the submitted file defines, by name
        ("" for the module); fails the check if it does not import."""
        run = self.task_run(task)
        if run.docs is None:
            run.request({"probe": "import", "task": task}, None,
                        "the import of {}.py".format(task))
        return run.docs

    def driver(self, task):
        """What main/N-main.py printed, run in a fresh worker with the
        submitted task file and this repository's others."""
        what = "main/{}-main.py".format(number(task))
        reply, _ = self.task_run(task).request(
            {"probe": "driver", "task": task,
             "output": self.limits.output}, None, what, fresh=True)
        if not reply.get("ok"):
            printed = str(reply.get("printed", ""))
            lines = printed.count("\n")
            fail(error_message(reply.get("error") or {}, "{} (after {} "
                               "line{} of output)".format(
                                   what, lines, "" if lines == 1 else "s"),
                               self.limits))
        if reply.get("truncated"):
            fail("{} printed more than {} (--output-limit)".format(
                what, sandbox.size(self.limits.output)))
        return str(reply.get("printed", ""))

    def construct(self, task, i, h, o, seed):
        """np.random.seed(seed), then the task's cell (i, h, o): its
        documented attributes and the next three draws ("random.after")."""
        what = "{}({}, {}, {})".format(DEFINES[task], i, h, o)
        request = {"probe": "construct", "task": task, "sizes": [i, h, o],
                   "seed": seed}
        reply, arrays = self.task_run(task).request(request, None, what)
        outcome = Outcome(arrays) if reply.get("ok") else Outcome(
            error=reply.get("error") or {})
        self.records.append(("construct", task, request, None, outcome))
        if not outcome.ok:
            fail(error_message(outcome.error, what, self.limits))
        return arrays

    def outcome(self, task, case, method=None, strict=False, seed=None,
                report=False):
        """Call task on case (cases.py): an Outcome with its results by
        name, or the exception it raised.

        method: another method of a bidirectional cell than the task's
        own; strict: warnings and floating-point errors raise; seed: seed the
        global generator first, and return the next three draws after the
        call as "random.after"; report: also return the arguments and the
        cells' attributes as they are after the call ("after.NAME").
        """
        what = cases.describe(task, method)
        request = {"probe": "call", "task": task, "method": method,
                   "strict": strict, "seed": seed, "report": report}
        reply, arrays = self.task_run(task).request(request, case, what)
        outcome = Outcome(arrays) if reply.get("ok") else Outcome(
            error=reply.get("error") or {})
        # a copy: a check may change its arrays after the call
        self.records.append(("call", task, request, {
            key: np.array(value) for key, value in case.items()}, outcome))
        return outcome

    def results(self, task, case, method=None, **options):
        """The results of task on case by name; fails the check if the
        call raised."""
        outcome = self.outcome(task, case, method, **options)
        if not outcome.ok:
            fail(error_message(outcome.error, cases.describe(task, method),
                               self.limits))
        return outcome.arrays


def read(path):
    """The bytes of a file."""
    with open(path, "rb") as f:
        return f.read()
