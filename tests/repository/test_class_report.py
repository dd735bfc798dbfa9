"""tests/grade_class.py after the gradings: feedback, the report, the
roster, re-grading and --anonymise, on the small class graded in the
background (conftest.py; submissions.write_class: ben, cat, starter).

A copy of that class and of its OUTDIR is graded again, as an instructor
would: unchanged (nothing is graded), with cat fixed and a late
submission dan (--only), with a roster and --anonymise, then with
--force. The report is
rendered in headless Chromium and read back.
"""
import csv
import html
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile

import pytest

from judge.contract.tasks import ROOT, TASKS

OPTIONS = ["--jobs=2"]  # as the class of conftest.py is graded
CHROMIUM = ("chromium", "chromium-browser")
# where Chromium keeps its own files (Debian, Ubuntu, Fedora), when the
# command is a script elsewhere
LIBRARIES = ("/usr/lib/chromium", "/usr/lib/chromium-browser",
             "/usr/lib64/chromium-browser")


def read_table(out):
    """{submission: row} of out/grades.csv, and its header."""
    with open(os.path.join(out, "grades.csv"), newline="") as f:
        reader = csv.DictReader(f)
        return {row["submission"]: row for row in reader}, reader.fieldnames


def read(path):
    """A file's text."""
    with open(path) as f:
        return f.read()


def text_of(page):
    """The words of an HTML page, as a reader sees them."""
    page = re.sub(r"(?s)<(style|head)>.*?</\1>", "", page)
    words = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    return html.unescape(re.sub(r" ([,.:;)])", r"\1", words))


def test_feedback_is_written_for_each_student(gradings):
    """cat's feedback: its score, the GRU's failures and likely mistake,
    the seed that replays it; no path of the grader's machine."""
    _, printed, out, grading = gradings["class"]
    for name in ("ben", "cat", "starter"):
        assert os.path.exists(os.path.join(out, name, "feedback.md"))
    text = read(os.path.join(out, "cat", "feedback.md"))
    assert "Your score: **11/110**" in text
    assert "| 2-gru_cell | yes | " in text
    assert "### 2-gru_cell: results (" in text
    assert "Likely mistake: the update gate blends the wrong way round" in \
        text
    assert "--submission=YOUR_FOLDER --seed=1" in text
    for path in (grading.place, grading.folder, ROOT, tempfile.gettempdir()):
        assert path not in text
    starter = read(os.path.join(out, "starter", "feedback.md"))
    assert "not implemented yet: write GRUCell.__init__ in 2-gru_cell.py " \
        "(task 2)" in starter
    assert "wrote {}".format(os.path.join(out, "grades.csv")) in printed


def test_the_report_shows_the_class(gradings):
    """report.html: the count, the named mistake with who has it, the
    skeletons as not written yet, links to each feedback."""
    _, _, out, _ = gradings["class"]
    page = read(os.path.join(out, "report.html"))
    assert "<script" not in page
    words = text_of(page)
    assert "3 submissions graded" in words
    assert re.search(r"1 the update gate blends the wrong way round: "
                     r"h_next = z \* h_prev \+ \(1 - z\) \* h_cand\s+cat",
                     words)
    assert re.search(r"1 not written yet \(the starter's skeleton\)\s+"
                     r"starter", words)
    for name in ("ben", "cat", "starter"):
        assert '<a href="{}/feedback.md">{}</a>'.format(name, name) in page


def grade(repo, *arguments):
    """Run the copy's tests/grade_class.py: (exit status, printed)."""
    done = subprocess.run(
        [sys.executable, os.path.join(repo, "tests", "grade_class.py")] +
        list(arguments), cwd=repo, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True, timeout=300)
    return done.returncode, done.stdout


@pytest.fixture(scope="module")
def regraded(gradings, tmp_path_factory):
    """The class graded in the background, copied with its OUTDIR, then
    graded again step by step: {step: (status, printed, table)}."""
    _, _, out, grading = gradings["class"]
    place = tmp_path_factory.mktemp("regrading")
    folder, copy = str(place / "class"), str(place / "out")
    shutil.copytree(grading.folder, folder)
    shutil.copytree(out, copy)
    steps = {"before": (0, "", read_table(copy))}

    def step(name, *arguments):
        status, printed = grade(grading.repo, folder, "--out", copy,
                                *(OPTIONS + list(arguments)))
        steps[name] = (status, printed, read_table(copy))

    step("unchanged")
    # cat fixes its GRU; dan hands in task 0 late
    shutil.copy(os.path.join(ROOT, "2-gru_cell.py"),
                os.path.join(folder, "cat"))
    os.makedirs(os.path.join(folder, "dan"))
    shutil.copy(os.path.join(ROOT, "0-rnn_cell.py"),
                os.path.join(folder, "dan"))
    with open(os.path.join(out, "cat", "feedback.md")) as f:
        steps["cat feedback before"] = f.read()
    step("only", "--only", "cat", "dan")
    roster = place / "roster.csv"
    roster.write_text("folder,student id,e-mail\nben,s-01,ben@uni.example\n"
                      "cat,s-02,cat@uni.example\neve,s-05,eve@uni.example\n")
    step("roster", "--only", "cat", "--roster", str(roster), "--anonymise")
    steps["anonymised report"] = read(os.path.join(copy, "report.html"))
    step("forced", "--only", "ben", "--force")
    steps["out"] = copy
    steps["repo"] = grading.repo
    steps["folder"] = folder
    return steps


def test_an_unchanged_class_is_not_graded_again(regraded):
    """The same files, seed (kept from class.json) and limits: nothing is
    graded, and the table is what it was."""
    status, printed, (rows, _) = regraded["unchanged"]
    assert status == 0, printed
    assert "grading 0 submissions" in printed
    assert "(seed 1: --seed 1 replays this run); 3 unchanged since their " \
        "last grading, kept" in printed
    assert rows == regraded["before"][2][0]


def test_only_grades_those_named_and_keeps_the_other_rows(regraded):
    """--only cat dan: cat fixed its GRU, dan is new; ben's and starter's
    rows stay as they were; cat's feedback is written anew."""
    status, printed, (rows, _) = regraded["only"]
    assert status == 0, printed
    assert "grading 2 submissions" in printed
    assert "] cat " in printed and "] dan " in printed
    assert "] ben " not in printed and "] starter " not in printed
    before = regraded["before"][2][0]
    assert sorted(rows) == ["ben", "cat", "dan", "starter"]
    assert rows["ben"] == before["ben"]
    assert rows["starter"] == before["starter"]
    assert rows["cat"]["2-gru_cell results"] == "9"
    assert rows["cat"]["score"] == "20"
    assert rows["dan"]["score"] == "10"
    assert rows["dan"]["1-rnn results"] == "0"
    text = read(os.path.join(regraded["out"], "cat", "feedback.md"))
    assert "Your score: **20/110**" in text
    assert "Your score: **11/110**" in regraded["cat feedback before"]
    page = read(os.path.join(regraded["out"], "report.html"))
    assert "4 submissions graded" in page.replace("</b><span>", " ")


def test_unchanged_is_kept_unless_forced(regraded):
    """--only cat again grades nothing; --force grades ben again, with
    the same grades."""
    status, printed, _ = regraded["roster"]
    assert status == 0 and "grading 0 submissions" in printed, printed
    assert "1 unchanged since their last grading" in printed
    status, printed, (rows, _) = regraded["forced"]
    assert status == 0 and "grading 1 submission " in printed, printed
    assert "] ben " in printed
    before = regraded["only"][2][0]
    for name in before:
        assert {key: value for key, value in rows[name].items()
                if key in before[name] and key != "note"} == {
                    key: value for key, value in before[name].items()
                    if key != "note"}


def test_a_roster_puts_its_columns_first_and_names_loose_ends(regraded):
    """The roster's columns after the folder's; eve (on the roster, no
    submission) gets an empty row; dan and starter (no roster row) are
    listed, with pseudonyms under --anonymise; the roster is kept for
    the next run."""
    status, printed, (rows, header) = regraded["roster"]
    assert status == 0, printed
    assert header[:4] == ["submission", "student id", "e-mail",
                          "0-rnn_cell results"]
    assert header[-7:] == ["robustness passed", "robustness run",
                           "errors passed", "errors run", "score",
                           "max_score", "note"]
    assert (rows["cat"]["student id"], rows["cat"]["score"]) == ("s-02",
                                                                 "20")
    assert (rows["eve"]["student id"], rows["eve"]["score"],
            rows["eve"]["note"]) == ("s-05", "", "no submission")
    assert rows["dan"]["note"] == "not on the roster"
    assert rows["dan"]["student id"] == ""
    loose = re.search(r"submissions without a roster row \(2\): "
                      r"(anon-\w+), (anon-\w+)", printed)
    assert loose, printed
    assert re.search(r"roster rows without a submission \(1\): anon-\w+",
                     printed)
    for name in ("ben", "cat", "dan", "eve", "starter"):
        assert not re.search(r"\b{}\b".format(name), printed.split(
            "\n", 1)[1]), name
    _, printed, (rows, header) = regraded["forced"]
    assert header[1] == "student id" and rows["eve"]["note"] == \
        "no submission"
    assert "submissions without a roster row (2): dan, starter" in printed


def test_the_anonymised_report_uses_the_same_pseudonyms(regraded):
    """The pseudonyms of the report are those printed; no name, no
    student id, no link to a folder."""
    page = regraded["anonymised report"]
    printed = regraded["roster"][1]
    shown = set(re.findall(r"anon-[0-9a-f]+", printed))
    assert shown and shown <= set(re.findall(r"anon-[0-9a-f]+", page))
    for text in ("feedback.md", "s-01", "ben@", ">cat<", ">dan<", ">eve<"):
        assert text not in page, text


def test_similar_code_is_summed_up_and_shown(regraded):
    """The summary counts the matches; ben's GRU (this repository's, a
    line changed), cat's fixed GRU and dan's task 0 (this repository's
    files) match this repository's files on their text, never on code;
    the anonymised report shows no passage."""
    _, printed, _ = regraded["forced"]
    assert "similar code: 0 pairs of submissions, 3 matches with known " \
        "solutions (report.html, \"Similar code\")" in printed
    assert "  on text alone, most files having too little code of their " \
        "own: 2-gru_cell (2 of 2)" in printed
    words = text_of(read(os.path.join(regraded["out"], "report.html")))
    for text in ("ben this repository 1 2-gru_cell: text (docstring)",
                 "cat this repository 1 2-gru_cell: text (the same file, "
                 "docstring)",
                 "dan this repository 1 0-rnn_cell: text (the same file, "
                 "docstring)",
                 "ben & this repository, 2-gru_cell: text (docstring) "
                 "ben/2-gru_cell.py"):
        assert text in words, text
    anonymised = text_of(regraded["anonymised report"])
    assert "Not shown in an anonymised report" in anonymised
    assert "def softmax" not in anonymised


def test_a_submission_not_in_the_class_is_refused(regraded):
    """--only with a name that is no sub-folder: exit status 2, nothing
    graded."""
    status, printed = grade(regraded["repo"], regraded["folder"], "--out",
                            regraded["out"], "--only", "nobody")
    assert status == 2
    assert "--only: no submission nobody in" in printed


def png_size(path):
    """(width, height) of a PNG file, from its header."""
    with open(path, "rb") as f:
        head = f.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", head[16:24])


def read_through(browser):
    """Read the files of Chromium's own folder once, each from start to
    end. A machine may page out files left unused for a while (this one
    does, after a minute), and Chromium then faults its 300 MB back in a
    page at a time: its first start took 11-12 s here, where it takes
    1-2 s once they are read."""
    folders = {os.path.dirname(os.path.realpath(browser))} | set(LIBRARIES)
    for folder in sorted(f for f in folders
                         if "chrom" in f and os.path.isdir(f)):
        for name in sorted(os.listdir(folder)):
            path = os.path.join(folder, name)
            if os.path.isfile(path):
                with open(path, "rb") as f:
                    while f.read(1 << 22):
                        pass


def chromium(*arguments):
    """Run headless Chromium on a new profile: what it printed."""
    browser = next(filter(None, map(shutil.which, CHROMIUM)), None)
    if browser is None:
        pytest.skip("Chromium is not installed (Debian: apt-get install "
                    "chromium; .ci/run installs it where it can)")
    read_through(browser)
    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    try:
        # (the page is the only one, and hidden: Chromium must not lower
        # its priority as it does for a tab in the background)
        done = subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--disable-renderer-backgrounding",
             "--disable-background-timer-throttling",
             "--disable-backgrounding-occluded-windows",
             "--user-data-dir=" + profile] +
            list(arguments), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, timeout=120)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return done.stdout


def test_the_report_in_a_browser(regraded, tmp_path):
    """Chromium renders report.html (with a roster, as the instructor
    sees it) to a PNG of the window's size, and its page holds every
    part of the class."""
    page = "file://" + os.path.join(regraded["out"], "report.html")
    shot = str(tmp_path / "report.png")
    chromium("--screenshot=" + shot, "--window-size=1200,2000", page)
    assert os.path.exists(shot), "Chromium wrote no screenshot"
    assert png_size(shot) == (1200, 2000)
    # an empty white page of that size is a few kilobytes
    assert 30000 < os.path.getsize(shot) < 5000000
    dom = chromium("--dump-dom", page)
    words = text_of(dom)
    for text in ("Class report: class", "4 submissions graded",
                 "median score", "Tasks: who passes", "2-gru_cell",
                 "Named mistakes and hints, by task",
                 "Robustness and errors", "Similar code",
                 "Roster rows without a submission (1): eve",
                 "Submissions without a roster row (2): dan, starter",
                 "student id", "Passages side by side",
                 "dan & this repository, 0-rnn_cell: text (the same file, "
                 "docstring) dan/0-rnn_cell.py"):
        assert text in words, text
    assert dom.count("<svg") >= 1 + 2 * len(TASKS)
    # each match's two files side by side, its passages marked
    assert dom.count('<div class="sides">') == 3
    assert '<mark class="t">Softmax over the last axis' in dom
