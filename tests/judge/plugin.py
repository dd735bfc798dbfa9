"""The judge as a pytest plugin: one Grading object per run.

tests/conftest.py makes the Grading when pytest is configured, registers
it as a plugin (its pytest_* methods are hooks) and keeps it in
config.stash. It owns the run's state: the session that talks to the
submission's workers, the record of every check, the diagnosis and the
verdict. Checks raise CheckFailed; the plugin turns it into a pytest
failure without a traceback.
"""
import os
import random
import threading
import time
from typing import Optional, Tuple

import pytest

from judge.contract.tasks import ROOT, TASK, TASKS
from judge.failures import CheckFailed, one_line, printable
from judge.feedback import explain
from judge.reference import Reference
from judge.run import sandbox
from judge.run.isolation import Unavailable
from judge.run.limits import from_options
from judge.run.processes import keep_private, stop_on_sigterm
from judge.session import Session
from judge.submission import Submission
from judge.verdict import KINDS, POINTS, Check, ResultsFile, Verdict

CHECKS = os.path.join(ROOT, "tests", "checks")
REPOSITORY = os.path.join(ROOT, "tests", "repository")
GRADING = pytest.StashKey["Grading"]()


def task_keyword(keyword: str) -> str:
    """-k as students write it, made tasks' names: a task's number ("2")
    or its file's name ("2-gru_cell.py"), alone or joined by "or"."""
    names = {str(TASK[task].number): task for task in TASKS}
    names.update({TASK[task].file: task for task in TASKS})
    words = keyword.split(" or ")
    if all(word.strip() in names or word.strip() in TASKS for word in words):
        return " or ".join(names.get(word.strip(), word.strip())
                           for word in words)
    return keyword


class Grading:
    """One grading run of one submission, as a pytest plugin."""

    def __init__(self, config: pytest.Config):
        """Read the submission and this repository's files; nothing
        submitted runs yet."""
        options = config.option
        # "--submission=~/work": the shell leaves a ~ after = unexpanded
        if options.submission is not None and not options.submission.strip():
            raise pytest.UsageError("--submission= names no folder")
        folder = os.path.expanduser(options.submission or ROOT)
        if not os.path.isdir(folder):
            raise pytest.UsageError("--submission {}: no such folder".format(
                folder))
        self.results: Optional[ResultsFile] = None
        if options.results:
            try:
                self.results = ResultsFile(os.path.expanduser(
                    options.results))
            except OSError as error:
                raise pytest.UsageError("--results {}: {}".format(
                    options.results, error.strerror)) from None
        seed = options.seed
        if seed is None:
            seed = random.SystemRandom().randrange(10 ** 6)
        self.reference = Reference()
        self.submission = Submission.read(folder)
        private = [os.path.abspath(os.path.expanduser(path))
                   for path in options.private or []]
        try:  # tests/README.md: What the judge protects
            protection = sandbox.protection(
                options.sandbox, options.worker_user, private + (
                    [self.results.folder] if self.results else []),
                {"the private folder " + path: path for path in private})
        except Unavailable as error:
            raise pytest.UsageError(str(error)) from None
        self.session = Session(self.submission, self.reference,
                               from_options(options), seed, protection)
        self.verdict = Verdict(list(self.submission.files) +
                               list(self.submission.broken))
        self.verdict.advice = self.session.advice
        self.started = time.monotonic()
        self.running: Optional[Check] = None
        self.task: Optional[str] = None
        # a student's grading: a short report, the scoreboard last; -v (or
        # grading this repository's own files) keeps pytest's full report
        self.terse = not self.own and options.verbose <= 0
        options.keyword = task_keyword(options.keyword)
        if self.terse:
            options.verbose = min(options.verbose, -1)
            options.tbstyle = "no"
            options.reportchars = ""
            options.console_output_style = "classic"
        self.config = config

    @property
    def reporter(self):
        """pytest's terminal reporter (None without a terminal)."""
        return self.config.pluginmanager.get_plugin("terminalreporter")

    @classmethod
    def start(cls, config: pytest.Config) -> None:
        """Make the run's Grading, keep it in config.stash and register
        it; SIGTERM then stops the run as Ctrl-C does."""
        if not hasattr(config.option, "submission"):
            return
        grading = cls(config)
        config.stash[GRADING] = grading
        config.pluginmanager.register(grading, "judge-grading")
        if threading.current_thread() is threading.main_thread():
            stop_on_sigterm()
        keep_private()

    @property
    def own(self) -> bool:
        """Whether the submission is this repository's own files."""
        return self.submission.own

    # -- collection ----------------------------------------------------------

    def pytest_ignore_collect(self, collection_path, config):
        """Never collect inside a submission: pytest would import its
        conftest.py or test files into the judge's process; and the tests
        of this repository run only when it grades its own files."""
        if self.own:
            return None
        path = os.path.realpath(str(collection_path))
        for folder in (self.submission.folder, REPOSITORY):
            if path == folder or path.startswith(folder + os.sep):
                return True
        return None

    @staticmethod
    def task_and_kind(item) -> Optional[Tuple[str, str]]:
        """(task, kind) of a check, or None for a test of the
        repository."""
        if not str(item.fspath).startswith(CHECKS + os.sep):
            return None
        kinds = [mark.name for mark in item.iter_markers()
                 if mark.name in KINDS]
        params = getattr(item, "callspec", None)
        task = params.params.get("task") if params else None
        if len(kinds) != 1 or task not in TASKS:
            raise pytest.UsageError(
                "{}: a check needs one kind marker {} and a task parameter"
                .format(item.nodeid, KINDS))
        return task, kinds[0]

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, session, config, items):
        """Check tasks and kinds, drop the repository's own tests when
        grading another submission, and order the checks task by task
        (after -k and -m have selected them). The checks of a task that
        was not submitted are counted (the scoreboard shows the task, with
        no points) but not run."""
        checks, repository = [], []
        for position, item in enumerate(items):
            found = self.task_and_kind(item)
            if found is None:
                repository.append(item)
                continue
            if found[0] not in self.submission.files and \
                    found[0] not in self.submission.broken:
                self.verdict.collect(*found)
                continue
            item.judged = found
            # the import check comes first: its failure explains the others
            checks.append((TASKS.index(found[0]), KINDS.index(found[1]),
                           item.originalname != "test_imports", position,
                           item))
        if not self.own and repository:
            config.hook.pytest_deselected(items=repository)
            repository = []
        checks.sort(key=lambda entry: entry[:4])
        items[:] = [entry[-1] for entry in checks] + repository

    def pytest_collection_finish(self, session):
        """Count the checks that will run (after -m and -k selection); in
        a student's grading, say what is graded."""
        for item in session.items:
            if hasattr(item, "judged"):
                self.verdict.collect(*item.judged)
        if self.terse:
            self.say("")
            for line in self.title().splitlines():
                self.say(line)
        if self.config.option.keyword and not any(
                self.verdict.collected.values()) and \
                (not self.own or not session.items):
            self.say("-k {} selects no check: name a task ({}, ... {}) or "
                     "its number".format(self.config.option.keyword,
                                         TASKS[0], TASKS[-1]))

    @pytest.hookimpl(tryfirst=True)
    def pytest_report_teststatus(self, report, config):
        """In a student's grading, no letter per check: a line per task
        (finish_task) says how it went."""
        if not self.terse or not report.nodeid.startswith("tests/checks/"):
            return None
        if report.when != "call":
            if report.failed:
                return "error", "", ""
            return ("skipped", "", "") if report.skipped else ("", "", "")
        if report.failed and getattr(report, "no_points", False):
            # pytest's last line then reads "4 failed (no points), 27
            # passed" for a task at full marks
            return "failed (no points)", "", ""
        return report.outcome, "", ""

    # -- running checks ------------------------------------------------------

    def pytest_runtest_setup(self, item):
        """Before a check: its task must be submitted; end the previous
        task's grading when the task changes."""
        if not hasattr(item, "judged"):
            self.finish_task()
            return
        task, kind = item.judged
        if task != self.task:
            self.finish_task()
            self.task = task
        self.running = Check(task, kind, item.name, "skipped")
        self.session.take_calls()
        if task in self.submission.broken:
            pytest.fail("not graded: " + self.submission.broken[task],
                        pytrace=False)
        if task not in self.submission.files:
            pytest.skip("{}.py not submitted".format(task))
        self.session.task_run(task)

    @pytest.hookimpl(wrapper=True)
    def pytest_pyfunc_call(self, pyfuncitem):
        """Run a test; a CheckFailed becomes a pytest failure that shows
        its message alone."""
        try:
            return (yield)
        except CheckFailed as failed:
            message = failed.message
        pytest.fail(printable(message), pytrace=False)

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item, call):
        """Give the outcome of each check to the verdict."""
        report = (yield).get_result()
        if not hasattr(item, "judged") or self.running is None:
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
                    message = "{}: {}".format(type(value).__name__,
                                              message)
            check = self.running
            check.outcome = "skipped" if report.skipped else report.outcome
            report.no_points = not POINTS[check.kind] and \
                not self.config.option.all_kinds
            check.message = printable(message)
            check.calls = self.session.take_calls()
            self.verdict.add(check)
            self.running = None

    def finish_task(self) -> None:
        """End the running task: explain its failures (the probes call the
        submission in the task's worker), then stop its workers."""
        task, self.task = self.task, None
        if task is not None and task in self.submission.files:
            source = self.submission.text(task).splitlines()
            for kind in KINDS:
                checks = [check for check in self.verdict.checks[task, kind]
                          if check.outcome != "skipped"]
                try:
                    found = explain(task, kind, checks, self.reference,
                                    self.session.probe, source)
                except Exception as error:  # the judge's own fault
                    self.verdict.notes.append(one_line(
                        "The feedback on {} ({}) failed: {}: {}".format(
                            task, kind, type(error).__name__, error)))
                    continue
                if found is not None:
                    self.verdict.feedback[task, kind] = found
        self.session.finish_task()
        if task is not None and self.terse and \
                task in self.verdict.submitted:
            self.say(self.verdict.progress(task))

    def say(self, line: str) -> None:
        """Write a line on the terminal now, even while a check runs (its
        output is captured then)."""
        if self.reporter is None:
            return
        capture = self.config.pluginmanager.get_plugin("capturemanager")
        if capture is None:
            self.reporter.write_line(line)
            return
        with capture.global_and_fixture_disabled():
            self.reporter.write_line(line)

    # -- the end -------------------------------------------------------------

    def title(self) -> str:
        """The first lines of the scoreboard: what is graded, with which
        seed, under which protections."""
        where = "this repository's own files" if self.own else \
            self.submission.folder
        found = "Grading {} (seed {}: --seed {} replays this run)\n" \
            "sandbox: {}".format(where, self.session.seed, self.session.seed,
                                 self.session.protections())
        if not self.terse:
            found += "\n(" + self.session.protection_details() + ")"
        return found

    @pytest.hookimpl(tryfirst=True, wrapper=True)
    def pytest_sessionfinish(self, session, exitstatus):
        """End the last task, check the repository's files, write
        results.json; then, after pytest's own summary, a student's
        grading prints its failures and the scoreboard, last."""
        self.finish(session, exitstatus)
        result = yield
        if self.reporter is not None and not self.own and any(
                self.verdict.collected.values()):
            if self.terse:
                self.reporter.write("\n" + self.verdict.report())
            else:
                self.reporter.write_sep("=", "scoreboard")
                self.reporter.write(self.verdict.scoreboard(self.title()))
        return result

    def finish(self, session, exitstatus) -> None:
        """End the last task, check the repository's files, write
        results.json."""
        self.finish_task()
        self.session.close()
        verdict = self.verdict
        if exitstatus == pytest.ExitCode.INTERRUPTED:
            verdict.void = "the grading was stopped (Ctrl-C or SIGTERM) " \
                "before its end"
        if self.session.tampered:
            verdict.void = "the repository's files changed during the " \
                "run: " + "; ".join("{} (noticed after {})".format(
                    ", ".join(found.paths), found.task or "the last task")
                    for found in self.session.tampered)
            session.exitstatus = pytest.ExitCode.TESTS_FAILED
        verdict.notes += self.submission.notes
        if self.submission.problem:
            verdict.notes.append("Nothing was graded: {}.".format(
                self.submission.problem))
            session.exitstatus = pytest.ExitCode.TESTS_FAILED
        if self.own:
            verdict.notes.append(
                "Fresh cases were not run: the submission is this "
                "repository's own files, which they would compare with "
                "themselves.")
        elif exitstatus in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED,
                            pytest.ExitCode.NO_TESTS_COLLECTED):
            # a submission's grading: its status is its scored checks'
            # (the kinds that earn nothing count with --all-kinds)
            session.exitstatus = pytest.ExitCode.TESTS_FAILED if \
                verdict.failed(self.config.option.all_kinds) or \
                self.submission.problem else pytest.ExitCode.OK
        if self.results:
            self.results.write(verdict.gradescope(
                self.title(), time.monotonic() - self.started,
                self.session.protection_details()))
            self.results.close()

    def pytest_terminal_summary(self, terminalreporter, exitstatus, config):
        """Print the scoreboard of this repository's own files (another
        submission's is printed last: pytest_sessionfinish)."""
        if not self.own or not any(self.verdict.collected.values()):
            return
        terminalreporter.section("scoreboard")
        terminalreporter.write(self.verdict.scoreboard(self.title()))
