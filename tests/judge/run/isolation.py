"""Who runs submitted code, and what it can reach: the sandbox's levels.

README: What the judge protects, and what it does not. Three levels:

    processes   workers are processes of the judge's own user: the only
                level for a user other than root, and off Linux
    user        as root: each worker, once its limits are set, drops to an
                unprivileged user and group (nobody by default), with no
                supplementary groups and no way to gain privileges again
                (set-user-ID programs do not raise them); it reads only
                what that user can read and cannot signal the judge
    namespaces  as root where Linux namespaces are available, besides: the
                fork server (zygote) runs in a network namespace whose
                only interface is its own loopback and in a mount
                namespace where this repository and the results' folder
                are covered by an empty tmpfs that no one but root may
                enter; each worker is the first process of a process-id
                namespace of its own, with a /proc of its own: it sees
                neither the judge nor its fork server.

choose() picks the level when a grading starts by trying a worker's
set-up in a child process (probe): the strongest that works, or the one
the option forces (Unavailable says why it cannot apply). The set-up
itself is here too, for worker.py: enter_zygote() once in the fork server,
enter_worker() and drop() in each worker before any submitted code runs.
"""
import ctypes
import json
import os
import pwd
import select
import signal
import sysconfig
import time
from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Tuple

from judge.run.processes import LINUX, kill, prctl

LEVELS = ("processes", "user", "namespaces")
CHOICES = ("auto",) + LEVELS
DEFAULT_USER = "nobody"

CLONE_NEWNS = 0x00020000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_REC = 0x4000
MS_PRIVATE = 1 << 18
PR_SET_NO_NEW_PRIVS = 38
SIOCGIFFLAGS, SIOCSIFFLAGS, IFF_UP = 0x8913, 0x8914, 0x1
# how long a probe may take, in seconds
PROBE_TIME = 20.0


class Unavailable(Exception):
    """A level forced by an option cannot apply here; str() says why."""


@dataclass(frozen=True)
class Isolation:
    """The level workers run at, and what it could not give.

    level: one of LEVELS; user, uid, gid: whom workers become (levels
    user and namespaces); hidden: the folders covered in the fork
    server's mount namespace (level namespaces); short: why a stronger
    level does not apply, when the judge runs as root; exposed: what the
    worker's user can still read of what it should not (this
    repository).
    """
    level: str = "processes"
    user: str = ""
    uid: int = -1
    gid: int = -1
    hidden: Tuple[str, ...] = ()
    short: str = ""
    exposed: Tuple[str, ...] = ()

    @property
    def drops(self) -> bool:
        """Whether workers drop to another user."""
        return self.level != "processes"

    @property
    def nested(self) -> bool:
        """Whether workers get namespaces of their own."""
        return self.level == "namespaces"

    def describe(self) -> str:
        """The level in a few words, for the scoreboard's sandbox line:
        "unprivileged user (nobody), no network, own process ids",
        "unprivileged user (nobody)", "processes only"."""
        who = self.user + "".join(", who can read " + what
                                  for what in self.exposed)
        notes = ([who] if self.drops else []) + (
            [self.short] if self.short else [])
        inside = " ({})".format("; ".join(notes)) if notes else ""
        if self.level == "namespaces":
            return "unprivileged user{}, no network, own process ids".format(
                inside)
        if self.level == "user":
            return "unprivileged user" + inside
        return "processes only" + inside

    def config(self) -> Dict[str, object]:
        """What the fork server and its workers need to know, as JSON."""
        return {"level": self.level, "uid": self.uid, "gid": self.gid,
                "hidden": list(self.hidden)}


# -- the set-up, in the fork server and the workers --------------------------

def _libc():
    """The C library, with errno kept."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.mount.argtypes = [ctypes.c_char_p, ctypes.c_char_p,
                           ctypes.c_char_p, ctypes.c_ulong, ctypes.c_char_p]
    libc.unshare.argtypes = [ctypes.c_int]
    return libc


def _checked(result: int, what: str) -> None:
    """Raise OSError for a C call that failed."""
    if result != 0:
        number = ctypes.get_errno()
        raise OSError(number, "{}: {}".format(what, os.strerror(number)))


def unshare(flags: int) -> None:
    """Linux unshare(flags)."""
    _checked(_libc().unshare(flags), "unshare")


def mount(source: Optional[str], target: str, kind: Optional[str],
          flags: int, data: Optional[str] = None) -> None:
    """Linux mount(2)."""
    def raw(text):
        return None if text is None else text.encode()

    _checked(_libc().mount(raw(source), raw(target), raw(kind), flags,
                           raw(data)), "mount " + target)


def loopback_up() -> None:
    """Bring up the loopback interface of this network namespace."""
    import fcntl
    import socket
    import struct
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        request = struct.pack("16sH14s", b"lo", 0, b"")
        flags = struct.unpack("16sH", fcntl.ioctl(
            sock, SIOCGIFFLAGS, request)[:18])[1]
        fcntl.ioctl(sock, SIOCSIFFLAGS,
                    struct.pack("16sH14s", b"lo", flags | IFF_UP, b""))


def enter_zygote(hidden: Iterable[str]) -> None:
    """In the fork server, once, as root (level namespaces): a network
    namespace with its loopback alone, and a mount namespace of its own
    (nothing mounted in it reaches the machine's) where each folder of
    hidden is covered by an empty, read-only tmpfs of mode 000."""
    unshare(CLONE_NEWNET | CLONE_NEWNS)
    mount(None, "/", None, MS_REC | MS_PRIVATE)
    loopback_up()
    for folder in hidden:
        mount("tmpfs", folder, "tmpfs",
              MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC,
              "mode=000,size=4k")


def enter_worker() -> int:
    """In a process just forked from the fork server (level namespaces):
    new process-id and mount namespaces, and a fork. Returns 0 in the
    child, the first process of the new process-id namespace, which goes
    on as the worker and must call mount_proc(); in the parent, the
    child's pid: the parent then calls wait_and_mirror()."""
    unshare(CLONE_NEWPID | CLONE_NEWNS)
    return os.fork()


def mount_proc() -> None:
    """A /proc of this process-id namespace, over the machine's."""
    mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)


def wait_and_mirror(pid: int) -> None:
    """Wait for the worker pid, then end as it ended (its exit status or
    its signal), so that the judge reads the worker's end in this
    process's; never returns."""
    import resource
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:
        os._exit(1)
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        try:
            signal.signal(number, signal.SIG_DFL)
        except (OSError, ValueError):
            pass
        os.kill(os.getpid(), number)
    os._exit(os.WEXITSTATUS(status) if os.WIFEXITED(status) else 1)


def drop(uid: int, gid: int) -> None:
    """Become uid and gid, with no supplementary group, for good: no
    set-user-ID program can raise the privileges again. Raises OSError
    if any step fails (the worker must then not run submitted code)."""
    if not prctl(PR_SET_NO_NEW_PRIVS, 1):
        raise OSError("could not set no_new_privs")
    os.setgroups([])
    os.setresgid(gid, gid, gid)
    os.setresuid(uid, uid, uid)
    if os.getresuid() != (uid,) * 3 or os.getresgid() != (gid,) * 3 or \
            os.getgroups() or uid == 0:
        raise OSError("still privileged after dropping to {}".format(uid))


# -- choosing a level --------------------------------------------------------

def python_folders() -> List[str]:
    """The folders this Python imports from, which a worker's user must
    be able to read: the standard library (with its extension modules),
    site-packages, numpy's."""
    import numpy
    found = [sysconfig.get_path(name) for name in
             ("stdlib", "platstdlib", "purelib", "platlib")]
    found.append(os.path.join(sysconfig.get_path("platstdlib"),
                              "lib-dynload"))
    found.append(os.path.dirname(numpy.__file__))
    return sorted({os.path.realpath(path) for path in found
                   if path and os.path.isdir(path)})


def inside(path: str, folder: str) -> bool:
    """Whether path is folder or below it."""
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def hideable(folders: Iterable[str], needed: Iterable[str]) -> List[str]:
    """The folders that can be hidden from workers: real folders other
    than / that hold nothing a worker needs (needed: the Python's
    folders, the folder of the workers' folders), but those inside
    another (hidden with it)."""
    needed = [os.path.realpath(path) for path in needed]
    found = []
    for folder in folders:
        folder = os.path.realpath(folder)
        if folder != os.sep and os.path.isdir(folder) and not any(
                inside(path, folder) for path in needed):
            found.append(folder)
    return sorted({folder for folder in found if not any(
        inside(folder, other) for other in found if other != folder)})


def _as_worker(level: str, uid: int, gid: int, hidden: List[str],
               user: str, trial: str, secret: str) -> dict:
    """A worker's set-up at level, then what its user can and cannot
    read: {"why": why a worker could not run ("" if it can), "exposed":
    what it can read of what it should not}. Runs in a child process."""
    needed = python_folders()  # as root: the user may not even see them
    if level == "namespaces":
        enter_zygote(hidden)
        child = enter_worker()
        if child:
            wait_and_mirror(child)
        mount_proc()
    drop(uid, gid)
    for folder in needed:
        try:
            os.listdir(folder)
        except OSError:
            return {"why": "{} cannot read this Python: {}".format(
                user, folder), "exposed": []}
    try:
        with open(trial, "rb"):
            pass
    except OSError:
        return {"why": "{} cannot read the workers' folders ({})".format(
            user, os.path.dirname(os.path.dirname(trial))), "exposed": []}
    try:
        with open(secret, "rb"):
            exposed = ["this repository"]
    except OSError:
        exposed = []
    return {"why": "", "exposed": exposed}


def probe(level: str, uid: int, gid: int, hidden: List[str], user: str,
          trial: str, secret: str) -> dict:
    """Try a worker's set-up at level in a child process of this one, as
    a worker would; {"why": "" if it works, or why not, "exposed": [...]}
    (see _as_worker)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover (a child process)
        try:
            os.close(read)
            try:
                found = _as_worker(level, uid, gid, hidden, user, trial,
                                   secret)
            except BaseException as error:
                found = {"why": str(error) or type(error).__name__,
                         "exposed": []}
            os.write(write, json.dumps(found).encode()[:60000])
        finally:
            os._exit(0)
    os.close(write)
    data, deadline = b"", time.monotonic() + PROBE_TIME
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([read], [], [], 0.1)
            if ready:
                chunk = os.read(read, 65536)
                if not chunk:
                    break
                data += chunk
    finally:
        os.close(read)
        kill(pid)
        os.waitpid(pid, 0)
    try:
        found = json.loads(data.decode())
        return {"why": str(found["why"]), "exposed": [
            str(what) for what in found["exposed"]]}
    except (ValueError, KeyError, TypeError):
        return {"why": "the trial of a worker did not finish",
                "exposed": []}


def choose(wanted: str, user: str, hidden: Iterable[str], trial: str,
           secret: str) -> Isolation:
    """The level workers run at.

    wanted: "auto" (the strongest that works here) or a level of LEVELS,
    forced: Unavailable if it cannot apply. user: whom workers become as
    root. hidden: the folders to hide from them (this repository, the
    results' folder). trial: a file in a folder made as the workers'
    are; secret: a file of this repository that workers must not read.
    """
    if wanted not in CHOICES:
        raise Unavailable("--sandbox must be one of {}, not {}".format(
            ", ".join(CHOICES), wanted))
    if wanted == "processes":
        return Isolation()
    if not (LINUX and os.geteuid() == 0):
        if wanted == "auto":
            return Isolation()
        raise Unavailable("--sandbox={} needs a judge that runs as root "
                          "on Linux".format(wanted))
    try:
        entry = pwd.getpwnam(user)
        why = "user {} is root".format(user) if entry.pw_uid == 0 else ""
    except KeyError:
        entry, why = None, "there is no user {} (--worker-user)".format(user)
    if why:
        if wanted == "auto":
            return Isolation(short="as root, but " + why)
        raise Unavailable("--sandbox={} is not available: {}".format(
            wanted, why))
    needed = python_folders() + [os.path.dirname(os.path.dirname(
        os.path.dirname(trial)))]
    folders = hideable(hidden, needed)
    missing = ""
    for level in (("namespaces", "user") if wanted == "auto" else (wanted,)):
        found = probe(level, entry.pw_uid, entry.pw_gid, folders, user,
                      trial, secret)
        if not found["why"]:
            return Isolation(
                level, user, entry.pw_uid, entry.pw_gid,
                tuple(folders) if level == "namespaces" else (), missing,
                tuple(found["exposed"]))
        if wanted != "auto":
            raise Unavailable("--sandbox={} is not available here: {}".format(
                wanted, found["why"]))
        missing = "no namespaces: " + found["why"]
    return Isolation(short="as root, but " + found["why"])
