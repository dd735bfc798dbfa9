"""Stand-ins: what a worker is handed in place of this repository's files.

A task that builds on another (tasks.Task.needs: task 1 runs on the
RNNCell of task 0, the driver of task 9 on `rnn` of task 1) finds, in
sys.modules under that task's name (__import__('0-rnn_cell')), a stand-in
module, never this repository's code:

- the stand-in of a cell's file defines its class: the constructor draws
  the documented weights as the README states it (np.random.normal, in
  the order of the attributes, then zero biases), and each method sends
  the cell's documented attributes and the call's arguments to the judge;
- the stand-in of a function's file (1-rnn) defines the function, which
  sends the attributes of the cell it is given and its arguments.

The judge answers with this repository's code (judge/standins.py): the
results, or the exception to raise, and the warnings the call gave, which
the stand-in gives again here (so that a check that turns warnings into
errors sees them). A stand-in holds the same arrays as the real object,
and computes nothing itself: what a submission can learn from it is the
values its calls return.
"""
import builtins
import types
import warnings
from typing import Dict, List, Sequence

import numpy as np

from judge.contract.tasks import TASK, Call, offered
from judge.run import protocol

# the exceptions and warnings a stand-in raises or gives again, by name
# (any other is raised as a RuntimeError)
RAISED = {name: getattr(builtins, name) for name in (
    "ValueError", "TypeError", "IndexError", "KeyError", "AttributeError",
    "FloatingPointError", "ZeroDivisionError", "OverflowError",
    "ArithmeticError", "MemoryError", "RuntimeError")}
WARNED = {cls.__name__: cls for cls in (
    RuntimeWarning, UserWarning, DeprecationWarning, FutureWarning)}


class Channel:
    """The worker's connection to the judge, for the stand-ins' calls
    (made while the judge waits for the reply to one of its requests)."""

    def __init__(self, sock):
        """sock: the worker's socket to the judge."""
        self.sock = sock

    def ask(self, message: dict, arrays: Dict[str, np.ndarray]):
        """Send a call, return the judge's answer (message, arrays)."""
        protocol.send(self.sock, message, arrays)
        answer, got = protocol.receive(self.sock)
        if answer is None:
            raise RuntimeError("the judge did not answer a stand-in's call")
        return answer, got


def bind(call: Call, args: Sequence, kwargs: dict) -> List:
    """The arguments of a call by its README parameters, in order, as
    Python binds them (TypeError as Python words it)."""
    names = call.parameters()
    name = call.text[:call.text.index("(")]
    if len(args) > len(names):
        raise TypeError("{}() takes {} positional arguments but {} were "
                        "given".format(name, len(names), len(args)))
    values = dict(zip(names, args))
    for key, value in kwargs.items():
        if key not in names:
            raise TypeError("{}() got an unexpected keyword argument "
                            "'{}'".format(name, key))
        if key in values:
            raise TypeError("{}() got multiple values for argument "
                            "'{}'".format(name, key))
        values[key] = value
    missing = [key for key in names if key not in values]
    if missing:
        raise TypeError("{}() missing {} required argument{}: {}".format(
            name, len(missing), "" if len(missing) == 1 else "s",
            ", ".join("'{}'".format(key) for key in missing)))
    return [values[key] for key in names]


def numbers(what: str, value) -> np.ndarray:
    """value as an array of numbers, or TypeError naming what."""
    try:
        array = np.asarray(value)
    except Exception:
        array = None
    if array is None or array.dtype.kind not in "biuf":
        raise TypeError("{} must be an array of numbers, not {}".format(
            what, type(value).__name__))
    return array


def remote(channel: Channel, task: str, name: str, cell,
           arguments: List) -> object:
    """Have the judge make the call name of task's stand-in on the
    attributes of cell and the arguments; what it returns."""
    call = offered(task)[name]
    described = TASK[task].cell
    arrays = {}
    for attribute in described.names():
        arrays["cell." + attribute] = numbers(
            "{}.{}".format(described.name, attribute),
            getattr(cell, attribute))
    names = call.parameters()[-len(call.arguments):]
    for key, value in zip(names, arguments[-len(call.arguments):]):
        arrays[key] = numbers(key, value)
    answer, got = channel.ask({"standin": task, "call": name,
                               "errors": np.geterr()}, arrays)
    for category, text in answer.get("warnings", []):
        warnings.warn(str(text), WARNED.get(category, RuntimeWarning),
                      stacklevel=3)
    if not answer.get("ok"):
        raise RAISED.get(answer.get("type"), RuntimeError)(
            str(answer.get("message", "")))
    returned = [got[str(k)] for k in range(int(answer.get("count", 0)))]
    return tuple(returned) if answer.get("returned") == "tuple" \
        else returned[0]


def cell_class(task: str, channel: Channel) -> type:
    """The stand-in of the cell class that task's file defines."""
    described = TASK[task].cell

    def __init__(self, i, h, o):
        """Draw the documented weights, in order, then zero biases."""
        sizes = {"i": i, "h": h, "o": o}
        for weight in described.weights:
            setattr(self, weight.name, np.random.normal(
                size=weight.shape(sizes)))
        for bias in described.biases:
            setattr(self, bias.name, np.zeros(bias.shape(sizes)))

    namespace = {"__init__": __init__, "__module__": task,
                 "__doc__": "A stand-in of this repository's {}: its calls "
                 "are answered by the judge.".format(described.name)}
    for name, call in offered(task).items():
        namespace[call.method] = method(channel, task, name, call)
    return type(described.name, (), namespace)


def method(channel: Channel, task: str, name: str, call: Call):
    """A method of a stand-in class that the judge answers."""
    def answered(self, *args, **kwargs):
        return remote(channel, task, name, self, bind(call, args, kwargs))

    answered.__name__ = call.method
    answered.__doc__ = "{}: answered by the judge.".format(call.text)
    return answered


def function(channel: Channel, task: str, name: str, call: Call):
    """The stand-in of a function that takes a cell first."""
    def answered(*args, **kwargs):
        bound = bind(call, args, kwargs)
        return remote(channel, task, name, bound[0], bound)

    answered.__name__ = name
    answered.__doc__ = "{}: answered by the judge.".format(call.text)
    return answered


def module(task: str, channel: Channel) -> types.ModuleType:
    """The stand-in module of task's file."""
    made = types.ModuleType(task, "A stand-in of this repository's {}.py: "
                            "its calls are answered by the judge.".format(
                                task))
    if TASK[task].own_cell:
        setattr(made, TASK[task].cell.name, cell_class(task, channel))
    else:
        for name, call in offered(task).items():
            setattr(made, name, function(channel, task, name, call))
    return made


def install(needs: Sequence[str], channel: Channel, modules: dict) -> None:
    """Put the stand-in of each task of needs in modules (sys.modules)."""
    for task in needs:
        modules[task] = module(task, channel)
