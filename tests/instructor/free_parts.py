"""The free parts of a task file: what the contract leaves to the writer
(tests/README.md, "Grading a class", "Similar code").

The contract fixes what each task computes, its signatures and (through
the starter's skeletons) the docstrings everyone starts from; it leaves
free the rest of the docstrings, the comments, the other string literals,
the names a writer makes up, and the layout of statements written over
several lines. Two writers who never saw each other's files rarely share
these, and a copy keeps them unless they are rewritten. Each free part
is a Piece: its kind, a key to compare it by (its text normalised, the
name, the shape of the statement), and where it is in the file, to show
it. Python's own tokenize and ast read them.
"""
import ast
import builtins
import io
import keyword
import re
import tokenize
from typing import (Dict, FrozenSet, Iterator, List, NamedTuple, Optional,
                    Set, Tuple)

DOCSTRING = "docstring"
COMMENT = "comment"
STRING = "string"
NAME = "name"
LAYOUT = "layout"
# the kinds compared by their text: a docstring line copied into a
# comment is the same text
PROSE = (DOCSTRING, COMMENT, STRING)
KINDS = PROSE + (NAME, LAYOUT)
# comments that tools ask for: the same in files that share nothing else
PRAGMA = re.compile(r"^(-\*-.*-\*-|(vim?|ex):|noqa|type:|pylint:|pragma|"
                    r"fmt:|flake8|isort:)")
# parameters every method has
IMPLIED = frozenset({"self", "cls"})
BUILTINS = frozenset(dir(builtins))


class Piece(NamedTuple):
    """A free part of a file: its kind, the key it is compared by, and the
    characters start..end of the file's text it stands for."""
    kind: str
    key: str
    start: int
    end: int

    @property
    def group(self) -> Tuple[str, str]:
        """What it is compared by: prose of any kind by its text; a name,
        a layout by themselves."""
        return ("prose" if self.kind in PROSE else self.kind, self.key)


def normal(text: str) -> str:
    """Prose as compared: lower case, one space between words, without
    Markdown's backquotes."""
    return " ".join(text.replace("`", "").split()).lower()


def offsets(text: str) -> List[int]:
    """The offset in text of each line's start (line 1 at index 1), lines
    ending at each newline as tokenize and ast count them."""
    starts = [0, 0]
    for line in text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    return starts


def column(line: str, offset: int) -> int:
    """The column, in characters, of a column ast gives in UTF-8 bytes."""
    return len(line.encode("utf-8")[:offset].decode("utf-8", "ignore"))


def string_lines(token: tokenize.TokenInfo, at: List[int]) -> Iterator[
        Tuple[str, int, int]]:
    """Each line of a string literal: (its text without quotes and prefix,
    start, end in the file)."""
    body = token.string
    quotes = re.match(r"[a-zA-Z]*('''|\"\"\"|'|\")", body)
    inner = len(quotes.group(0)) if quotes else 0
    start = at[token.start[0]] + token.start[1]
    position = 0
    for line in body.splitlines(True):
        stripped = line.rstrip("\r\n")
        left = inner if position == 0 else 0
        right = len(stripped)
        if position + len(line) >= len(body) and quotes:
            right -= len(quotes.group(1))
        words = stripped[left:max(left, right)]
        lead = len(words) - len(words.lstrip())
        if words.strip():
            yield (words, start + position + left + lead,
                   start + position + left + len(words.rstrip()))
        position += len(line)


def prose(text: str, tokens: List[tokenize.TokenInfo],
          docs: Set[Tuple[int, int]]) -> List[Piece]:
    """The docstring lines, comments and other string literals."""
    at = offsets(text)
    found = []
    for token in tokens:
        if token.type == tokenize.COMMENT:
            if token.start[0] == 1 and token.string.startswith("#!"):
                continue
            key = normal(token.string.lstrip("#"))
            if key and not PRAGMA.match(key):
                start = at[token.start[0]] + token.start[1]
                found.append(Piece(COMMENT, key, start,
                                   start + len(token.string)))
        elif token.type == tokenize.STRING:
            kind = DOCSTRING if token.start in docs else STRING
            for words, start, end in string_lines(token, at):
                found.append(Piece(kind, normal(words), start, end))
    return found


def read_tree(text: str,
              tree: ast.AST) -> Tuple[Set[Tuple[int, int]], List[Piece]]:
    """The (line, column) of each docstring of a module, class or
    function; and the names the file makes up, where each is defined:
    variables assigned, parameters, functions, classes, attributes set on
    self."""
    at = offsets(text)
    lines = text.split("\n")
    docs, names = set(), []

    def add(name, line, offset, end=False):
        # offset: ast's, in bytes; of the name's end if end
        if name not in IMPLIED and 0 < line <= len(lines):
            start = column(lines[line - 1], offset) - end * len(name)
            names.append(Piece(NAME, name, at[line] + start,
                               at[line] + start + len(name)))

    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            if isinstance(node.ctx, ast.Store):
                add(node.id, node.lineno, node.col_offset)
        elif isinstance(node, ast.arg):
            add(node.arg, node.lineno, node.col_offset)
        elif isinstance(node, ast.Attribute):
            if isinstance(node.ctx, ast.Store) and isinstance(
                    node.value, ast.Name) and node.value.id == "self" and \
                    node.end_lineno:
                add(node.attr, node.end_lineno, node.end_col_offset, True)
        elif isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef,
                               ast.AsyncFunctionDef)):
            if not isinstance(node, ast.Module):
                line = lines[node.lineno - 1]
                found = line.find(node.name, column(line, node.col_offset))
                if found >= 0:
                    add(node.name, node.lineno,
                        len(line[:found].encode("utf-8")))
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(
                    first.value, ast.Constant) and isinstance(
                    first.value.value, str):
                docs.add((first.lineno, first.col_offset))
    return docs, names


def shape(token: tokenize.TokenInfo) -> str:
    """A token as its kind: names n, numbers 0, strings s; keywords and
    operators as written."""
    if token.type == tokenize.NAME:
        return token.string if keyword.iskeyword(token.string) else "n"
    if token.type == tokenize.NUMBER:
        return "0"
    if token.type == tokenize.STRING:
        return "s"
    return token.string


def layouts(text: str, tokens: List[tokenize.TokenInfo]) -> List[Piece]:
    """Statements written over several lines, by their shape: where the
    lines break and how the continuation lines are indented, with every
    name n, number 0, string s and the spaces as written. A statement that
    is a string alone (a docstring) is not one."""
    at = offsets(text)
    found = []
    statement: List[tokenize.TokenInfo] = []
    skip = (tokenize.COMMENT, tokenize.NL, tokenize.INDENT, tokenize.DEDENT,
            tokenize.ENCODING)
    for token in tokens:
        if token.type in (tokenize.NEWLINE, tokenize.ENDMARKER):
            rows = {t.start[0] for t in statement}
            if len(rows) > 1 and not (len(statement) == 1 and statement[
                    0].type == tokenize.STRING):
                lines, previous = [], None
                indent = statement[0].start[1]
                for one in statement:
                    if previous is None or one.start[0] != previous.end[0]:
                        lines.append(" " * max(0, one.start[1] - indent))
                    else:
                        lines[-1] += " " * (one.start[1] - previous.end[1])
                    lines[-1] += shape(one)
                    previous = one
                first, last = statement[0], statement[-1]
                found.append(Piece(LAYOUT, "\n".join(lines),
                                   at[first.start[0]] + first.start[1],
                                   at[last.end[0]] + last.end[1]))
            statement = []
        elif token.type not in skip:
            statement.append(token)
    return found


def parse(text: str) -> Optional[ast.Module]:
    """The syntax tree of a file, or None if Python cannot read it."""
    try:
        return ast.parse(text)
    except (SyntaxError, ValueError):
        return None


def pieces(text: str, tree: Optional[ast.Module] = None) -> List[Piece]:
    """Every free part of a file (tree: its parse(), if made). A file
    that Python cannot read gives what tokenize reads before it stops (no
    names, no docstrings told from other strings)."""
    tokens: List[tokenize.TokenInfo] = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            tokens.append(token)
    except (tokenize.TokenError, SyntaxError):
        pass
    tree = tree or parse(text)
    if tree is None:
        return prose(text, tokens, set())
    docs, names = read_tree(text, tree)
    return prose(text, tokens, docs) + names + layouts(text, tokens)


def words(text: str) -> FrozenSet[str]:
    """The identifiers a text uses (a README's, a skeleton's)."""
    return frozenset(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", text))


class Contract(NamedTuple):
    """What the contract gives every writer: the prose and names of the
    skeletons, of this repository's task files and of its README. A
    piece found there is not evidence."""
    # keys (Piece.group) of the skeletons' free parts, and of the
    # repository's task files'
    skeletons: FrozenSet[Tuple[str, str]]
    repository: FrozenSet[Tuple[str, str]]
    # identifiers the README and the skeletons use, and those the task
    # files use
    names: FrozenSet[str]
    repository_names: FrozenSet[str]
    # the README's prose, normalised: a line of a docstring or comment
    # quoted from it is the contract's
    readme: str

    def given(self, piece: Piece, repository: bool = True) -> bool:
        """Whether piece is the contract's: in a skeleton, in this
        repository's task files (unless repository is False: when a file
        is compared with them), quoted from the README, or a name they
        use or Python's."""
        if piece.group in self.skeletons or (
                repository and piece.group in self.repository):
            return True
        if piece.kind in PROSE:
            return piece.key in self.readme
        if piece.kind == NAME:
            return piece.key in BUILTINS or piece.key in self.names or (
                repository and piece.key in self.repository_names)
        return False


def contract(skeletons: Dict[str, str], repository: Dict[str, str],
             readme: str) -> Contract:
    """The Contract of these skeletons and task files ({task: text}) and
    README text."""
    return Contract(
        frozenset(p.group for text in skeletons.values()
                  for p in pieces(text)),
        frozenset(p.group for text in repository.values()
                  for p in pieces(text)),
        words(readme).union(*map(words, skeletons.values())),
        frozenset().union(*map(words, repository.values())),
        normal(readme.replace("*", "")))
