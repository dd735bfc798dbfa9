"""The judge's side of the stand-ins (run/standin.py): a call that a
worker's stand-in makes is answered with this repository's code, in a
process of its own (ReferenceWorker).

The arrays come from a process that runs submitted code: they are checked
against what the README says the call takes before any of this
repository's code sees them. Each must be an array of numbers; the cell's
attributes must have their documented shapes (h, i and o are read from
them); each argument must have the axes of its README shape, the same t
and m throughout. A call that does not fit is answered with a ValueError
in the README's words: "BidirectionalCell.output(H) was given H of shape
(4, 6, 3); the README's H is (t, m, 2h) = (4, 3, 6) (the same sizes in
another order)". Sizes, work and results are bounded (LARGEST, WORK,
RESULTS); and the answers are computed in a process forked from the
judge's, with a memory limit, which the judge kills when a call runs past
its time: no call can hold the judge, or its memory.
"""
import os
import resource
import signal
import socket
import time
import warnings
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np

from judge.contract.tasks import TASK, Array, Call, offered, size
from judge.failures import one_line
from judge.run import protocol
from judge.run.processes import die_with_parent, kill

Arrays = Dict[str, np.ndarray]
# bytes of arrays one call may send, multiply-adds it may cost (every
# size counted as at least 1), entries of what it returns
LARGEST = 4 << 20
WORK = 5e8
RESULTS = 1 << 22
# steps of a sequence one call may run (this repository's rnn loops in
# Python)
STEPS = 10 ** 4
# MB of memory the reference worker may use beyond what it starts with
REFERENCE_MEMORY = 1024
ERROR_MODES = {"ignore", "warn", "raise"}
# the exceptions a stand-in may raise by name (others: RuntimeError)
NAMED = {"ValueError", "TypeError", "IndexError", "KeyError",
         "AttributeError", "FloatingPointError", "ZeroDivisionError",
         "OverflowError", "ArithmeticError", "MemoryError", "RuntimeError"}


class Refused(Exception):
    """A call the judge does not make; error: the exception's type name."""

    def __init__(self, error: str, message: str):
        """error: "ValueError" or "TypeError"; message: its text."""
        super().__init__(message)
        self.error = error


def shape_text(shape: Sequence[int]) -> str:
    """(4, 6, 3)"""
    return "({})".format(", ".join(str(k) for k in shape)) if len(
        shape) != 1 else "({},)".format(shape[0])


def axes_text(array: Array) -> str:
    """(t, m, 2h)"""
    return "({})".format(", ".join(array.axes))


def known_size(axis: str, sizes: Dict[str, int]) -> Optional[int]:
    """The length of an axis when all its symbols are known, else None."""
    try:
        return size(axis, sizes)
    except KeyError:
        return None


def expected_text(array: Array, sizes: Dict[str, int],
                  given: Tuple[int, ...]) -> str:
    """The README's shape of array with the known sizes filled in, the
    free ones (t, m) taken from given where its other lengths say which:
    "(t, m, 2h) = (4, 3, 6) (the same sizes in another order)"."""
    lengths = [known_size(axis, sizes) for axis in array.axes]
    left = list(given)
    if len(given) == len(lengths) and None in lengths:
        for length in lengths:
            if length is not None and length in left:
                left.remove(length)
        free = [k for k, length in enumerate(lengths) if length is None]
        if len(left) == len(free):
            guess = dict(sizes)
            for k, length in zip(free, left):
                if array.axes[k] in ("t", "m"):
                    guess[array.axes[k]] = length
                elif array.axes[k] == "t+1":
                    guess["t"] = length - 1
            lengths = [known_size(axis, guess) for axis in array.axes]
    shown = [str(length) if length is not None else axis
             for axis, length in zip(array.axes, lengths)]
    permuted = None not in lengths and sorted(lengths) == sorted(given) \
        and tuple(lengths) != tuple(given)
    return "{} = ({}){}".format(
        axes_text(array), ", ".join(shown),
        " (the same sizes in another order)" if permuted else "")


def checked(what: str, value: Optional[np.ndarray]) -> np.ndarray:
    """value, which must be an array of numbers."""
    if not isinstance(value, np.ndarray) or value.dtype.kind not in "biuf":
        raise Refused("TypeError", "{} must be an array of numbers".format(
            what))
    return value


def cell_sizes(task: str, attributes: Arrays) -> Dict[str, int]:
    """h, i and o of a cell, read from its attributes, which must all
    have their documented shapes."""
    cell = TASK[task].cell
    first, wy = attributes[cell.weights[0].name], attributes["Wy"]
    if first.ndim != 2 or wy.ndim != 2 or first.shape[0] <= first.shape[1]:
        raise Refused("ValueError", "{}.{} has shape {}; the README's {} is "
                      "(h + i, h)".format(cell.name, cell.weights[0].name,
                                          shape_text(first.shape),
                                          cell.weights[0].name))
    h = first.shape[1]
    sizes = {"h": h, "i": first.shape[0] - h, "o": wy.shape[1]}
    for array in cell.attributes:
        got = attributes[array.name].shape
        if got != array.shape(sizes):
            raise Refused("ValueError", "{}.{} has shape {}; the README's "
                          "{} is {} = {}".format(
                              cell.name, array.name, shape_text(got),
                              array.name, axes_text(array),
                              shape_text(array.shape(sizes))))
    return sizes


def argument_sizes(call_text: str, arguments: List[Array],
                   values: List[np.ndarray], sizes: Dict[str, int]) -> None:
    """Check each argument against its README axes, with the cell's sizes
    and the same t and m throughout (sizes gains them)."""
    for array, value in zip(arguments, values):
        found = dict(sizes)
        fits = value.ndim == len(array.axes)
        for axis, length in zip(array.axes, value.shape if fits else ()):
            want = known_size(axis, found)
            if want is None and axis in ("t", "m"):
                found[axis] = want = length
            elif want is None and axis == "t+1":
                found["t"], want = length - 1, length
            if want != length:
                fits = False
                break
        if not fits:
            raise Refused("ValueError", "{} was given {} of shape {}; the "
                          "README's {} is {}".format(
                              call_text, array.name, shape_text(value.shape),
                              array.name, expected_text(
                                  array, sizes, value.shape)))
        sizes.update(found)


def work(task: str, call: Call, sizes: Dict[str, int]) -> Tuple[float, int]:
    """(an upper bound of the multiply-adds of a call: every weight applied
    to every row of every step, each size counted as at least 1; the
    entries of what it returns)."""
    ones = {key: max(value, 1) for key, value in sizes.items()}
    rows = ones.get("m", 1) * ones.get("t", 1)
    steps = rows * sum(float(np.prod(array.shape(ones)))
                       for array in TASK[task].cell.weights)
    results = sum(int(np.prod(array.shape(sizes))) for array in call.outputs)
    return steps, results


def error_modes(found) -> Dict[str, str]:
    """numpy's error modes the worker had (np.geterr()), or the default."""
    modes = {}
    if isinstance(found, dict):
        for key in ("divide", "over", "under", "invalid"):
            value = found.get(key)
            if value in ERROR_MODES:
                modes[key] = value
            elif value == "print":
                modes[key] = "warn"
    return modes


def computable(value: np.ndarray) -> np.ndarray:
    """A copy of value in float64, but float32 (which the checks give):
    numpy multiplies other numbers (float16, integers, booleans) without
    BLAS, a hundred times slower, which would let a call within the
    bound of WORK take the judge seconds."""
    if value.dtype in (np.float32, np.float64):
        return np.array(value)
    return value.astype(np.float64)


def compute(reference, task: str, name: str, attributes: Arrays,
            values: List[np.ndarray], modes: Dict[str, str]):
    """The call of this repository's code: a cell of task's class (or of
    the class of the cell its function takes) holding attributes, the
    method or function name on values; (what it returned, the warnings it
    gave as (category, text))."""
    described = TASK[task]
    cell_class = getattr(reference.module(described.cell_file),
                         described.cell.name)
    cell = object.__new__(cell_class)
    for key, value in attributes.items():
        setattr(cell, key, computable(value))
    values = [computable(value) for value in values]
    if described.own_cell:
        function = getattr(cell, offered(task)[name].method)
    else:
        function = getattr(reference.module(task), name)
        values = [cell] + values
    with warnings.catch_warnings(record=True) as caught, \
            np.errstate(**modes):
        warnings.simplefilter("always")
        returned = function(*values)
    said = [(w.category.__name__, one_line(w.message, 200))
            for w in caught[:5]]
    return returned, said


def answer(reference, needs: Sequence[str], message: dict,
           arrays: Arrays) -> Tuple[dict, Arrays]:
    """The judge's answer to a stand-in's call (message, arrays from the
    worker): ({"ok": True, "returned": "tuple" or "array", "count",
    "warnings"}, the results "0", "1", ...) or ({"ok": False, "type",
    "message", "warnings"}, {})."""
    said: List[Tuple[str, str]] = []
    try:
        task, name = message.get("standin"), message.get("call")
        if task not in needs or name not in offered(task):
            raise Refused("TypeError", "no such call of a stand-in")
        call = offered(task)[name]
        cell = TASK[task].cell
        if sum(value.nbytes for value in arrays.values()
               if isinstance(value, np.ndarray)) > LARGEST:
            raise Refused("ValueError", "{}: the arrays given are larger "
                          "than {} MB".format(call.text, LARGEST >> 20))
        attributes = {array.name: checked(
            "{}.{}".format(cell.name, array.name),
            arrays.get("cell." + array.name)) for array in cell.attributes}
        names = call.parameters()[-len(call.arguments):]
        values = [checked(key, arrays.get(key)) for key in names]
        sizes = cell_sizes(task, attributes)
        argument_sizes(call.text, list(call.arguments), values, sizes)
        steps, results = work(task, call, sizes)
        if steps > WORK or results > RESULTS or sizes.get("t", 0) > STEPS:
            raise Refused("ValueError", "{}: the arrays given are too large "
                          "for the judge to compute".format(call.text))
        returned, said = compute(reference, task, name, attributes, values,
                                 error_modes(message.get("errors")))
        results = list(returned) if isinstance(returned, tuple) \
            else [returned]
        return ({"ok": True, "count": len(results), "warnings": said,
                 "returned": "tuple" if isinstance(returned, tuple)
                 else "array"},
                {str(k): np.asarray(value) for k, value in
                 enumerate(results)})
    except Refused as refused:
        kind, text = refused.error, str(refused)
    except Exception as error:  # what this repository's code raised
        kind = type(error).__name__
        kind = kind if kind in NAMED else "RuntimeError"
        text = str(error)
    return {"ok": False, "type": kind, "message": one_line(text, 300),
            "warnings": said}, {}


class ReferenceWorker:
    """A process forked from the judge's that answers the stand-ins'
    calls (answer), under a memory limit; killed, and forked again at the
    next call, when a call runs past its time."""

    def __init__(self, reference, spare=lambda pid: None):
        """reference: this repository's files (judge.reference); spare:
        told each process's pid (the judge's own, never swept or counted
        as the submission's); nothing runs until the first call."""
        self.reference = reference
        self.spare = spare
        self.pid: Optional[int] = None
        self.sock = None

    def start(self) -> None:
        """Fork the process."""
        ours, theirs = socket.socketpair()
        pid = os.fork()
        if pid == 0:  # pragma: no cover (a child process)
            try:
                ours.close()
                self.serve(theirs)
            finally:
                os._exit(0)
        theirs.close()
        self.pid, self.sock = pid, ours
        self.spare(pid)

    def serve(self, sock) -> None:
        """Answer calls until the judge closes the connection."""
        for number in (signal.SIGINT, signal.SIGTERM):
            signal.signal(number, signal.SIG_DFL)
        die_with_parent()
        with open("/proc/self/statm") as f:
            pages = int(f.read().split()[0])
        limit = pages * resource.getpagesize() + (REFERENCE_MEMORY << 20)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        while True:
            message, arrays = protocol.receive(sock)
            if message is None:
                return
            try:
                found = answer(self.reference, message.pop("needs"),
                               message, arrays)
            except MemoryError:
                found = ({"ok": False, "type": "MemoryError", "message":
                          "the judge ran out of memory computing it"}, {})
            protocol.send(sock, *found)

    def ask(self, needs: Sequence[str], message: dict, arrays: Arrays,
            timeout: float) -> Optional[Tuple[dict, Arrays]]:
        """The answer to a stand-in's call, or None when it takes longer
        than timeout seconds (the process is then killed)."""
        if self.pid is None:
            self.start()
        deadline = time.monotonic() + timeout
        try:
            self.sock.settimeout(max(timeout, 0.001))
            self.sock.sendall(protocol.pack(dict(message, needs=list(needs)),
                                            arrays))
            reader = protocol.Reader(LARGEST + (RESULTS << 4))
            while True:
                self.sock.settimeout(max(deadline - time.monotonic(), 0.001))
                chunk = self.sock.recv(1 << 20)
                if not chunk:
                    raise OSError("the reference worker ended")
                if reader.feed(chunk):
                    return reader.decode()
        except (OSError, protocol.Garbled):
            self.close()
            if time.monotonic() < deadline:
                return ({"ok": False, "type": "RuntimeError", "message":
                         "the judge could not compute it"}, {})
            return None

    def close(self) -> None:
        """Kill the process."""
        if self.pid is not None:
            kill(self.pid)
            try:
                os.waitpid(self.pid, 0)
            except ChildProcessError:
                pass
            self.sock.close()
            self.pid = self.sock = None
