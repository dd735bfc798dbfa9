"""style: the README's house rules, on the submitted file.

pycodestyle (default settings) reports nothing; the first line is exactly
#!/usr/bin/env python3; the file ends with a newline; the module and every
class, method and function it defines have a docstring (read through
__doc__, in a worker, and in its text); the only import is numpy. A file
that is not executable is reported as advice and costs nothing: the bit is
a property of how the file arrived (an upload, a zip), not of its code.

pycodestyle and the syntax tree read the file's text in the judge; neither
runs it.
"""
import ast
import stat

import pycodestyle
import pytest

from judge.contract.tasks import TASK, TASKS
from judge.failures import fail, one_line

pytestmark = pytest.mark.style
SHEBANG = "#!/usr/bin/env python3\n"


class Problems(pycodestyle.BaseReport):
    """A pycodestyle report that keeps what it finds."""

    def __init__(self, options):
        """Start with no problem."""
        super().__init__(options)
        self.found = []

    def error(self, line_number, offset, text, check):
        """Keep (line, column, message) of each problem reported."""
        code = super().error(line_number, offset, text, check)
        if code:
            self.found.append((line_number, offset + 1, text))
        return code


def pycodestyle_problems(text, name):
    """(line, column, message) of what pycodestyle's defaults report."""
    guide = pycodestyle.StyleGuide(parse_argv=False, config_file=False,
                                   reporter=Problems)
    checker = pycodestyle.Checker(name, lines=text.splitlines(True),
                                  options=guide.options,
                                  report=guide.init_report(Problems))
    checker.check_all()
    return checker.report.found


# what to do about the pycodestyle codes students meet most
HINTS = {
    "E741": "l, O and I look like 1 and 0, so pycodestyle rejects them as "
            "names: call the layer count something else, such as n_layers",
    "E501": "break the line inside brackets, or give a part of the "
            "expression a name of its own",
    "W291": "remove the spaces at the end of the line",
    "W293": "remove the spaces on the blank line",
    "E302": "leave two blank lines before a top-level def or class",
    "E305": "leave two blank lines after a function or class, before the "
            "code that follows it",
    "W391": "end the file with one newline, without blank lines",
}


# E501 on a line that is only a comment
LONG_COMMENT = "split the comment over two lines, or say it shorter"
# the other problems named after the first, at most
OTHERS = 5


@pytest.mark.parametrize("task", TASKS)
def test_pycodestyle(task, judge):
    """pycodestyle (default settings) reports nothing; the first problem
    is said with what to do about it, the next few by line and code."""
    text = judge.text(task)
    found = pycodestyle_problems(text, task + ".py")
    if any(said.startswith(("E901", "E902")) for _, _, said in found):
        fail("{}.py does not parse, so pycodestyle cannot read it: fix the "
             "syntax error first".format(task))
    if found:
        line, column, message = found[0]
        code = message.split(" ", 1)[0]
        hint = HINTS.get(code)
        if code == "E501" and text.splitlines()[line - 1].lstrip(
                ).startswith("#"):
            hint = LONG_COMMENT
        others = ["line {} {}".format(where, said.split(" ", 1)[0])
                  for where, _, said in found[1:OTHERS + 1]]
        if len(found) > OTHERS + 1:
            others.append("...")
        fail("{}.py line {}, column {}: {} ({} problem{} in all{}){}".format(
            task, line, column, message, len(found),
            "" if len(found) == 1 else "s",
            ": also " + ", ".join(others) if others else "",
            ": " + hint if hint else ""))


@pytest.mark.parametrize("task", TASKS)
def test_file_name(task, judge):
    """The file is named as the README names it (a near miss is graded as
    its task, and costs this point)."""
    name = judge.submission.names[task]
    if name != TASK[task].file:
        fail("{} must be named {} (it was graded as {}: rename it)".format(
            name, TASK[task].file, TASK[task].file))


@pytest.mark.parametrize("task", TASKS)
def test_first_line_last_line_executable(task, judge):
    """First line #!/usr/bin/env python3 and a final newline; a file that
    is not executable gets advice, not a failure (README: House rules)."""
    text = judge.text(task)
    if not text.startswith(SHEBANG):
        fail("{}.py: the first line must be #!/usr/bin/env python3, not "
             "{!r}".format(task, one_line(text.split("\n", 1)[0], 60)))
    if not text.endswith("\n"):
        fail("{}.py: must end with a newline".format(task))
    if not judge.mode(task) & stat.S_IXUSR:
        judge.advise(task, "style", "{0}.py is not executable: uploads and "
                     "zips lose the bit, so it costs nothing here; chmod +x "
                     "{0}.py to run it as ./{0}.py".format(task))


def written_docstrings(text):
    """Whether the module and each class, method and function the text
    defines at its top has a docstring, or a `NAME.__doc__ = "..."` of
    its own, by name as the worker reports them ("" for the module,
    "Class.method")."""
    tree = ast.parse(text)
    assigned = set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(
                node.value, ast.Constant) and isinstance(node.value.value,
                                                         str):
            for target in node.targets:
                path = ast.unparse(target)
                if path.endswith(".__doc__") or path == "__doc__":
                    assigned.add(path[:-len(".__doc__")] if path.endswith(
                        ".__doc__") else "")
    found = {"": bool(ast.get_docstring(tree)) or "" in assigned}
    kinds = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
    for node in tree.body:
        if isinstance(node, kinds):
            found[node.name] = bool(ast.get_docstring(node)) or \
                node.name in assigned
            if isinstance(node, ast.ClassDef):
                for member in node.body:
                    if isinstance(member, kinds[:2]):
                        name = "{}.{}".format(node.name, member.name)
                        found[name] = bool(ast.get_docstring(member)) or \
                            name in assigned
    return found


@pytest.mark.parametrize("task", TASKS)
def test_every_docstring(task, judge):
    """The module and each class, method and function have a docstring:
    read through __doc__ in a worker, and in the file's text by the judge
    (what a worker reports is its code's to change)."""
    runtime = judge.imported(task)
    try:
        written = written_docstrings(judge.text(task))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        written = {}
    for name, documented in list(written.items()) + list(runtime.items()):
        if not documented:
            fail("{}.py: {} has no docstring".format(
                task, name or "the module"))


@pytest.mark.parametrize("task", TASKS)
def test_imports_only_numpy(task, judge):
    """A task file's only import is `import numpy as np`."""
    try:
        tree = ast.parse(judge.text(task))
    except SyntaxError as error:
        fail("{}.py does not parse: line {}: {}".format(
            task, error.lineno, error.msg))
    imports = [one_line(ast.unparse(node), 60) for node in ast.walk(tree)
               if isinstance(node, (ast.Import, ast.ImportFrom))]
    if imports != ["import numpy as np"]:
        fail("{}.py imports {}: only `import numpy as np` is allowed".format(
            task, imports))
