"""The red team: hostile submissions graded at every level of protection
this machine offers (tests/README.md: What the judge protects).

    python3 redteam.py PLACE LEVEL PYTHON [PORT]

grades every red-team submission at LEVEL with a judge run by PYTHON in a
copy of this repository under PLACE (a new folder), and writes what
happened to PLACE/report.json (Run records, one per grading); PORT is a
listener on 127.0.0.1 the attacks send to (a test's; else one of its
own). test_red_team.py reads the reports; conftest.py starts the level
namespaces (as root, with this machine's Python, or with user namespaces
as another user), gradescope_cycle.py the others, with the Gradescope
bundle's environment, a Python that nobody can read.

The levels (LEVELS): namespaces, as root (or the suite's own user);
user, as root where no namespace can be made (no_namespaces.py: Docker's
default profile); userns, the judge run as an unprivileged user, with
user namespaces; processes, the judge run as an unprivileged user where
no namespace can be made.

The submissions: intake (links, a FIFO, a folder, a hard link, an
oversized file and two names for one task: no code of these runs), names
(no task file, names that forge lines), linked (the submission folder is
a link), course (a sub-folder that is a link to this repository), and the
attacks of red/ (an attack appended to a plain correct task file, after
red/kit.py): loot (the stand-ins and the worker's memory), forge (the
verdict, processes left behind, site-packages, the network, output,
messages), hog (disk, memory, processes, the judge's files and
processes), neighbours (a class of two, graded by grade_class.py).
"""
import hashlib
import json
import os
import random
import re
import shutil
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from typing import Dict, List, Optional, Tuple

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
RED = os.path.join(HERE, "red")
PLAIN = os.path.join(HERE, "plain")
WRAPPER = os.path.join(HERE, "no_namespaces.py")
TASKS = ("0-rnn_cell", "1-rnn", "2-gru_cell", "3-lstm_cell", "4-deep_rnn",
         "5-bi_forward", "6-bi_backward", "7-bi_output", "8-bi_rnn",
         "9-rnn_backward", "10-lstm_backward")


@dataclass(frozen=True)
class Level:
    """How a judge is run at a level: as root, or as an unprivileged user
    (uid: one of its own, with no name, so that levels graded side by side
    count and clean up their own processes and files alone), under
    no_namespaces.py or not, with which --sandbox."""
    name: str
    uid: Optional[int]
    no_namespaces: bool
    sandbox: str

    @property
    def as_user(self) -> bool:
        """Whether the judge runs as an unprivileged user."""
        return self.uid is not None


# the users of the levels userns and processes: two of this process's
# own (its pid picks them), so that two suites run side by side on one
# machine do not share a user, and no attack of one reaches the other
OWN_UID = 2147000000 + 2 * (os.getpid() % 200000)
LEVELS = {
    "namespaces": Level("namespaces", None, False, "namespaces"),
    "user": Level("user", None, True, "user"),
    "userns": Level("userns", OWN_UID + 1, False, "namespaces"),
    "processes": Level("processes", OWN_UID + 2, True, "processes"),
}
# the judge's options for each submission (the time limits: a hang must
# cost little; what does not hang has room to spare on a busy machine;
# hog's memory: its four processes of 200 MB and its files of 100 MB
# overflow it, and cost the machine a third of what they would at the
# default 2048 MB)
OPTIONS = {
    "intake": [], "names": [], "linked": [], "course": [],
    "loot": ["--time-limit=20", "--task-time-limit=60"],
    "forge": ["--time-limit=5", "--task-time-limit=15"],
    "hog": ["--time-limit=20", "--task-time-limit=60",
            "--memory-limit=512"],
    "breach": ["--time-limit=5", "--task-time-limit=15"],
    "mimicry": ["--time-limit=20", "--task-time-limit=60"],
    "neighbours": ["--time-limit=20", "--task-time-limit=60"],
}
# the checks a red-team grading runs: every kind, but the slowest
# results checks (the attacks do not need them)
SELECTED = ["-m", "not errors", "-k", "not fresh and not edge and not "
            "descent and not finite_differences"]
# which submissions each level grades: those whose outcome depends on
# the level at each (intake and the names are the judge's own reading;
# breach and mimicry try what the levels with a user of their own hold)
GRADED = {
    "namespaces": ("intake", "names", "linked", "course", "loot", "forge",
                   "breach", "mimicry", "hog", "neighbours"),
    "user": ("loot", "forge", "breach", "mimicry", "hog", "neighbours"),
    "userns": ("loot", "forge", "breach", "mimicry", "hog"),
    "processes": ("loot", "forge", "hog"),
}
# graded each by a process of its own, after the others (graded one
# after the other in one process: batch.py): hog stops its judge where it
# can, neighbours is a class
ALONE = ("hog", "neighbours")
# the folders any user may write to, that the level user cleans
TEMPORARY = ("/tmp", "/dev/shm", "/var/tmp", "/run/lock")
# seconds a grading may take before the runner calls it blocked
BLOCKED = 240


def distinct_lines() -> List[str]:
    """The lines of this repository's task files that no plain solution
    has (at least 24 characters): one in anything shown or written is a
    leak."""
    plain = "\n".join(read_text(os.path.join(PLAIN, task + ".py"))
                      for task in TASKS)
    return sorted({line.strip() for task in TASKS for line in read_text(
        os.path.join(ROOT, task + ".py")).splitlines()
        if len(line.strip()) >= 24 and line.strip() not in plain})


def read_text(path: str) -> str:
    """The text of a file."""
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def leaked(text: str, lines: List[str]) -> List[str]:
    """The lines of lines that text holds."""
    return [line for line in lines if line in text]


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


# -- the submissions ------------------------------------------------------

def attack(submission: str, task: str, mark: str, port: int, drop: str,
           needles: List[str]) -> str:
    """The text of an attack: the plain task file, red/kit.py, then
    red/SUBMISSION/TASK.py, with the kit's place-holders filled in."""
    text = read_text(os.path.join(PLAIN, task + ".py")) + "\n\n" + \
        read_text(os.path.join(RED, "kit.py")) + "\n\n" + read_text(
            os.path.join(RED, submission, task + ".py"))
    return text.replace("__MARK__", mark).replace(
        "__PORT__", str(port)).replace("__DROP__", drop).replace(
        "__NEEDLES__", json.dumps(needles))


def write_plain(folder: str, task: str) -> None:
    """The plain solution of task, in folder."""
    shutil.copy(os.path.join(PLAIN, task + ".py"), folder)
    os.chmod(os.path.join(folder, task + ".py"), 0o755)


def write_intake(folder: str, repo: str, secret: str) -> None:
    """Task files that are no regular file of their own: links to this
    repository's files, to a root-only file (secret), to /proc/kmsg and
    to a sparse file of 2 GB; a FIFO; a folder; a hard link; a file of
    1.5 MB; two names for one task; a link to another file of the folder
    (task 10); and one plain file (task 9), graded as usual."""
    os.makedirs(folder)
    os.symlink(os.path.join(repo, "0-rnn_cell.py"),
               os.path.join(folder, "0-rnn_cell.py"))
    os.symlink(secret, os.path.join(folder, "1-rnn.py"))
    os.symlink("/proc/kmsg", os.path.join(folder, "2-gru_cell.py"))
    sparse = os.path.join(os.path.dirname(folder), "sparse")
    with open(sparse, "wb") as f:
        f.truncate(2 << 30)
    os.symlink(sparse, os.path.join(folder, "3-lstm_cell.py"))
    os.mkfifo(os.path.join(folder, "4-deep_rnn.py"))
    os.mkdir(os.path.join(folder, "5-bi_forward.py"))
    os.link(os.path.join(repo, "6-bi_backward.py"),
            os.path.join(folder, "6-bi_backward.py"))
    with open(os.path.join(folder, "7-bi_output.py"), "w") as f:
        f.write(read_text(os.path.join(PLAIN, "7-bi_output.py")) +
                "#" * (1536 << 10) + "\n")
    for name in ("8-bi_rnn (1).py", "8_bi_rnn.py"):
        shutil.copy(os.path.join(PLAIN, "8-bi_rnn.py"),
                    os.path.join(folder, name))
    write_plain(folder, "9-rnn_backward")
    shutil.copy(os.path.join(PLAIN, "10-lstm_backward.py"),
                os.path.join(folder, "other.txt"))
    os.symlink("other.txt", os.path.join(folder, "10-lstm_backward.py"))


def write_all(place: str, repo: str, mark: str, port: int, drop: str,
              needles: List[str], secret: str) -> Dict[str, str]:
    """Every submission, in place/subs; {name: folder} (neighbours: the
    class's folder)."""
    subs = os.path.join(place, "subs")
    os.makedirs(subs)
    found = {}
    found["intake"] = os.path.join(subs, "intake")
    write_intake(found["intake"], repo, secret)
    found["names"] = os.path.join(subs, "names")
    os.makedirs(found["names"])
    for name in ("\n\ntotal" + " " * 60 + "110\u2215110\n",
                 "\x1b[2J\u202eyp.llec_nnr-0"):
        with open(os.path.join(found["names"], name), "w") as f:
            f.write("x = 1\n")
    plain = os.path.join(subs, "plain-copy")
    shutil.copytree(PLAIN, plain)
    found["linked"] = os.path.join(subs, "linked")
    os.symlink(plain, found["linked"])
    found["course"] = os.path.join(subs, "course")
    os.makedirs(found["course"])
    os.symlink(repo, os.path.join(found["course"], "supervised_learning"))
    for name in ("loot", "forge", "hog", "breach", "mimicry"):
        # (hog's attack on the judge stops the processes that name its
        # folder)
        folder = found[name] = os.path.join(subs, name + "-" + mark)
        os.makedirs(folder)
        for task in TASKS:
            path = os.path.join(folder, task + ".py")
            if os.path.exists(os.path.join(RED, name, task + ".py")):
                with open(path, "w") as f:
                    f.write(attack(name, task, mark, port, drop, needles))
                os.chmod(path, 0o755)
    found["neighbours"] = os.path.join(subs, "class")
    alice = os.path.join(found["neighbours"], "alice")
    bob = os.path.join(found["neighbours"], "bob")
    os.makedirs(alice)
    os.makedirs(bob)
    with open(os.path.join(alice, "1-rnn.py"), "w") as f:
        f.write(attack("neighbours", "1-rnn", mark, port, drop, needles))
    with open(os.path.join(bob, "0-rnn_cell.py"), "w") as f:
        f.write(read_text(os.path.join(PLAIN, "0-rnn_cell.py")) +
                "# BOB-{}\n".format(mark))
    for folder, _, files in os.walk(subs):
        for name in files:
            path = os.path.join(folder, name)
            if os.path.isfile(path) and not os.path.islink(path) and \
                    stat.S_ISREG(os.lstat(path).st_mode):
                os.chmod(path, 0o755)
    return found


# -- running a grading ----------------------------------------------------

@dataclass
class Run:
    """One grading of a red-team submission at a level: its exit status,
    what it printed, its verdict (None if it wrote none), its verdict
    read again 2 s after it ended (None likewise), the seconds it took,
    whether it was stopped (and resumed by the runner), and what was
    found after it: reference lines in what it printed or wrote, files
    and processes named after the run's mark, control groups left; the
    judge's largest memory in MB (its own process's)."""
    submission: str
    level: str
    status: int
    printed: str
    verdict: Optional[dict]
    later: Optional[dict]
    seconds: float
    stopped: bool
    leaked: List[str] = field(default_factory=list)
    planted: List[str] = field(default_factory=list)
    left: List[str] = field(default_factory=list)
    groups: List[str] = field(default_factory=list)
    memory: float = 0.0


def command(level: Level, python: str, arguments: List[str]) -> List[str]:
    """The command line of a judge (or grade_class.py) at level."""
    found = [python] + arguments
    if level.no_namespaces:
        found = [python, WRAPPER] + found
    return found


def stopped(pid: int) -> bool:
    """Whether pid is stopped (a SIGSTOP)."""
    try:
        with open("/proc/{}/stat".format(pid)) as f:
            return f.read().rsplit(")", 1)[1].split()[0] == "T"
    except (OSError, IndexError):
        return False


def run(level: Level, python: str, repo: str, arguments: List[str],
        printed_path: str) -> Tuple[int, bool, float, int, float]:
    """Run a judge (or grade_class.py) from repo at level; (exit status,
    whether it was stopped, seconds, its pid, its largest memory in MB
    (its own, not its children's: sampled as it runs). A stopped judge is
    resumed after 2 s; one past BLOCKED seconds is killed (status -9)."""
    env = dict(os.environ, PYTEST_DISABLE_PLUGIN_AUTOLOAD="1",
               PYTHONDONTWRITEBYTECODE="1")
    options = {}
    if level.as_user:
        options = dict(user=level.uid, group=level.uid, extra_groups=[])
        env.update(HOME="/nonexistent")
    start = time.monotonic()
    was_stopped, since = False, None
    with open(printed_path, "w") as out:
        process = subprocess.Popen(
            command(level, python, arguments), cwd=repo, env=env,
            stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True, **options)
        memory = 0.0
        while process.poll() is None:
            memory = max(memory, largest_memory(process.pid))
            if time.monotonic() - start > BLOCKED:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
                return -9, was_stopped, time.monotonic() - start, \
                    process.pid, memory
            if stopped(process.pid):
                was_stopped = True
                since = since or time.monotonic()
                if time.monotonic() - since > 2:
                    os.killpg(process.pid, signal.SIGCONT)
                    since = None
            time.sleep(0.05)
    return process.returncode, was_stopped, time.monotonic() - start, \
        process.pid, memory


def largest_memory(pid: int) -> float:
    """The largest memory pid has held so far, in MB (0 once it ended)."""
    try:
        with open("/proc/{}/status".format(pid)) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


def read_json(path: str) -> Optional[dict]:
    """A JSON file, or None."""
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def marked_files(mark: str, places: List[str], depth: int = 3) -> List[str]:
    """The files below places (at most depth levels down) named after
    mark, or, for a .pth, .py, .txt or .json file, holding it in their first
    64 KB."""
    found = []
    for place in places:
        for folder, dirs, files in os.walk(place):
            if folder.count(os.sep) - place.count(os.sep) >= depth - 1:
                dirs[:] = []
            for name in files + dirs:
                path = os.path.join(folder, name)
                if mark in name:
                    found.append(path)
                elif name.endswith((".pth", ".py", ".txt", ".json")) and \
                        os.path.isfile(path) and not os.path.islink(path):
                    try:
                        with open(path, "rb") as f:
                            if mark.encode() in f.read(1 << 16):
                                found.append(path)
                    except OSError:
                        pass
    return sorted(found)


def listing(place: str) -> List[str]:
    """Every path below place."""
    return [os.path.join(folder, name) for folder, dirs, files in
            os.walk(place) for name in dirs + files]


def marked_processes(mark: str) -> List[str]:
    """The command lines of processes that name mark's number."""
    return list(marked_pids(mark).values())


def marked_pids(mark: str) -> Dict[int, str]:
    """{pid: command line} of the processes, but zombies, that name
    mark's number in their command line or their name (a hopper's)."""
    number = mark[-6:]
    found = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open("/proc/{}/cmdline".format(name), "rb") as f:
                line = f.read().decode("utf-8", "replace")
            with open("/proc/{}/stat".format(name), "rb") as f:
                comm, state = f.read().split(b"(", 1)[1].rsplit(b")", 1)
        except OSError:
            continue
        if state.split()[:1] == [b"Z"]:
            continue
        if number in line and "redteam.py" not in line or \
                number.encode() in comm:
            found[int(name)] = line.replace("\0", " ")
    return found


def clear(mark: str, planted: List[str]) -> None:
    """Remove what a grading left for the next: the planted files of the
    shared temporary folders, the processes that name mark (a hopper's
    forks among them)."""
    for path in planted:
        if os.path.isfile(path) and os.path.dirname(path) in TEMPORARY:
            os.remove(path)
    for _ in range(100):
        pids = marked_pids(mark)
        if not pids:
            return
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        time.sleep(0.02)


def groups_left(judge: Optional[int]) -> List[str]:
    """The judges' control groups left on the machine: judge's own
    (rnn-judge-PID-...), and any whose judge has ended with processes
    still in it. (A judge killed before its end leaves an empty group,
    which the next judge removes.)"""
    found = []
    for folder, dirs, _ in os.walk("/sys/fs/cgroup"):
        for name in dirs:
            if not name.startswith("rnn-judge-"):
                continue
            path = os.path.join(folder, name)
            pid = name.split("-")[2]
            try:
                with open(os.path.join(path, "cgroup.procs")) as f:
                    busy = bool(f.read().strip())
            except OSError:
                busy = False
            if pid == str(judge) or (busy and not os.path.exists(
                    "/proc/" + pid)):
                found.append(path)
        if folder.count(os.sep) > 6:
            dirs[:] = []
    return found


class Listener:
    """What connections to a port on 127.0.0.1 send, kept in a thread."""

    def __init__(self):
        """Listen on a free port."""
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(64)
        self.server.settimeout(0.2)
        self.port = self.server.getsockname()[1]
        self.received: List[bytes] = []
        self.done = threading.Event()
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self):
        """Accept and read until done."""
        while not self.done.is_set():
            try:
                connection, _ = self.server.accept()
            except OSError:
                continue
            with connection:
                connection.settimeout(2)
                data = b""
                try:
                    while len(data) < 1 << 22:
                        chunk = connection.recv(1 << 16)
                        if not chunk:
                            break
                        data += chunk
                except OSError:
                    pass
                self.received.append(data)

    def stop(self):
        """Stop listening."""
        self.done.set()
        self.thread.join(5)
        self.server.close()


def prepare(place: str, level: Level) -> str:
    """A copy of this repository in place/repo that the judge's user can
    read, and the worker's user cannot when they differ (as root: as
    run_autograder makes the bundle's); for processes only, the judge's
    user owns it (a submission that writes there must be caught); its
    path."""
    repo = os.path.join(place, "repo")
    shutil.copytree(ROOT, repo, ignore=shutil.ignore_patterns(
        ".git", "__pycache__", ".pytest_cache", ".benchmarks", "grades"))
    if not level.as_user:
        os.chmod(repo, 0o700)  # as run_autograder makes the bundle's
    else:
        for folder, dirs, files in os.walk(repo):
            for name in [folder] + [os.path.join(folder, n)
                                    for n in dirs + files]:
                if level.name == "processes":
                    os.lchown(name, level.uid, level.uid)
                if not os.path.islink(name):
                    os.chmod(name, os.stat(name).st_mode | 0o444 | (
                        0o111 if os.path.isdir(name) else 0))
    return repo


def grade_level(place: str, level_name: str, python: str,
                port: Optional[int] = None) -> List[Run]:
    """Grade every submission of GRADED[level_name] at that level in
    place (made here); the runs."""
    level = LEVELS[level_name]
    os.makedirs(place)
    os.chmod(place, 0o755)
    mark = "rnnred{:06d}".format(random.SystemRandom().randrange(10 ** 6))
    listener = None if port else Listener()
    port = port or listener.port
    drop = os.path.join(place, "drop")
    os.mkdir(drop)
    os.chmod(drop, 0o777)
    secret = os.path.join(place, "secret.txt")
    with open(secret, "w") as f:
        f.write("SECRET-{}\n".format(mark))
    os.chmod(secret, 0o600)
    needles = [hashlib.sha256(line.encode()).hexdigest()
               for line in distinct_lines()]
    repo = prepare(place, level)
    subs = write_all(place, repo, mark, port, drop, needles, secret)
    submitted = set(listing(os.path.join(place, "subs")))
    runs = []
    together = [name for name in GRADED[level_name] if name not in ALONE]
    gradings = [together] if together else []
    gradings += [[name] for name in GRADED[level_name] if name in ALONE]
    for names in gradings:
        if names == together:
            graded = grade_batch(level, python, repo, place, subs, names)
        else:
            graded = [grade_alone(level, python, repo, place, subs,
                                  names[0])]
        planted = marked_files(mark, python_places(python), 1) + \
            marked_files(mark, TEMPORARY, 1) + marked_files(mark, [repo]) \
            + sorted(set(listing(os.path.join(place, "subs"))) - submitted)
        left = marked_processes(mark)
        for found in graded:
            found.planted, found.left = planted, left
        clear(mark, planted)
        runs += graded
    lines = distinct_lines()
    for found in runs:
        found.leaked = leaked(found.printed + json.dumps(found.verdict),
                              lines)
    received = listener.received if listener else []
    if listener:
        listener.stop()
    report = {"mark": mark, "runs": [asdict(r) for r in runs],
              "received": [data.decode("utf-8", "replace")
                           for data in received
                           if mark.encode() in data],
              "dropped": sorted(os.listdir(drop))}
    with open(os.path.join(place, "report.json"), "w") as f:
        json.dump(report, f)
    return runs


def options_of(level: Level, name: str) -> List[str]:
    """The options of a judge grading the submission called name at
    level, but --submission and --results."""
    return ["--assert=plain", "--seed=1", "--sandbox=" + level.sandbox] + \
        OPTIONS[name] + (SELECTED if name != "intake" else [])


def out_folder(place: str, level: Level, name: str) -> str:
    """A new folder for the results of the grading called name, that the
    judge's user may write to."""
    out = os.path.join(place, "out-" + name)
    os.mkdir(out)
    if level.as_user:
        os.chown(out, level.uid, level.uid)
    return out


def grade_batch(level: Level, python: str, repo: str, place: str,
                subs: Dict[str, str], names: List[str]) -> List[Run]:
    """Grade the submissions called names one after the other, in one
    process (batch.py) run at level."""
    jobs, outs = [], {}
    for name in names:
        out = outs[name] = out_folder(place, level, name)
        jobs.append({"submission": subs[name],
                     "results": os.path.join(out, "results.json"),
                     "printed": os.path.join(out, "printed.txt"),
                     "options": options_of(level, name)})
    path = os.path.join(place, "jobs.json")
    with open(path, "w") as f:
        json.dump(jobs, f)
    os.chmod(path, 0o644)
    status, was_stopped, seconds, pid, memory = run(
        level, python, repo, [os.path.join("tests", "repository",
                                           "batch.py"), path],
        os.path.join(place, "batch.txt"))
    time.sleep(2)  # what a process left behind would write by now
    runs = []
    for name in names:
        printed = read_text(os.path.join(outs[name], "printed.txt")) \
            if os.path.exists(os.path.join(outs[name], "printed.txt")) \
            else read_text(os.path.join(place, "batch.txt"))
        found = read_json(os.path.join(outs[name], "results.json"))
        ended = re.search(r"exit (-?\d+)\s*$", printed)
        runs.append(Run(name, level.name, int(ended.group(1)) if ended
                        else status, printed, found, found, seconds,
                        was_stopped, groups=groups_left(pid),
                        memory=memory))
    return runs


def grade_alone(level: Level, python: str, repo: str, place: str,
                subs: Dict[str, str], name: str) -> Run:
    """Grade the submission called name by a judge (or, for the class of
    neighbours, grade_class.py) of its own, at level."""
    out = out_folder(place, level, name)
    results = os.path.join(out, "results.json")
    if name == "neighbours":
        grades = os.path.join(out, "grades")
        arguments = [os.path.join("tests", "grade_class.py"), subs[name],
                     "--out", grades, "--seed=1", "--jobs=1"] + \
            OPTIONS[name]
        os.chmod(subs[name], 0o700)
    else:
        arguments = ["-m", "pytest", "-q", "-p", "no:cacheprovider",
                     "--submission=" + subs[name], "--results=" + results] \
            + options_of(level, name)
    status, was_stopped, seconds, pid, memory = run(
        level, python, repo, arguments, os.path.join(place, name + ".txt"))
    verdict = read_json(results)
    later = read_json(results)
    if name == "neighbours":
        verdict = later = read_json(os.path.join(grades, "alice",
                                                 "results.json"))
    return Run(name, level.name, status, read_text(os.path.join(
        place, name + ".txt")), verdict, later, seconds, was_stopped,
        groups=groups_left(None if name == "neighbours" else pid),
        memory=memory)


def python_places(python: str) -> List[str]:
    """The folders of python's installation where a planted file would
    run later: its site-packages and user site."""
    done = subprocess.run(
        [python, "-c", "import json, site, sys; print(json.dumps("
         "getattr(site, 'getsitepackages', lambda: [])() + "
         "[site.getusersitepackages()]))"], capture_output=True, text=True)
    try:
        return [path for path in json.loads(done.stdout)
                if os.path.isdir(path)]
    except ValueError:
        return []


def main():
    """Grade the red team at one level, as the command line says."""
    place, level, python = sys.argv[1:4]
    port = int(sys.argv[4]) if len(sys.argv) > 4 else None
    grade_level(place, level, python, port)


if __name__ == "__main__":
    main()
