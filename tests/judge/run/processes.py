"""Processes on Linux: who descends from whom, and how to end them all.

The judge (and tests/grade_class.py) is a child subreaper: a process that
a submission starts and detaches (a new session, a double fork) becomes
its child when its parent ends, so that every process a submission started
is a descendant of the judge, found in /proc, and killed when its task is
done (sweep). Elsewhere (no /proc) these functions do nothing.
"""
import ctypes
import os
import signal
import sys
import time
from typing import Dict, Iterable, Optional, Set, Tuple

# the variables that set how many threads BLAS and OpenMP start
THREADS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS",
           "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")

LINUX = sys.platform.startswith("linux") and os.path.isdir("/proc/self")
PR_SET_PDEATHSIG = 1
PR_SET_DUMPABLE = 4
PR_SET_CHILD_SUBREAPER = 36
# a process that is exiting (the flags of /proc/PID/stat), and SIGKILL
# among the pending signals (the masks of /proc/PID/status)
PF_EXITING = 0x4
KILLED = 1 << (signal.SIGKILL - 1)


def prctl(option: int, value: int) -> bool:
    """Linux prctl(option, value); whether it took effect (False
    elsewhere)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(option, value, 0, 0, 0) == 0
    except (AttributeError, OSError):
        return False


def become_subreaper() -> bool:
    """Make orphans of this process's descendants its children; whether
    it could (Linux only)."""
    return LINUX and prctl(PR_SET_CHILD_SUBREAPER, 1)


def keep_private() -> bool:
    """Make this process undumpable: no process of its user can trace it
    or read its memory (/proc/PID/mem, environ) without CAP_SYS_PTRACE,
    what a worker of the same user could otherwise do to the judge;
    whether it could (Linux only)."""
    return LINUX and prctl(PR_SET_DUMPABLE, 0)


def die_with_parent() -> bool:
    """Have the kernel kill this process when its parent ends; whether it
    could (Linux only)."""
    return LINUX and prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def process_table() -> Dict[int, Tuple[int, str]]:
    """{pid: (parent pid, state letter)} of every process, from /proc."""
    table = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open("/proc/{}/stat".format(name), "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
        except (OSError, IndexError):
            continue
        table[int(name)] = (int(fields[1]), fields[0].decode())
    return table


def descendants(root: int, table=None) -> Set[int]:
    """The pids below root that are alive (not zombies)."""
    table = process_table() if table is None else table
    children: Dict[int, list] = {}
    for pid, (parent, _) in table.items():
        children.setdefault(parent, []).append(pid)
    found, todo = set(), [root]
    while todo:
        for pid in children.get(todo.pop(), ()):
            if pid not in found:
                found.add(pid)
                todo.append(pid)
    return {pid for pid in found if table[pid][1] != "Z"}


def others(keep: Iterable[int], trees: Iterable[int] = ()) -> Set[int]:
    """The descendants of this process but keep and the subtrees of trees
    (processes of the judge's own, not of a submission)."""
    table = process_table()
    found = descendants(os.getpid(), table) - set(keep)
    for pid in trees:
        found -= descendants(pid, table) | {pid}
    return found


def user_threads(uid: Optional[int] = None) -> int:
    """How many processes and threads a user (this one by default) has
    that will go on running (RLIMIT_NPROC's count, but the processes that
    are leaving: zombies, and those exiting or killed). A worker's limit
    counts from this: the processes of a worker just killed still count
    for the kernel until they are gone, and would otherwise leave their
    room to the next worker's fork bomb."""
    count, uid = 0, str(os.getuid() if uid is None else uid)
    for name in os.listdir("/proc"):
        try:
            with open("/proc/{}/status".format(name)) as f:
                status = f.read()
            with open("/proc/{}/stat".format(name), "rb") as f:
                flags = int(f.read().rsplit(b")", 1)[1].split()[6])
        except (OSError, IndexError, ValueError):
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines()
                      if ":" in line)
        if fields.get("Uid", "").split()[:1] != [uid]:
            continue
        state = fields.get("State", "").split()[:1]
        pending = int(fields.get("ShdPnd", "0"), 16) | \
            int(fields.get("SigPnd", "0"), 16)
        if state in (["Z"], ["X"]) or flags & PF_EXITING or \
                pending & KILLED:
            continue
        count += int(fields.get("Threads", "1"))
    return count


def kill(pid: int) -> None:
    """SIGKILL pid and its process group, if they still exist."""
    for send in (os.killpg, os.kill):
        try:
            send(pid, signal.SIGKILL)
        except OSError:
            pass


def reap_adopted(keep: Iterable[int]) -> None:
    """Collect the exit of this process's children not in keep (orphans
    adopted as subreaper)."""
    if not LINUX:
        return
    me, keep = os.getpid(), set(keep)
    for pid, (parent, _) in process_table().items():
        if parent == me and pid not in keep:
            try:
                os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                pass


def sweep(keep: Iterable[int] = (), trees: Iterable[int] = ()) -> None:
    """Kill every descendant of this process except keep and the subtrees
    of trees, until none is left: what a submission started must not
    outlive its grading."""
    if not LINUX:
        return
    keep, trees = set(keep), set(trees)
    for _ in range(200):
        left = others(keep, trees)
        if not left:
            break
        for pid in left:
            kill(pid)
        reap_adopted(keep | trees)
        time.sleep(0.005)
    reap_adopted(keep | trees)


def stop_on_sigterm() -> None:
    """Handle SIGTERM (a grader's timeout, kill) as Ctrl-C: raise
    KeyboardInterrupt, so that what is running is stopped and cleaned up.
    A second SIGTERM does not cut that short. Main thread only."""
    def terminated(number, frame):
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        raise KeyboardInterrupt("SIGTERM")

    signal.signal(signal.SIGTERM, terminated)
