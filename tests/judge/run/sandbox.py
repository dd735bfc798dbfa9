"""How submitted code is run: worker processes, their limits, their end.

The judge never imports a submitted file. It starts workers (worker.py),
sends each a request and waits for the reply under limits:

- wall time: a request that gets no reply within its time fails, and the
  worker is killed (the next request goes to a fresh worker);
- memory, CPU time, file size and the number of processes, set with
  setrlimit inside the worker (processes: but for a worker that runs as
  root);
- output: what the worker prints is read as it comes, counted and
  dropped (nothing a submission prints reaches the verdict but a driver's
  printout, which the worker sends as data); past the limit the worker is
  killed;
- processes: every process the submission starts is a descendant of the
  judge, which is a child subreaper on Linux (orphans come back to it), so
  the judge can find them all; a worker that starts too many is killed,
  and each task ends by killing every one of them (sweep).

A worker that exits, crashes, is killed or sends a reply the judge cannot
read fails the request with a one-line reason (Failure).

As root, workers also drop to an unprivileged user, in namespaces of their
own where Linux has them (isolation.py; protection() picks the level once
per grading). A worker's folder holds the submitted file of its task and
the task's driver; the files of this repository that the task needs are
in a folder beside it that only the judge's user can read (Folder).
"""
import json
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from typing import Dict, Iterable, NamedTuple, Optional

from judge.contract.tasks import ROOT, TASK, TASKS
from judge.run import isolation, protocol
from judge.run.isolation import Isolation
from judge.run.limits import Limits, seconds, size
from judge.run.processes import LINUX, kill, others, user_threads

WORKER = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                      "worker.py")
REPLY_LIMIT = 64 << 20
THREADS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS",
           "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")
# what workers that drop to another user keep of the judge's environment
KEPT = {"PATH", "HOME", "LANG", "LANGUAGE", "TZ", "TMPDIR", "PYTHONPATH",
        "PYTHONHOME", "LD_LIBRARY_PATH"}
KEPT_PREFIXES = ("LC_", "OPENBLAS_", "OMP_", "MKL_", "GOTO", "NPY_")


class Failure(Exception):
    """A request got no usable reply; str() is the one-line reason."""


def worker_limits(limits: Limits, protection: Isolation) -> Dict[str, int]:
    """The limits a worker sets on itself (worker.confine)."""
    found = {"memory": limits.memory << 20,
             "cpu": int(limits.task + limits.call) + 5,
             "files": 64 << 20, "output": limits.output_bytes}
    uid = protection.uid if protection.drops else os.geteuid() \
        if LINUX else 0
    if LINUX and uid != 0:
        # RLIMIT_NPROC counts every process and thread of the user
        found["processes"] = user_threads(uid) + limits.processes + 8
    return found


def worker_environment(protection: Optional[Isolation] = None
                       ) -> Dict[str, str]:
    """The environment of workers: one BLAS thread, no bytecode files.
    Workers that drop to another user get only the variables that Python,
    numpy and the locale read (KEPT): the others can name folders and
    hold secrets of the judge's user (PWD: a checkout of the solutions)."""
    env = dict(os.environ)
    if protection is not None and protection.drops:
        env = {name: value for name, value in env.items()
               if name in KEPT or name.startswith(KEPT_PREFIXES)}
    env.update({name: "1" for name in THREADS})
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


# -- launchers ---------------------------------------------------------------

class ForkServer:
    """Starts workers by fork from a zygote (worker.py zygote), which has
    imported numpy and the harness once, and nothing submitted."""

    def __init__(self, protection: Isolation):
        """Nothing runs until the first spawn. protection: the level
        workers run at."""
        self.protection = protection
        # a worker in namespaces of its own is two processes: the first
        # of its process-id namespace and the one that waits for it
        self.per_worker = 2 if protection.nested else 1
        self.process = None
        self.control = None

    def start(self):
        """Start the zygote."""
        ours, theirs = socket.socketpair(socket.AF_UNIX,
                                         socket.SOCK_SEQPACKET)
        self.process = subprocess.Popen(
            [sys.executable, "-B", WORKER, "zygote", str(theirs.fileno()),
             json.dumps(self.protection.config())],
            pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            env=worker_environment(self.protection))
        theirs.close()
        ours.settimeout(20)
        self.control = ours

    def pids(self):
        """The zygote's pid, the one descendant that is not a worker's."""
        return [self.process.pid] if self.process else []

    def ask(self, request, fds=()):
        """Send the zygote a request, return its answer; a zygote that
        died or does not answer is replaced, and Failure raised."""
        try:
            if fds:
                socket.send_fds(self.control, [json.dumps(request).encode()],
                                list(fds))
            else:
                self.control.send(json.dumps(request).encode())
            answer = self.control.recv(65536)
            if not answer:
                raise OSError("the zygote ended")
            return json.loads(answer.decode())
        except (OSError, ValueError) as error:
            self.close()
            raise Failure("the judge's fork server failed ({}); it will be "
                          "restarted".format(error)) from None

    def spawn(self, directory, limits, given):
        """A new worker for directory, with the modules given ({name:
        path}): (pid, socket, output pipe)."""
        if self.process is None or self.process.poll() is not None:
            self.close()
            self.start()
        ours, theirs = socket.socketpair()
        read, write = os.pipe()
        try:
            pid = self.ask({"spawn": directory, "limits": limits,
                            "given": given},
                           (theirs.fileno(), write))["pid"]
        finally:
            theirs.close()
            os.close(write)
        return pid, ours, read

    def ended(self, pid):
        """Whether a worker has ended (a zombie, or gone)."""
        try:
            with open("/proc/{}/stat".format(pid), "rb") as f:
                return f.read().rsplit(b")", 1)[1].split()[0] == b"Z"
        except (OSError, IndexError):
            return True

    def status(self, pid):
        """The wait status of a worker that has ended (or None)."""
        try:
            return self.ask({"status": pid})["status"]
        except Failure:
            return None

    def close(self):
        """Stop the zygote (its workers die with it)."""
        if self.control is not None:
            self.control.close()
            self.control = None
        if self.process is not None:
            kill(self.process.pid)
            self.process.wait()
            self.process = None


class Spawner:
    """Starts each worker as a new Python process (where fork servers are
    not available: not Linux, or no socket.send_fds)."""

    per_worker = 1

    def __init__(self):
        """No worker yet."""
        self.popens = {}

    def pids(self):
        """No process of the judge's own below it."""
        return []

    def spawn(self, directory, limits, given):
        """A new worker for directory, with the modules given ({name:
        path}): (pid, socket, output pipe)."""
        ours, theirs = socket.socketpair()
        read, write = os.pipe()
        popen = subprocess.Popen(
            [sys.executable, "-B", WORKER, "worker", str(theirs.fileno()),
             directory, json.dumps(limits), json.dumps(given),
             json.dumps(Isolation().config())],
            pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL,
            stdout=write, stderr=write, env=worker_environment())
        theirs.close()
        os.close(write)
        self.popens[popen.pid] = popen
        return popen.pid, ours, read

    def ended(self, pid):
        """Whether a worker has ended."""
        popen = self.popens.get(pid)
        return popen is None or popen.poll() is not None

    def status(self, pid):
        """The wait status of a worker that has ended (or None)."""
        popen = self.popens.pop(pid, None)
        if popen is None:
            return None
        code = popen.wait()
        return (-code) if code < 0 else (code << 8)

    def close(self):
        """Nothing runs between workers."""


def launcher(protection: Optional[Isolation] = None):
    """The fastest way of starting workers that this machine has, at the
    level protection (processes only by default)."""
    protection = protection or Isolation()
    if LINUX and hasattr(socket, "send_fds") and hasattr(
            socket, "SOCK_SEQPACKET"):
        return ForkServer(protection)
    assert not protection.drops, "workers drop privileges on Linux only"
    return Spawner()


def describe_status(status):
    """How a worker ended, from its wait status."""
    if status is None:
        return "ended"
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        try:
            name = signal.Signals(number).name
        except ValueError:
            name = "signal {}".format(number)
        if number == signal.SIGXCPU:
            return "ran out of CPU time ({})".format(name)
        return "was killed by {}".format(name)
    return "exited with status {}".format(os.WEXITSTATUS(status))


class Worker:
    """One worker process: requests in, replies out, under limits."""

    def __init__(self, launch, folder: "Folder", limits: Limits,
                 spared: Iterable[int] = ()):
        """Start a worker for folder through launch (ForkServer or
        Spawner) with limits; spared: pids whose processes are not the
        submission's (another judge that a test runs beside this one)."""
        self.launch = launch
        self.limits = limits
        self.spared = spared
        protection = getattr(launch, "protection", Isolation())
        self.pid, self.sock, self.out = launch.spawn(
            folder.task, worker_limits(limits, protection), folder.given)
        self.sock.setblocking(False)
        self.printed = 0
        self.seq = 0
        self.alive = True

    def request(self, message, arrays, timeout, what):
        """Send a request, return the reply (message, arrays).

        timeout: seconds; what: the call, for messages ("rnn(...)").
        Raises Failure with the reason when there is no usable reply; the
        worker is then dead.
        """
        self.seq += 1
        outgoing = memoryview(protocol.pack(dict(message, seq=self.seq),
                                            arrays))
        sent = 0
        reader = protocol.Reader(REPLY_LIMIT)
        start = time.monotonic()
        watch = start + 0.1
        while True:
            now = time.monotonic()
            if now >= start + timeout:
                self.stop()
                raise Failure("took longer than {} during {}".format(
                    seconds(timeout), what))
            writing = [self.sock] if sent < len(outgoing) else []
            reading = [self.sock] + ([self.out] if self.out is not None
                                     else [])
            ready, can_write, _ = select.select(
                reading, writing, [], min(start + timeout - now, 0.1))
            if can_write:
                try:
                    sent += self.sock.send(outgoing[sent:sent + (1 << 16)])
                except (BlockingIOError, InterruptedError):
                    pass
                except OSError:
                    raise self.ended(what) from None
            if self.out in ready:
                self.read_output(what)
            if self.sock in ready:
                reply = self.read_reply(reader, what)
                if reply is not None:
                    return reply
            if LINUX and time.monotonic() >= watch:
                watch = time.monotonic() + 0.1
                self.watch_processes(what)

    def read_output(self, what):
        """Count what the worker printed; kill it past the output
        limit."""
        chunk = os.read(self.out, 1 << 16)
        if not chunk:
            os.close(self.out)
            self.out = None
            return
        self.printed += len(chunk)
        if self.printed > self.limits.output_bytes:
            self.stop()
            raise Failure("printed more than {} during {}".format(
                size(self.limits.output_bytes), what))

    def read_reply(self, reader, what):
        """Feed the reply's bytes; the decoded reply once complete."""
        try:
            chunk = self.sock.recv(1 << 20)
        except (BlockingIOError, InterruptedError):
            return None
        except OSError:
            chunk = b""
        if not chunk:
            raise self.ended(what)
        try:
            if not reader.feed(chunk):
                return None
            message, arrays = reader.decode()
        except protocol.Garbled as error:
            self.stop()
            raise Failure("sent {} during {}".format(error, what)) from None
        if message.get("seq") != self.seq:
            self.stop()
            raise Failure("sent a reply out of turn during {}".format(what))
        return message, arrays

    def watch_processes(self, what):
        """Kill the worker if the submission has too many processes."""
        count = len(others(self.launch.pids(), self.spared))
        if count > self.limits.processes + self.launch.per_worker:
            self.stop()
            raise Failure("started more than {} processes during {}".format(
                self.limits.processes, what))

    def ended(self, what):
        """The Failure of a worker whose connection closed: it ended by
        itself (exit, crash), or it lives on and is killed."""
        deadline = time.monotonic() + 0.5
        while not self.launch.ended(self.pid):
            if time.monotonic() > deadline:
                self.stop()
                return Failure("closed its connection to the judge during "
                               "{}".format(what))
            time.sleep(0.002)
        self.stop()
        return Failure("the submission {} during {}".format(
            describe_status(self.status), what))

    def usable(self):
        """Whether the worker is alive and still runs (it may have ended
        after its last reply)."""
        return self.alive and not self.launch.ended(self.pid)

    def stop(self):
        """Kill the worker and its process group; keep its wait status."""
        if not self.alive:
            return
        self.alive = False
        kill(self.pid)
        self.status = self.launch.status(self.pid)
        self.sock.close()
        if self.out is not None:
            os.close(self.out)
            self.out = None


class Folder(NamedTuple):
    """The folders of one task's workers: top holds task, where workers
    run (anyone may read it: workers may run as another user), and the
    files of given ({module name: path}), in a folder only the judge's
    user can read."""
    top: str
    task: str
    given: Dict[str, str]


def temporary_folder(files: Dict[str, tuple],
                     given: Optional[Dict[str, bytes]] = None) -> Folder:
    """New folders for a task's workers: files ({relative path: (bytes,
    mode)}) in the workers' folder; given ({module name: source}) beside
    it. The top folder can be crossed but not listed."""
    top = tempfile.mkdtemp(prefix="rnn-judge-")
    task = os.path.join(top, "task")
    hidden = os.path.join(top, "given")
    os.mkdir(task)
    os.mkdir(hidden, 0o700)
    for name, (content, mode) in files.items():
        path = os.path.join(task, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        os.chmod(os.path.dirname(path), 0o755)
        with open(path, "wb") as f:
            f.write(content)
        os.chmod(path, mode)
    paths = {}
    for name, content in (given or {}).items():
        paths[name] = os.path.join(hidden, name + ".py")
        with open(paths[name], "wb") as f:
            f.write(content)
        os.chmod(paths[name], 0o600)
    os.chmod(task, 0o755)
    os.chmod(top, 0o711)
    return Folder(top, task, paths)


def protection(wanted: str, user: str, hidden: Iterable[str]) -> Isolation:
    """The level this grading's workers run at (isolation.choose): wanted
    ("auto" or a level, forced), user (whom they become as root), hidden
    (the folders to hide from them besides this repository). Raises
    isolation.Unavailable when a forced level cannot apply."""
    trial = temporary_folder({"trial.py": (b"", 0o644)})
    try:
        return isolation.choose(
            wanted, user, [ROOT] + list(hidden),
            os.path.join(trial.task, "trial.py"),
            os.path.join(ROOT, TASK[TASKS[0]].file))
    finally:
        shutil.rmtree(trial.top, ignore_errors=True)
