"""The test suite is the judge: this file wires it into pytest.

    python3 -m pytest                       grade this repository's files
    python3 -m pytest --submission=DIR      grade the task files in DIR
    python3 -m pytest --submission=DIR --results=results.json

The options are in judge/options.py (a plugin pytest.ini loads early).
Every check in tests/checks/ has a `task` parameter and one kind marker
(results, style, robustness, errors); checks run task by task, each task in
its own workers (judge/session.py). Tests in tests/repository/ check this
repository itself and run only when no other submission is graded. At the
end, the scoreboard is printed and, with --results, written for Gradescope.
"""
import json
import os
import random
import signal
import threading
import time

import pytest

from expect import reference
from judge import diagnosis, sandbox
from judge.session import Judge
from judge.verdict import KINDS, Verdict
from tasks import ROOT, TASKS

CHECKS = os.path.join(ROOT, "tests", "checks")


def pytest_configure(config):
    """Read the submission and this repository's files; nothing submitted
    runs yet."""
    if not hasattr(config.option, "submission"):
        return
    # "--submission=~/work": the shell leaves a ~ after = unexpanded
    folder = os.path.expanduser(config.option.submission or ROOT)
    if config.option.results:
        config.option.results = os.path.expanduser(config.option.results)
    if not os.path.isdir(folder):
        raise pytest.UsageError("--submission {}: no such folder".format(
            folder))
    seed = config.option.seed
    if seed is None:
        seed = random.SystemRandom().randrange(10 ** 6)
    limits = sandbox.Limits(config.option.time_limit,
                            config.option.task_time_limit,
                            config.option.memory_limit,
                            config.option.output_limit)
    config.judge = Judge(folder, limits, seed)
    config.judge_folder = os.path.realpath(folder)
    config.verdict = Verdict(config.judge.submitted)
    config.judge_started = time.monotonic()
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, terminated)


def terminated(number, frame):
    """SIGTERM (a grader's timeout, kill): stop as Ctrl-C does, so that
    the judge kills its workers and what they started, and says that there
    is no verdict. A second SIGTERM does not cut that short."""
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise KeyboardInterrupt("SIGTERM")


def pytest_ignore_collect(collection_path, config):
    """Never collect inside a submission: pytest would import its
    conftest.py or test files into the judge's process."""
    if not hasattr(config, "judge") or config.judge.own:
        return None
    path = os.path.realpath(str(collection_path))
    if path == config.judge_folder or path.startswith(
            config.judge_folder + os.sep):
        return True
    return None


def task_and_kind(item):
    """(task, kind) of a check, or None for a test of the repository."""
    if not str(item.fspath).startswith(CHECKS + os.sep):
        return None
    kinds = [mark.name for mark in item.iter_markers() if mark.name in KINDS]
    params = getattr(item, "callspec", None)
    task = params.params.get("task") if params else None
    if len(kinds) != 1 or task not in TASKS:
        raise pytest.UsageError(
            "{}: a check needs one kind marker {} and a task parameter"
            .format(item.nodeid, KINDS))
    return task, kinds[0]


def pytest_collection_modifyitems(session, config, items):
    """Check tasks and kinds, drop the repository's own tests when grading
    another submission, and order the checks task by task."""
    judge = config.judge
    checks, repository = [], []
    for position, item in enumerate(items):
        found = task_and_kind(item)
        if found is None:
            repository.append(item)
            continue
        item.judged = found
        # the import check comes first: its failure explains the others
        checks.append((TASKS.index(found[0]), KINDS.index(found[1]),
                       item.originalname != "test_imports", position, item))
    if not judge.own and repository:
        config.hook.pytest_deselected(items=repository)
        repository = []
    checks.sort(key=lambda entry: entry[:4])
    items[:] = [entry[-1] for entry in checks] + repository


def pytest_collection_finish(session):
    """Count the checks that will run (after -m and -k selection)."""
    for item in session.items:
        if hasattr(item, "judged"):
            session.config.verdict.collect(*item.judged)


@pytest.fixture(scope="session")
def judge(request):
    """The grading session (judge/session.py)."""
    return request.config.judge


def pytest_runtest_setup(item):
    """Before a check: its task must be submitted; end the previous
    task's grading when the task changes."""
    judge = item.config.judge
    if not hasattr(item, "judged"):
        judge.finish_task()
        return
    task = item.judged[0]
    if task not in judge.submitted:
        pytest.skip("{}.py not submitted".format(task))
    judge.task_run(task)
    judge.records = []


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Give the outcome of each check to the verdict."""
    report = (yield).get_result()
    if not hasattr(item, "judged"):
        return
    if report.when == "call" or (report.when == "setup" and
                                 not report.passed):
        message = ""
        if call.excinfo is not None:
            value = call.excinfo.value
            message = str(getattr(value, "msg", None) or value)
            message = (message.strip().splitlines() or [""])[0]
            if not isinstance(value, pytest.fail.Exception) and \
                    not report.skipped:
                message = "{}: {}".format(type(value).__name__, message)
        outcome = "skipped" if report.skipped else report.outcome
        item.config.verdict.add(*item.judged, item.name, outcome, message)
        if outcome != "skipped":
            item.config.judge.history.setdefault(item.judged, []).append(
                (outcome == "passed", list(item.config.judge.records)))


def title(config):
    """The first line of the scoreboard."""
    judge = config.judge
    where = "this repository's own files" if judge.own else judge.folder
    return "Grading {} (seed {}: --seed {} replays this run)".format(
        where, judge.seed, judge.seed)


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session, exitstatus):
    """End the last task, check the repository's files, write
    results.json."""
    config = session.config
    if not hasattr(config, "judge"):
        return
    judge, verdict = config.judge, config.verdict
    judge.close()
    for (task, kind), checks in judge.history.items():
        mistake = diagnosis.diagnose(task, kind, checks,
                                     judge.reference[task].decode(),
                                     reference)
        if mistake is not None:
            verdict.diagnoses[task, kind] = mistake.says
    if exitstatus == pytest.ExitCode.INTERRUPTED:
        verdict.void = "the grading was stopped (Ctrl-C or SIGTERM) " \
            "before its end"
    if judge.tampered:
        verdict.void = "the repository's files changed during the run: " + \
            "; ".join("{} (noticed after {})".format(
                ", ".join(paths), task or "the last task")
                for task, paths in judge.tampered)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
    if not judge.submitted:
        verdict.notes.append(
            "No task file was found in {}: they must be named as in the "
            "README ({}.py, ...).".format(judge.folder, TASKS[0]))
    if judge.own:
        verdict.notes.append(
            "Fresh cases were not run: the submission is this repository's "
            "own files, which they would compare with themselves.")
    if config.option.results:
        with open(config.option.results, "w") as f:
            json.dump(verdict.gradescope(
                title(config), time.monotonic() - config.judge_started), f,
                indent=1)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Print the scoreboard."""
    if not hasattr(config, "verdict") or not any(
            config.verdict.collected.values()):
        return
    terminalreporter.section("scoreboard")
    terminalreporter.write(config.verdict.scoreboard(title(config)))
