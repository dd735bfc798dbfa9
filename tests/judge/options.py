"""The judge's command-line options, as a pytest plugin.

pytest.ini loads this module with `-p judge.options`, before pytest reads
any conftest.py: then `--submission DIR` is known to take a value, and DIR
is never mistaken for a folder of tests (whose conftest.py pytest would
import into its own process). The rest of the judge is wired in
tests/conftest.py.
"""


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
    group.addoption("--seed", type=int, metavar="N",
                    help="seed of the fresh cases (default: a new one, "
                    "printed with the scoreboard)")
    group.addoption("--time-limit", type=float, default=10.0, metavar="S",
                    help="seconds one call of a submission may take "
                    "(default 10)")
    group.addoption("--task-time-limit", type=float, default=30.0,
                    metavar="S", help="seconds all the calls of one task "
                    "may take together (default 30)")
    group.addoption("--memory-limit", type=int, default=2048, metavar="MB",
                    help="memory of a worker in MB (default 2048)")
    group.addoption("--output-limit", type=int, default=1024, metavar="KB",
                    help="output a worker may print, in KB (default 1024)")
