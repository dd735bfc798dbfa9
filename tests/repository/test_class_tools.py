"""The instructor's tools (tests/instructor/) on verdicts made here: the
typed reading of results.json, the roster, grades.csv, pseudonyms, the
class overview, the student's feedback, near-copies and the report.

The same tools on a class graded by the judge are checked in
test_class_report.py.
"""
import csv
import html
import os
import re
import shutil

import pytest

from judge.contract.tasks import ROOT, TASKS
from judge.verdict import Verdict
from instructor import feedback, ledger, overview, report, roster
from instructor import similarity, table
import planted
from instructor.verdicts import from_json

PLAIN = os.path.join(ROOT, "tests", "repository", "plain")


def entry_json(task, kind, passed, checks, lines=(), diagnosis=None,
               hints=None, submitted=True, points=None, started=None):
    """One test of a results.json, as tests/judge/verdict.py writes it
    (hints and started only when given: older files have neither)."""
    failed = passed < checks or not submitted or started is False
    most = {"results": 9, "style": 1}.get(kind, 0)
    data = {"task": task, "kind": kind, "passed": passed, "checks": checks,
            "submitted": submitted, "diagnosis": diagnosis}
    if hints is not None:
        data["hints"] = hints
    if started is not None:
        data["started"] = started
    # as the judge colours them for Gradescope: a kind of no points is
    # advice, "passed" whatever its checks
    return {"name": "{}: {}".format(task, kind),
            "score": most if points is None and not failed else points or 0,
            "max_score": most, "status": "failed" if failed and most else
            "passed",
            "output": "\n".join(lines), "visibility": "visible",
            "extra_data": data}


def verdict(*tests):
    """A results.json of the given tests, every other task and kind
    passing."""
    given = {(t["extra_data"]["task"], t["extra_data"]["kind"]) for t in
             tests}
    every = list(tests) + [entry_json(task, kind, 4, 4) for task in TASKS
                           for kind in ("results", "style")
                           if (task, kind) not in given]
    return {"score": sum(t["score"] for t in every),
            "execution_time": 3.2, "output": "Grading /tmp/x (seed 5)",
            "tests": every}


GRU = entry_json("2-gru_cell", "results", 9, 21, [
    "2-main line 321, number 1: printed -0.05378253, expected 0.23630278",
    "2-gru_cell (m1_o1) h_next: first differs at (0, 0): got 0.84492, "
    "expected 0.96647 (2 of 2 entries differ)"],
    "the update gate blends the wrong way round: h_next = z * h_prev + "
    "(1 - z) * h_cand")
DEEP = entry_json("4-deep_rnn", "results", 15, 17, [
    "deep_rnn(rnn_cells, X, h_0) raised UnboundLocalError at line 28 "
    "(in deep_rnn): local variable 'y' referenced before assignment",
    "File /tmp/judge-worker-xy12/4-deep_rnn.py, line 28"],
    hints=["deep_rnn fails only with one layer (l = 1): UnboundLocalError "
           "at line 28"])
PLAIN_SOFTMAX = entry_json("0-rnn_cell", "robustness", 3, 5, [
    "RNNCell.forward(h_prev, x_t) raised FloatingPointError at line 21 (in "
    "forward): overflow encountered in exp"],
    "a plain softmax, exp(z) / sum(exp(z)), overflows for large inputs: "
    "subtract each row's maximum first")
ERRORS = entry_json("1-rnn", "errors", 1, 4, [
    "rnn(rnn_cell, X, h_0) with X 2-D: the ValueError's message 'not "
    "enough values to unpack (expected 3, got 2)' does not name X"])


def test_a_verdict_reads_as_typed_entries():
    """Scores, counts, the diagnosis and the hints of each entry; absent
    hints read as none; robustness and errors are tallied over the
    submitted tasks only."""
    graded = from_json("ana", verdict(
        GRU, DEEP, PLAIN_SOFTMAX, ERRORS,
        entry_json("3-lstm_cell", "robustness", 0, 7, submitted=False)))
    gru = graded.entry("2-gru_cell", "results")
    assert (gru.score, gru.max_score, gru.passed, gru.checks) == (0, 9, 9, 21)
    assert gru.failed and gru.hints == ()
    assert gru.diagnosis.startswith("the update gate blends")
    assert graded.entry("4-deep_rnn", "results").hints == (
        "deep_rnn fails only with one layer (l = 1): UnboundLocalError at "
        "line 28",)
    assert graded.entry("0-rnn_cell", "robustness").failed
    assert not graded.entry("3-lstm_cell", "robustness").failed
    assert graded.tally("robustness") == (3, 5)
    assert graded.tally("errors") == (1, 4)
    assert graded.points("2-gru_cell") == (1, 10)
    assert graded.max_score == 110 and graded.score == 92
    assert graded.final and graded.void is None


def test_a_grading_without_verdict_or_void_is_not_final():
    """no_verdict (written by grade_class.py) and a void verdict (the
    judge's words in each test's output) are both graded again."""
    none = from_json("bo", {"score": 0, "execution_time": 9, "tests": [],
                            "no_verdict": "the judge ended with status -9"})
    assert not none.final and none.no_verdict.endswith("-9")
    void = from_json("cy", verdict(entry_json(
        "0-rnn_cell", "results", 0, 19, ["the verdict is void: "
                                         "tests/expected/0-main.txt changed"],
        points=0)))
    assert not void.final and void.void == "tests/expected/0-main.txt changed"


def test_a_void_verdict_of_the_judge_is_recognised():
    """The judge's own results.json of a void grading (judge/verdict.py)
    reads as void, with its reason."""
    judged = Verdict(["0-rnn_cell"])
    judged.collect("0-rnn_cell", "results")
    judged.void = "tests/expected/0-main.txt changed"
    graded = from_json("cy", judged.gradescope("Grading cy", 1.0))
    assert graded.void == "tests/expected/0-main.txt changed"
    assert not graded.final


def test_a_spreadsheet_roster_is_read():
    """A byte-order mark, semicolons, blank lines and short rows, as
    spreadsheet programs write them."""
    found = roster.parse("\ufefffolder;student id;e-mail\r\n\r\n"
                         "ana;0042;ana@uni.example\r\nbo;7\r\n")
    assert found.columns == ["student id", "e-mail"]
    assert found.rows == {"ana": ["0042", "ana@uni.example"],
                          "bo": ["7", ""]}
    assert found.cells("zed") == ["", ""]


@pytest.mark.parametrize("text, says", [
    ("", "is empty"),
    ("folder\nana\n", "a single column"),
    ("folder,id\nana,1\nana,2\n", "row 3: the folder ana has a row"),
    ("folder,id\n,1\n", "row 2: no folder"),
])
def test_a_roster_that_cannot_be_used_says_why(text, says):
    """Each fault is named with its row."""
    with pytest.raises(roster.RosterError, match=re.escape(says)):
        roster.parse(text, "roster.csv")


def test_a_roster_column_named_like_a_grade_is_refused():
    """A roster column called `score` would hide a grade."""
    with pytest.raises(roster.RosterError, match="'score'"):
        table.check(roster.parse("folder,id,score\nana,1,3\n"))


def test_grades_csv_has_roster_columns_first_and_no_date_like_cell(tmp_path):
    """With a roster: submission, its columns, the grades; a roster row
    without a submission has empty grades and says so; robustness and
    errors are two numbers each."""
    graded = {"ana": from_json("ana", verdict(GRU, PLAIN_SOFTMAX, ERRORS)),
              "zed": from_json("zed", verdict())}
    listed = roster.parse("folder,student id,e-mail\nana,0042,a@x\n"
                          "bo,0043,b@x\n")
    path = table.write_table(str(tmp_path), graded, listed,
                             {"zed": ["not on the roster"]})
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0])[:4] == ["submission", "student id", "e-mail",
                                 "0-rnn_cell results"]
    assert list(rows[0])[-7:] == ["robustness passed", "robustness run",
                                  "errors passed", "errors run", "score",
                                  "max_score", "note"]
    ana, bo, zed = rows
    assert (ana["submission"], ana["student id"], ana["e-mail"]) == (
        "ana", "0042", "a@x")
    assert (ana["2-gru_cell results"], ana["2-gru_cell style"]) == ("0", "1")
    assert (ana["robustness passed"], ana["robustness run"]) == ("3", "5")
    assert (ana["errors passed"], ana["errors run"]) == ("1", "4")
    assert ana["score"] == "101" and ana["note"] == ""
    assert bo["student id"] == "0043" and bo["score"] == "" and \
        bo["note"] == "no submission"
    assert zed["student id"] == "" and zed["note"] == "not on the roster"
    for row in rows:
        for value in row.values():
            assert not re.fullmatch(r"\d+\s*[/-]\s*\d+", value), value


def test_pseudonyms_are_stable_distinct_and_keyed():
    """The same key gives the same pseudonyms whatever the other names;
    another key gives others; none holds the name."""
    first = ledger.Ledger(folder="/class")
    names = ["ana", "bo", "cy", "Dana Smith"]
    found = first.pseudonyms(names)
    more = first.pseudonyms(names + ["eve"])
    assert {name: more[name] for name in names} == found
    assert len(set(found.values())) == len(names)
    assert all(re.fullmatch(r"anon-[0-9a-f]{6,}", p) for p in found.values())
    assert all(name.lower() not in p for name, p in found.items())
    again = ledger.Ledger(folder="/class", key=first.key)
    assert again.pseudonyms(names) == found
    assert ledger.Ledger(folder="/class").pseudonyms(names) != found


def test_the_ledger_keeps_what_was_graded(tmp_path):
    """class.json round-trips; a record is the same only for the same
    files, seed, limits and judge, and never after a void grading."""
    record = ledger.Ledger(folder=str(tmp_path), seed=7)
    record.records["ana"] = ledger.Record(
        files="f", seed=7, limits=["--time-limit=10.0"], judge="j",
        graded="2025-01-01T00:00:00+00:00")
    record.save(str(tmp_path))
    again = ledger.Ledger.load(str(tmp_path))
    assert again == record
    same = ledger.Record("f", 7, ["--time-limit=10.0"], "j", "later")
    assert again.records["ana"].same(same)
    assert not again.records["ana"].same(
        ledger.Record("g", 7, ["--time-limit=10.0"], "j", ""))
    assert not again.records["ana"].same(
        ledger.Record("f", 8, ["--time-limit=10.0"], "j", ""))
    assert not again.records["ana"].same(
        ledger.Record("f", 7, ["--time-limit=5.0"], "j", ""))
    assert not again.records["ana"].same(
        ledger.Record("f", 7, ["--time-limit=10.0"], "k", ""))
    again.records["ana"].final = False
    assert not again.records["ana"].same(same)
    (tmp_path / "class.json").write_text("{")
    with pytest.raises(ValueError, match="remove it"):
        ledger.Ledger.load(str(tmp_path))


def test_content_hash_follows_the_task_files_only(tmp_path):
    """Another file in the folder changes nothing; a task file's byte
    does."""
    (tmp_path / "0-rnn_cell.py").write_text("x = 1\n")
    before = ledger.content_hash(str(tmp_path))
    (tmp_path / "notes.txt").write_text("mine")
    assert ledger.content_hash(str(tmp_path)) == before
    (tmp_path / "0-rnn_cell.py").write_text("x = 2\n")
    assert ledger.content_hash(str(tmp_path)) != before


def class_of_three():
    """{name: Graded} of a small class: ana (GRU blended wrong, deep RNN
    that fails with one layer, a plain softmax), bo (the same GRU, the
    same hint at another line) and cy (full marks)."""
    other = dict(DEEP, output=DEEP["output"].replace("28", "31"))
    other["extra_data"] = dict(DEEP["extra_data"], hints=[
        "deep_rnn fails only with one layer (l = 1): UnboundLocalError at "
        "line 31"])
    return {"ana": from_json("ana", verdict(GRU, DEEP, PLAIN_SOFTMAX)),
            "bo": from_json("bo", verdict(GRU, other)),
            "cy": from_json("cy", verdict())}


def test_the_overview_counts_mistakes_and_hints_with_who():
    """Each named mistake and each hint (line numbers set aside) with the
    submissions that have it; shares of passing submissions; scores."""
    view = overview.overview(class_of_three())
    assert [(n.task, n.kind, n.names) for n in view.mistakes] == [
        ("2-gru_cell", "results", ("ana", "bo")),
        ("0-rnn_cell", "robustness", ("ana",))]
    assert [(n.text, n.names) for n in view.hints] == [(
        "deep_rnn fails only with one layer (l = 1): UnboundLocalError at "
        "line N", ("ana", "bo"))]
    gru = view.of_task("2-gru_cell").shares["results"]
    assert (gru.passed, gru.failed, gru.absent) == (1, 2, 0)
    assert view.of_task("4-deep_rnn").unexplained == ("ana", "bo")
    assert view.scores == {"ana": 92, "bo": 92, "cy": 110}
    assert view.median == 92 and view.mean == 98
    assert dict(view.histogram())["90-99"] == 2
    assert dict(view.histogram())["110"] == 1


def test_feedback_is_written_for_the_student():
    """The scoreboard, the first failures, the likely mistake, the hints,
    robustness and errors advice; the seed that replays it, and no path
    of the grader's machine."""
    graded = from_json("ana", verdict(GRU, DEEP, PLAIN_SOFTMAX, ERRORS))
    text = feedback.feedback(graded, 5151, "2025-03-01")
    assert text.startswith("# Feedback on your RNN exercises (ana)")
    assert "Your score: **92/110** (graded 2025-03-01)." in text
    assert "| 2-gru_cell | yes | 9/21 | 4/4 | - | - | 1/10 |" in text
    assert "| **total** |" in text and "**92/110** |" in text
    assert "### 2-gru_cell: results (9 of 21 checks passed)" in text
    assert "Likely mistake: the update gate blends the wrong way round" in \
        text
    assert "Hint: deep_rnn fails only with one layer (l = 1)" in text
    assert "File 4-deep_rnn.py, line 28" in text
    assert "### robustness: 3 of 5 checks passed" in text
    assert "subtract each row's maximum first" in text
    assert "### errors: 1 of 4 checks passed" in text
    assert "python3 -m pytest --submission=YOUR_FOLDER --seed=5151" in text
    assert re.findall(r"seed\S*?(\d+)", text) == ["5151"]
    assert "/tmp" not in text and ROOT not in text


def test_feedback_on_a_skeleton_and_on_no_file():
    """A task still the starter's skeleton is "not started" in the
    scoreboard and under What to fix (not its style's checks, which pass,
    nor its robustness); a submission without a task file is told so,
    not that every task it submitted passes."""
    skeleton = [entry_json("2-gru_cell", kind, passed, checks, [
        "not implemented yet: write GRUCell.__init__ in 2-gru_cell.py "
        "(task 2)"] if kind != "style" else [], started=False)
        for kind, passed, checks in (("results", 1, 21), ("style", 5, 5),
                                     ("robustness", 0, 7))]
    text = feedback.feedback(from_json("erik", verdict(*skeleton)), 5)
    assert "| 2-gru_cell | not started | - | - | - | - | 0/10 |" in \
        text, text
    assert "### 2-gru_cell: not started\n\nThe file is still the " \
        "starter's skeleton" in text
    assert "2-gru_cell: style" not in text and "2-gru_cell (0 of 7" not in \
        text
    assert "Every task you submitted passes" not in text
    empty = feedback.feedback(from_json("dana", {
        "score": 0, "tests": [entry_json(task, kind, 0, 0, submitted=False)
                              for task in TASKS
                              for kind in ("results", "style")]}), 5)
    assert "No task file was found in your submission" in empty
    assert "Every task you submitted passes" not in empty
    assert "Not submitted:" not in empty


def test_feedback_without_a_verdict_says_so():
    """No scoreboard to show: the reason, without the grader's paths."""
    graded = from_json("bo", {"score": 0, "tests": [], "no_verdict":
                              "the grading did not finish in 555 s"})
    text = feedback.feedback(graded, 3)
    assert "could not be graded: the grading did not finish in 555 s" in text
    assert "Scoreboard" not in text


def test_scrub_cuts_paths_to_their_last_part():
    """Paths go; division and fractions stay."""
    assert feedback.scrub("File /home/grader/class/ana/0-rnn_cell.py, "
                          "line 3: 1 / (1 + e), 3/5") == \
        "File 0-rnn_cell.py, line 3: 1 / (1 + e), 3/5"


def near_copy(text):
    """A task file with its names, comments and docstrings changed, as a
    student who copies hides it."""
    text = re.sub(r'"""(.|\n)*?"""', '"""My own work."""', text)
    text = re.sub(r"#.*", "# written by me", text)
    for old, new in (("h_prev", "previous"), ("h_next", "state"),
                     ("x_t", "inp"), ("concat", "joined"), ("softmax", "sm"),
                     ("sigmoid", "logistic"), ("rnn_cell", "cellule")):
        text = re.sub(r"\b{}\b".format(old), new, text)
    return text


def needs_copydetect():
    """Skip unless copydetect, an instructor-side library, is here."""
    pytest.importorskip("copydetect", reason="copydetect is an "
                        "instructor-side library: pip install -r "
                        "requirements-instructor.txt")


@pytest.fixture(scope="module")
def copied(tmp_path_factory):
    """A class: plain (tests/repository/plain/), copy (plain hidden as a
    near-copy), own (plain with task 1 from this repository, hidden) and
    starter (skeletons); known/ holds the plain solution of task 0."""
    place = tmp_path_factory.mktemp("similar")
    shutil.copytree(PLAIN, str(place / "class" / "plain"))
    for name in ("copy", "own"):
        (place / "class" / name).mkdir()
        for task in TASKS:
            with open(os.path.join(PLAIN, task + ".py")) as f:
                text = f.read()
            if name == "own" and task == "1-rnn":
                with open(os.path.join(ROOT, task + ".py")) as f:
                    text = f.read()
            elif name == "own":
                continue
            (place / "class" / name / (task + ".py")).write_text(
                near_copy(text))
    import starter
    starter.write(str(place / "class" / "starter"))
    (place / "known" / "web").mkdir(parents=True)
    shutil.copy(os.path.join(PLAIN, "0-rnn_cell.py"),
                str(place / "known" / "web"))
    return place


def test_near_copies_are_flagged_and_nothing_else(copied):
    """copy and plain on every task, on their code; plain's task 0, and
    copy's, against known/web; skeletons never. own's task 1 is this
    repository's file with its names, comments and docstrings changed:
    its code is the contract's, but what its shape check keeps (the
    layout of two statements, the error message, check_shape) is this
    repository's text."""
    needs_copydetect()
    found = similarity.compare(str(copied / "class"),
                               ["copy", "own", "plain", "starter"],
                               str(copied / "known"))
    assert found.available
    assert sorted((m.task, m.name, m.other) for m in found.pairs) == sorted(
        (task, "copy", "plain") for task in TASKS)
    assert all(similarity.CODE in m.evidence and m.score == 1.0
               for m in found.pairs)
    assert sorted((m.task, m.name, m.other, m.evidence)
                  for m in found.known) == [
        ("0-rnn_cell", "copy", "web", ("code",)),
        ("0-rnn_cell", "plain", "web", ("code", "text")),
        ("1-rnn", "own", similarity.REPOSITORY, ("text",))]
    own = found.known[-1]
    assert (own.code, own.kinds) == (0, ("layout", "string", "name"))
    text = found.texts["1-rnn", "own"]
    assert sorted(text[p.start:p.end] for p in own.left
                  if p.kind == "string") == [
        "{} must have shape ({}), got {}"]
    assert found.by_pair()[0][0] == ("copy", "plain")
    assert len(found.by_pair()[0][1]) == len(TASKS)
    assert found.files == 2 * len(TASKS) + 1 and found.known_files == 1


def test_without_copydetect_nothing_is_compared(copied, monkeypatch):
    """The report says why instead of flagging."""
    monkeypatch.setattr(similarity, "library",
                        lambda: (None, "copydetect is not installed"))
    found = similarity.compare(str(copied / "class"), ["copy", "plain"])
    assert not found.available and not found.pairs
    page = report.render(context(similarity_found=found))
    assert "Not compared: copydetect is not installed." in page


def flagged(found, task=None):
    """{(a, b): [task number, ...]} of the pairs of submissions flagged,
    and of each submission and known solution."""
    pairs = {}
    for match in found.pairs + found.known:
        pairs.setdefault((match.name, match.other), []).append(
            TASKS.index(match.task))
    return {pair: sorted(numbers) for pair, numbers in pairs.items()}


def too_short(found):
    """{task: names} of the files too short to judge on code."""
    return {short.task: set(short.names) for short in found.short}


@pytest.fixture(scope="module")
def independent(tmp_path_factory):
    """The six independent writers of this repository as a class: this
    repository's task files (reference), plain and the four students of
    students/correct."""
    needs_copydetect()
    folder = str(tmp_path_factory.mktemp("independent"))
    names = planted.write_class(folder, {
        name: planted.writer(name, TASKS)
        for name in ["reference"] + sorted(planted.WRITERS)})
    return similarity.compare(folder, names)


def test_six_independent_writers_flag_none_of_their_pairs(independent):
    """None of the 15 pairs of the six writers is flagged, though they
    share code the contract forces (tasks 5 and 6 hold little else). The
    one match is the reference's files found against this repository's,
    the same files, on the tasks where those hold text of their own."""
    assert independent.pairs == []
    assert flagged(independent) == {
        ("reference", similarity.REPOSITORY): [0, 1, 2, 3, 4, 7, 8, 9, 10]}
    assert all(m.evidence == (similarity.TEXT,) and
               m.kinds[0] == similarity.SAME for m in independent.known)
    short = too_short(independent)
    # the reference's code is the contract's; the students' tasks 5 and
    # 6 are little more than the constructor the contract dictates
    assert all("reference" in short[task] for task in TASKS)
    assert short["5-bi_forward"] == {"anna", "bilal", "dana", "reference"}
    assert short["6-bi_backward"] == {"anna", "bilal", "dana", "reference"}
    assert short["9-rnn_backward"] == short["10-lstm_backward"] == {
        "reference"}


def copies_class(folder, kinds):
    """The five writers and a planted copy of each, of the kind kinds
    gives for it ({writer: kind}): the names."""
    files = {name: planted.writer(name, TASKS) for name in planted.WRITERS}
    files.update({"copy-" + name: {
        task: planted.plant(text, kinds[name], name)
        for task, text in files[name].items()} for name in kinds})
    return planted.write_class(folder, files)


def copy_tasks(found, name):
    """The task numbers on which a writer and its copy are flagged."""
    return flagged(found).get(tuple(sorted((name, "copy-" + name))), [])


def judged(found, name):
    """The task numbers on which both a writer's file and its copy's have
    code enough of their own to judge."""
    short = too_short(found)
    return [k for k, task in enumerate(TASKS)
            if not {name, "copy-" + name} & short.get(task, set())]


def test_a_disguised_copy_is_flagged_wherever_its_code_is_judged(
        tmp_path):
    """Each writer copied with its local names renamed, its comments
    dropped and its docstrings rewritten: flagged, on its code, on every
    task whose code is long enough to judge, tasks 4, 8, 9 and 10 among
    them; and no pair of different writers."""
    needs_copydetect()
    found = similarity.compare(str(tmp_path), copies_class(
        str(tmp_path), {name: "disguised" for name in planted.WRITERS}))
    for name in planted.WRITERS:
        tasks = copy_tasks(found, name)
        assert tasks == judged(found, name), name
        assert {4, 8, 9, 10} <= set(tasks), name
    assert {name: copy_tasks(found, name) for name in planted.WRITERS} == {
        "anna": [0, 2, 3, 4, 7, 8, 9, 10],
        "bilal": [0, 1, 2, 3, 4, 7, 8, 9, 10],
        "chen": [0, 1, 2, 3, 4, 6, 7, 8, 9, 10],
        "dana": [0, 2, 3, 4, 7, 8, 9, 10],
        "plain": list(range(len(TASKS)))}
    assert all(similarity.CODE in m.evidence for m in found.pairs)
    assert len(flagged(found)) == len(planted.WRITERS)


def test_verbatim_renamed_rewritten_and_reordered_copies(tmp_path):
    """A verbatim copy is flagged on every task, that of plain (whose
    docstrings are short) as that of dana; a copy with its names changed,
    or its functions reordered, too; one with its text rewritten wherever
    its code is judged."""
    needs_copydetect()
    found = similarity.compare(str(tmp_path), copies_class(
        str(tmp_path), {"plain": "verbatim", "dana": "verbatim",
                        "anna": "names changed", "bilal": "reordered",
                        "chen": "text rewritten"}))
    every = list(range(len(TASKS)))
    for name in ("plain", "dana", "anna", "bilal"):
        assert copy_tasks(found, name) == every, name
    assert copy_tasks(found, "chen") == judged(found, "chen") == [
        0, 1, 2, 3, 4, 6, 7, 8, 9, 10]
    assert len(flagged(found)) == len(planted.WRITERS)
    verbatim = [m for m in found.pairs if "dana" in m.name]
    assert all(m.evidence == ("code", "text") or (
        m.evidence == ("text",) and TASKS.index(m.task) in (1, 5, 6))
        for m in verbatim)
    assert all(m.kinds[0] == similarity.SAME for m in verbatim)


def test_forced_code_alone_flags_no_pair(tmp_path):
    """ana and bo wrote the same constructor and the same one-line
    forward, the only code task 5 allows, in a spelling that is not this
    repository's, each with docstrings of their own: not flagged. cy
    handed in bo's file: flagged on its text, the code too short to
    judge."""
    needs_copydetect()
    reference = planted.read(os.path.join(ROOT, "5-bi_forward.py"))
    code = reference.replace("np.random.normal(size=(h + i, h))",
                             "np.random.randn(h + i, h)").replace(
        "np.random.normal(size=(2 * h, o))", "np.random.randn(2 * h, o)")
    code = re.sub(r"( *)concat = .*\n *return .*",
                  r"\1return np.tanh(np.hstack((h_prev, x_t)) @ self.Whf "
                  r"+ self.bhf)", code)
    assert code.count("randn") == 3 and "hstack" in code
    files = {name: {"5-bi_forward": planted.rewrite_text(code, name)}
             for name in ("ana", "bo")}
    files["cy"] = files["bo"]
    found = similarity.compare(str(tmp_path), planted.write_class(
        str(tmp_path), files))
    assert [(m.task, m.name, m.other, m.evidence) for m in found.pairs] == [
        ("5-bi_forward", "bo", "cy", ("text",))]
    assert found.pairs[0].kinds == (similarity.SAME, "docstring")
    assert too_short(found) == {"5-bi_forward": {"ana", "bo", "cy"}}
    assert found.known == []


SHORT_RNN = '''#!/usr/bin/env python3
"""RNN module."""
import numpy as np


def rnn(rnn_cell, X, h_0):
    """Forward prop of an RNN."""
    t, m, i = X.shape
    H = np.zeros((t + 1, m, h_0.shape[1]))
    H[0] = h_0
    Y = []
    for s in range(t):
        h, y = rnn_cell.forward(H[s], X[s])
        H[s + 1] = h
        Y.append(y)
    return H, np.array(Y)
'''


def test_a_short_file_handed_in_twice_is_compared(tmp_path):
    """A file found twice, character for character, with little of its
    own (a few words of docstring) is weighed on its code without error
    (an instructor's class of two once stopped here: copydetect's counts
    are numpy's)."""
    needs_copydetect()
    found = similarity.compare(str(tmp_path), planted.write_class(
        str(tmp_path), {"erik": {"1-rnn": SHORT_RNN},
                        "fay": {"1-rnn": SHORT_RNN}}))
    assert [(m.task, m.name, m.other) for m in found.pairs] == [
        ("1-rnn", "erik", "fay")]
    assert found.pairs[0].kinds[0] == similarity.SAME


ANA_GRU = ("import numpy as np\n\n\ndef gate(x):\n"
           "    # by ana: </pre><script>alert(1)</script> & co\n"
           "    return 1 / (1 + np.exp(-x))\n")
BO_GRU = ANA_GRU.replace("gate(x)", "g(v)").replace("-x", "-v")
CY_RNN = '"""cy\'s own RNN."""\nimport numpy as np\n'


def spot(text, part, kind):
    """The Passage of part in text."""
    start = text.index(part)
    return similarity.Passage(start, start + len(part), kind)


def fake_similarity():
    """ana's and bo's task 2 share a comment (with markup in it: student
    text is untrusted) and their last line of code; cy's task 1 shares a
    docstring with this repository's."""
    comment = "# by ana: </pre><script>alert(1)</script> & co"
    code = "return 1 / (1 + np.exp("
    return similarity.Similarity(
        available=True, pairs=[similarity.Match(
            "2-gru_cell", "ana", "bo", 0.97, False, 120, 42,
            ("code", "text"), ("comment",),
            (spot(ANA_GRU, comment, "comment"), spot(ANA_GRU, code, "code")),
            (spot(BO_GRU, comment, "comment"), spot(BO_GRU, code, "code")))],
        known=[similarity.Match(
            "1-rnn", "cy", similarity.REPOSITORY, 0.0, True, 0, 110,
            ("text",), ("docstring",), (spot(CY_RNN, "cy's own RNN.",
                                             "docstring"),),
            (spot(CY_RNN, "cy's own RNN.", "docstring"),))],
        short=[similarity.Short("5-bi_forward", 3, ("ana", "bo", "cy"))],
        texts={("2-gru_cell", "ana"): ANA_GRU, ("2-gru_cell", "bo"): BO_GRU,
               ("1-rnn", "cy"): CY_RNN},
        known_texts={("1-rnn", similarity.REPOSITORY): CY_RNN})


def context(anonymised=False, similarity_found=None, pseudonyms=None):
    """The report's Context for class_of_three."""
    graded = class_of_three()
    found = similarity_found or fake_similarity()
    names = pseudonyms or {}
    return report.Context(
        title="class", graded=graded, view=overview.overview(graded),
        similarity=found, shown=lambda name: names.get(name, name),
        anonymised=anonymised, roster_column="student id",
        roster_cells={"ana": "0042", "bo": "0043"}, not_on_roster=["cy"],
        no_submission=["dee"], seeds={"ana": 5, "bo": 5, "cy": 5},
        limits="limits of 10 s a call", written="2025-03-01 10:00")


def text_of(page):
    """The text of an HTML page, without its tags and style."""
    page = re.sub(r"(?s)<style>.*?</style>", "", page)
    words = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    return html.unescape(re.sub(r" ([,.:;)])", r"\1", words))


def test_the_report_is_one_self_contained_page():
    """Inline CSS and SVG; no script, no link to fetch, nothing from the
    network; every part of the class is there."""
    page = report.render(context())
    assert page.startswith("<!DOCTYPE html>")
    for banned in ("<script", "<link", "<img", "<iframe", "http://",
                   "https://", "@import", "url("):
        assert banned not in page
    words = text_of(page)
    for part in ("The class at a glance", "3 submissions graded",
                 "98.0 mean score", "92 median score", "Tasks: who passes",
                 "Named mistakes and hints, by task",
                 "Robustness and errors", "Similar code", "Roster",
                 "Submissions"):
        assert part in words, part
    assert page.count("<svg") >= 1 + 2 * len(TASKS)
    assert "2 the update gate blends the wrong way round" in words
    assert "ana, bo" in words
    assert "2 deep_rnn fails only with one layer (l = 1): " \
        "UnboundLocalError at line N hint, results" in words
    assert "ana & bo 1 2-gru_cell: code 0.97 and text (comment)" in words
    assert "cy this repository 1 1-rnn: text (docstring)" in words
    assert "compared on text alone: 5-bi_forward (every file)" in words
    assert "Submissions without a roster row (1): cy" in words
    assert "Roster rows without a submission (1): dee" in words
    assert '<a href="ana/feedback.md">ana</a>' in page
    assert "ana 0042 92" in words


def test_the_report_shows_the_passages_side_by_side():
    """Each match's two files in two columns, the lines that hold its
    passages numbered and marked by kind, escaped; the first matches
    open."""
    page = report.render(context())
    words = text_of(page)
    assert "Passages side by side" in words
    assert "ana & bo, 2-gru_cell: code 0.97 and text (comment)" in words
    columns = re.findall(r'(?s)<div class="file">(.*?)</div><pre>(.*?)</pre>',
                         page)
    assert [name for name, _ in columns] == [
        "ana/2-gru_cell.py", "bo/2-gru_cell.py", "cy/1-rnn.py",
        "this repository/1-rnn.py"]
    ana = columns[0][1]
    # lines 1 to 3 left out; line 4 around the passages
    assert ana.split("\n") == [
        '<span class="gap">⋯</span>',
        '<span class="ln">   4</span>def gate(x):',
        '<span class="ln">   5</span>    <mark class="t"># by ana: &lt;/pre'
        '&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</mark>',
        '<span class="ln">   6</span>    <mark class="c">return 1 / (1 + '
        'np.exp(</mark>-x))']
    assert page.count('<details class="match" open>') == 2


def test_passages_past_the_limit_are_counted(monkeypatch):
    """Past SHOWN matches side by side, the others are counted only."""
    monkeypatch.setattr(report, "SHOWN", 1)
    page = report.render(context())
    assert page.count('<div class="sides">') == 1
    assert "and 1 more matches of the pairs above, not shown side by " \
        "side" in text_of(page)


def test_marked_lines_keep_their_context_and_stop_at_the_limit():
    """Passages of several kinds on one character are marked both ways;
    lines past the limit are counted, not shown."""
    text = "".join("line {}\n".format(k) for k in range(1, 21))
    both = report.marked(text, [spot(text, "line 3", "code"),
                                spot(text, "line 3", "comment"),
                                spot(text, "line 12", "name")],
                         context=1, most=4)
    assert both.split("\n") == [
        '<span class="gap">⋯</span>',
        '<span class="ln">   2</span>line 2',
        '<span class="ln">   3</span><mark class="c t">line 3</mark>',
        '<span class="ln">   4</span>line 4',
        '<span class="gap">⋯</span>',
        '<span class="ln">  11</span>line 11',
        '<span class="gap">… 9 more lines</span>']


def test_the_anonymised_report_names_no_one():
    """Pseudonyms everywhere, no roster cell, no link to a folder."""
    names = {"ana": "anon-aaaaaa", "bo": "anon-bbbbbb", "cy": "anon-cccccc",
             "dee": "anon-dddddd"}
    page = report.render(context(anonymised=True, pseudonyms=names))
    words = text_of(page)
    for name in ("ana", "bo", "cy", "dee", "0042", "feedback.md"):
        assert not re.search(r"\b{}\b".format(name), page.replace(
            "anon-", "")), name
    assert "Names are pseudonyms." in words
    assert "anon-aaaaaa, anon-bbbbbb" in words
    assert "Roster rows without a submission (1): anon-dddddd" in words
    # the files may name their writers: no passage is shown
    assert "Passages side by side Not shown in an anonymised report: a " \
        "file may name its author." in words
    assert "np.exp" not in page and "<pre>" not in page
