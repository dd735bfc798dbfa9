"""How the judge says that a check failed, and what submitted code raised.

A check fails by raising CheckFailed with one line for the student; the
pytest plugin (plugin.py) turns it into a pytest failure. What a worker
says of an exception raised by submitted code arrives as JSON from an
untrusted process: Raised reads it, field by field, and error_message
tells it in one line.
"""
import re
from dataclasses import dataclass
from typing import Optional, Sequence, Tuple

from judge.contract.tasks import TASK
from judge.run.limits import Limits


class CheckFailed(Exception):
    """A check failed; message is the one line the student reads."""

    def __init__(self, message: str):
        """Keep the message."""
        super().__init__(message)
        self.message = message


def fail(message: str) -> None:
    """Fail the running check with a one-line message."""
    raise CheckFailed(message)


def one_line(text, width: int = 300) -> str:
    """text on one line of at most width characters, every character
    that is not a printable one (control characters, terminal escapes,
    line separators, direction overrides) made a space: what a
    submission raises or prints is shown this way."""
    text = "".join(char if char.isprintable() else "\0"
                   for char in str(text)[:width * 4])
    text = re.sub("\0+", " ", text).strip()
    return text if len(text) <= width else text[:width - 3] + "..."


def printable(text: str) -> str:
    """text with every character that is not a printable one made a
    space, line by line (a check's failure may quote the submission: a
    direction override or a terminal escape must not reach a terminal or
    a page)."""
    lines = str(text).split("\n")
    return "\n".join("".join(char if char.isprintable() else " "
                             for char in line) for line in lines)


# how the judge's own code in a worker begins what it says of what a call
# returned (contract/cases.py: Unexpected), after a task's name or file,
# a call's text or a cell's name; and a worker that could not be set up
HARNESS_WORDS = (" returned ", " defines no ", " has no attribute ")
SET_UP = "the judge could not set up the worker ("


def said_by_harness(message: str) -> bool:
    """Whether message has the form of what the judge's own code in a
    worker says (a worker runs submitted code: a message claimed to be the
    harness's that has not that form is the submission's)."""
    if message.startswith(SET_UP):
        return True
    names = set()
    for task in TASK.values():
        names |= {task.name, task.file, task.cell.name}
        names |= {call.text for call in task.calls}
    return any(message.startswith(name + word) for name in names
               for word in HARNESS_WORDS)


@dataclass(frozen=True)
class Raised:
    """An exception raised by submitted code, as its worker described it.

    type: its class's name; message: str() of it; classes: the names of
    its class and bases; line, function: where in the submitted file it
    was raised (None if not there); harness: raised by the judge's own
    code in the worker about what the call returned (cases.Unexpected);
    shapes: for an error about shapes, (name, shape) of each array where
    it was raised.
    """
    type: str
    message: str
    classes: Tuple[str, ...] = ()
    line: Optional[int] = None
    function: Optional[str] = None
    harness: bool = False
    shapes: Tuple[Tuple[str, Tuple[int, ...]], ...] = ()

    @classmethod
    def from_reply(cls, error) -> "Raised":
        """Read a worker's description, trusting none of its fields: each
        text cut short, on one line."""
        error = error if isinstance(error, dict) else {}

        def text(key, most, default=""):
            value = error.get(key)
            return default if value is None else one_line(value, most)

        line = error.get("line")
        classes = error.get("classes")
        shapes = error.get("shapes")
        shapes = shapes if isinstance(shapes, dict) else {}
        return cls(
            type=text("type", 60, "an exception"),
            message=text("message", 300),
            classes=tuple(one_line(c, 60) for c in classes[:10])
            if isinstance(classes, list) else (),
            line=line if isinstance(line, int) and not isinstance(
                line, bool) else None,
            function=text("function", 60) or None,
            harness=error.get("harness") is True and said_by_harness(
                text("message", 300)),
            shapes=tuple((one_line(name, 60), tuple(shape))
                         for name, shape in list(shapes.items())[:25]
                         if isinstance(shape, list) and len(shape) <= 8 and
                         all(isinstance(k, int) and not isinstance(k, bool)
                             and 0 <= k < 1 << 31 for k in shape)))

    def is_a(self, name: str) -> bool:
        """Whether it is an instance of the class called name."""
        return name == self.type or name in self.classes

    def where(self, source: Sequence[str] = ()) -> str:
        """" at line 28 (in deep_rnn: `Y[s] = y`)", with the line of the
        submitted file (source: its lines) when known; "" when not raised
        in the file."""
        if not self.line:
            return ""
        found = []
        if self.function not in (None, "<module>"):
            found.append("in " + self.function)
        if 0 < self.line <= len(source) and source[self.line - 1].strip():
            found.append("`{}`".format(one_line(source[self.line - 1], 60)))
        return " at line {}{}".format(self.line, " ({})".format(
            ": ".join(found)) if found else "")


def error_message(error: Raised, what: str, limits: Limits,
                  source: Sequence[str] = ()) -> str:
    """One line for an exception raised by submitted code during what;
    source: the submitted file's lines, to show the line it was raised
    at."""
    message = one_line(error.message, 200)
    if error.type == "SystemExit":
        return "the submission called sys.exit({}) during {}".format(
            message, what)
    if error.type == "NotImplementedError":
        return "not implemented yet: {}".format(message or what)
    if error.type == "MemoryError":
        return "ran out of its {} MB of memory during {}".format(
            limits.memory, what)
    if error.harness:
        return message
    return "{} raised {}{}: {}".format(what, error.type,
                                       error.where(source), message)
