"""The red team (redteam.py): hostile submissions graded at every level of
protection this machine offers, and what must hold at each
(tests/README.md: What the judge protects).

At every level: the honest verdict of each attack (its points, and what
its checks say it found: nothing, where the level promises it); no line
of this repository's solutions in anything the judge printed or wrote;
results.json the judge's, and the same 2 s after the grading; no process
of the grading left, no control group; the judge never blocked (only
processes only lets a submission stop its judge, and it is resumed).
Where a level promises it (all but processes only): no file planted
outside the worker's own /tmp, nothing of the solutions sent out.
"""
import json
import os
import re

import pytest

from redteam import ROOT, TASKS, distinct_lines, leaked, world_readable

# Without namespaces (the level user), a worker reads what nobody may
# read: this repository's checkout too, if its folders let anyone in (the
# Gradescope bundle's do not: run_autograder makes them root's). Then an
# attack finds it through the command lines above it.
CHECKOUT_READABLE = world_readable(os.path.join(ROOT, "0-rnn_cell.py"))

# (submission, task) -> {level or "*": (points, what its outputs say)}
# the largest memory of a judge's own process, in MB
JUDGE_MB = 400
EXPECTED = {
    ("intake", "0-rnn_cell"): {"*": (0, r"0-rnn_cell\.py is a symbolic "
                                        r"link: submit the file itself")},
    ("intake", "1-rnn"): {"*": (0, r"1-rnn\.py is a symbolic link")},
    ("intake", "2-gru_cell"): {"*": (0, r"2-gru_cell\.py is a symbolic")},
    ("intake", "3-lstm_cell"): {"*": (0, r"3-lstm_cell\.py is a symbolic")},
    ("intake", "4-deep_rnn"): {"*": (0, r"4-deep_rnn\.py is a FIFO")},
    ("intake", "5-bi_forward"): {"*": (0, r"5-bi_forward\.py is a folder")},
    ("intake", "6-bi_backward"): {"*": (0, r"6-bi_backward\.py is a hard "
                                           r"link")},
    ("intake", "7-bi_output"): {"*": (0, r"7-bi_output\.py is larger than "
                                         r"1024 KB")},
    ("intake", "8-bi_rnn"): {"*": (0, r"8-bi_rnn \(1\)\.py and 8_bi_rnn\.py "
                                      r"claim task 8-bi_rnn")},
    ("intake", "9-rnn_backward"): {"*": (10, "")},
    ("loot", "0-rnn_cell"): {"*": (0, r"0-rnn_cell\.py was not submitted")},
    ("intake", "10-lstm_backward"): {"*": (0, r"10-lstm_backward\.py is a "
                                              r"symbolic link")},
    ("loot", "1-rnn"): {"*": (9, r"LOOT nothing")},
    ("loot", "4-deep_rnn"): {"*": (9, r"xxxxxxxxxx has no docstring")},
    ("loot", "8-bi_rnn"): {"*": (9, r"LOOT nothing")},
    ("loot", "9-rnn_backward"): {"*": (
        9, r"ANSWERS no such call of a stand-in \| no such call of a "
        r"stand-in \| rnn\(rnn_cell, X, h_0\): the arrays given are too "
        r"large for the judge to compute \| h_prev must be an array of "
        r"numbers")},
    ("loot", "10-lstm_backward"): {
        "namespaces": (9, r"REACHED nothing"),
        "userns": (9, r"REACHED nothing"),
        "*": (9, r"REACHED ((?!uid 0\)).)*$")},
    ("forge", "0-rnn_cell"): {"*": (0, r"h_next: first differs")},
    ("forge", "1-rnn"): {"*": (9, "")},
    ("forge", "2-gru_cell"): {"*": (9, "")},
    ("forge", "4-deep_rnn"): {"processes": (9, r"SHOWN (?!nothing)"),
                              "user": (9, r"SHOWN (?!nothing)" if
                                       CHECKOUT_READABLE else
                                       r"SHOWN nothing"),
                              "*": (9, r"SHOWN nothing")},
    ("forge", "8-bi_rnn"): {"*": (0, r"printed more than 1 MB during the "
                                     r"import of 8-bi_rnn\.py")},
    ("forge", "9-rnn_backward"): {"*": (0, r"does not import: the import of "
                                           r"9-rnn_backward\.py raised "
                                           r"ValueError")},
    ("forge", "10-lstm_backward"): {"*": (0, r"took longer than 5 s")},
    ("hog", "5-bi_forward"): {"processes": (0, ""), "*": (9, "")},
    ("hog", "6-bi_backward"): {"processes": (0, ""),
                               "*": (9, r"HELD (\d+) MB")},
    ("hog", "7-bi_output"): {"processes": (0, ""), "*": (
        9, r"FORKED (\d+)|started more than 32 processes")},
    ("hog", "0-rnn_cell"): {"processes": (0, r"the verdict is void: the "
                                             r"repository's files changed"),
                            "*": (9, "")},
    ("hog", "3-lstm_cell"): {"processes": (0, ""), "*": (9, "")},
    ("neighbours", "1-rnn"): {"*": (9, r"NEIGHBOURS nothing")},
    ("breach", "0-rnn_cell"): {"*": (9, r"KEYS read nothing; added "
                                        r"Operation not permitted")},
    ("breach", "1-rnn"): {"*": (9, r"sent more bytes than one reply")},
    ("breach", "2-gru_cell"): {"*": (9, r"LEFT")},
    ("breach", "3-lstm_cell"): {"*": (9, r"NESTED covers \[\]; no nested "
                                         r"namespace")},
    ("breach", "4-deep_rnn"): {"*": (9, "")},
    ("breach", "8-bi_rnn"): {"*": (0, r"made a stand-in's call before "
                                      r"reading the answer to the last")},
    ("breach", "9-rnn_backward"): {"*": (0, r"too large for the judge to "
                                            r"compute")},
    ("breach", "10-lstm_backward"): {"*": (9, "")},
    ("mimicry", "0-rnn_cell"): {"*": (0, r"cannot be sent|could not be "
                                         r"read|an array of")},
    ("mimicry", "1-rnn"): {"*": (9, r"FLOOD ValueError: RNNCell\.forward"
                                    r"\(h_prev, x_t\): the arrays given "
                                    r"are too large")},
    ("mimicry", "2-gru_cell"): {"*": (9, "")},
    ("mimicry", "5-bi_forward"): {"*": (0, r"raised ValueError: not "
                                           r"graded")},
    ("mimicry", "6-bi_backward"): {"*": (9, r"PINNED -1 MB")},
    ("mimicry", "7-bi_output"): {"*": (9, "")},
    ("mimicry", "8-bi_rnn"): {"*": (9, r"undocumented has no docstring")},
}


def expected(submission, task, level):
    """(points, pattern) expected of a task of a red-team submission at
    level (a task it does not submit: no points)."""
    found = EXPECTED.get((submission, task), {"*": (0, "")})
    return found.get(level, found.get("*"))


def entries(verdict):
    """{task: [tests]} of a results.json."""
    found = {}
    for test in verdict["tests"]:
        found.setdefault(test["extra_data"]["task"], []).append(test)
    return found


def runs_of(red_team):
    """(level, run) of every red-team grading."""
    return [(level, run) for level, report in sorted(red_team.items())
            for run in report["runs"]]


def test_every_level_this_machine_offers_was_tried(red_team):
    """As root, the four levels; as another user, at least one."""
    levels = set(red_team)
    if os.geteuid() == 0:
        assert levels == {"namespaces", "user", "userns", "processes"}
    assert levels


@pytest.mark.parametrize("task", TASKS)
def test_each_attack_gets_its_honest_verdict(task, red_team):
    """Each attack's task earns the points its code deserves, and its
    checks say what it found (nothing, where the level promises it)."""
    for level, run in runs_of(red_team):
        if run["submission"] in ("names", "linked", "course"):
            continue
        verdict = run["verdict"]
        assert verdict is not None, (level, run["submission"],
                                     run["printed"][-2000:])
        tests = entries(verdict).get(task, [])
        points, pattern = expected(run["submission"], task, level)
        assert sum(test["score"] for test in tests) == points, (
            level, run["submission"], task,
            [test["output"][:300] for test in tests])
        said = "\n".join(test["output"] for test in tests)
        assert re.search(pattern, said, re.M), (
            level, run["submission"], task, pattern, said[:1500])


def test_no_grading_leaks_blocks_or_leaves_anything(red_team):
    """No line of the solutions in what a judge printed or wrote, nor a
    character that rewrites a terminal or a page; the verdict the
    judge's, unchanged after it ended; no process and no
    control group left; no judge blocked. Processes only: a submission
    can stop its judge (which the runner resumes), and its processes may
    outlive the grading (a fork hopper, which the runner kills)."""
    for level, run in runs_of(red_team):
        where = (level, run["submission"])
        assert run["leaked"] == [] or level in (
            ("processes", "user") if CHECKOUT_READABLE else
            ("processes",)) and run["submission"] == "forge", where
        assert run["status"] not in (-9, None), where
        assert run["left"] == [] or level == "processes", where
        assert run["groups"] == [], where
        assert run["later"] == run["verdict"], where
        assert run["stopped"] == (level == "processes" and
                                  run["submission"] == "hog"), where
        assert "FAKE" + red_team[level]["mark"] not in json.dumps(
            run["verdict"]), where
        # no character that rewrites a terminal or a page (names' file
        # names hold two)
        shown = run["printed"] + json.dumps(run["verdict"],
                                            ensure_ascii=False)
        assert not re.search("[\x1b\u202e]", shown), where


def test_nothing_is_planted_where_the_level_promises_it(red_team):
    """No file of the attacks outside the worker's own /tmp: not in
    site-packages (a .pth), /tmp, /dev/shm, /var/tmp, /run/lock, this
    repository or the submissions; processes only lets a worker write
    where its user may: the folders that any user may write to, and a
    repository that user owns (hog: the verdict is then void)."""
    for level, run in runs_of(red_team):
        if level == "processes":
            assert run["planted"] or run["submission"] != "hog", level
            continue
        assert run["planted"] == [], (level, run["submission"])


def test_what_is_sent_out_holds_no_solution(red_team):
    """With namespaces, nothing reaches the listener (no network); without
    them, what the attacks send holds no line of the solutions, but at
    processes only, where the worker reads them (and at the level user
    where this checkout lets anyone in)."""
    lines = distinct_lines()
    for level, report in red_team.items():
        received = "\n".join(report["received"])
        if level in ("namespaces", "userns"):
            assert received == "", level
        elif level == "user" and not CHECKOUT_READABLE:
            assert received and leaked(received, lines) == []
        else:
            assert received and leaked(received, lines), level


def test_memory_and_processes_are_bounded_together(red_team):
    """With a control group (as root), four processes hold at most the
    grading's memory together; without one, each process is bounded
    alone. A fork bomb's processes stay within the limit everywhere."""
    for level, run in runs_of(red_team):
        if run["submission"] != "hog" or level == "processes":
            continue  # (processes only: the verdict is void, see above)
        said = json.dumps(run["verdict"])
        held = int(re.search(r"HELD (\d+) MB", said).group(1))
        if level in ("namespaces", "user"):
            assert "a control group" in run["verdict"]["extra_data"][
                "sandbox"], (level, run["verdict"]["extra_data"])
            # (a group of 512 MB: two of the four processes of 200 MB)
            assert held <= 400, (level, held)
        # the bomb ends where forks fail, or where the judge sees more
        # processes than its limit and kills the worker
        for forked in re.findall(r"FORKED (\d+)", said):
            assert int(forked) <= 64, (level, forked)


def test_the_judges_own_memory_stays_small(red_team):
    """The judge computes the stand-ins' calls in a process of its own,
    under the workers' limit, and keeps no reply larger than the
    expected arrays: asked for gigabytes (mimicry), the judge's process
    stays below JUDGE_MB."""
    for level, run in runs_of(red_team):
        where = (level, run["submission"], run["memory"])
        assert 0 < run["memory"] <= JUDGE_MB, where


def test_names_cannot_forge_the_judges_lines(red_team):
    """A submission's file names, and a folder given as a link or holding
    a link to this repository: nothing graded, every name escaped, no
    line that reads as the judge's total."""
    runs = {run["submission"]: run for _, run in runs_of(red_team)
            if run["level"] == "namespaces"}
    if not runs:
        pytest.skip("the level namespaces was not tried here")
    names = runs["names"]["printed"]
    assert "it holds \\n\\ntotal" in names and "\\x1b[2J\\u202e" in names
    for run in runs.values():
        for line in run["printed"].splitlines():
            assert not re.match(r"\s*total\s.*110\s*[/\u2215]\s*110",
                                line), (run["submission"], line)
    assert "is a symbolic link: give the folder itself" in \
        runs["linked"]["printed"]
    assert "it holds supervised_learning" in runs["course"]["printed"]
    assert all(run["verdict"]["score"] == 0 for name, run in runs.items()
               if name in ("names", "linked", "course"))
