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

Workers never run as root: they run in namespaces of their own, or as an
unprivileged user (isolation.py; protection() picks the level once per
grading). A worker's folder holds the submitted file of its task and the
task's driver; the files of this repository that the task builds on are
stand-ins whose calls a worker sends to the judge while the judge waits
for a reply (Worker.request answers them with `answer`: standins.py).
"""
import json
import os
import secrets
import select
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time
from typing import (Callable, Dict, Iterable, List, NamedTuple, Optional,
                    Sequence, Tuple)

from judge.contract.tasks import ROOT, TASK, TASKS
from judge.run import isolation, protocol
from judge.run.cgroup import Group
from judge.run.isolation import Isolation
from judge.run.limits import Limits, seconds, size
from judge.run.processes import LINUX, THREADS, kill, others, user_threads

WORKER = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                      "worker.py")
# the largest frame a worker may send, besides what it may print (a
# driver's printout travels in a reply)
FRAME_LIMIT = 6 << 20
# what workers that drop to another user keep of the judge's environment
KEPT = {"PATH", "HOME", "LANG", "LANGUAGE", "TZ", "TMPDIR",
        "LD_LIBRARY_PATH"}
KEPT_PREFIXES = ("LC_", "OPENBLAS_", "OMP_", "MKL_", "GOTO", "NPY_")


class Failure(Exception):
    """A request got no usable reply; str() is the one-line reason."""


def worker_limits(limits: Limits, protection: Isolation,
                  group: Group) -> Dict[str, int]:
    """The limits a worker sets on itself (worker.confine)."""
    found = {"memory": limits.memory << 20,
             "cpu": int(limits.task + limits.call) + 5,
             "files": 64 << 20, "output": limits.output_bytes}
    uid = protection.uid if protection.level != "processes" else \
        os.geteuid() if LINUX else 0
    if LINUX and uid != 0 and not group.active:
        # RLIMIT_NPROC counts every process and thread of the user (a
        # control group counts the grading's alone)
        found["processes"] = user_threads(uid) + limits.processes + 8
    return found


def worker_environment(protection: Optional[Isolation] = None
                       ) -> Dict[str, str]:
    """The environment of workers: one BLAS thread, no bytecode files.
    Workers at the levels user and namespaces get only the variables that
    Python, numpy and the locale read (KEPT): the others can name folders
    and hold secrets of the judge's user (PWD: a checkout of the
    solutions)."""
    env = dict(os.environ)
    if protection is not None and protection.level != "processes":
        env = {name: value for name, value in env.items()
               if name in KEPT or name.startswith(KEPT_PREFIXES)}
    env.update({name: "1" for name in THREADS})
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


# -- launchers ---------------------------------------------------------------

class ForkServer:
    """Starts workers by fork from a zygote (worker.py zygote), which has
    imported numpy and the harness once, and nothing submitted."""

    def __init__(self, protection: Isolation, group: Group):
        """Nothing runs until the first spawn. protection: the level
        workers run at; group: the control group the zygote joins (and
        its workers with it), or one that does nothing."""
        self.protection = protection
        self.group = group
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
        if self.group.active:
            try:
                self.group.add(self.process.pid)
            except OSError as error:
                self.close()
                raise Failure("the judge could not put its fork server in "
                              "its control group ({})".format(
                                  error.strerror)) from None

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

    def spawn(self, folder: "Folder", limits, needs):
        """A new worker for folder, with the stand-ins of needs: (pid,
        socket, output pipe)."""
        if self.process is None or self.process.poll() is not None:
            self.close()
            self.start()
        ours, theirs = socket.socketpair()
        read, write = os.pipe()
        try:
            pid = self.ask({"spawn": folder.task, "place": folder.place,
                            "limits": limits, "needs": list(needs)},
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
    group = Group(why="not Linux")

    def __init__(self):
        """No worker yet."""
        self.popens = {}

    def pids(self):
        """No process of the judge's own below it."""
        return []

    def spawn(self, folder: "Folder", limits, needs):
        """A new worker for folder, with the stand-ins of needs: (pid,
        socket, output pipe)."""
        ours, theirs = socket.socketpair()
        read, write = os.pipe()
        popen = subprocess.Popen(
            [sys.executable, "-B", WORKER, "worker", str(theirs.fileno()),
             folder.task, folder.place, json.dumps(limits),
             json.dumps(list(needs)), json.dumps(Isolation().config())],
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


def launcher(protection: Optional[Isolation] = None,
             group: Optional[Group] = None):
    """The fastest way of starting workers that this machine has, at the
    level protection (processes only by default), in group (a control
    group, where there is one)."""
    protection = protection or Isolation()
    if LINUX and hasattr(socket, "send_fds") and hasattr(
            socket, "SOCK_SEQPACKET"):
        return ForkServer(protection, group or Group(why="none asked"))
    assert protection.level == "processes", \
        "workers are protected on Linux only"
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


# answers a stand-in's call: (its message, its arrays, seconds it may
# take) -> the answer's, or None when it took longer
Answer = Callable[[dict, Dict[str, object], float],
                  Optional[Tuple[dict, Dict[str, object]]]]


def no_answer(message: dict, arrays: dict, timeout: float
              ) -> Optional[Tuple[dict, dict]]:
    """The answer of a worker that has no stand-ins."""
    return {"ok": False, "type": "RuntimeError",
            "message": "this task has no stand-ins"}, {}


class Worker:
    """One worker process: requests in, replies out, under limits; the
    calls of its stand-ins answered while it works on a request."""

    def __init__(self, launch, folder: "Folder", limits: Limits,
                 needs: Sequence[str] = (), answer: Answer = no_answer,
                 spared: Iterable[int] = ()):
        """Start a worker for folder through launch (ForkServer or
        Spawner) with limits and the stand-ins of needs, whose calls
        answer answers; spared: pids whose processes are not the
        submission's (another judge that a test runs beside this one)."""
        self.launch = launch
        self.limits = limits
        self.spared = spared
        self.answer = answer
        protection = getattr(launch, "protection", Isolation())
        self.pid, self.sock, self.out = launch.spawn(
            folder, worker_limits(limits, protection, launch.group), needs)
        self.sock.setblocking(False)
        self.printed = 0
        self.seq = 0
        self.alive = True
        self.group = launch.group
        self.oom_kills = self.group.oom_kills()

    def request(self, message, arrays, timeout, what):
        """Send a request, return the reply (message, arrays), answering
        the stand-ins' calls that come first.

        timeout: seconds; what: the call, for messages ("rnn(...)").
        Raises Failure with the reason when there is no usable reply; the
        worker is then dead.
        """
        self.seq += 1
        outgoing = bytearray(protocol.pack(dict(message, seq=self.seq),
                                           arrays))
        limit = FRAME_LIMIT + 2 * self.limits.output_bytes
        reader = protocol.Reader(limit)
        start = time.monotonic()
        watch = start + 0.1
        while True:
            now = time.monotonic()
            if now >= start + timeout:
                self.stop()
                raise Failure("took longer than {} during {}".format(
                    seconds(timeout), what))
            writing = [self.sock] if outgoing else []
            reading = [self.sock] + ([self.out] if self.out is not None
                                     else [])
            ready, can_write, _ = select.select(
                reading, writing, [], min(start + timeout - now, 0.1))
            if can_write:
                try:
                    del outgoing[:self.sock.send(outgoing[:1 << 16])]
                except (BlockingIOError, InterruptedError):
                    pass
                except OSError:
                    raise self.ended(what) from None
            if self.out in ready:
                self.read_output(what)
            if self.sock in ready:
                frame = self.read_frame(reader, what)
                if frame is not None:
                    found, got = frame
                    if "standin" not in found:
                        return self.check_turn(found, got, what)
                    # a stand-in's call waits for its answer: one made
                    # before the last answer was read would pile answers
                    # up in the judge's memory
                    if outgoing:
                        self.stop()
                        raise Failure("made a stand-in's call before "
                                      "reading the answer to the last, "
                                      "during {}".format(what))
                    answered = self.answer(
                        found, got, start + timeout - time.monotonic())
                    if answered is None:
                        self.stop()
                        raise Failure("took longer than {} during {} (the "
                                      "judge was computing a stand-in's "
                                      "call it made)".format(
                                          seconds(timeout), what))
                    outgoing += protocol.pack(*answered)
                    reader = protocol.Reader(limit)
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

    def read_frame(self, reader, what):
        """Feed a frame's bytes; the decoded frame once complete."""
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
            return reader.decode()
        except protocol.Garbled as error:
            self.stop()
            raise Failure("sent {} during {}".format(error, what)) from None

    def check_turn(self, message, arrays, what):
        """The reply (message, arrays) if it answers the last request."""
        if message.get("seq") != self.seq:
            self.stop()
            raise Failure("sent a reply out of turn during {}".format(what))
        return message, arrays

    def watch_processes(self, what):
        """Kill the worker if the submission has too many processes (read
        from the control group where there is one: every process of the
        grading is in it, the fork server aside)."""
        if self.group.active:
            count = len(set(self.group.pids()) - set(self.launch.pids()))
        else:
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
        if self.group.oom_kills() > self.oom_kills:
            return Failure("the submission ran out of memory ({} MB for "
                           "all its processes together) during {}".format(
                               self.group.memory >> 20, what))
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
        if self.group.active:
            # what the worker started goes with it, before the next worker
            # starts in the group (a process still counted there would
            # take its place)
            self.group.kill(keep=self.launch.pids())


class Folder(NamedTuple):
    """The folders of one task's workers: top, which no one else may
    list, holds task (where workers run: the submitted file and the
    driver; its name is drawn at random, so that another user's worker
    cannot guess it) and place (an empty folder on which a worker at the
    level namespaces mounts its own root)."""
    top: str
    task: str
    place: str


def temporary_folder(files: Dict[str, Tuple[bytes, int]]) -> Folder:
    """New folders for a task's workers, with files ({relative path:
    (bytes, mode)}) in the workers' folder."""
    top = tempfile.mkdtemp(prefix="rnn-judge-{}-".format(os.getpid()))
    task = os.path.join(top, secrets.token_hex(16))
    place = os.path.join(top, "root")
    os.mkdir(task)
    os.mkdir(place)
    for name, (content, mode) in files.items():
        path = os.path.join(task, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        os.chmod(os.path.dirname(path), 0o755)
        with open(path, "wb") as f:
            f.write(content)
        os.chmod(path, mode)
    os.chmod(task, 0o755)
    os.chmod(top, 0o711)
    return Folder(top, task, place)


# the folders where any user may leave files (and what they hold, down to
# DEPTH levels, where it is writable by anyone too)
SHARED = ("/tmp", "/var/tmp", "/dev/shm", "/run/lock", "/var/lock",
          "/dev/mqueue")
DEPTH = 4


def remove_files_of(uid: int, since: float) -> List[str]:
    """Remove what uid left in SHARED since since (a time.time()): at the
    level user, workers have no /tmp of their own, and what they wrote
    there must not outlive the grading; the paths removed."""
    removed = []

    def clean(folder: str, depth: int) -> None:
        try:
            names = os.listdir(folder)
        except OSError:
            return
        for name in names:
            path = os.path.join(folder, name)
            try:
                found = os.lstat(path)
            except OSError:
                continue
            if found.st_uid == uid and found.st_ctime >= since - 1:
                if stat.S_ISDIR(found.st_mode):
                    shutil.rmtree(path, ignore_errors=True)
                else:
                    try:
                        os.remove(path)
                    except OSError:
                        continue
                removed.append(path)
            elif stat.S_ISDIR(found.st_mode) and found.st_mode & \
                    stat.S_IWOTH and depth > 1:
                clean(path, depth - 1)

    for folder in SHARED:
        if not os.path.islink(folder):
            clean(folder, DEPTH)
    return removed


def remove_stale_folders() -> None:
    """Remove the task folders that judges killed before their end left
    (rnn-judge-PID-...: PID no longer runs), if this user's."""
    top = tempfile.gettempdir()
    try:
        names = os.listdir(top)
    except OSError:
        return
    for name in names:
        parts = name.split("-")
        path = os.path.join(top, name)
        if name.startswith("rnn-judge-") and len(parts) > 3 and \
                parts[2].isdigit() and not os.path.exists(
                    "/proc/" + parts[2]) and os.lstat(path).st_uid == \
                os.geteuid():
            shutil.rmtree(path, ignore_errors=True)


def protection(wanted: str, user: str, hidden: Iterable[str],
               secrets_: Dict[str, str]) -> Isolation:
    """The level this grading's workers run at (isolation.choose): wanted
    ("auto", "required" or a level), user (whom they become as root),
    hidden (the folders to hide from them besides this repository),
    secrets_ ({what: path} that workers must not read, besides this
    repository's files). Raises isolation.Unavailable when the level
    cannot apply."""
    trial = temporary_folder({"trial.py": (b"", 0o644)})
    secret = dict(secrets_, **{
        "this repository": os.path.join(ROOT, TASK[TASKS[0]].file)})
    try:
        return isolation.choose(
            wanted, user, [ROOT] + list(hidden), isolation.Trial(
                os.path.join(trial.task, "trial.py"), trial.place, secret))
    finally:
        shutil.rmtree(trial.top, ignore_errors=True)
