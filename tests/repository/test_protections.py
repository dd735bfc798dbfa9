"""The judge's protections, piece by piece (tests/README.md: What the judge
protects); test_red_team.py attacks them whole, at every level.

- intake: only regular files are read, never through a link, at most
  1 MB; every name is shown escaped;
- stand-ins: a worker is handed no code of this repository; its calls
  are answered by the judge with this repository's code, checked against
  the README's shapes first;
- a worker at the strongest level sees its task's folder, Python and
  nothing else of the machine, and runs as no one privileged;
- results.json is written by the judge alone, in place at once;
- levels: workers never run as root, a forced level that cannot apply
  stops the run, and the judge says what the worker's user can read.
"""
import json
import os
import pwd
import shutil
import signal
import subprocess
import sys
import time
import types

import numpy as np
import pytest

from judge import standins
from judge.contract.tasks import ROOT, TASK, offered
from judge.reference import Reference
from judge.run import isolation, processes, sandbox, standin
from judge.run.limits import Limits
from judge.submission import Submission, shown
from judge.verdict import ResultsFile
from submissions import PLAIN

REFERENCE = Reference()


def judge_run(*options):
    """Run the judge with options from this repository; the finished
    process."""
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"] +
        list(options), cwd=ROOT, capture_output=True, text=True,
        env=dict(os.environ, PYTEST_DISABLE_PLUGIN_AUTOLOAD="1"))


# -- intake ------------------------------------------------------------------

def test_intake_reads_regular_files_only(tmp_path):
    """A link (to a root-only file or not), a FIFO, a folder, a hard link
    and a file over 1 MB named like task files are not graded, each with
    a message that says what it is; a regular file is read."""
    secret = tmp_path / "secret"
    secret.write_text("SECRET\n")
    secret.chmod(0o600)
    folder = tmp_path / "submission"
    folder.mkdir()
    (folder / "0-rnn_cell.py").symlink_to(secret)
    os.mkfifo(str(folder / "1-rnn.py"))
    (folder / "2-gru_cell.py").mkdir()
    shutil.copy(os.path.join(PLAIN, "3-lstm_cell.py"), str(tmp_path))
    os.link(str(tmp_path / "3-lstm_cell.py"), str(folder / "3-lstm_cell.py"))
    (folder / "4-deep_rnn.py").write_text("#" * ((1 << 20) + 1))
    shutil.copy(os.path.join(PLAIN, "5-bi_forward.py"), str(folder))
    found = Submission.read(str(folder))
    assert sorted(found.files) == ["5-bi_forward"]
    assert found.broken == {
        "0-rnn_cell": "0-rnn_cell.py is a symbolic link: submit the file "
                      "itself, named 0-rnn_cell.py",
        "1-rnn": "1-rnn.py is a FIFO: submit the file itself, named "
                 "1-rnn.py",
        "2-gru_cell": "2-gru_cell.py is a folder: submit the file itself, "
                      "named 2-gru_cell.py",
        "3-lstm_cell": "3-lstm_cell.py is a hard link (a file with other "
                       "names): submit the file itself, named "
                       "3-lstm_cell.py",
        "4-deep_rnn": "4-deep_rnn.py is larger than 1024 KB"}
    assert "SECRET" not in json.dumps(found.broken)


def test_a_folder_given_as_a_link_is_not_graded(tmp_path):
    """--submission naming a link: nothing is read through it."""
    (tmp_path / "real").mkdir()
    shutil.copy(os.path.join(PLAIN, "0-rnn_cell.py"), str(tmp_path / "real"))
    (tmp_path / "link").symlink_to(tmp_path / "real")
    found = Submission.read(str(tmp_path / "link"))
    assert found.files == {}
    assert found.problem == "{} is a symbolic link: give the folder " \
        "itself".format(tmp_path / "link")


def test_names_are_shown_escaped():
    """Control characters, terminal escapes, direction overrides and
    undecodable bytes are escaped; a long name is cut."""
    assert shown("0-rnn_cell.py") == "0-rnn_cell.py"
    assert shown("a\n\ntotal 110/110") == "a\\n\\ntotal 110/110"
    assert shown("\x1b[2J\u202ex") == "\\x1b[2J\\u202ex"
    assert shown("\udcff.py") == "\\xff.py"
    assert shown("a\\b") == "a\\\\b"
    assert shown("x" * 100) == "x" * 57 + "..."


# -- stand-ins ---------------------------------------------------------------

class Recorder:
    """A channel that answers a stand-in's call with this repository's
    code (standins.answer), as the judge does, and keeps what was sent."""

    def __init__(self, needs):
        """needs: the tasks whose stand-ins may call."""
        self.needs = needs
        self.sent = []

    def ask(self, message, arrays):
        """The judge's answer to a call."""
        self.sent.append((message, arrays))
        return standins.answer(REFERENCE, self.needs, message, arrays)


def reference_files():
    """The paths of this repository's task files."""
    return {os.path.join(ROOT, TASK[task].file) for task in TASK}


@pytest.mark.parametrize("task", ["0-rnn_cell", "1-rnn", "3-lstm_cell",
                                  "7-bi_output"])
def test_a_stand_in_holds_no_code_of_this_repository(task):
    """No function of a stand-in, nor any code object it reaches, comes
    from a task file; its constructor draws what the README says."""
    module = standin.module(task, Recorder([task]))
    codes = [obj.__code__ for value in vars(module).values()
             for obj in [value] + list(getattr(value, "__dict__", {}).values())
             if isinstance(getattr(obj, "__code__", None), types.CodeType)]
    assert codes
    for code in codes:
        assert code.co_filename not in reference_files()
        assert code.co_filename.endswith(os.path.join("run", "standin.py"))
    if TASK[task].own_cell:
        np.random.seed(3)
        made = getattr(module, TASK[task].cell.name)(4, 3, 2)
        np.random.seed(3)
        real = getattr(REFERENCE.module(task), TASK[task].cell.name)(4, 3, 2)
        for name in TASK[task].cell.names():
            assert np.array_equal(getattr(made, name), getattr(real, name))


def test_a_stand_in_answers_as_this_repository_would():
    """A stand-in RNNCell and rnn give, bit for bit, what this
    repository's give, and raise what it raises; the call sends the
    cell's attributes and the arguments, nothing else."""
    channel = Recorder(["0-rnn_cell", "1-rnn"])
    cell_module = standin.module("0-rnn_cell", channel)
    rnn = standin.module("1-rnn", channel).rnn
    np.random.seed(1)
    cell = cell_module.RNNCell(5, 4, 3)
    real = REFERENCE.module("0-rnn_cell").RNNCell(5, 4, 3)
    for name in ("Wh", "Wy", "bh", "by"):
        setattr(real, name, getattr(cell, name))
    rng = np.random.default_rng(2)
    X, h_0 = rng.normal(size=(6, 2, 5)), rng.normal(size=(2, 4))
    for got, want in zip(rnn(cell, X, h_0=h_0),
                         REFERENCE.module("1-rnn").rnn(real, X, h_0)):
        assert np.array_equal(got, want)
    got = cell.forward(h_0, X[0])
    want = real.forward(h_0, X[0])
    assert all(np.array_equal(a, b) for a, b in zip(got, want))
    message, arrays = channel.sent[-1]
    assert message["call"] == "RNNCell.forward"
    assert sorted(arrays) == ["cell.Wh", "cell.Wy", "cell.bh", "cell.by",
                              "h_prev", "x_t"]
    with pytest.raises(ValueError, match=r"RNNCell\.forward\(h_prev, x_t\) "
                       r"was given x_t of shape \(5, 2\); the README's x_t "
                       r"is \(m, i\) = \(2, 5\) \(the same sizes in another "
                       r"order\)"):
        cell.forward(h_0, X[0].T)
    with pytest.raises(TypeError, match="missing 1 required argument"):
        cell.forward(h_0)
    with pytest.raises(TypeError, match="x_t must be an array of numbers"):
        cell.forward(h_0, [["a"] * 5] * 2)


def test_the_judge_answers_only_the_calls_the_readme_makes():
    """A call no stand-in offers, too much work, arrays of text or of a
    wrong shape are refused with the README's words, before any of this
    repository's code runs."""
    cell = {"cell.Whf": np.zeros((8, 3)), "cell.Whb": np.zeros((8, 3)),
            "cell.Wy": np.zeros((6, 4)), "cell.bhf": np.zeros((1, 3)),
            "cell.bhb": np.zeros((1, 3)), "cell.by": np.zeros((1, 4))}

    def said(call, **arrays):
        message, _ = standins.answer(REFERENCE, ["7-bi_output"], {
            "standin": "7-bi_output", "call": call}, dict(cell, **arrays))
        return message.get("type"), message.get("message")

    assert said("BidirectionalCell.output", H=np.zeros((4, 6, 3))) == (
        "ValueError", "BidirectionalCell.output(H) was given H of shape "
        "(4, 6, 3); the README's H is (t, m, 2h) = (4, 3, 6) (the same "
        "sizes in another order)")
    assert said("BidirectionalCell.__init__") == (
        "TypeError", "no such call of a stand-in")
    assert said("BidirectionalCell.forward", h_prev=np.zeros((2, 3)),
                x_t=np.zeros((2, 5)).astype(str)) == (
        "TypeError", "x_t must be an array of numbers")
    assert said("BidirectionalCell.forward", h_prev=np.zeros((2, 3)),
                x_t=np.zeros((2, 4))) == (
        "ValueError", "BidirectionalCell.forward(h_prev, x_t) was given x_t "
        "of shape (2, 4); the README's x_t is (m, i) = (2, 5)")
    big = {"cell.Wh": np.zeros((301, 300)), "cell.Wy": np.zeros((300, 1)),
           "cell.bh": np.zeros((1, 300)), "cell.by": np.zeros((1, 1)),
           "X": np.zeros((1000, 100, 1)), "h_0": np.zeros((100, 300))}
    message, _ = standins.answer(REFERENCE, ["0-rnn_cell", "1-rnn"], {
        "standin": "1-rnn", "call": "rnn"}, big)
    assert message["message"] == "rnn(rnn_cell, X, h_0): the arrays given " \
        "are too large for the judge to compute"
    assert set(offered("7-bi_output")) == {
        "BidirectionalCell.forward", "BidirectionalCell.backward",
        "BidirectionalCell.output"}


def test_a_worker_holds_no_code_of_this_repository():
    """The zygote and its workers import the harness and the stand-ins,
    never a task file nor the judge's modules that hold this repository's
    code or its variants (reference.py, the catalogue of mistakes)."""
    done = subprocess.run(
        [sys.executable, "-c", "import runpy, sys; runpy.run_path({!r}, "
         "run_name='harness'); print(sorted(sys.modules))".format(
             sandbox.WORKER)], capture_output=True, text=True)
    modules = set(eval(done.stdout.strip().splitlines()[-1]))
    assert {"judge.run.standin", "judge.contract.cases"} <= modules
    assert not {"judge.reference", "judge.contract.mistakes",
                "judge.standins", "judge.feedback"} & modules
    assert not [name for name in modules if name in TASK]


# -- what a worker sees ------------------------------------------------------

LOOK = '''
import os, sys
raise RuntimeError("uid %d; / %s; cwd %s; processes %s; tmp %s" % (
    os.getuid(), sorted(os.listdir("/")), sorted(os.listdir(".")),
    sorted(p for p in os.listdir("/proc") if p.isdigit()),
    os.statvfs("/tmp").f_blocks * os.statvfs("/tmp").f_frsize >> 20))
'''


def test_a_worker_sees_only_its_task(tmp_path):
    """At the strongest level here, a worker's root holds the system's
    and Python's folders and its task's, its /proc only itself, its /tmp
    a private one of 64 MB; as root it runs as nobody."""
    protection = sandbox.protection("auto", "nobody", [], {})
    if protection.level != "namespaces":
        pytest.skip("no namespaces here: " + protection.short)
    folder = sandbox.temporary_folder({"0-rnn_cell.py": (LOOK.encode(),
                                                         0o755)})
    launch = sandbox.launcher(protection)
    try:
        worker = sandbox.Worker(launch, folder, Limits())
        reply, _ = worker.request({"probe": "import", "task": "0-rnn_cell"},
                                  None, 10, "the import")
        worker.stop()
    finally:
        launch.close()
        shutil.rmtree(folder.top)
    message = reply["error"]["message"]
    uid = pwd.getpwnam("nobody").pw_uid if os.geteuid() == 0 \
        else os.getuid()
    root = eval(message.split("; / ")[1].split("; cwd")[0])
    assert message.startswith("uid {};".format(uid))
    allowed = {path.split(os.sep)[1] for path in isolation.SYSTEM +
               tuple(isolation.python_folders())}
    assert set(root) <= allowed | {"task", "dev", "proc", "tmp"}, root
    assert "cwd ['0-rnn_cell.py']; processes ['1']; tmp 64" in message


def test_a_worker_that_cannot_be_protected_runs_nothing():
    """A worker whose set-up fails (here: a stand-in of no task) answers
    every request with the judge's own error and never imports the
    submitted file (which would exit with status 3)."""
    folder = sandbox.temporary_folder({"0-rnn_cell.py": (
        b"raise SystemExit(3)\n", 0o755)})
    launch = sandbox.launcher(sandbox.protection("auto", "nobody", [], {}))
    try:
        worker = sandbox.Worker(launch, folder, Limits(), ["no-such-task"])
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
            "the judge could not set up the worker (KeyError: ")


# -- the verdict -------------------------------------------------------------

def test_results_are_written_in_place_never_through_a_link(tmp_path):
    """A link planted under the name of results.json is replaced, and the
    file it points to is left as it was; nothing else stays behind."""
    target = tmp_path / "elsewhere.txt"
    target.write_text("untouched\n")
    folder = tmp_path / "out"
    folder.mkdir()
    results = ResultsFile(str(folder / "results.json"))
    (folder / "results.json").symlink_to(target)
    results.write({"score": 3})
    results.close()
    assert target.read_text() == "untouched\n"
    assert not (folder / "results.json").is_symlink()
    assert json.loads((folder / "results.json").read_text()) == {"score": 3}
    assert sorted(os.listdir(str(folder))) == ["results.json"]


# -- levels ------------------------------------------------------------------

def test_a_forced_level_fails_where_it_cannot_apply(tmp_path):
    """--sandbox=user stops the run with a usage error that says why:
    a judge that is not root, or no such user; as root, processes only
    is refused (workers never run as root)."""
    root = os.geteuid() == 0
    done = judge_run("--submission=" + str(tmp_path), "--sandbox=user",
                     "--worker-user=no-such-user-of-the-judge")
    assert done.returncode == pytest.ExitCode.USAGE_ERROR
    assert ("--sandbox=user: there is no user no-such-user-of-the-judge "
            "(--worker-user)" if root else "--sandbox=user needs a judge "
            "that runs as root on Linux") in done.stderr, done.stderr
    if root:
        done = judge_run("--submission=" + str(tmp_path),
                         "--sandbox=processes")
        assert done.returncode == pytest.ExitCode.USAGE_ERROR
        assert "--sandbox=processes: workers never run as root" in \
            done.stderr


def test_the_judge_says_when_its_user_can_read_this_repository(cycle):
    """Run from a copy of the bundle that anyone may read: without
    namespaces, the sandbox line says that nobody can read this
    repository; with them, it is not in the workers' root at all."""
    steps, printed, _, _, _, _ = cycle
    assert steps["levels"] == 0, printed["levels"]
    auto, user = printed["levels"].splitlines()
    assert user == "nobody (no namespaces, can read this repository)"
    assert auto == "namespaces as nobody"


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


@pytest.mark.skipif(os.geteuid() != 0, reason="needs a user of its own")
def test_a_workers_process_limit_counts_no_process_that_is_leaving():
    """RLIMIT_NPROC counts from the user's processes that go on running:
    those killed but not yet reaped (a fork bomb's, just ended) would
    otherwise give their room to the next worker's bomb."""
    uid = 2147400009

    def start():
        pid = os.fork()
        if pid == 0:
            try:
                os.setresuid(uid, uid, uid)
                os.execv("/bin/sleep", ["sleep", "30"])
            finally:
                os._exit(1)
        return pid

    assert processes.user_threads(uid) == 0
    pids = [start() for _ in range(5)]
    try:
        deadline = time.monotonic() + 30
        while processes.user_threads(uid) < 5 and \
                time.monotonic() < deadline:
            time.sleep(0.01)
        assert processes.user_threads(uid) == 5
        for pid in pids[:3]:
            os.kill(pid, signal.SIGKILL)
        # killed, not reaped: zombies still counted by the kernel
        deadline = time.monotonic() + 30
        while processes.user_threads(uid) > 2 and \
                time.monotonic() < deadline:
            time.sleep(0.01)
        assert processes.user_threads(uid) == 2
    finally:
        for pid in pids:
            processes.kill(pid)
            os.waitpid(pid, 0)
    assert processes.user_threads(uid) == 0
