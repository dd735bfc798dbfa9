"""Who runs submitted code, and what it can reach: the sandbox's levels.

README (tests/README.md): What the judge protects. Workers never run as
root. Three levels, the strongest that works is chosen when a grading
starts:

    namespaces  each worker has a root file system of its own, made of
                the machine's system folders and this Python's, read-only,
                its task's folder (read-only, at /task), a /proc of its own
                process-id namespace, and a private, size-limited /tmp and
                /dev/shm; no network but a loopback of its own. As root it
                then becomes an unprivileged user (nobody by default);
                as another user, the namespaces are made inside a user
                namespace (as bubblewrap does) and the worker keeps no
                capability. It sees no other task, no other student, no
                output folder, no repository, no process but its own.
    user        as root where no namespace can be made (Docker's default
                profile): the worker becomes the unprivileged user and
                holds by permissions alone: it reads what that user can
                read (run_autograder makes the solutions and the results
                root's alone).
    processes   not root and no user namespaces (or not Linux): the
                worker is a process of the judge's own user.

choose() picks the level by trying a worker's set-up in a child process
(probe). The set-up itself is here too, for worker.py: enter_zygote() once
in the fork server, enter_worker() then confine() in each worker before
any submitted code runs.
"""
import ctypes
import json
import os
import platform
import pwd
import re
import select
import signal
import site
import sys
import sysconfig
import time
from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Tuple

from judge.run.processes import LINUX, PR_SET_DUMPABLE, kill, prctl

LEVELS = ("processes", "user", "namespaces")
# auto: the strongest level that works; required: the same, but never
# processes only (the Gradescope bundle's choice)
CHOICES = ("auto", "required") + LEVELS
DEFAULT_USER = "nobody"

CLONE_NEWNS = 0x00020000
CLONE_NEWUTS = 0x04000000
CLONE_NEWIPC = 0x08000000
CLONE_NEWUSER = 0x10000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_REMOUNT, MS_BIND, MS_REC = 32, 4096, 0x4000
MS_NOATIME, MS_NODIRATIME, MS_RELATIME = 1024, 2048, 1 << 21
MS_PRIVATE = 1 << 18
MNT_DETACH = 2
# statvfs's f_flag bits and the mount flags they stand for: a bind mount
# remounted read-only keeps them (a user namespace may not clear them)
KEPT_FLAGS = {2: MS_NOSUID, 4: MS_NODEV, 8: MS_NOEXEC, 1024: MS_NOATIME,
              2048: MS_NODIRATIME, 4096: MS_RELATIME}
PR_SET_NO_NEW_PRIVS = 38
PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL = 47, 4
CAPABILITY_VERSION_3 = 0x20080522
SYS_PIVOT_ROOT = {"x86_64": 155, "aarch64": 41, "armv7l": 218,
                  "ppc64le": 203, "s390x": 217, "riscv64": 41}
SIOCGIFFLAGS, SIOCSIFFLAGS, IFF_UP = 0x8913, 0x8914, 0x1
# the machine's folders a worker's root holds (read-only): programs and
# libraries, and /etc (the user and group names, the dynamic linker's
# cache); a link among them (/bin -> usr/bin) is made again as a link
SYSTEM = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32",
          "/etc")
DEVICES = ("null", "zero", "full", "random", "urandom")
# MB of a worker's private /tmp and /dev/shm
TMP_SIZE, SHM_SIZE = 64, 16
# where a worker's task folder is, inside its root
TASK_FOLDER = "/task"
# how long a probe may take, in seconds
PROBE_TIME = 20.0


class Unavailable(Exception):
    """A level asked for cannot apply here; str() says why."""


@dataclass(frozen=True)
class Isolation:
    """The level workers run at, and what it could not give.

    level: one of LEVELS; user, uid, gid: whom workers run as (as root,
    the unprivileged user; in a user namespace, the judge's own user);
    userns: the namespaces are made inside a user namespace (the judge is
    not root); binds: this Python's folders, which a worker's root holds
    besides SYSTEM; hidden: folders covered inside a worker's root (this
    repository, the output's folder: where they lie inside a folder it
    holds); short: why a stronger level does not apply; exposed: what the
    worker's user can still read of what it should not (level user).
    """
    level: str = "processes"
    user: str = ""
    uid: int = -1
    gid: int = -1
    userns: bool = False
    binds: Tuple[str, ...] = ()
    hidden: Tuple[str, ...] = ()
    short: str = ""
    exposed: Tuple[str, ...] = ()

    @property
    def drops(self) -> bool:
        """Whether workers become another user than the judge's."""
        return self.level != "processes" and not self.userns

    @property
    def nested(self) -> bool:
        """Whether workers get namespaces (and a root) of their own."""
        return self.level == "namespaces"

    def describe(self) -> str:
        """The level in a few words, for the scoreboard's sandbox line:
        "namespaces as nobody", "a user namespace", "nobody (no
        namespaces)", "processes only: your code runs as you"."""
        if self.level == "namespaces":
            return "a user namespace" if self.userns else \
                "namespaces as " + self.user
        if self.level == "user":
            return "{} (no namespaces{})".format(self.user, (
                ", can read this repository" if self.exposed == (
                    "this repository",) else ", can read private folders")
                if self.exposed else "")
        return "processes only: your code runs as you"

    def details(self) -> str:
        """What the level gives and lacks, for -v and results.json."""
        if self.level == "namespaces":
            found = ("workers run as {} in namespaces of their own: a root "
                     "of system and Python folders read-only, their task "
                     "at {}, private /tmp ({} MB) and /dev/shm ({} MB), own "
                     "process ids, no network").format(
                         "the judge's user inside a user namespace, with no "
                         "capability" if self.userns else self.user,
                         TASK_FOLDER, TMP_SIZE, SHM_SIZE)
        elif self.level == "user":
            found = ("workers run as {}, with no namespaces: they read what "
                     "{} can read, see the machine's processes and "
                     "network").format(self.user, self.user)
            if self.exposed:
                found += "; {} can read {}".format(
                    self.user, " and ".join(self.exposed))
        else:
            found = "workers run as the judge's own user: they can read " \
                "and write what it can, this repository included"
        return found + ("; " + self.short if self.short else "")

    def config(self) -> Dict[str, object]:
        """What the fork server and its workers need to know, as JSON."""
        return {"level": self.level, "uid": self.uid, "gid": self.gid,
                "userns": self.userns, "binds": list(self.binds),
                "hidden": list(self.hidden)}


# -- system calls ------------------------------------------------------------

def _libc():
    """The C library, with errno kept."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.mount.argtypes = [ctypes.c_char_p, ctypes.c_char_p,
                           ctypes.c_char_p, ctypes.c_ulong, ctypes.c_char_p]
    libc.umount2.argtypes = [ctypes.c_char_p, ctypes.c_int]
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


def pivot_root() -> None:
    """Make the current folder the root (pivot_root(".", ".")) and detach
    the old one: nothing of it stays reachable."""
    libc = _libc()
    number = SYS_PIVOT_ROOT.get(platform.machine())
    if number is None:
        raise OSError("pivot_root: unknown machine " + platform.machine())
    _checked(libc.syscall(number, b".", b"."), "pivot_root")
    _checked(libc.umount2(b".", MNT_DETACH), "umount the old root")
    os.chdir("/")


class _CapHeader(ctypes.Structure):
    """struct __user_cap_header_struct."""
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    """struct __user_cap_data_struct."""
    _fields_ = [("effective", ctypes.c_uint32),
                ("permitted", ctypes.c_uint32),
                ("inheritable", ctypes.c_uint32)]


def drop_capabilities() -> None:
    """Give up every capability (those of a user namespace's creator)."""
    libc = _libc()
    prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL)
    _checked(libc.capset(ctypes.byref(_CapHeader(CAPABILITY_VERSION_3, 0)),
                         (_CapData * 2)()), "capset")


def capabilities() -> int:
    """The effective capabilities of this process, as a bit mask."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("CapEff:"):
                return int(line.split()[1], 16)
    return -1


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


# -- the set-up, in the fork server and the workers ------------------------

def enter_zygote(config: dict) -> None:
    """In the fork server, once (level namespaces): a network namespace
    with its loopback alone, and IPC and host-name namespaces of its own;
    as another user than root, first a user namespace in which the
    judge's user keeps its id and gets the capabilities that the
    workers' set-up needs (never the machine's)."""
    if config["userns"]:
        uid, gid = os.getuid(), os.getgid()
        # a process forked from an undumpable judge (keep_private) cannot
        # write its own maps: /proc/self is root's until it is dumpable
        # again (the caller makes it undumpable once they are written)
        prctl(PR_SET_DUMPABLE, 1)
        unshare(CLONE_NEWUSER)
        for name, text in (("setgroups", "deny"),
                           ("uid_map", "{0} {0} 1".format(uid)),
                           ("gid_map", "{0} {0} 1".format(gid))):
            with open("/proc/self/" + name, "w") as f:
                f.write(text)
    unshare(CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS)
    loopback_up()


def enter_worker() -> int:
    """In a process just forked from the fork server (level namespaces):
    new process-id and mount namespaces, and a fork. Returns 0 in the
    child, the first process of the new process-id namespace, which goes
    on as the worker (confine); in the parent, the child's pid: the
    parent then calls wait_and_mirror()."""
    unshare(CLONE_NEWPID | CLONE_NEWNS)
    return os.fork()


def _mount_points() -> List[str]:
    """The mount points of this mount namespace, from mountinfo (which
    writes a space, tab, newline or backslash in a path as \\ooo)."""
    found = []
    with open("/proc/self/mountinfo", "rb") as f:
        for line in f:
            point = re.sub(rb"\\([0-7]{3})",
                           lambda m: bytes([int(m.group(1), 8)]),
                           line.split()[4])
            found.append(os.fsdecode(point))
    return found


def bind_read_only(source: str, target: str) -> None:
    """Bind source (with what is mounted below it) at target, read-only,
    keeping the flags its own mounts have."""
    mount(source, target, None, MS_BIND | MS_REC)
    below = [point for point in _mount_points()
             if point == target or point.startswith(target + "/")]
    for point in sorted(set(below), key=len):
        try:
            kept = os.statvfs(point).f_flag
        except OSError:
            continue
        flags = MS_REMOUNT | MS_BIND | MS_RDONLY
        for bit, flag in KEPT_FLAGS.items():
            if kept & bit:
                flags |= flag
        mount(None, point, None, flags)


def _make_dirs(root: str, path: str) -> str:
    """root + path as folders of mode 755 (made in the worker's tmpfs);
    the full path."""
    full = root + path
    os.makedirs(full, mode=0o755, exist_ok=True)
    return full


def build_root(config: dict, task: str, place: str) -> None:
    """Make this process's root file system (level namespaces, as root or
    with the capabilities of a user namespace; in a mount namespace of
    its own and as the first process of its process-id namespace): a
    tmpfs mounted on place holding SYSTEM and config["binds"] read-only,
    task read-only at TASK_FOLDER, /dev's harmless devices, its /proc, a
    private /tmp and /dev/shm; config["hidden"] covered where they lie
    inside what it holds; then pivot into it. Nothing else of the machine
    stays reachable."""
    mount(None, "/", None, MS_REC | MS_PRIVATE)
    mount("tmpfs", place, "tmpfs", MS_NOSUID | MS_NODEV,
          "mode=0755,size=1m")
    root = place
    # the private /tmp first: a Python may lie below the machine's /tmp
    # (a virtual environment), and is bound inside it
    mount("tmpfs", _make_dirs(root, "/tmp"), "tmpfs", MS_NOSUID | MS_NODEV,
          "mode=1777,size={}m".format(TMP_SIZE))
    bound = []
    for path in SYSTEM:
        if os.path.islink(path):
            os.symlink(os.readlink(path), root + path)
        elif os.path.isdir(path):
            bind_read_only(path, _make_dirs(root, path))
            bound.append(path)
    for path in sorted(config["binds"], key=len):
        if os.path.isdir(path) and not any(
                inside(path, folder) for folder in bound):
            bind_read_only(path, _make_dirs(root, path))
            bound.append(path)
    for path in config["hidden"]:
        if os.path.isdir(root + path):
            mount("tmpfs", root + path, "tmpfs",
                  MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC,
                  "mode=000,size=4k")
    bind_read_only(task, _make_dirs(root, TASK_FOLDER))
    dev = _make_dirs(root, "/dev")
    mount("tmpfs", dev, "tmpfs", MS_NOSUID | MS_NOEXEC, "mode=0755,size=64k")
    for name in DEVICES:
        open(os.path.join(dev, name), "w").close()
        mount("/dev/" + name, os.path.join(dev, name), None, MS_BIND)
    for name, target in (("fd", "/proc/self/fd"), ("stdin", "/proc/self/fd/0"),
                         ("stdout", "/proc/self/fd/1"),
                         ("stderr", "/proc/self/fd/2")):
        os.symlink(target, os.path.join(dev, name))
    mount("tmpfs", _make_dirs(root, "/dev/shm"), "tmpfs", MS_NOSUID | MS_NODEV,
          "mode=1777,size={}m".format(SHM_SIZE))
    mount("proc", _make_dirs(root, "/proc"), "proc",
          MS_NOSUID | MS_NODEV | MS_NOEXEC)
    os.chdir(root)
    pivot_root()
    mount(None, "/", None, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV)


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


def drop(config: dict) -> None:
    """Give up every privilege for good, before any submitted code runs:
    as root, become config's uid and gid with no supplementary group; in
    a user namespace, give up its capabilities. No set-user-ID program
    can raise them again. Raises OSError if any step fails (the worker
    must then not run submitted code)."""
    if not prctl(PR_SET_NO_NEW_PRIVS, 1):
        raise OSError("could not set no_new_privs")
    if config["userns"]:
        drop_capabilities()
        if capabilities() != 0:
            raise OSError("capabilities left after dropping them")
        return
    uid, gid = config["uid"], config["gid"]
    os.setgroups([])
    os.setresgid(gid, gid, gid)
    os.setresuid(uid, uid, uid)
    if os.getresuid() != (uid,) * 3 or os.getresgid() != (gid,) * 3 or \
            os.getgroups() or uid == 0 or capabilities() not in (0, -1):
        raise OSError("still privileged after dropping to {}".format(uid))


# -- choosing a level --------------------------------------------------------

def python_folders() -> List[str]:
    """The folders of this Python that a worker needs, real paths: its
    prefixes (the interpreter, the standard library with its extension
    modules), site-packages (the user's too, when imported from), and
    numpy's."""
    import numpy
    found = [sys.prefix, sys.exec_prefix, sys.base_prefix,
             sys.base_exec_prefix]
    found += [sysconfig.get_path(name) for name in
              ("stdlib", "platstdlib", "purelib", "platlib")]
    found.append(os.path.join(sysconfig.get_path("platstdlib"),
                              "lib-dynload"))
    found += list(getattr(site, "getsitepackages", lambda: [])())
    user_site = getattr(site, "getusersitepackages", lambda: "")()
    if user_site and user_site in sys.path:
        found.append(user_site)
    found.append(os.path.dirname(numpy.__file__))
    found = sorted({os.path.realpath(path) for path in found
                    if path and os.path.isdir(path)}, key=len)
    return [path for k, path in enumerate(found)
            if not any(inside(path, other) for other in found[:k])]


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


def _as_worker(config: dict, user: str, trial: str, place: str,
               secrets: List[str]) -> dict:
    """A worker's set-up at config's level, then what it can and cannot
    do: {"why": why a worker could not run ("" if it can), "exposed":
    which of secrets (paths) it can read}. Runs in a child process."""
    needed = python_folders()  # as root: the user may not even see them
    folder = os.path.dirname(trial)
    if config["level"] == "namespaces":
        enter_zygote(config)
        child = enter_worker()
        if child:
            wait_and_mirror(child)
        build_root(config, folder, place)
        folder = TASK_FOLDER
    drop(config)
    for path in needed:
        try:
            os.listdir(path)
        except OSError:
            return {"why": "{} cannot read this Python: {}".format(
                user, path), "exposed": []}
    try:
        with open(os.path.join(folder, os.path.basename(trial)), "rb"):
            pass
    except OSError:
        return {"why": "{} cannot read the workers' folders ({})".format(
            user, os.path.dirname(os.path.dirname(trial))), "exposed": []}
    exposed = []
    for path in secrets:
        try:
            if os.path.isdir(path):
                os.listdir(path)
            else:
                with open(path, "rb"):
                    pass
            exposed.append(path)
        except OSError:
            pass
    return {"why": "", "exposed": exposed}


def probe(config: dict, user: str, trial: str, place: str,
          secrets: List[str]) -> dict:
    """Try a worker's set-up at config's level in a child process, as a
    worker would; {"why": "" if it works, or why not, "exposed": [...]}
    (see _as_worker)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover (a child process)
        try:
            os.close(read)
            try:
                found = _as_worker(config, user, trial, place, secrets)
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


@dataclass(frozen=True)
class Trial:
    """What choose() tries a level with: trial, a file in a folder made as
    a task's folder is; place, an empty folder to mount a worker's root
    on; secrets: {what: path} of what workers must not read (this
    repository's task file, the output's folder, the submissions)."""
    trial: str
    place: str
    secrets: Dict[str, str]


def choose(wanted: str, user: str, hidden: Iterable[str],
           trial: Trial) -> Isolation:
    """The level workers run at.

    wanted: "auto" (the strongest that works here), "required" (the
    same, but never processes only), or a level of LEVELS. Unavailable if
    it cannot apply: workers never run as root. user: whom they become as
    root. hidden: the folders to hide from them (this repository, the
    output's folder).
    """
    if wanted not in CHOICES:
        raise Unavailable("--sandbox must be one of {}, not {}".format(
            ", ".join(CHOICES), wanted))
    root = LINUX and os.geteuid() == 0
    if wanted == "processes":
        if root:
            raise Unavailable("--sandbox=processes: workers never run as "
                              "root; run the judge as another user for "
                              "processes only")
        return Isolation()
    if wanted == "user" and not root:
        raise Unavailable("--sandbox=user needs a judge that runs as root "
                          "on Linux")
    if not LINUX:
        if wanted in ("auto",):
            return Isolation(short="not Linux")
        raise Unavailable("--sandbox={}: there are no namespaces and no "
                          "other user off Linux".format(wanted))
    if root:
        try:
            entry = pwd.getpwnam(user)
            why = "user {} is root".format(user) if entry.pw_uid == 0 \
                else ""
        except KeyError:
            entry, why = None, "there is no user {} (--worker-user)".format(
                user)
        if why:
            raise Unavailable("--sandbox={}: {}".format(wanted, why))
        uid, gid, name = entry.pw_uid, entry.pw_gid, user
    else:
        uid, gid = os.getuid(), os.getgid()
        try:
            name = pwd.getpwuid(uid).pw_name
        except KeyError:  # a user without a name (a container's)
            name = "user {}".format(uid)
    needed = python_folders()
    folders = hideable(hidden, needed + [os.path.dirname(os.path.dirname(
        trial.trial))])
    levels = ("namespaces", "user") if root else ("namespaces",)
    if wanted in LEVELS:
        levels = (wanted,)
    reasons = []
    for level in levels:
        config = Isolation(level, name, uid, gid, not root and
                           level == "namespaces", tuple(needed),
                           tuple(folders)).config()
        found = probe(config, name, trial.trial, trial.place,
                      sorted(trial.secrets.values()))
        if not found["why"]:
            exposed = tuple(what for what, path in sorted(
                trial.secrets.items()) if path in found["exposed"])
            if exposed and (level == "namespaces" or wanted == "required"):
                found["why"] = "{} could read {}".format(
                    name, " and ".join(exposed))
            else:
                return Isolation(
                    level, name, uid, gid, config["userns"], tuple(needed),
                    tuple(folders), "; ".join(reasons), exposed)
        reasons.append("no {}: {}".format(level, found["why"]))
    if wanted == "auto" and not root:
        return Isolation(short="; ".join(reasons))
    raise Unavailable("--sandbox={}: {}{}".format(
        wanted, "; ".join(reasons), "; workers never run as root" if root
        else "; --sandbox=processes grades with processes only"))
