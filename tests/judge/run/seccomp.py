"""A system-call filter (seccomp): calls a process may not make.

A worker installs one before any submitted code runs (worker.confine):
the kernel's keyrings (add_key, request_key, keyctl) and System V IPC
(shmget, shmat, msgget, semget) and POSIX message queues (mq_open), which
live beyond a grading and are shared with the gradings of the same user
(a channel from one student to another, memory held after the end); and
new namespaces and mounts (unshare, setns, clone with a namespace flag,
mount, umount2, pivot_root), which a worker has no use for. Each answers
EPERM; clone3 answers ENOSYS, so that the C library falls back to clone,
whose flags the filter can read. A call of another architecture (x86's
32-bit calls on x86_64, x32's) answers EPERM as well.

tests/repository/no_namespaces.py installs the namespace part alone, to
grade where no namespace can be made, as under Docker's default profile.
"""
import ctypes
import os
import platform
import struct
from typing import Dict, Tuple

# system call numbers by machine
CALLS: Dict[str, Dict[str, int]] = {
    "x86_64": {"unshare": 272, "setns": 308, "mount": 165, "umount2": 166,
               "pivot_root": 155, "clone": 56, "clone3": 435,
               "add_key": 248, "request_key": 249, "keyctl": 250,
               "shmget": 29, "shmat": 30, "msgget": 68, "semget": 64,
               "mq_open": 240},
    "aarch64": {"unshare": 97, "setns": 268, "mount": 40, "umount2": 39,
                "pivot_root": 41, "clone": 220, "clone3": 435,
                "add_key": 217, "request_key": 218, "keyctl": 219,
                "shmget": 194, "shmat": 196, "msgget": 186, "semget": 190,
                "mq_open": 180},
}
ARCHES = {"x86_64": 0xC000003E, "aarch64": 0xC00000B7}
X32 = 0x40000000
NAMESPACE_CALLS = ("unshare", "setns", "mount", "umount2", "pivot_root")
SHARED_CALLS = ("add_key", "request_key", "keyctl", "shmget", "shmat",
                "msgget", "semget", "mq_open")
NAMESPACES = 0x7E020000  # CLONE_NEW{NS,CGROUP,UTS,IPC,USER,PID,NET}
EPERM, ENOSYS = 1, 38
RET_ALLOW, RET_ERRNO = 0x7FFF0000, 0x00050000
LD_W_ABS, JEQ, JGE, JSET, RET = 0x20, 0x15, 0x35, 0x45, 0x06
PR_SET_NO_NEW_PRIVS, PR_SET_SECCOMP, SECCOMP_MODE_FILTER = 38, 22, 2


def available() -> bool:
    """Whether this machine's calls are known here."""
    return platform.machine() in CALLS


def instruction(code: int, jt: int, jf: int, k: int) -> bytes:
    """One BPF instruction (struct sock_filter)."""
    return struct.pack("=HBBI", code, jt, jf, k)


def program(machine: str, denied: Tuple[str, ...],
            namespaces: bool) -> bytes:
    """The filter's instructions: denied calls answer EPERM; with
    namespaces, clone with a namespace flag does too, and clone3 ENOSYS."""
    numbers = CALLS[machine]
    code = [instruction(LD_W_ABS, 0, 0, 4),  # arch
            instruction(JEQ, 1, 0, ARCHES[machine]),
            instruction(RET, 0, 0, RET_ERRNO | EPERM),
            instruction(LD_W_ABS, 0, 0, 0)]  # the call's number
    if machine == "x86_64":
        code += [instruction(JGE, 0, 1, X32),
                 instruction(RET, 0, 0, RET_ERRNO | EPERM)]
    for name in denied:
        code += [instruction(JEQ, 0, 1, numbers[name]),
                 instruction(RET, 0, 0, RET_ERRNO | EPERM)]
    if namespaces:
        code += [instruction(JEQ, 0, 1, numbers["clone3"]),
                 instruction(RET, 0, 0, RET_ERRNO | ENOSYS),
                 instruction(JEQ, 1, 0, numbers["clone"]),
                 instruction(RET, 0, 0, RET_ALLOW),
                 instruction(LD_W_ABS, 0, 0, 16),  # clone's flags
                 instruction(JSET, 0, 1, NAMESPACES),
                 instruction(RET, 0, 0, RET_ERRNO | EPERM)]
    code.append(instruction(RET, 0, 0, RET_ALLOW))
    return b"".join(code)


def install(denied: Tuple[str, ...], namespaces: bool) -> None:
    """Install the filter in this process (inherited by what it starts);
    OSError if it cannot be."""
    machine = platform.machine()
    if machine not in CALLS:
        raise OSError("no system-call filter for " + machine)
    code = program(machine, denied, namespaces)
    buffer = ctypes.create_string_buffer(code, len(code))

    class Program(ctypes.Structure):
        """struct sock_fprog."""
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    libc = ctypes.CDLL(None, use_errno=True)
    fprog = Program(len(code) // 8, ctypes.addressof(buffer))
    if libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 or libc.prctl(
            PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(fprog), 0,
            0) != 0:
        number = ctypes.get_errno()
        raise OSError(number, "seccomp: " + os.strerror(number))


def confine_worker() -> None:
    """A worker's filter: no kernel keyring, no System V IPC or message
    queue, no namespace or mount."""
    install(SHARED_CALLS + NAMESPACE_CALLS, namespaces=True)
