"""A grading session: one submission, graded one task at a time.

Each task is graded in a folder of its own (the submitted file of the task
and its driver; the files of this repository that the task needs are
handed to its workers as modules), by workers (run/sandbox.py) that are
killed with everything they started when the task is done. The
repository's fingerprint is taken again after each task: a change is
reported, and the verdict is void.

Checks (tests/checks/) talk to the submission only through Session:
`imported`, `driver`, `construct`, `outcome` and `results`. Each raises
CheckFailed, with a one-line reason, when the submission gives no usable
answer. Every call is recorded (RecordedCall) for the diagnosis.
"""
import shutil
import time
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Set, Tuple

import numpy as np

from judge import standins
from judge.contract import cases
from judge.contract.tasks import TASK
from judge.failures import (CheckFailed, Raised, error_message, fail,
                            one_line)
from judge.reference import Reference, changes, fingerprint
from judge.run import sandbox
from judge.run.cgroup import Group
from judge.run.isolation import Isolation
from judge.run.limits import Limits, seconds, size
from judge.run.processes import become_subreaper, sweep
from judge.submission import Submission

Arrays = Dict[str, np.ndarray]
# seconds a probe of the feedback may take (judge/feedback/conditions.py)
PROBE_TIME = 2.0
# bytes of the largest array of a reply that the judge keeps (the right
# answers of the checks and probes are far smaller)
LARGEST_ARRAY = 1 << 20
# the limits a worker may say it could not set (run/worker.py)
UNSET = ("memory", "CPU time", "file size", "core files", "processes",
         "end with the judge", "system-call filter")


@dataclass
class Outcome:
    """What one call of a submitted task gave: arrays, or an exception."""
    arrays: Optional[Arrays] = None
    error: Optional[Raised] = None

    @property
    def ok(self) -> bool:
        """Whether the call returned."""
        return self.error is None

    @classmethod
    def from_reply(cls, reply: dict, arrays: Arrays,
                   expected: Sequence[str]) -> "Outcome":
        """The outcome a worker's reply describes, with the arrays of the
        names expected alone: one larger than LARGEST_ARRAY kept as its
        shape (zeros that take no memory: no right answer is that large),
        one that is not of numbers an error."""
        if not reply.get("ok"):
            return cls(error=Raised.from_reply(reply.get("error")))
        kept = {}
        for name in expected:
            value = arrays.get(name)
            if value is None:
                continue
            if value.dtype.kind not in "biufc":
                return cls(error=Raised(
                    "TypeError", "{} is an array of {}, not of numbers"
                    .format(name, value.dtype.kind), harness=True))
            if value.nbytes > LARGEST_ARRAY:
                value = np.broadcast_to(np.zeros((), value.dtype),
                                        value.shape)
            kept[name] = value
        return cls(arrays=kept)


def expected_results(task: str, method: Optional[str], case: Arrays,
                     report: bool) -> Tuple[str, ...]:
    """The names of the arrays a call's reply holds: its results, the
    draws after it, and with report the case's arrays after it."""
    found = TASK[task].call(method).output_names() + ("random.after",)
    if report:
        found += tuple("after." + key for key in case)
    return found


@dataclass
class RecordedCall:
    """A call a check made of the submission: the probe ("construct" or
    "call"), the request, a copy of the case, and what it gave."""
    probe: str
    task: str
    request: dict
    case: Optional[Arrays]
    outcome: Outcome


@dataclass
class Tampering:
    """Repository files that changed during the grading, noticed after
    task (None: at the end)."""
    task: Optional[str]
    paths: List[str]


class TaskRun:
    """The grading of one task: its folder, its worker, its time."""

    def __init__(self, session: "Session", task: str):
        """Nothing runs until the first request."""
        self.session = session
        self.task = task
        self.folder: Optional[sandbox.Folder] = None
        self.worker: Optional[sandbox.Worker] = None
        self.used = 0.0
        self.docs: Optional[Dict[str, bool]] = None
        self.broken: Optional[str] = None  # why the task file is not run

    def files(self) -> Dict[str, Tuple[bytes, int]]:
        """The workers' folder: the submitted file of this task and the
        task's driver, nothing of the other tasks."""
        return {TASK[self.task].file: (
                    self.session.submission.files[self.task], 0o755),
                TASK[self.task].driver: (
                    self.session.reference.drivers[self.task], 0o755)}

    def left(self) -> float:
        """Seconds left of the task's time; fails the check if none."""
        limits = self.session.limits
        if self.used >= limits.task:
            fail("not run: {} has used its {} (--task-time-limit)".format(
                self.task, seconds(limits.task)))
        return limits.task - self.used

    def ready(self, probe: str, fresh: bool = False) -> None:
        """A live worker for a request of probe: a new one if fresh, or if
        the last one ended; a new worker imports the task file first
        (but for a driver, which imports it itself)."""
        if self.broken is not None:
            fail("not run: " + self.broken)
        left = self.left()
        if self.folder is None:
            self.folder = sandbox.temporary_folder(self.files())
        if self.worker is not None and (fresh or not self.worker.usable()):
            # a worker that ended after its last reply is no fault of
            # this request: it goes to a fresh one
            self.worker.stop()
        if self.worker is None or not self.worker.alive:
            self.start_worker()
            if probe != "driver":
                self.import_task(left)

    def request(self, message: dict, arrays: Optional[Arrays], what: str,
                fresh: bool = False, most: Optional[float] = None
                ) -> Tuple[dict, Arrays]:
        """Send a request to a worker; its reply (message, arrays). Fails
        the check when there is none. most: seconds it may take at most,
        below the call's limit."""
        self.ready(message["probe"], fresh)
        return self.send(message, arrays, what, most)

    def send(self, message: dict, arrays: Optional[Arrays], what: str,
             most: Optional[float] = None) -> Tuple[dict, Arrays]:
        """Send a request to the live worker, within the call's and the
        task's time; its reply. Fails the check when there is none."""
        limits = self.session.limits
        left = self.left()
        start = time.monotonic()
        try:
            reply, got = self.worker.request(
                message, arrays, min(limits.call, left, most or left), what)
            self.session.note_unset(reply.get("unset"))
            return reply, got
        except sandbox.Failure as failure:
            reason = str(failure)
        finally:
            self.used += time.monotonic() - start
        if reason.startswith("took longer") and left < limits.call:
            reason += " (all that was left of the task's {}, " \
                "--task-time-limit)".format(seconds(limits.task))
        fail(one_line(reason))

    def start_worker(self) -> None:
        """A new worker for the task's folder."""
        try:
            self.worker = sandbox.Worker(
                self.session.launch, self.folder, self.session.limits,
                TASK[self.task].needs, self.answer, self.session.spared)
            return
        except (sandbox.Failure, OSError) as failure:
            reason = "could not start a worker: {}".format(failure)
        self.worker = None
        fail(one_line(reason))

    def answer(self, message: dict, arrays: Arrays, timeout: float
               ) -> Optional[Tuple[dict, Arrays]]:
        """The answer to a call of one of the worker's stand-ins, made
        with this repository's code in the reference worker (standins.py),
        or None if it takes longer than timeout seconds."""
        return self.session.answers.ask(TASK[self.task].needs, message,
                                        arrays, timeout)

    def import_task(self, left: float) -> None:
        """Import the task file in the worker; remember its docstrings,
        or why it does not import (and fail the check)."""
        what = "the import of {}".format(TASK[self.task].file)
        start = time.monotonic()
        try:
            reply, _ = self.worker.request(
                {"probe": "import", "task": self.task}, None,
                min(self.session.limits.call, left), what)
            self.session.note_unset(reply.get("unset"))
        except sandbox.Failure as failure:
            reply = {"ok": False, "failure": str(failure)}
        finally:
            self.used += time.monotonic() - start
        if reply.get("ok"):
            docs = reply.get("docs")
            self.docs = {one_line(name, 60): value is True for name, value
                         in list(docs.items())[:100]} \
                if isinstance(docs, dict) else {}
            return
        if "failure" in reply:
            reason = reply["failure"]
        else:
            reason = error_message(Raised.from_reply(reply.get("error")),
                                   what, self.session.limits,
                                   self.session.source(self.task))
        self.broken = one_line("{} does not import: {}".format(
            TASK[self.task].file, reason))
        fail(self.broken)

    def imported(self) -> Dict[str, bool]:
        """Whether each thing the task file defines has a docstring (by
        name, "" for the module), imported once."""
        if self.docs is None:
            self.ready("import")
            if self.docs is None:  # a worker a driver started
                self.import_task(self.left())
        return self.docs

    def close(self) -> None:
        """Kill the worker and everything the submission started; remove
        the folder."""
        if self.worker is not None:
            self.worker.stop()
        sweep(self.session.launch.pids(), self.session.spared)
        if self.folder is not None:
            shutil.rmtree(self.folder.top, ignore_errors=True)


class Session:
    """One grading of one submission, task by task."""

    def __init__(self, submission: Submission, reference: Reference,
                 limits: Limits, seed: int,
                 protection: Optional[Isolation] = None):
        """Take the repository's fingerprint and start nothing yet.

        seed: the seed of this run's fresh cases; protection: the level
        workers run at (sandbox.protection; processes only by default).
        """
        self.submission = submission
        self.reference = reference
        self.limits = limits
        self.seed = seed
        self.own = submission.own
        self.before = fingerprint(reference.root, [submission.folder])
        self.tampered: List[Tampering] = []
        self.protection = protection or Isolation()
        self.group = Group.make(limits.memory, limits.processes + 16) \
            if self.protection.level != "processes" else \
            Group(why="processes only")
        self.launch = sandbox.launcher(self.protection, self.group)
        sandbox.remove_stale_folders()
        self.started = time.time()
        self.subreaper = become_subreaper()
        self.spared: Set[int] = set()
        self.answers = standins.ReferenceWorker(reference, self.spare)
        self.unset: Set[str] = set()  # limits a worker could not set
        # (task, kind) -> what a check reports without failing for it
        self.advice: Dict[Tuple[str, str], List[str]] = {}
        self.run: Optional[TaskRun] = None
        self.calls: List[RecordedCall] = []  # of the running check

    def spare(self, pid: int) -> None:
        """Never count or kill pid and what it starts: a process of the
        judge's own tests that runs beside the grading (another judge)."""
        self.spared.add(pid)

    def note_unset(self, names) -> None:
        """Remember limits a worker reports it could not set (those it
        may report: UNSET; a worker runs submitted code and could say
        anything)."""
        if isinstance(names, list):
            self.unset.update(name for name in UNSET if name in names)

    def advise(self, task: str, kind: str, text: str) -> None:
        """Report text in the output of task's kind, without failing the
        check or taking a point (README: House rules)."""
        found = self.advice.setdefault((task, kind), [])
        if text not in found:
            found.append(text)

    def protections(self) -> str:
        """What this grading's workers run under, in one short line (at
        most 100 characters with "sandbox: "): the level of protection
        (tests/README.md: What the judge protects), and the limits."""
        limits = self.limits
        return "{}; {}/call, {}/task, {} MB, {} output".format(
            self.protection.describe(), seconds(limits.call),
            seconds(limits.task), limits.memory, size(limits.output_bytes))

    def protection_details(self) -> str:
        """The protections in full, for -v and results.json: what the
        level gives and lacks, the limits, the control group, and the
        limits that could not be set."""
        limits = self.limits
        found = "{}; limits of {} a call, {} a task, {} MB of memory, {} " \
            "of output, {} processes; {}".format(
                self.protection.details(), seconds(limits.call),
                seconds(limits.task), limits.memory,
                size(limits.output_bytes), limits.processes,
                self.group.describe())
        missing = sorted(self.unset)
        if not self.subreaper:
            missing.append("tracking detached processes")
        if missing:
            found += "; could not set: " + ", ".join(missing)
        return found

    def take_calls(self) -> List[RecordedCall]:
        """The calls recorded since the last time, and start afresh."""
        calls, self.calls = self.calls, []
        return calls

    def text(self, task: str) -> str:
        """The submitted file of task as text."""
        return self.submission.text(task)

    def source(self, task: str) -> List[str]:
        """The lines of the submitted file of task."""
        return self.submission.text(task).splitlines()

    def mode(self, task: str) -> int:
        """The permission bits of the submitted file of task."""
        return self.submission.modes[task]

    # -- one task at a time --------------------------------------------------

    def task_run(self, task: str) -> TaskRun:
        """The TaskRun of task, ending the previous task's."""
        if self.run is not None and self.run.task != task:
            self.finish_task()
        if self.run is None:
            self.run = TaskRun(self, task)
        return self.run

    def finish_task(self) -> None:
        """End the current task: kill what it started, remove its folder,
        and (processes only, where workers can write there) check that the
        repository's files are as they were."""
        if self.run is None:
            return
        run, self.run = self.run, None
        run.close()
        if self.protection.level == "processes":
            # elsewhere, no worker can write there: the last look, at the
            # end, is enough
            self.check_files(run.task)

    def check_files(self, task: Optional[str]) -> None:
        """Note the repository files that changed since the run began."""
        changed = changes(self.before, fingerprint(
            self.reference.root, [self.submission.folder]))
        known = {path for found in self.tampered for path in found.paths}
        if set(changed) - known:
            self.tampered.append(Tampering(task, sorted(set(changed) -
                                                        known)))

    def close(self) -> None:
        """End the session: the last task, the fork server, and a last
        look at the repository's files."""
        self.finish_task()
        self.launch.close()
        self.answers.close()
        self.group.remove()
        sweep([], self.spared)
        if self.protection.level == "user":
            sandbox.remove_files_of(self.protection.uid, self.started)
        self.check_files(None)

    # -- what checks ask -----------------------------------------------------

    def imported(self, task: str) -> Dict[str, bool]:
        """Whether everything the submitted file defines has a docstring,
        by name ("" for the module); fails the check if it does not
        import."""
        return self.task_run(task).imported()

    def driver(self, task: str) -> str:
        """What main/N-main.py printed, run in a fresh worker with the
        submitted task file and this repository's others."""
        what = TASK[task].driver
        reply, _ = self.task_run(task).request(
            {"probe": "driver", "task": task,
             "output": self.limits.output_bytes}, None, what, fresh=True)
        if not reply.get("ok"):
            printed = str(reply.get("printed", ""))
            lines = printed.count("\n")
            fail(error_message(Raised.from_reply(reply.get("error")),
                               "{} (after {} line{} of output)".format(
                                   what, lines, "" if lines == 1 else "s"),
                               self.limits, self.source(task)))
        if reply.get("truncated"):
            fail("{} printed more than {} (--output-limit)".format(
                what, size(self.limits.output_bytes)))
        return str(reply.get("printed", ""))

    def construct(self, task: str, i: int, h: int, o: int,
                  seed: int) -> Arrays:
        """np.random.seed(seed), then the task's cell (i, h, o): its
        documented attributes and the next three draws ("random.after")."""
        what = "{}({}, {}, {})".format(TASK[task].cell.name, i, h, o)
        request = {"probe": "construct", "task": task, "sizes": [i, h, o],
                   "seed": seed}
        reply, arrays = self.task_run(task).request(request, None, what)
        outcome = Outcome.from_reply(reply, arrays, TASK[task].cell.names() +
                                     ("random.after",))
        self.calls.append(RecordedCall("construct", task, request, None,
                                       outcome))
        if not outcome.ok:
            fail(error_message(outcome.error, what, self.limits,
                               self.source(task)))
        return arrays

    def outcome(self, task: str, case: Arrays, method: Optional[str] = None,
                strict: bool = False, seed: Optional[int] = None,
                report: bool = False) -> Outcome:
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
        outcome = Outcome.from_reply(reply, arrays, expected_results(
            task, method, case, report))
        # a copy: a check may change its arrays after the call
        self.calls.append(RecordedCall("call", task, request, {
            key: np.array(value) for key, value in case.items()}, outcome))
        return outcome

    def probe(self, task: str, case: Arrays,
              method: Optional[str] = None) -> Optional[Outcome]:
        """A call of the running task on case for the feedback: not
        recorded, within the task's time and at most PROBE_TIME seconds;
        None when the task cannot be called any more."""
        run = self.run
        if run is None or run.task != task or run.broken is not None:
            return None
        request = {"probe": "call", "task": task, "method": method,
                   "strict": False, "seed": None, "report": False}
        try:
            reply, arrays = run.request(request, case, cases.describe(
                task, method), most=PROBE_TIME)
        except CheckFailed:
            return None
        return Outcome.from_reply(reply, arrays, expected_results(
            task, method, case, False))

    def results(self, task: str, case: Arrays, method: Optional[str] = None,
                **options) -> Arrays:
        """The results of task on case by name; fails the check if the
        call raised."""
        outcome = self.outcome(task, case, method, **options)
        if not outcome.ok:
            fail(error_message(outcome.error, cases.describe(task, method),
                               self.limits, self.source(task)))
        return outcome.arrays
