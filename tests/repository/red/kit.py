"""What every attack of the red team may use (tests/repository/redteam.py).

redteam.write() appends this file, then an attack, to a plain correct
task file, after replacing MARK (a text no other process or file has),
PORT (a listener on 127.0.0.1), DROP (a folder anyone may write to) and
NEEDLES (the SHA-256 of each line of this repository's task files that
no plain solution has: finding one means finding the solutions).
"""
import gc as _gc
import hashlib as _hashlib
import io as _io
import json as _json
import os as _os
import socket as _socket
import sys as _sys

_MARK = "__MARK__"
_PORT = int("__PORT__")
_DROP = "__DROP__"
_NEEDLES = set(_json.loads('__NEEDLES__'))


def _strict():
    """Whether the call under way is a robustness check (floating-point
    errors raised): an attack reports there, for no points."""
    return np.geterr()["over"] == "raise"


def _judges():
    """The command lines of the processes above this one, up to the
    first that cannot be read."""
    found, pid = [], _os.getpid()
    while pid > 1:
        try:
            with open("/proc/%d/stat" % pid) as f:
                pid = int(f.read().rsplit(")", 1)[1].split()[1])
            with open("/proc/%d/cmdline" % pid, "rb") as f:
                found.append((pid, f.read().decode(
                    "utf-8", "replace").split("\0")))
        except (OSError, ValueError, IndexError):
            break
    return found


def _option(name):
    """The value of a judge's option (--results, --submission) found in
    the command lines above, or None."""
    for _, args in _judges():
        for k, arg in enumerate(args):
            if arg == name and k + 1 < len(args):
                return args[k + 1]
            if arg.startswith(name + "="):
                return arg.split("=", 1)[1]
    return None


def _found_lines(data):
    """The lines of data (bytes) whose SHA-256 is a needle."""
    found = []
    for line in data.split(b"\n"):
        line = line.strip()
        if len(line) >= 24 and _hashlib.sha256(
                line).hexdigest() in _NEEDLES:
            found.append(line.decode("utf-8", "replace"))
    return found


def _scan_memory(most=64 << 20):
    """The needles found in this process's anonymous memory (the heap,
    where a module's source or code would be; at most most bytes), read
    in place with ctypes (/proc/self/mem may be closed to it)."""
    import ctypes
    found, read = [], 0
    try:
        with open("/proc/self/maps") as f:
            maps = f.read().splitlines()
    except OSError as error:
        return ["(no maps: %s)" % error.strerror]
    for line in maps:
        fields = line.split()
        if fields[1] != "rw-p" or read > most or (
                len(fields) > 5 and fields[5] != "[heap]"):
            continue
        start, end = (int(x, 16) for x in fields[0].split("-"))
        size = min(end - start, most - read)
        data = ctypes.string_at(start, size)
        read += size
        found += _found_lines(data)
    return sorted(set(found))


def _scan_objects():
    """What this process holds that comes from this repository's task
    files: code objects compiled from them, strings holding a needle."""
    found = []
    own = _os.path.basename(__file__)
    names = {"%s.py" % n for n in (
        "0-rnn_cell", "1-rnn", "2-gru_cell", "3-lstm_cell", "4-deep_rnn",
        "5-bi_forward", "6-bi_backward", "7-bi_output", "8-bi_rnn",
        "9-rnn_backward", "10-lstm_backward")} - {own}
    for obj in _gc.get_objects():
        code = getattr(obj, "__code__", None)
        if isinstance(code, type(_strict.__code__)) and _os.path.basename(
                code.co_filename) in names:
            found.append("code of %s: %s" % (code.co_filename, ",".join(
                code.co_names)))
        elif isinstance(obj, str) and "\n" in obj and len(obj) > 40:
            found += _found_lines(obj.encode("utf-8", "replace"))
    return sorted(set(found))


def _send(what):
    """Send what (text) to the listener; what happened."""
    try:
        with _socket.create_connection(("127.0.0.1", _PORT),
                                       timeout=2) as out:
            out.sendall(what.encode("utf-8", "replace"))
        return "sent"
    except OSError as error:
        return error.strerror or str(error)


def _drop(name, what):
    """Write what (text) to the drop folder; what happened."""
    try:
        with open(_os.path.join(_DROP, "%s-%s-%d.txt" % (
                _MARK, name, _os.getpid())), "w") as f:
            f.write(what)
        return "written"
    except OSError as error:
        return error.strerror or str(error)
