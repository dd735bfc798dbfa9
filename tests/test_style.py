"""House rules: pycodestyle, shebang, executable bit, final newline,
docstrings on everything, task files importing only numpy."""
import ast
import glob
import inspect
import os
import subprocess
import sys

import pytest

from support import ROOT, TASKS, task

SCRIPTS = TASKS + ["main/" + os.path.basename(path)[:-3] for path in sorted(
    glob.glob(os.path.join(ROOT, "main", "*.py")))]


def python_files():
    """Every .py file of the repository, outside hidden folders."""
    found = []
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = [d for d in dirs
                   if not d.startswith(".") and d != "__pycache__"]
        found += [os.path.join(folder, f) for f in files if f.endswith(".py")]
    return sorted(found)


def test_pycodestyle_is_clean():
    """pycodestyle (default settings) reports nothing on any .py file."""
    done = subprocess.run([sys.executable, "-m", "pycodestyle"] +
                          python_files(), capture_output=True, text=True)
    assert done.returncode == 0, "pycodestyle:\n" + done.stdout + done.stderr


@pytest.mark.parametrize("name", SCRIPTS)
def test_shebang_executable_newline(name):
    """First line #!/usr/bin/env python3, executable, ends with newline."""
    path = os.path.join(ROOT, name + ".py")
    with open(path) as f:
        text = f.read()
    assert text.startswith("#!/usr/bin/env python3\n"), (
        "{}.py: first line must be #!/usr/bin/env python3".format(name))
    assert text.endswith("\n"), "{}.py: must end with a newline".format(name)
    assert os.access(path, os.X_OK), "{}.py: not executable".format(name)


def documented(module):
    """(name, object) of the module and everything it defines."""
    yield module.__name__, module
    for name, obj in vars(module).items():
        if inspect.isfunction(obj) or inspect.isclass(obj):
            if obj.__module__ != module.__name__:
                continue
            yield name, obj
            for attr, member in vars(obj).items():
                if inspect.isfunction(member):
                    yield "{}.{}".format(name, attr), member


@pytest.mark.parametrize("name", TASKS)
def test_every_docstring(name):
    """The module and each class, method and function have a docstring."""
    for what, obj in documented(task(name)):
        doc = obj.__doc__
        assert doc and doc.strip(), "{}: {} has no docstring".format(
            name, what)


@pytest.mark.parametrize("name", TASKS)
def test_imports_only_numpy(name):
    """A task file's only import is `import numpy as np`."""
    with open(os.path.join(ROOT, name + ".py")) as f:
        tree = ast.parse(f.read())
    imports = [ast.unparse(node) for node in ast.walk(tree)
               if isinstance(node, (ast.Import, ast.ImportFrom))]
    assert imports == ["import numpy as np"], (
        "{}: imports {}, only `import numpy as np` allowed".format(
            name, imports))
