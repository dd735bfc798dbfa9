"""Independent writers and planted copies: the known truth that the
similar-code comparison (tests/instructor/similarity.py) is calibrated on.

The independent writers never saw each other's files: this repository's
task files (the reference), plain/ and the four students of
students/correct/. A planted copy is a writer's file changed as a student
who copies hides it, in one of these ways (KINDS):

    verbatim        the file as it is
    names changed   every local variable of every function renamed
    text rewritten  comments dropped, every docstring rewritten
    reordered       the functions and methods in reverse order
    disguised       names changed and text rewritten
"""
import ast
import io
import os
import re
import tokenize
from typing import Callable, Dict, List, Set, Tuple

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
WRITERS = {"plain": os.path.join(HERE, "plain")}
WRITERS.update({name: os.path.join(HERE, "students", "correct", name)
                for name in ("anna", "bilal", "chen", "dana")})


def read(path: str) -> str:
    """A file's text."""
    with open(path, encoding="utf-8") as f:
        return f.read()


def writer(name: str, tasks: Tuple[str, ...]) -> Dict[str, str]:
    """{task: text} of an independent writer: "reference" (this
    repository's task files) or one of WRITERS."""
    folder = ROOT if name == "reference" else WRITERS[name]
    return {task: read(os.path.join(folder, task + ".py")) for task in tasks}


def locals_of(function: ast.FunctionDef) -> Set[str]:
    """The names a function assigns that are not its parameters."""
    arguments = function.args
    parameters = {a.arg for a in arguments.posonlyargs + arguments.args +
                  arguments.kwonlyargs}
    parameters |= {a.arg for a in (arguments.vararg, arguments.kwarg) if a}
    return {node.id for node in ast.walk(function)
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store)
            } - parameters


def rename_locals(text: str, tag: str = "") -> str:
    """Every local variable of every function renamed (q1, q2, ... in the
    order they first appear), its parameters and everything else as they
    were."""
    tree = ast.parse(text)
    lines = text.split("\n")
    used = set(re.findall(r"\w+", text))
    spots: List[Tuple[int, int, str]] = []
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef):
            names = locals_of(function)
            spots += [(node.lineno, node.col_offset, node.id)
                      for node in ast.walk(function)
                      if isinstance(node, ast.Name) and node.id in names]
    new: Dict[str, str] = {}
    for _, _, name in sorted(set(spots)):
        if name not in new:
            count = len(new) + 1
            while "q{}".format(count) in used:
                count += 1
            new[name] = "q{}".format(count)
            used.add(new[name])
    for line, column, name in sorted(set(spots), reverse=True):
        # column is in bytes: the files' code lines are ASCII
        was = lines[line - 1]
        assert was[column:column + len(name)] == name
        lines[line - 1] = was[:column] + new[name] + was[column + len(name):]
    return "\n".join(lines)


def rewrite_text(text: str, tag: str) -> str:
    """Comments dropped (a line that held only a comment goes) and every
    docstring rewritten in words of the copier's own (tag tells copiers
    apart)."""
    tree = ast.parse(text)
    docs = []
    for node in [tree] + [n for n in ast.walk(tree) if isinstance(
            n, (ast.FunctionDef, ast.ClassDef))]:
        first = node.body[0] if node.body else None
        if isinstance(first, ast.Expr) and isinstance(
                first.value, ast.Constant) and isinstance(
                first.value.value, str):
            docs.append((first.lineno, first.col_offset, first.end_lineno,
                         first.end_col_offset, getattr(node, "name", tag)))
    lines = text.split("\n")
    for first, column, last, end, name in sorted(docs, reverse=True):
        lines[first - 1:last] = [
            lines[first - 1][:column] + '"""{} as {} wrote it."""'.format(
                name.capitalize(), tag) + lines[last - 1][end:]]
    text = "\n".join(lines)
    comments = {token.start[0]: token.start[1] for token in
                tokenize.generate_tokens(io.StringIO(text).readline)
                if token.type == tokenize.COMMENT and
                not token.string.startswith("#!")}
    kept = []
    for number, line in enumerate(text.split("\n"), 1):
        if number in comments:
            line = line[:comments[number]].rstrip()
            if not line:
                continue
        kept.append(line)
    return "\n".join(kept)


def reorder(text: str, tag: str = "") -> str:
    """The functions of the module, and the methods of each class, in
    reverse order (with the lines between them kept in place)."""
    tree = ast.parse(text)
    lines = text.split("\n")
    blocks = []
    for body in [tree.body] + [node.body for node in tree.body
                               if isinstance(node, ast.ClassDef)]:
        spans = [(node.lineno - len(node.decorator_list), node.end_lineno)
                 for node in body
                 if isinstance(node, (ast.FunctionDef, ast.ClassDef))]
        if len(spans) > 1:
            blocks.append(spans)
    for spans in sorted(blocks, key=lambda spans: -spans[0][0]):
        parts = [lines[first - 1:last] for first, last in spans]
        gaps = [lines[spans[k][1]:spans[k + 1][0] - 1]
                for k in range(len(spans) - 1)]
        parts.reverse()
        new: List[str] = []
        for k, part in enumerate(parts):
            new += part + (gaps[k] if k < len(gaps) else [])
        lines[spans[0][0] - 1:spans[-1][1]] = new
    return "\n".join(lines)


KINDS: Dict[str, Callable[[str, str], str]] = {
    "verbatim": lambda text, tag: text,
    "names changed": rename_locals,
    "text rewritten": rewrite_text,
    "reordered": reorder,
    "disguised": lambda text, tag: rewrite_text(rename_locals(text), tag),
}


def plant(text: str, kind: str, tag: str) -> str:
    """A copy of text of the given kind, by the copier tag."""
    return KINDS[kind](text, tag)


def write_class(folder: str, files: Dict[str, Dict[str, str]]) -> List[str]:
    """Write {name: {task: text}} as folder/name/task.py: the names."""
    for name, tasks in files.items():
        os.makedirs(os.path.join(folder, name))
        for task, text in tasks.items():
            with open(os.path.join(folder, name, task + ".py"), "w",
                      encoding="utf-8") as f:
                f.write(text)
    return sorted(files)


def measure() -> None:
    """Print the rates tests/README.md gives (Similar code): pairs of
    independent writers flagged, and for each kind of planted copy the
    tasks on which each copy is flagged with its writer (the reference's
    copies: with this repository's files)."""
    import shutil
    import sys
    import tempfile
    sys.path.insert(0, os.path.dirname(HERE))
    from judge.contract.tasks import TASKS
    from instructor import similarity
    names = sorted(WRITERS)
    base = {name: writer(name, TASKS) for name in names}
    place = tempfile.mkdtemp(prefix="planted-")
    try:
        folder = os.path.join(place, "independent")
        found = similarity.compare(folder, write_class(folder, base))
        print("independent writers: {} of {} pairs of submissions and {} of "
              "{} with this repository's files flagged ({:.1f} s)".format(
                  len(found.by_pair()), len(names) * (len(names) - 1) // 2,
                  len({m.name for m in found.known}), len(names),
                  found.seconds))
        for kind in KINDS:
            files = dict(base)
            files.update({"copy-" + name: {task: plant(text, kind, name)
                                           for task, text in tasks.items()}
                          for name, tasks in base.items()})
            files["copy-reference"] = {
                task: plant(text, kind, "reference")
                for task, text in writer("reference", TASKS).items()}
            folder = os.path.join(place, kind.replace(" ", "-"))
            found = similarity.compare(folder, write_class(folder, files))
            hits = {(m.task, m.name.replace("copy-", "")) for m in found.pairs
                    if m.name.replace("copy-", "") == m.other.replace(
                        "copy-", "")}
            hits |= {(m.task, "reference") for m in found.known
                     if m.name == "copy-reference"}
            row = []
            for name in names + ["reference"]:
                missed = [str(TASKS.index(task)) for task in TASKS
                          if (task, name) not in hits]
                row.append("{} {}{}".format(name, len(TASKS) - len(missed), (
                    " (not " + ", ".join(missed) + ")") if missed else ""))
            wrong = len(found.pairs) + len(found.known) - len(hits)
            print("{:15} tasks flagged of {}: {}; other flags: {}".format(
                kind, len(TASKS), ", ".join(row), wrong))
    finally:
        shutil.rmtree(place, ignore_errors=True)


if __name__ == "__main__":
    measure()
