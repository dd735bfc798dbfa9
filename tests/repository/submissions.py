"""Submissions broken on purpose, for the tests of the judge.

Each is a folder of task files made from this repository's own with one
change per task (a table below: task -> what it does, the change), or from
the catalogue of mistakes (tests/mistakes.py), one layer of it per folder.
The plain-but-correct submission is a real folder beside this file
(plain/), written independently, as a student would.

    python3 tests/repository/submissions.py DIR    writes them all to DIR
"""
import json
import os
import shutil
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
# the command line of the process the hostile 10-lstm_backward starts:
# sleep, with a number no other process has in its command line
SLEEPER = "{:.6f}".format(300 + os.getpid() % 1000 / 7)
ROOT = os.path.dirname(os.path.dirname(HERE))
PLAIN = os.path.join(HERE, "plain")
STUDENTS = os.path.join(HERE, "students")
sys.path.insert(0, os.path.dirname(HERE))
import starter  # noqa: E402
from judge.contract.mistakes import MISTAKES  # noqa: E402

FIND_JUDGE = '''
import os as _os
_pid, _found = _os.getpid(), None
while _pid > 1 and _found is None:
    try:
        with open("/proc/%d/cmdline" % _pid, "rb") as _f:
            _args = _f.read().decode().split("\\0")
        with open("/proc/%d/stat" % _pid) as _f:
            _pid = int(_f.read().rsplit(")", 1)[1].split()[1])
    except OSError:
        break
    for _k, _arg in enumerate(_args):
        if _arg == "--results":
            _found = _args[_k + 1]
        elif _arg.startswith("--results="):
            _found = _arg.split("=", 1)[1]
'''

# task -> (what it does, (old text, new text) in this repository's file);
# 5-bi_forward is missing
HOSTILE = {
    "0-rnn_cell": ("a syntax error", (
        "    def forward(self, h_prev, x_t):",
        "    def forward(self, h_prev, x_t)")),
    "1-rnn": ("an import that never returns", (
        "import numpy as np\n", "import numpy as np\n\nwhile True:\n"
        "    pass\n")),
    "2-gru_cell": ("sys.exit(0) at import", (
        "import numpy as np\n", "import numpy as np\nimport sys\n"
        "sys.exit(0)\n")),
    "3-lstm_cell": ("os._exit(0) in a call", (
        "        concat = np.concatenate((h_prev, x_t), axis=1)\n",
        "        __import__('os')._exit(0)\n")),
    "4-deep_rnn": ("a wrong result: every layer starts from zeros", (
        "    H[0] = h_0\n", "")),
    "6-bi_backward": ("floods its output in backward: 1.5 MB at once", (
        "        concat = np.concatenate((h_next, x_t), axis=1)\n",
        "        print('spam ' * 300000)\n")),
    "7-bi_output": ("a plain softmax: correct, not robust", (
        "e = np.exp(z - np.max(z, axis=-1, keepdims=True))",
        "e = np.exp(z)")),
    "8-bi_rnn": ("patches numpy's comparisons and halves H", (
        "    return H, bi_cell.output(H)\n",
        "    return H / 2, bi_cell.output(H)\n\n\n"
        "np.allclose = lambda *args, **kwargs: True\n"
        "np.array_equal = lambda *args, **kwargs: True\n"
        "np.isclose = lambda a, b, **kwargs: np.ones(np.shape(a), bool)\n"
        "np.testing.assert_allclose = lambda *args, **kwargs: None\n")),
    "9-rnn_backward": ("prints a fake report, overwrites results.json, and "
                       "returns a wrong dh_0", (
                           '        "dh_0": dh_next,\n',
                           '        "dh_0": 2 * dh_next,\n')),
    "10-lstm_backward": ("starts a process meant to outlive it, then hangs",
                         ('    cell = lstm_cell\n',
                          '    import subprocess, time\n'
                          '    subprocess.Popen(["sleep", "' + SLEEPER +
                          '"], start_new_session=True)\n'
                          '    time.sleep(300)\n'
                          '    cell = lstm_cell\n')),
}
FAKE_REPORT = (
    'print("=" * 20, "377 passed in 0.50s", "=" * 20)\n'
    'print("total   110/110")\n' + FIND_JUDGE +
    'if _found:\n'
    '    try:\n'
    '        with open(_found, "w") as _f:\n'
    '            _f.write(\'{"score": 110, "tests": []}\')\n'
    '    except OSError:\n'
    '        pass\n')


def reference(task):
    """The text of this repository's task file."""
    with open(os.path.join(ROOT, task + ".py")) as f:
        return f.read()


def write(folder, changes):
    """Write each task of changes ({task: (what, (old, new))}) to folder:
    this repository's file with old replaced by new."""
    os.makedirs(folder, exist_ok=True)
    for task, (_, (old, new)) in changes.items():
        text = reference(task)
        assert old in text, "{}: {!r} not in this repository's file".format(
            task, old)
        text = text.replace(old, new, 1)
        if task == "9-rnn_backward":
            text += "\n\n" + FAKE_REPORT
        path = os.path.join(folder, task + ".py")
        with open(path, "w") as f:
            f.write(text)
        os.chmod(path, 0o755)
    return folder


def applies(mistake):
    """Whether a catalogued mistake can be made from this repository's
    file (test_diagnosis.py names those that cannot)."""
    try:
        return mistake.source(reference(mistake.task)) != reference(
            mistake.task)
    except ValueError:
        return False


def mistake_layers():
    """The catalogued mistakes (judge/contract/mistakes.py) that apply, as
    submissions: layer k holds the k-th mistake of each task that has one,
    {task: Mistake}."""
    layers = []
    for mistake in filter(applies, MISTAKES):
        for layer in layers:
            if mistake.task not in layer:
                layer[mistake.task] = mistake
                break
        else:
            layers.append({mistake.task: mistake})
    return layers


def students():
    """The correct students of students/correct/, by name: folders of
    eleven task files each, written from the README in varied styles."""
    place = os.path.join(STUDENTS, "correct")
    return sorted(os.listdir(place))


def faults():
    """The wrong files of students/wrong/ (faults.json): each with one
    fault, its description, the named mistake that explains it (or
    None) and what its feedback must mention (regular expressions)."""
    with open(os.path.join(STUDENTS, "wrong", "faults.json")) as f:
        return json.load(f)


def fault_layers(kind="results"):
    """The wrong files whose fault a check of kind finds (faults.json's
    "kind", results by default: robustness for a file that overflows or
    changes its arguments, and is right otherwise), as submissions: layer
    k holds the k-th such file of each task that has one, {task:
    fault}."""
    layers = []
    for fault in faults():
        if fault.get("kind", "results") != kind:
            continue
        for layer in layers:
            if fault["task"] not in layer:
                layer[fault["task"]] = fault
                break
        else:
            layers.append({fault["task"]: fault})
    return layers


def entries(verdict):
    """{(task, kind): test} of a results.json."""
    return {(test["extra_data"]["task"], test["extra_data"]["kind"]): test
            for test in verdict["tests"]}


def outcome(test):
    """"passed" or "failed" of a results.json test: its status, for a
    kind that earns points; for advice (robustness, errors: always shown
    as passed on Gradescope), whether every check ran and passed."""
    data = test["extra_data"]
    if data["kind"] in ("results", "style"):
        return test["status"]
    return "passed" if data["submitted"] and data["passed"] == \
        data["checks"] else "failed"


def first_failure(printed, task):
    """(kind, message) of a task's first failure in a printed scoreboard,
    or (None, None)."""
    for line in printed.splitlines():
        if line.startswith("  {} (".format(task)):
            kind, message = line.split("(", 1)[1].split("): ", 1)
            return kind, message
    return None, None


def write_class(folder):
    """A small class for tests/grade_class.py: ben (broken: a syntax error,
    sys.exit at import), cat (task 0 plain and correct, a GRU that blends
    the wrong way round) and starter (a fresh workspace of
    tests/starter.py)."""
    write(os.path.join(folder, "ben"), {task: HOSTILE[task] for task in (
        "0-rnn_cell", "2-gru_cell")})
    os.makedirs(os.path.join(folder, "cat"))
    shutil.copy(os.path.join(PLAIN, "0-rnn_cell.py"),
                os.path.join(folder, "cat"))
    blend = next(mistake for mistake in MISTAKES
                 if mistake.name == "blend_swapped")
    path = os.path.join(folder, "cat", "2-gru_cell.py")
    with open(path, "w") as f:
        f.write(blend.source(reference("2-gru_cell")))
    os.chmod(path, 0o755)
    starter.write(os.path.join(folder, "starter"))


def write_lingering(folder):
    """A submission whose RNNCell.forward starts a process in a session of
    its own (sleep, with a number no other process has in its command
    line), then sleeps for a minute. Returns that number, as text."""
    marker = "{:.6f}".format(3000 + os.getpid() % 1000 / 7)
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "0-rnn_cell.py")
    with open(path, "w") as f:
        f.write(reference("0-rnn_cell").replace(
            "        concat = np.concatenate((h_prev, x_t), axis=1)\n",
            "        __import__('subprocess').Popen(['sleep', '{}'], "
            "start_new_session=True)\n"
            "        __import__('time').sleep(60)\n".format(marker), 1))
    return marker


def processes_with(text):
    """The pids of the processes whose command line contains text."""
    found = []
    for name in os.listdir("/proc"):
        try:
            with open("/proc/{}/cmdline".format(name), "rb") as f:
                if text.encode() in f.read():
                    found.append(name)
        except OSError:
            pass
    return found


def wait_for_process(text, process, seconds=30):
    """Wait until a process with text in its command line runs, or
    process (a Popen) ends; whether one runs."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        if processes_with(text):
            return True
        time.sleep(0.01)
    return bool(processes_with(text))


def write_all(folder):
    """Every submission of this module, each in its own sub-folder:
    hostile, plain, mistakes-1, mistakes-2, ..., class/ (three
    submissions for tests/grade_class.py), correct-NAME (a correct
    student) and wrong-KIND-1, wrong-KIND-2, ... (layers of the wrong
    files whose fault a check of KIND finds)."""
    write(os.path.join(folder, "hostile"), HOSTILE)
    shutil.copytree(PLAIN, os.path.join(folder, "plain"))
    write_class(os.path.join(folder, "class"))
    for k, layer in enumerate(mistake_layers(), 1):
        place = os.path.join(folder, "mistakes-{}".format(k))
        os.makedirs(place)
        for task, mistake in layer.items():
            path = os.path.join(place, task + ".py")
            with open(path, "w") as f:
                f.write(mistake.source(reference(task)))
            os.chmod(path, 0o755)
    for name in students():
        shutil.copytree(os.path.join(STUDENTS, "correct", name),
                        os.path.join(folder, "correct-" + name))
    for kind in ("results", "robustness"):
        for k, layer in enumerate(fault_layers(kind), 1):
            place = os.path.join(folder, "wrong-{}-{}".format(kind, k))
            os.makedirs(place)
            for task, fault in layer.items():
                path = os.path.join(place, task + ".py")
                shutil.copy(os.path.join(STUDENTS, "wrong", fault["file"]),
                            path)
                os.chmod(path, 0o755)


if __name__ == "__main__":
    write_all(sys.argv[1])
