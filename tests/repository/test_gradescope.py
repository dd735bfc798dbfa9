"""The Gradescope bundle (tests/README.md: Grading on Gradescope): what
tests/gradescope.py puts in the zip, and, as root, the whole cycle in a
temporary folder (conftest.Cycle): the zip unpacked as Gradescope does,
setup.sh run for a fresh virtual environment, run_autograder on a
submission uploaded from a browser (files without the executable bit).
"""
import json
import os
import stat
import subprocess
import sys
import zipfile

from judge.contract.tasks import ROOT, TASK, TASKS
from judge.verdict import monospaced
from submissions import entries


def build(tmp_path, *options):
    """Build the zip with options; its path."""
    out = str(tmp_path / "autograder.zip")
    done = subprocess.run([sys.executable, os.path.join(
        ROOT, "tests", "gradescope.py"), "--out", out] + list(options),
        capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return out


def test_bundle_has_the_layout_gradescope_expects(tmp_path):
    """setup.sh and run_autograder at the root, executable, with a
    shebang; the options in one file; this repository's files beside
    them, as they are, and nothing of git or caches; the same files give
    the same zip."""
    out = build(tmp_path, "--time-limit=5", "--seed=3",
                "--worker-user=grader")
    with zipfile.ZipFile(out) as found:
        infos = {info.filename: info for info in found.infolist()}
        for script in ("setup.sh", "run_autograder"):
            assert stat.S_IMODE(infos[script].external_attr >> 16) == 0o755
            assert found.read(script).startswith(b"#!/usr/bin/env bash\n")
        options = [line for line in found.read(
            "judge-options.txt").decode().splitlines()
            if not line.startswith("#")]
        for task in TASKS:
            with open(os.path.join(ROOT, TASK[task].file), "rb") as f:
                assert found.read(TASK[task].file) == f.read()
        names = set(infos)
    assert options == ["--time-limit=5.0", "--task-time-limit=30.0",
                       "--memory-limit=2048", "--output-limit=1024",
                       "--seed=3", "--sandbox=required",
                       "--worker-user=grader"]
    assert {"requirements.txt", "pytest.ini", "tests/conftest.py",
            "tests/judge/run/worker.py", "main/0-main.py"} <= names
    assert not [name for name in names if name.startswith(".") or
                "__pycache__" in name or name.endswith(".pyc")]
    with open(out, "rb") as f:
        first = f.read()
    with open(build(tmp_path, "--time-limit=5", "--seed=3",
                    "--worker-user=grader"), "rb") as f:
        assert f.read() == first


def test_cycle_grades_a_browser_upload(cycle):
    """setup.sh makes the environment; run_autograder writes results.json
    for Gradescope: the scoreboard as a Markdown code block, stdout
    hidden, the score the sum of the tests', each test with its
    diagnosis and hints; files without the executable bit lose no point
    and are told so; robustness and errors read as advice. Where no
    namespace can be made (Docker's default profile), it grades the same
    at the level user, by permissions alone."""
    steps, printed, verdict, docker, _, grading = cycle
    assert steps["build"] == steps["setup"] == steps["run"] == 0, printed
    assert steps["docker"] == 0, printed["docker"]
    assert os.access(os.path.join(grading.top, "venv", "bin", "python"),
                     os.X_OK)
    for found, line in ((verdict, "sandbox: namespaces as nobody;"),
                        (docker, "sandbox: nobody (no namespaces);")):
        assert found["score"] == 110 == sum(test["score"]
                                            for test in found["tests"])
        assert found["output_format"] == "md"
        assert found["stdout_visibility"] == "hidden"
        lines = found["output"].splitlines()
        assert lines[0] == lines[-1] == "```" and lines[1].startswith(
            "Grading " + os.path.join(grading.top, "submission"))
        assert lines[2].startswith(line), lines[2]
    found = entries(verdict)
    for task in TASKS:
        style = found[task, "style"]
        assert style["status"] == "passed" and style["score"] == 1
        assert "{}.py is not executable".format(task) in style["output"]
        assert "  {} (style): {}.py is not executable".format(
            task, task) in verdict["output"]
        for kind in ("robustness", "errors"):
            if (task, kind) in found:
                assert found[task, kind]["status"] == "passed"
                assert found[task, kind]["output"].startswith("Advice")
    for test in verdict["tests"]:
        assert test["extra_data"]["hints"] == []
        assert "diagnosis" in test["extra_data"]
    for folder in ("source", "results", "submission"):
        mode = os.stat(os.path.join(grading.top, folder)).st_mode
        assert stat.S_IMODE(mode) == 0o700, folder
    assert json.loads(json.dumps(verdict)) == verdict


def test_no_message_can_close_the_scoreboard_block():
    """The scoreboard's code block is fenced with more backticks than any
    run of them in it, so a submission's message cannot end it early."""
    assert monospaced("a\n") == "```\na\n```\n"
    block = monospaced("x ````` y\n")
    assert block == "``````\nx ````` y\n``````\n"
