"""What one task of a submission may use, with its defaults and its
command-line options, written once: the judge's options (judge/options.py)
and tests/grade_class.py read them from here.
"""
import argparse
from dataclasses import dataclass, fields
from typing import Callable, List


@dataclass(frozen=True)
class Limits:
    """The limits of one task's grading.

    call: seconds of wall time for one request; task: seconds for all the
    task's requests together; memory: MB of address space of a worker;
    output: KB a worker may print; processes: how many processes the
    submission may have at once besides its worker.
    """
    call: float = 10.0
    task: float = 30.0
    memory: int = 2048
    output: int = 1024
    processes: int = 32

    @property
    def output_bytes(self) -> int:
        """The output limit in bytes."""
        return self.output << 10

    def arguments(self) -> List[str]:
        """These limits as the judge's command-line options."""
        return ["--{}={}".format(option, getattr(self, name))
                for option, name, _, _, _ in OPTIONS]


# (option, field, type, metavar, help); the default is the field's
OPTIONS = (
    ("time-limit", "call", float, "S",
     "seconds one call of a submission may take"),
    ("task-time-limit", "task", float, "S",
     "seconds all the calls of one task may take together"),
    ("memory-limit", "memory", int, "MB", "memory of a worker in MB"),
    ("output-limit", "output", int, "KB",
     "output a worker may print, in KB"),
)
DEFAULTS = {f.name: f.default for f in fields(Limits)}


def add_options(add: Callable) -> None:
    """Declare the limits' options with add (argparse's add_argument or
    pytest's addoption: they take the same arguments)."""
    for option, name, kind, metavar, text in OPTIONS:
        add("--" + option, type=kind, default=DEFAULTS[name],
            metavar=metavar, dest=option.replace("-", "_"),
            help="{} (default {:g})".format(text, DEFAULTS[name]))


def from_options(options: argparse.Namespace) -> Limits:
    """The Limits that parsed options give."""
    return Limits(**{name: getattr(options, option.replace("-", "_"))
                     for option, name, _, _, _ in OPTIONS})


def seconds(value: float) -> str:
    """A duration as a short text: "10 s", "0.5 s", "0.955 s"."""
    return "{:.3g} s".format(value)


def size(count: int) -> str:
    """A size in bytes as a short text: "1 MB", "64 KB"."""
    if count >= 1 << 20 and count % (1 << 20) == 0:
        return "{} MB".format(count >> 20)
    return "{} KB".format(count >> 10)
