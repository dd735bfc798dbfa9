"""The Gradescope cycle of tests/README.md, and the red team's levels
that need its environment, in a temporary folder, as root (test_gradescope.py,
test_protections.py, test_red_team.py).

    python3 gradescope_cycle.py PLACE PYTHON SUBMISSION

Builds the zip with tests/gradescope.py, unpacks it as Gradescope does
(modes kept) into PLACE/autograder/source, copies SUBMISSION (modes kept)
to PLACE/autograder/submission, runs setup.sh with AUTOGRADER_ROOT set to
PLACE/autograder and a virtual environment made from PYTHON (one that
nobody can read), then run_autograder (step "run": namespaces), then
run_autograder again where no namespace can be made (no_namespaces.py,
as under Docker's default profile: step "docker", the level user) into
PLACE/docker-results.json; then prints the levels the judge would choose,
by their sandbox line, in a copy of the bundle that anyone may read
(step "levels": auto, then user). As soon as the environment is made, it
grades the red team (redteam.py) with its Python at the levels user,
userns and processes, side by side and beside the steps that follow
(steps "red-LEVEL", reports in PLACE/red-LEVEL/report.json).
What each step printed is in PLACE/STEP.txt, and every step's exit
status in PLACE/steps.json. conftest.py runs it in the background, as one
process that the judge running the suite spares.
"""
import json
import os
import shutil
import stat
import subprocess
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
# seconds each step may take (setup.sh downloads the requirements)
TIMES = {"build": 120, "setup": 900, "run": 300, "docker": 300,
         "levels": 60, "red-user": 600, "red-userns": 600,
         "red-processes": 600}
LEVELS = """
from judge.run import sandbox
for wanted in ("auto", "user"):
    print(sandbox.protection(wanted, "nobody", [], {}).describe())
"""


def unpack(archive, folder):
    """Unpack archive into folder with each file's mode, as unzip does."""
    with zipfile.ZipFile(archive) as found:
        for info in found.infolist():
            path = os.path.join(folder, info.filename)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(found.read(info))
            mode = stat.S_IMODE(info.external_attr >> 16)
            os.chmod(path, mode or 0o644)


def step(place, name, command, **options):
    """Run one step; its exit status (its output in place/NAME.txt)."""
    with open(os.path.join(place, name + ".txt"), "w") as out:
        try:
            return subprocess.run(command, stdout=out,
                                  stderr=subprocess.STDOUT,
                                  stdin=subprocess.DEVNULL,
                                  timeout=TIMES[name], **options).returncode
        except subprocess.TimeoutExpired:
            out.write("\n(stopped after {} s)\n".format(TIMES[name]))
            return -1


def cycle(place, python, submission):
    """Every step in order, while they succeed; {step: exit status}."""
    done = {}
    top = os.path.join(place, "autograder")
    source = os.path.join(top, "source")
    # (no bytecode compiled at install: the suite's time)
    env = dict(os.environ, AUTOGRADER_ROOT=top, AUTOGRADER_PYTHON=python,
               PIP_NO_COMPILE="1")
    archive = os.path.join(place, "autograder.zip")
    done["build"] = step(place, "build", [
        sys.executable, os.path.join(ROOT, "tests", "gradescope.py"),
        "--out", archive])
    if done["build"] == 0:
        os.makedirs(source)
        unpack(archive, source)
        shutil.copytree(submission, os.path.join(top, "submission"))
        done["setup"] = step(place, "setup", [
            os.path.join(source, "setup.sh")], env=env)
    if done.get("setup") != 0:
        return done
    venv = os.path.join(top, "venv", "bin", "python")
    # the red team's levels need the environment alone: they start now
    # and run beside the steps that follow
    levels = ("user", "userns", "processes")
    started = {level: subprocess.Popen(
        [sys.executable, os.path.join(HERE, "redteam.py"),
         os.path.join(place, "red-" + level), level, venv],
        stdout=open(os.path.join(place, "red-{}.txt".format(level)), "w"),
        stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        for level in levels}
    done["run"] = step(place, "run", [
        os.path.join(source, "run_autograder")], env=env)
    os.rename(os.path.join(top, "results", "results.json"),
              os.path.join(place, "run-results.json"))
    done["docker"] = step(place, "docker", [
        venv, os.path.join(HERE, "no_namespaces.py"),
        os.path.join(source, "run_autograder")], env=env)
    readable = os.path.join(place, "readable")
    shutil.copytree(source, readable)
    os.chmod(readable, 0o755)
    done["levels"] = step(place, "levels", [venv, "-c", LEVELS],
                          cwd=os.path.join(readable, "tests"))
    for level, process in started.items():
        try:
            done["red-" + level] = process.wait(TIMES["red-" + level])
        except subprocess.TimeoutExpired:
            process.kill()
            done["red-" + level] = -1
    return done


def main():
    """Run the cycle in the folder of the command line."""
    place, python, submission = sys.argv[1:4]
    done = cycle(place, python, submission)
    with open(os.path.join(place, "steps.json"), "w") as f:
        json.dump(done, f)


if __name__ == "__main__":
    main()
