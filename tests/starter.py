#!/usr/bin/env python3
"""Make a workspace for a student: skeletons of the eleven tasks, the
drivers and what they print (expected/), a short README, and `grade`, which
grades the workspace with this repository's judge.

    python3 tests/starter.py DIR            DIR must be empty or new
    python3 tests/starter.py DIR --force    fill in what is missing

Each skeleton is derived from this repository's task file by reading its
syntax tree: the shebang, the module docstring, `import numpy as np`, and
every class, method and function the task defines (Task.defines) with its
signature and docstring, whose body raises
NotImplementedError("write NAME in FILE (task N)"). Private helpers (softmax,
sigmoid, the shape checks) are not part of the contract and are left out.
With --force, a task file that differs from its skeleton is never
overwritten: a student's work is never lost.
"""
import argparse
import ast
import os
import sys

from judge.contract.tasks import ROOT, TASK, TASKS

INDENT = "    "


def lines_of(source, first, last):
    """Lines first..last (1-based, inclusive) of source."""
    return source.splitlines()[first - 1:last]


def stub(source, node, name, task, indent):
    """A def (or class) of source reduced to its header, its docstring and
    (for a def) a body that raises NotImplementedError."""
    doc = node.body[0]
    if not (isinstance(doc, ast.Expr) and isinstance(
            getattr(doc, "value", None), ast.Constant)):
        raise ValueError("{}.py: {} has no docstring".format(task, name))
    text = lines_of(source, node.lineno, doc.end_lineno)
    if isinstance(node, ast.FunctionDef):
        # the file is named: a driver that runs this task for another
        # (main/8-main.py runs task 7's class) says which file to write
        text += [indent + INDENT + "raise NotImplementedError(",
                 indent + 2 * INDENT + '"write {} in {} (task {})")'.format(
                     name, TASK[task].file, TASK[task].number)]
    return text


def skeleton(task):
    """The skeleton of a task file, as text."""
    with open(os.path.join(ROOT, task + ".py")) as f:
        source = f.read()
    tree = ast.parse(source)
    module_doc = tree.body[0]
    parts = [["#!/usr/bin/env python3"] + lines_of(
        source, module_doc.lineno, module_doc.end_lineno) +
        ["import numpy as np"]]
    for node in tree.body:
        if getattr(node, "name", None) != TASK[task].defines:
            continue
        block = stub(source, node, node.name, task, "")
        if isinstance(node, ast.ClassDef):
            for member in node.body:
                if isinstance(member, ast.FunctionDef):
                    block += [""] + stub(source, member, "{}.{}".format(
                        node.name, member.name), task, INDENT)
        parts.append(block)
    return "\n\n\n".join("\n".join(part) for part in parts) + "\n"


def readme(folder):
    """The workspace's README."""
    rows = "\n".join("| `{}` | `{}` |".format(
        TASK[task].file, TASK[task].defines) for task in TASKS)
    return """# My RNN exercises

Each task file here is a skeleton: its docstrings say what to compute
(the equations and shapes are in {root}/README.md). Replace each
`raise NotImplementedError(...)` with your code.

| file | defines |
|---|---|
{rows}

The loop, from this folder:

```sh
./main/0-main.py                            # run task 0's driver on your files
./main/0-main.py | diff - expected/0-main.txt   # what it should print
./grade 0                                   # grade task 0
./grade                                     # grade every task
```

`diff` shows every line that differs; the grader allows each number one
unit of its last printed digit, so a difference there alone is fine. A
driver runs your files for every task it imports: `main/8-main.py` needs
your task 7 (`7-bi_output.py`) as well as task 8.

`./grade` runs the grader of {root} on this folder (`python3 -m pytest
--submission={folder}` there); `./grade -v` lists every check. pytest
run in this folder (or main/, or expected/) hands over to `./grade`. From
a folder outside {root}, `--submission` alone gives `unrecognized
arguments`: name the repository, which works from anywhere:

```sh
python3 -m pytest {root} --submission={folder}
```
""".format(root=ROOT, rows=rows, folder=os.path.abspath(folder))


def grade_script(folder):
    """The workspace's `grade`: the grader of this repository on the
    workspace, from anywhere; tasks named by name, number or file, with or
    without -k, and several -k joined."""
    return '''#!/usr/bin/env python3
"""Grade this workspace with the grader of {root}.

    ./grade                      every task
    ./grade 2                    one task (or 2-gru_cell, -k 2)
    ./grade 0 1 2                several
    ./grade -v                   every check, as pytest lists them
"""
import os
import sys

REPOSITORY = {root!r}
HERE = os.path.dirname(os.path.abspath(__file__))
# options of pytest that take a value
VALUED = ("-m", "--seed", "--results", "--time-limit", "--task-time-limit",
          "--memory-limit", "--output-limit")

args, tasks, words = [], [], sys.argv[1:]
while words:
    word = words.pop(0)
    if word == "-k" and words:
        tasks.append(words.pop(0))
    elif word.startswith("-k"):
        tasks.append(word[2:].lstrip("="))
    elif word in VALUED and words:
        value = words.pop(0)
        # a results file is named from here, not from the repository
        args += [word, os.path.abspath(value) if word == "--results"
                 else value]
    elif word.startswith("--results="):
        args.append("--results=" + os.path.abspath(word[len("--results="):]))
    elif word.startswith("-"):
        args.append(word)
    else:
        tasks.append(word)
if tasks:
    args += ["-k", " or ".join(task[:-3] if task.endswith(".py") else task
                               for task in tasks)]
os.chdir(REPOSITORY)
os.execv(sys.executable, [sys.executable, "-m", "pytest", "-p",
                          "no:cacheprovider", "--submission=" + HERE] + args)
'''.format(root=ROOT)


def conftest():
    """The workspace's conftest.py: pytest run on the workspace itself
    (from inside it, or given it, or given it after a --submission written
    with a space, which pytest takes for a folder of tests) hands over to
    ./grade, with the options that select checks."""
    return '''"""This folder is a workspace of exercises, not of tests.

pytest run here, or given this folder (`--submission DIR` written with a
space makes pytest take DIR for a folder of tests), hands over to ./grade,
which grades this folder with the grader of the repository.
"""
import os
import shlex
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# the options that go on to ./grade, and whether each takes a value
PASSED = {"-k": True, "-m": True, "--seed": True, "--results": True,
          "-v": False, "-vv": False, "-q": False}


def pytest_addoption(parser):
    """Know --submission, so that pytest's own parser lets it through."""
    try:
        parser.addoption("--submission", help="the folder to grade")
    except ValueError:  # the grader's own options: nothing to do here
        pass


def pytest_configure(config):
    """Say what happens, then run ./grade in this process's place."""
    args, words = [], sys.argv[1:]
    while words:
        word = words.pop(0)
        name = word.split("=", 1)[0]
        if name in PASSED:
            args.append(word)
            if PASSED[name] and "=" not in word and words:
                args.append(words.pop(0))
    # said as a student types it: ./grade 0, not ./grade -k 0
    shown, rest = [], list(args)
    while rest:
        word = rest.pop(0)
        if word == "-k" and rest:
            word = rest.pop(0)
        elif word.startswith("-k="):
            word = word[3:]
        shown.append(shlex.quote(word))
    capture = config.pluginmanager.get_plugin("capturemanager")
    if capture is not None:
        capture.stop_global_capturing()
    print("This folder is your workspace: grading it with ./grade{} (see "
          "README.md)".format(" " + " ".join(shown) if shown else ""),
          flush=True)
    grade = os.path.join(HERE, "grade")
    os.execv(sys.executable, [sys.executable, grade] + args)
'''


# the workspace's pytest.ini: pytest run from any of its folders (main/,
# expected/) takes the workspace for its root, and so reads conftest.py
PYTEST_INI = """\
# pytest run anywhere in this workspace hands over to ./grade (conftest.py)
[pytest]
addopts = -p no:cacheprovider
"""


def files(folder):
    """{relative path: (text, mode)} of a workspace for folder: the
    skeletons, the drivers and what they print, the README, grade, and a
    conftest.py (and a pytest.ini that makes the workspace pytest's root)
    that send pytest run on the workspace to grade."""
    found = {TASK[task].file: (skeleton(task), 0o755) for task in TASKS}
    for task in TASKS:
        with open(os.path.join(ROOT, TASK[task].driver)) as f:
            found[TASK[task].driver] = (f.read(), 0o755)
        name = "{}-main.txt".format(TASK[task].number)
        with open(os.path.join(ROOT, "tests", "expected", name)) as f:
            found[os.path.join("expected", name)] = (f.read(), 0o644)
    found["README.md"] = (readme(folder), 0o644)
    found["grade"] = (grade_script(folder), 0o755)
    found["conftest.py"] = (conftest(), 0o644)
    found["pytest.ini"] = (PYTEST_INI, 0o644)
    return found


def write(folder, force=False):
    """Write the workspace; return the task files kept as they were.

    Refuses (ValueError) a folder that is not empty unless force; with
    force, a task file that differs from its skeleton is kept.
    """
    if os.path.isdir(folder) and os.listdir(folder) and not force:
        raise ValueError("{} is not empty: pass --force to add what is "
                         "missing (your task files are kept)".format(folder))
    kept = []
    for name, (text, mode) in files(folder).items():
        path = os.path.join(folder, name)
        if name in {TASK[task].file for task in TASKS} and \
                os.path.exists(path):
            with open(path) as f:
                if f.read() != text:
                    kept.append(name)
                    continue
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)
        os.chmod(path, mode)
    return kept


def main():
    """Parse the arguments, write the workspace, say what was done."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", help="the workspace to make")
    parser.add_argument("--force", action="store_true",
                        help="write into a folder that is not empty, "
                        "keeping every task file that is not a skeleton")
    args = parser.parse_args()
    try:
        kept = write(args.folder, args.force)
    except ValueError as error:
        sys.exit(str(error))
    for name in kept:
        print("kept {}: it is not the skeleton".format(name))
    print("wrote the workspace {}: start with 0-rnn_cell.py; then, from "
          "that folder,\n  ./main/0-main.py          runs your task 0\n"
          "  ./grade 0                 grades it (./grade: every task)"
          .format(args.folder))


if __name__ == "__main__":
    main()
