"""The test suite is the judge: this file wires it into pytest.

    python3 -m pytest                       grade this repository's files
    python3 -m pytest --submission=DIR      grade the task files in DIR
    python3 -m pytest --submission=DIR --results=results.json

The options are in judge/options.py (a plugin pytest.ini loads early); the
grading is judge/plugin.py's Grading, started here and kept in
config.stash. Every check in tests/checks/ has a `task` parameter and one
kind marker (results, style, robustness, errors) and talks to the
submission through the `judge` fixture. Tests in tests/repository/ check
this repository itself and run only when no other submission is graded.
"""
import pytest

from judge.plugin import GRADING, Grading


def pytest_configure(config):
    """Start the grading: read the submission and this repository's
    files; nothing submitted runs yet."""
    Grading.start(config)


@pytest.fixture(scope="session")
def judge(request):
    """The grading session (judge/session.py): what checks call."""
    return request.config.stash[GRADING].session
