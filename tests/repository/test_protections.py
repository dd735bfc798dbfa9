"""The judge's protections (README: What the judge protects, and what it
does not), tried by a spy: a plain correct submission whose files of
tasks 0, 1, 8 and 10 look, at import, for this repository's task files
from every path in sight, read what they can, signal the judge and send
it all to a listener on 127.0.0.1 (submissions.SPY). Each worker that
imports a spied file reports what it found (conftest.Spies).

- processes only (--sandbox=processes): what a submission can do where
  workers run as the judge's user. The spy reads every task file of this
  repository and shows some of it in its own failure message: what the
  other levels take away.
- as root with namespaces (the Gradescope cycle's run_autograder, at the
  strongest level): it runs as nobody, sees no process but its own, has
  no network, finds no task file but its own, and its verdict is that of
  the plain submission.
- as root without namespaces (--sandbox=user): nobody, who can signal
  no process of the judge and read none of its files; the network is
  there, and what it sends holds nothing of the solutions.
"""
import json
import os
import pwd
import shutil
import subprocess
import sys

import pytest

from judge.contract.tasks import ROOT, TASK, TASKS
from judge.run import isolation, sandbox
from judge.run.limits import Limits
from submissions import PLAIN, SPIED, entries, outcome, reference
from test_judge import PLAIN as PLAIN_VERDICT

# the lines of this repository's task files that no other file graded or
# printed here has: one of them in an output is a leak
OTHERS = "\n".join(
    open(os.path.join(PLAIN, task + ".py")).read() for task in TASKS)
DISTINCT = sorted({line.strip() for task in TASKS
                   for line in reference(task).splitlines()
                   if len(line.strip()) >= 24 and line.strip() not in OTHERS})


def leaked(text):
    """The distinct lines of this repository's task files that text
    holds."""
    return [line for line in DISTINCT if line in text]


def recovered(reports):
    """{task: bytes} of this repository's task files that reports hold
    whole."""
    found = {}
    for report in reports:
        for path, text in report["read"].items():
            task = os.path.basename(path)[:-3]
            if task in TASK and text == reference(task):
                found[task] = len(text.encode())
    return found


def sandbox_line(verdict):
    """The scoreboard's sandbox line of a results.json."""
    return next(line for line in verdict["output"].splitlines()
                if line.startswith("sandbox: "))


def namespaces_work():
    """Whether root can make network, mount and process-id namespaces
    here (tried in a child process)."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover (a child process)
        try:
            isolation.unshare(isolation.CLONE_NEWNET | isolation.CLONE_NEWNS |
                              isolation.CLONE_NEWPID)
        finally:
            os._exit(0 if sys.exc_info()[0] is None else 1)
    return os.waitpid(pid, 0)[1] == 0


def same_as_plain(verdict):
    """The verdict of the plain submission: every point, the robustness
    and errors it lacks."""
    assert verdict["score"] == 110, verdict["output"]
    found = entries(verdict)
    for task in TASKS:
        for kind in ("results", "style"):
            assert outcome(found[task, kind]) == "passed", (task, kind)
        for kind, want in zip(("robustness", "errors"), PLAIN_VERDICT[task]):
            assert want is None or outcome(found[task, kind]) == want, (
                task, kind)


def reports_of(spies, label):
    """The spy's reports: at least one per spied task."""
    reports = spies.reports(label)
    assert {report["task"] for report in reports} == set(SPIED), reports
    return reports


def test_spy_reads_every_solution_where_workers_run_as_the_judge(
        gradings, spies):
    """Processes only: every task file of this repository read whole,
    sent out, shown in part in its failure message; the judge signalled;
    the judge's environment in the worker's."""
    status, printed, verdict, grading = gradings["spy-processes"]
    assert sandbox_line(verdict).startswith("sandbox: processes only")
    reports = reports_of(spies, "processes")
    found = recovered(reports)
    assert sorted(found) == sorted(TASKS)
    assert sum(found.values()) == sum(len(reference(task).encode())
                                      for task in TASKS)
    assert any("signalled" in report["signalled"].values()
               for report in reports)
    assert recovered(spies.sent("processes")) == found
    assert "PYTEST_DISABLE_PLUGIN_AUTOLOAD" in reports[0]["environment"]
    assert leaked(printed) and leaked(json.dumps(verdict))
    assert entries(verdict)["0-rnn_cell", "results"]["status"] == "failed"


def test_spy_learns_nothing_at_the_strongest_level(cycle, spies):
    """As root (run_autograder): nobody, no process of the judge seen or
    signalled, no network, a folder of its own file and driver, no task
    file read though it knew where they are, no source of the module it
    is handed (but the names its code uses), the environment's few
    variables; the plain verdict, with no line of a solution in it."""
    steps, printed, verdict, _, grading = cycle
    line = sandbox_line(verdict)
    nested = namespaces_work()
    assert line.startswith("sandbox: unprivileged user (nobody){};".format(
        ", no network, own process ids" if nested else "")), line
    same_as_plain(verdict)
    source = os.path.join(grading.top, "source")
    nobody = pwd.getpwnam("nobody").pw_uid
    for report in reports_of(spies, "gradescope"):
        task = report["task"]
        assert report["uid"] == nobody
        assert recovered([report]) == {}
        assert source in report["folders"] and report["tried"] > 100
        assert report["cwd"] == sorted([task + ".py", "main"])
        for need in TASK[task].needs:
            assert report["given"][need + ".py"].startswith("no source")
        if task == "1-rnn":
            assert {"tanh", "concatenate"} <= set(
                report["code"]["0-rnn_cell.py"])
        assert set(report["environment"]) <= set(
            sandbox.KEPT | set(sandbox.THREADS) |
            {"PYTHONDONTWRITEBYTECODE"}) | {
            name for name in report["environment"]
            if name.startswith(sandbox.KEPT_PREFIXES)}
        if nested:
            assert report["processes"] == [1] and report["signalled"] == {}
            assert report["sent"] == "Connection refused"
    assert spies.sent("gradescope") == [] or not nested
    assert leaked(json.dumps(verdict)) == []
    assert leaked(printed["run"]) == []


def test_spy_signals_and_reads_nothing_as_another_user(cycle, spies):
    """As root without namespaces (--sandbox=user): the judge and its fork
    server seen but not signalled, no task file read; what it sends over
    the network holds none; the plain verdict."""
    steps, printed, _, verdict, grading = cycle
    assert steps["user"] == 1, printed["user"]  # robustness and errors
    assert sandbox_line(verdict).startswith(
        "sandbox: unprivileged user (nobody); limits"), sandbox_line(verdict)
    same_as_plain(verdict)
    for report in reports_of(spies, "user"):
        assert recovered([report]) == {}
        assert report["signalled"] and set(
            report["signalled"].values()) == {"Operation not permitted"}
        assert report["sent"] == "sent"
    sent = spies.sent("user")
    assert sent and recovered(sent) == {}
    assert leaked(json.dumps(verdict)) == []
    assert leaked(printed["user"]) == []


def test_a_forced_level_fails_where_it_cannot_apply(tmp_path):
    """--sandbox=user stops the run with a usage error that says why:
    a judge that is not root, or no such user."""
    root = os.geteuid() == 0
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         "--submission=" + str(tmp_path), "--sandbox=user",
         "--worker-user=no-such-user-of-the-judge"], cwd=ROOT,
        capture_output=True, text=True,
        env=dict(os.environ, PYTEST_DISABLE_PLUGIN_AUTOLOAD="1"))
    assert done.returncode == pytest.ExitCode.USAGE_ERROR
    assert ("--sandbox=user is not available: there is no user "
            "no-such-user-of-the-judge (--worker-user)" if root else
            "--sandbox=user needs a judge that runs as root on Linux") in \
        done.stderr, done.stderr


def test_a_worker_that_cannot_be_protected_runs_nothing():
    """A worker whose set-up fails (here: a module it is given that
    cannot be read) answers every request with the judge's own error and
    never imports the submitted file (which would exit with status 3)."""
    folder = sandbox.temporary_folder({"0-rnn_cell.py": (
        b"raise SystemExit(3)\n", 0o755)})
    folder = folder._replace(given={"1-rnn": os.path.join(
        folder.top, "given", "missing.py")})
    launch = sandbox.launcher()
    try:
        worker = sandbox.Worker(launch, folder, Limits())
        replies = [worker.request({"probe": "import", "task": "0-rnn_cell"},
                                  None, 10, "the import")[0]
                   for _ in range(2)]
        worker.stop()
    finally:
        launch.close()
        shutil.rmtree(folder.top)
    for reply in replies:
        assert reply["ok"] is False and reply["error"]["harness"] is True
        assert reply["error"]["message"].startswith(
            "the judge could not set up the worker (FileNotFoundError: ")


def test_the_judge_says_when_its_user_can_read_this_repository(cycle):
    """Run from a copy of the bundle that anyone may read: without
    namespaces, the sandbox line says that nobody can read this
    repository; with them, it is hidden and the line says nothing."""
    steps, printed, _, _, _ = cycle
    assert steps["levels"] == 0, printed["levels"]
    auto, user = printed["levels"].splitlines()
    assert user == "unprivileged user (nobody, who can read this repository)"
    assert auto == ("unprivileged user (nobody), no network, own process ids"
                    if namespaces_work() else user)


def test_hidden_folders_spare_what_workers_need(tmp_path):
    """A folder is hidden from workers unless it holds what they need (the
    Python, their folders) or is / or is inside another hidden one."""
    for name in ("repo/tests", "results", "python/lib", "work"):
        (tmp_path / name).mkdir(parents=True)
    folders = [str(tmp_path / name) for name in (
        "repo/tests", "repo", "results", "python", "missing")] + ["/"]
    needed = [str(tmp_path / "python" / "lib"), str(tmp_path / "work")]
    assert isolation.hideable(folders, needed) == [
        str(tmp_path / "repo"), str(tmp_path / "results")]
    assert isolation.hideable([str(tmp_path)], needed) == []
