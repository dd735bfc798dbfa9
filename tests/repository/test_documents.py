"""The documents: README.md for students, tests/README.md for instructors,
main/README.md for the demos, tests/BENCHMARK.md for speed. Every relative
Markdown link and every #anchor in them resolves (anchors as GitHub makes
them from headings), and README.md stays short."""
import os
import re

import pytest

from judge.contract.tasks import ROOT

DOCUMENTS = ["README.md", "tests/README.md", "main/README.md",
             "tests/BENCHMARK.md"]
README_LINES = 400

FENCE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.MULTILINE | re.DOTALL)
CODE = re.compile(r"`[^`]*`")
LINK = re.compile(r"(?<!\\)\[([^\]]*)\]\(([^()\s]*)\)")
HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$", re.MULTILINE)


def read(name):
    """The text of a file of this repository."""
    with open(os.path.join(ROOT, name), encoding="utf-8") as f:
        return f.read()


def prose(text):
    """text without its fenced code blocks and inline code spans, which
    hold neither headings nor links."""
    return CODE.sub("", FENCE.sub("", text))


def anchor(heading):
    """GitHub's anchor of a heading: its text lowercased, punctuation
    dropped (all but letters, digits, spaces, hyphens and underscores),
    each space a hyphen."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)
    text = re.sub(r"[^\w\- ]", "", text.lower())
    return text.replace(" ", "-")


def anchors(text):
    """The anchors of a document's headings; a repeated one gets -1, -2,
    ... as on GitHub."""
    found, seen = set(), {}
    for heading in HEADING.findall(FENCE.sub("", text)):
        name = anchor(heading)
        if name in seen:
            seen[name] += 1
            name = "{}-{}".format(name, seen[name])
        else:
            seen[name] = 0
        found.add(name)
    return found


def links(text):
    """The targets of a document's Markdown links, in order."""
    return [target for _, target in LINK.findall(prose(text))]


def broken(name):
    """The links of a document that do not resolve, with why."""
    wrong = []
    for target in links(read(name)):
        if re.match(r"[a-z][a-z0-9+.-]*:", target):
            continue  # a URL: not this repository's
        path, _, fragment = target.partition("#")
        if path:
            full = os.path.normpath(os.path.join(
                ROOT, os.path.dirname(name), path))
            inside = os.path.relpath(full, ROOT)
            if inside.startswith(os.pardir) or not os.path.exists(full):
                wrong.append((target, "no such file"))
                continue
        else:
            inside = name
        if fragment and (not inside.endswith(".md") or
                         fragment not in anchors(read(inside))):
            wrong.append((target, "no such heading in " + inside))
    return wrong


def test_anchors_are_githubs():
    """Lowercase, punctuation dropped, spaces as hyphens; a repeated
    heading numbered."""
    assert anchor("When a task fails: the feedback") == \
        "when-a-task-fails-the-feedback"
    assert anchor("What changed, and what each form buys") == \
        "what-changed-and-what-each-form-buys"
    assert anchor("Backpropagation through time (tasks 9 and 10)") == \
        "backpropagation-through-time-tasks-9-and-10"
    assert anchor("Layout of tests/") == "layout-of-tests"
    assert anchor("Re-grading") == "re-grading"
    assert anchors("# A\n\n```\n# not a heading\n```\n## A\n## B c\n") == \
        {"a", "a-1", "b-c"}


def test_links_are_found_outside_code_only():
    """A link may break across lines; code spans and blocks hold none."""
    text = ("See [When a task\nfails](#when-a-task-fails-the-feedback), "
            "`[h_prev, x_t](m, h + i)`, and\n\n```\n[x](nowhere.md)\n```\n"
            "[the guide](tests/README.md).\n")
    assert links(text) == ["#when-a-task-fails-the-feedback",
                           "tests/README.md"]


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_link_resolves(name):
    """Every relative link names a file of this repository, and every
    #anchor a heading of its document."""
    assert links(read(name)), name + " links to nothing"
    assert broken(name) == []


def test_the_documents_link_each_other():
    """The README leads to the instructor's guide, the demos and the
    benchmark; each of those back to the README."""
    readme = set(links(read("README.md")))
    assert {"tests/README.md", "main/README.md", "tests/BENCHMARK.md",
            "tests/README.md#grading-a-class"} <= readme
    assert "../README.md" in links(read("tests/README.md"))
    assert "../README.md#doing-the-exercises" in links(
        read("main/README.md"))
    assert "../README.md#house-rules" in links(read("tests/BENCHMARK.md"))


def test_readme_is_short():
    """README.md, the student's, holds at most 400 lines."""
    assert len(read("README.md").splitlines()) <= README_LINES
