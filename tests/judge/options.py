"""The judge's command-line options, as a pytest plugin.

pytest.ini loads this module with `-p judge.options`, before pytest reads
any conftest.py: then `--submission DIR` is known to take a value, and DIR
is never mistaken for a folder of tests (whose conftest.py pytest would
import into its own process). The grading itself is the plugin of
judge/plugin.py, which tests/conftest.py starts.
"""
import os

import pytest

from judge.run.isolation import CHOICES, DEFAULT_USER
from judge.run.limits import add_options
from judge.run.processes import THREADS

# one BLAS thread in the judge and in all it starts, set before numpy is
# imported: its arrays are small, and idle BLAS threads wait by spinning,
# taking the cores from its workers (and, in this repository's tests,
# from the gradings that run beside them)
for _name in THREADS:
    os.environ.setdefault(_name, "1")
# pytest with this repository's plugins alone: no plugin of the machine's
# packages, which pytest would load next (pytest-randomly would reorder and
# reseed the checks; others add their output and their time), in this
# process or in those it starts; `-p NAME` still loads one
os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"


def pytest_addoption(parser):
    """The judge's options."""
    group = parser.getgroup("judge", "grading a submission")
    group.addoption("--submission", metavar="DIR",
                    help="grade the task files in DIR (default: this "
                    "repository's own); --submission=DIR is safe from any "
                    "folder")
    group.addoption("--results", metavar="FILE",
                    help="write the verdict to FILE in Gradescope's "
                    "results.json format")
    group.addoption("--all-kinds", action="store_true",
                    help="a failing robustness or errors check (which earn "
                    "no points) makes the exit status non-zero too")
    group.addoption("--seed", type=int, metavar="N",
                    help="seed of the fresh cases (default: a new one, "
                    "printed with the scoreboard)")
    add_options(group.addoption)
    group.addoption("--sandbox", choices=CHOICES, default="auto",
                    help="the protection of workers: auto (the strongest "
                    "available; default), required (the same, but never "
                    "processes only), namespaces, user (as root: an "
                    "unprivileged user only), processes (not as root); a "
                    "level that cannot apply stops the run")
    group.addoption("--private", metavar="DIR", action="append",
                    help="a folder workers must not read (a class's "
                    "submissions, an output folder): hidden from them, and "
                    "at the level user checked; repeatable")
    group.addoption("--worker-user", metavar="NAME", default=DEFAULT_USER,
                    help="the unprivileged user workers become when the "
                    "judge runs as root (default {})".format(DEFAULT_USER))


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config, parser, args):
    """Run from a folder inside this repository (main/, tests/judge/)
    with no path, pytest would look for tests there: give it this
    repository's tests/ instead, as from its root."""
    root = str(early_config.rootpath)
    here = os.path.abspath(str(early_config.invocation_params.dir))
    if early_config.known_args_namespace.file_or_dir or here == root or \
            not here.startswith(root + os.sep):
        return
    args.append(os.path.join(root, "tests"))
