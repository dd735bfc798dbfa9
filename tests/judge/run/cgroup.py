"""A control group for all of one grading's workers (Linux, as root).

Limits set with setrlimit hold per process: four processes of 2 GB each
are 8 GB. Where the judge can make a control group (as root: cgroup v2
with its memory and pids controllers, or v1's memory and pids
hierarchies), the fork server joins it before it starts any worker, so
that every process of the grading is in it: their memory together
(tmpfs pages included) is at most the memory limit, their number at most
the process limit and a few of the judge's own, and at the end of the
grading every process in it is killed before it is removed. Where none
can be made, Group.make returns a Group that does nothing, and says why.
"""
import os
import secrets
import signal
import time
from dataclasses import dataclass, field
from typing import Iterable, List

V1 = V2 = "/sys/fs/cgroup"


def own_paths() -> dict:
    """{controller or "": this process's cgroup path}, from
    /proc/self/cgroup ("" is cgroup v2's unified hierarchy)."""
    found = {}
    with open("/proc/self/cgroup") as f:
        for line in f:
            _, controllers, path = line.rstrip("\n").split(":", 2)
            for name in controllers.split(",") if controllers else [""]:
                found[name] = path
    return found


def write(path: str, text: str) -> None:
    """Write text to a cgroup file."""
    with open(path, "w") as f:
        f.write(text)


def stale(paths: dict) -> None:
    """Remove the groups that judges which no longer run left behind (a
    judge killed before its end), killing what is left in them."""
    parents = [os.path.join(V1, controller, paths[controller].lstrip("/"))
               for controller in ("memory", "pids") if controller in paths]
    if "" in paths:
        parents.append(os.path.join(V2, paths[""].lstrip("/")))
    for parent in parents:
        try:
            names = os.listdir(parent)
        except OSError:
            continue
        for name in names:
            parts = name.split("-")
            if len(parts) == 4 and name.startswith("rnn-judge-") and \
                    parts[2].isdigit() and not os.path.exists(
                        "/proc/" + parts[2]):
                Group(folders=[os.path.join(parent, name)]).remove()


@dataclass
class Group:
    """A grading's control group: its folders (one per v1 hierarchy, or
    the v2 one); none when it could not be made (why says why)."""
    folders: List[str] = field(default_factory=list)
    version: int = 0
    memory: int = 0
    processes: int = 0
    why: str = ""
    removed: bool = False

    @classmethod
    def make(cls, memory_mb: int, processes: int) -> "Group":
        """A new group of memory_mb MB and processes processes (or one
        that does nothing: not root, no controllers)."""
        if os.geteuid() != 0 or not os.path.exists("/proc/self/cgroup"):
            return cls(why="the judge is not root")
        name = "rnn-judge-{}-{}".format(os.getpid(), secrets.token_hex(4))
        try:
            paths = own_paths()
        except (OSError, ValueError) as error:
            return cls(why="no /proc/self/cgroup ({})".format(error))
        memory, count = memory_mb << 20, processes
        stale(paths)
        if "memory" in paths and "pids" in paths and os.path.isdir(
                os.path.join(V1, "memory")):
            made = cls(version=1, memory=memory, processes=count)
            try:
                for controller in ("memory", "pids"):
                    folder = os.path.join(V1, controller, paths[
                        controller].lstrip("/"), name)
                    os.mkdir(folder)
                    made.folders.append(folder)
                memory_folder, pids_folder = made.folders
                write(os.path.join(memory_folder, "memory.limit_in_bytes"),
                      str(memory))
                swap = os.path.join(memory_folder,
                                    "memory.memsw.limit_in_bytes")
                if os.path.exists(swap):
                    write(swap, str(memory))
                write(os.path.join(pids_folder, "pids.max"), str(count))
                return made
            except OSError as error:
                made.remove()
                return cls(why="cgroup v1: {}".format(error.strerror))
        if "" in paths and os.path.exists(os.path.join(
                V2, "cgroup.controllers")):
            parent = os.path.join(V2, paths[""].lstrip("/"))
            folder = os.path.join(parent, name)
            made = cls(version=2, memory=memory, processes=count)
            try:
                with open(os.path.join(parent, "cgroup.subtree_control")) \
                        as f:
                    enabled = f.read().split()
                missing = [c for c in ("memory", "pids") if c not in enabled]
                if missing:
                    write(os.path.join(parent, "cgroup.subtree_control"),
                          " ".join("+" + c for c in missing))
                os.mkdir(folder)
                made.folders.append(folder)
                write(os.path.join(folder, "memory.max"), str(memory))
                swap = os.path.join(folder, "memory.swap.max")
                if os.path.exists(swap):
                    write(swap, "0")
                write(os.path.join(folder, "pids.max"), str(count))
                return made
            except OSError as error:
                made.remove()
                return cls(why="cgroup v2: {}".format(error.strerror))
        return cls(why="no memory and pids controllers")

    @property
    def active(self) -> bool:
        """Whether the group exists (made, and not removed yet)."""
        return bool(self.folders) and not self.removed

    def add(self, pid: int) -> None:
        """Put pid (and what it starts later) in the group."""
        for folder in self.folders if self.active else ():
            write(os.path.join(folder, "cgroup.procs"), str(pid))

    def pids(self) -> List[int]:
        """The processes in the group."""
        found = set()
        for folder in self.folders if self.active else ():
            try:
                with open(os.path.join(folder, "cgroup.procs")) as f:
                    found.update(int(line) for line in f if line.strip())
            except (OSError, ValueError):
                pass
        return sorted(found)

    def oom_kills(self) -> int:
        """How many processes the group's memory limit has killed."""
        if not self.active:
            return 0
        name = "memory.oom_control" if self.version == 1 else \
            "memory.events"
        try:
            with open(os.path.join(self.folders[0], name)) as f:
                for line in f:
                    key, _, value = line.partition(" ")
                    if key == "oom_kill":
                        return int(value)
        except (OSError, ValueError):
            pass
        return 0

    def kill(self, keep: Iterable[int] = ()) -> None:
        """Kill every process in the group but keep (the judge's fork
        server), until none is left."""
        if not self.active:
            return
        keep = set(keep)
        if self.version == 2 and not keep:
            try:
                write(os.path.join(self.folders[0], "cgroup.kill"), "1")
            except OSError:
                pass
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            left = [pid for pid in self.pids() if pid not in keep]
            if not left:
                return
            for pid in left:
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass
            time.sleep(0.005)

    def remove(self) -> None:
        """Kill what is left in the group, and remove it."""
        self.kill()
        for folder in reversed(self.folders if self.active else ()):
            for _ in range(100):
                try:
                    os.rmdir(folder)
                    break
                except FileNotFoundError:
                    break
                except OSError:
                    time.sleep(0.01)
        self.removed = True

    def describe(self) -> str:
        """What it limits (or limited), or why there is none."""
        if not self.folders:
            return "no control group ({}): limits per process".format(
                self.why)
        return "a control group (cgroup v{}) of {} MB and {} processes " \
            "for all workers together".format(
                self.version, self.memory >> 20, self.processes)
