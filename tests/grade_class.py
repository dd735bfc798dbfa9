#!/usr/bin/env python3
"""Grade a whole class: every sub-folder of FOLDER as a submission.

    python3 tests/grade_class.py FOLDER --out OUTDIR [--jobs N] [--seed S]
        [--only NAME ...] [--force] [--roster FILE.csv] [--known DIR]
        [--anonymise]

Each submission is graded by the judge in a process of its own
(python3 -m pytest --submission=SUB --results=...), N at a time (default:
one per core), so that one submission that hangs, crashes or kills its
judge costs its own verdict and nothing else. This script never runs
submitted code: it starts the judge and reads the verdicts it writes. It
writes:

    OUTDIR/grades.csv              one row per submission, sorted by name
    OUTDIR/report.html             the class on one page
    OUTDIR/SUB/results.json        the judge's verdict (Gradescope format)
    OUTDIR/SUB/feedback.md         the verdict written for the student
    OUTDIR/SUB/output.txt          what the judge printed
    OUTDIR/class.json              what was graded, how (for re-grading)

and prints a line per submission as it finishes, then a summary. A
submission graded before into OUTDIR, whose task files, seed, limits and
judge are the same, is not graded again (--force grades it again);
--only grades some and keeps the others' rows. Ctrl-C (or SIGTERM) stops
the gradings under way and writes the table of those that finished. The
same folder graded twice with the same --seed gives the same table (a
submission whose speed is near a time limit aside). tests/README.md,
"Grading a class", says more; the modules are in tests/instructor/.
"""
import argparse
import os
import random
import sys
import time
from typing import Dict, List, Optional

from judge.contract.tasks import ROOT, TASKS
from judge.run.limits import add_options, from_options, seconds, size
from judge.run.processes import (become_subreaper, keep_private,
                                 stop_on_sigterm)
from judge.submission import shown as escaped
from judge.verdict import MAX_SCORE
from instructor import feedback, ledger, overview, report, roster, table
from instructor.run import grade_all
from instructor.similarity import compare, tally
from instructor.verdicts import SCORED, Graded, read

# how long a whole grading may take: each task's limit and its start-up
SLACK_PER_TASK, SLACK = 15, 60
# pairs of similar submissions named in the summary, with their evidence
TOP = 5


def arguments(argv: Optional[List[str]] = None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog="tests/README.md, \"Grading a class\", describes each "
        "option.")
    parser.add_argument("folder", metavar="FOLDER",
                        help="one sub-folder per submission")
    parser.add_argument("--out", required=True, metavar="OUTDIR",
                        help="where to write (kept between runs: a run "
                        "grades only what changed)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="gradings at a time (default: one per core)")
    parser.add_argument("--seed", type=int, help="the seed of the fresh "
                        "cases (default: the one OUTDIR was graded with, "
                        "else drawn)")
    parser.add_argument("--only", nargs="+", metavar="NAME",
                        help="grade these submissions and keep the other "
                        "rows of OUTDIR")
    parser.add_argument("--force", action="store_true",
                        help="grade again submissions that did not change")
    parser.add_argument("--roster", metavar="FILE.csv",
                        help="a column naming the folder, then any columns "
                        "(student id, name, e-mail) for grades.csv")
    parser.add_argument("--known", metavar="DIR",
                        help="known solutions (task files, at any depth) "
                        "to compare the submissions with")
    parser.add_argument("--anonymise", action="store_true",
                        help="stable pseudonyms in the report and the "
                        "printout (grades.csv and feedback keep names)")
    add_options(parser.add_argument)
    return parser.parse_args(argv)


def fail(message: str) -> None:
    """Stop with a message and exit status 2."""
    print("grade_class.py: " + message, file=sys.stderr)
    sys.exit(2)


def describe(limits) -> str:
    """The limits, as the report says them."""
    return "limits of {} a call, {} a task, {} MB of memory, {} of " \
        "output".format(seconds(limits.call), seconds(limits.task),
                        limits.memory, size(limits.output_bytes))


def summary(view: overview.Overview, graded: Dict[str, Graded],
            shown, seconds_taken: float, jobs: int, count: int) -> List[str]:
    """The lines printed at the end."""
    lines = ["graded {} submission{} in {:.1f} s with {} job{} ({:.1f} "
             "submissions per minute)".format(
                 count, "" if count == 1 else "s", seconds_taken, jobs,
                 "" if jobs == 1 else "s",
                 60 * count / seconds_taken if seconds_taken else 0)]
    if not graded:
        return lines
    lines.append("{} in the table; mean score {:.1f}/{}, median {:g}".format(
        len(graded), view.mean, MAX_SCORE, view.median))
    failed = sorted(((view.of_task(task).shares["results"].failed, task)
                     for task in TASKS), key=lambda pair: -pair[0])
    failed = [(n, task) for n, task in failed if n][:5]
    if failed:
        lines.append("tasks most often failed: " + ", ".join(
            "{} ({})".format(task, n) for n, task in failed))
    # the named mistakes that cost points first, then the others
    scored = [named for named in view.mistakes if named.kind in SCORED]
    others = [named for named in view.mistakes if named.kind not in SCORED]
    for named in scored[:5] + others[:3]:
        lines.append("  {} x {}{}: {}".format(
            len(named.names), named.task, "" if named.kind == "results"
            else " ({})".format(named.kind), named.text))
    for name in sorted(graded, key=shown):
        if graded[name].no_verdict:
            lines.append("no verdict for {}: {}".format(
                shown(name), graded[name].no_verdict))
        elif graded[name].void:
            lines.append("void verdict for {}: {}".format(
                shown(name), graded[name].void))
    return lines


# the files of OUTDIR beside the submissions' folders (and those being
# written): a submission of one of these names would clash with it
OUTPUT_FILES = {name + end for name in (table.NAME, report.NAME, ledger.NAME)
                for end in ("", ".partial")}


def refused(name: str) -> Optional[str]:
    """Why a submission's folder name cannot be graded, or None: one with
    a character that is not printable (a line break, a terminal escape,
    a direction override) would forge or hide lines of the table, the
    report or the terminal; one of OUTPUT_FILES would clash with it."""
    if not name.isprintable():
        return "a character in its name cannot be shown: a line break, a " \
            "control or a direction character"
    if name in OUTPUT_FILES:
        return "its name is that of a file of the output"
    return None


def main(argv: Optional[List[str]] = None) -> None:
    """Grade the class; write the table, report and feedback even when
    interrupted."""
    args = arguments(argv)
    limits = from_options(args)
    if not os.path.isdir(args.folder):
        fail("{} is not a folder".format(args.folder))
    names = sorted(name for name in os.listdir(args.folder)
                   if not name.startswith(".") and
                   os.path.isdir(os.path.join(args.folder, name)))
    for name in [name for name in names if refused(name)]:
        print("not graded: the folder {} ({}): rename it".format(
            escaped(name, 200), refused(name)))
        names.remove(name)
    unknown = [name for name in args.only or [] if name not in names]
    if unknown:
        fail("--only: no submission {} in {}".format(
            ", ".join(unknown), args.folder))
    if not os.path.isdir(args.out):
        # the class's feedback and pseudonyms: its user's alone, out of
        # the reach of workers that run as another user without
        # namespaces (tests/README.md: What the judge protects)
        os.makedirs(args.out, mode=0o700)
    try:
        record = ledger.Ledger.load(args.out)
    except ValueError as error:
        fail(str(error))
    folder = os.path.realpath(args.folder)
    if record and record.folder != folder:
        print("{} was graded from {} before; the verdicts of submissions "
              "whose task files are the same are kept".format(
                  args.out, record.folder))
        record.folder = folder
    record = record or ledger.Ledger(folder=folder)
    try:
        if args.roster:
            given = roster.read(args.roster)
            table.check(given)
            record.roster = given.as_json()
    except roster.RosterError as error:
        fail(str(error))
    if args.known:
        if not os.path.isdir(args.known):
            fail("--known: {} is not a folder".format(args.known))
        record.known = os.path.realpath(args.known)
    seed = args.seed if args.seed is not None else record.seed \
        if record.seed is not None else \
        random.SystemRandom().randrange(10 ** 6)
    record.seed = seed
    # the class: every sub-folder, or those graded before and --only's
    members = names if not args.only else sorted(
        (set(record.records) & set(names)) | set(args.only))
    for name in list(record.records):
        if name not in members:
            del record.records[name]
    judge = ledger.judge_hash(ROOT)
    wanted = {name: ledger.Record(
        files=ledger.content_hash(os.path.join(args.folder, name)),
        seed=seed, limits=limits.arguments(), judge=judge, graded="")
        for name in args.only or names}
    todo = [name for name in sorted(wanted) if args.force or not (
        name in record.records and record.records[name].same(wanted[name])
        and os.path.exists(os.path.join(args.out, name, "results.json")))]
    everyone = set(members) | set(
        record.roster["rows"] if record.roster else ())
    pseudonyms = record.pseudonyms(everyone) if args.anonymise else {}

    def shown(name: str) -> str:
        return pseudonyms.get(name, name)

    # in the order of the names as shown (pseudonyms keep no trace of the
    # real names' order)
    todo.sort(key=shown)
    kept = len(wanted) - len(todo)
    print("grading {} submission{} of {}, {} at a time (seed {}: --seed {} "
          "replays this run){}".format(
              len(todo), "" if len(todo) == 1 else "s", args.folder,
              args.jobs, seed, seed,
              "; {} unchanged since their last grading, kept (--force "
              "grades them again)".format(kept) if kept else ""),
          flush=True)
    become_subreaper()
    # SIGTERM stops the gradings under way as Ctrl-C does, and the table
    # of those that finished is written
    stop_on_sigterm()
    keep_private()
    start = time.monotonic()
    outcome = grade_all(args.folder, todo, args.out,
                        ["--seed={}".format(seed)] + limits.arguments() + [
                            "--private=" + os.path.abspath(path)
                            for path in (args.folder, args.out)],
                        len(TASKS) * (limits.task + SLACK_PER_TASK) + SLACK,
                        args.jobs, shown, [args.folder, args.out])
    took = time.monotonic() - start
    for name in outcome.verdicts:
        done = read(name, os.path.join(args.out, name, "results.json"))
        record.records[name] = wanted[name]
        record.records[name].graded = ledger.now()
        record.records[name].final = bool(done and done.final)
    if outcome.interrupted:
        print("interrupted: {} submission{} not graded ({}); the table "
              "holds the {} that finished, and those graded before".format(
                  len(outcome.waiting), "" if len(outcome.waiting) == 1
                  else "s", ", ".join(sorted(map(shown, outcome.waiting))),
                  len(outcome.verdicts)))
    write_all(args, record, members, shown, describe(limits),
              outcome.verdicts, took, seed, outcome.waiting)
    if outcome.tampered:
        print("STOPPED: the repository's files changed during the class "
              "({}); {} submission(s) not graded. Restore the repository "
              "(git checkout -- . && git clean -fd) before grading again."
              .format(", ".join(outcome.tampered), len(outcome.waiting)))
        sys.exit(2)
    if outcome.interrupted:
        sys.exit(130)


def write_all(args: argparse.Namespace, record: ledger.Ledger,
              members: List[str], shown, limits: str,
              verdicts: Dict[str, dict], took: float, seed: int,
              unfinished: List[str]) -> None:
    """Write grades.csv, each feedback.md, report.html and class.json from
    every verdict in OUTDIR of the class's members; print the summary.
    unfinished: the names an interruption left ungraded (an earlier
    verdict of theirs is kept, and its row says so)."""
    start = time.monotonic()
    graded: Dict[str, Graded] = {}
    for name in members:
        done = read(name, os.path.join(args.out, name, "results.json"))
        if done is not None and name in record.records:
            graded[name] = done
    # names whose files changed since their verdict (not graded this run)
    notes: Dict[str, List[str]] = {}
    for name in graded:
        if name not in verdicts and ledger.content_hash(os.path.join(
                args.folder, name)) != record.records[name].files:
            notes[name] = ["files changed since this grading"]
        if not graded[name].submitted():
            notes.setdefault(name, []).append("no task file found")
        if name in unfinished:
            notes.setdefault(name, []).append(
                "an earlier grading: this run was interrupted before it")
    listed = roster.Roster.from_json(record.roster)
    not_on_roster = sorted(name for name in graded
                           if listed and name not in listed.rows)
    no_submission = sorted(name for name in (listed.rows if listed else ())
                           if name not in graded)
    for name in not_on_roster:
        notes.setdefault(name, []).append("not on the roster")
    path = table.write_table(args.out, graded, listed, notes)
    for name, one in graded.items():
        ledger.write(os.path.join(args.out, name, feedback.NAME),
                     feedback.feedback(one, record.records[name].seed,
                                       record.records[name].graded[:10]))
    view = overview.overview(graded)
    found = compare(args.folder, sorted(graded), record.known)
    context = report.Context(
        title=os.path.basename(record.folder), graded=graded, view=view,
        similarity=found, shown=shown, anonymised=args.anonymise,
        roster_column=listed.columns[0] if listed else None,
        roster_cells={name: cells[0] for name, cells in listed.rows.items()}
        if listed else {},
        not_on_roster=not_on_roster, no_submission=no_submission,
        notes=notes, seeds={name: record.records[name].seed
                            for name in graded},
        limits=limits, written=ledger.now().replace("T", " "))
    ledger.write(os.path.join(args.out, report.NAME), report.render(context))
    record.save(args.out)
    written = time.monotonic() - start
    for line in summary(view, graded, shown, took, args.jobs, len(verdicts)):
        print(line)
    if listed:
        for text, found_names in (
                ("submissions without a roster row", not_on_roster),
                ("roster rows without a submission", no_submission)):
            if found_names:
                print("{} ({}): {}".format(text, len(found_names), ", ".join(
                    sorted(map(shown, found_names)))))
    if found.available:
        pairs = found.by_pair()
        print("similar code: {} pair{} of submissions, {} match{} with "
              "known solutions (report.html, \"Similar code\")".format(
                  len(pairs), "" if len(pairs) == 1 else "s",
                  len(found.known), "" if len(found.known) == 1 else "es"))
        top = sorted(((sorted(map(shown, pair)), matches) for pair, matches
                      in pairs), key=lambda item: (
                          -len(item[1]), -sum(len(m.evidence)
                                              for m in item[1]), item[0]))
        for (first, second), matches in top[:TOP]:
            print("  {} & {}: {} task{}: {}".format(
                first, second, len(matches),
                "" if len(matches) == 1 else "s", tally(matches)))
        short = [one for one in found.short if 2 * len(one.names) >=
                 one.files]
        if short:
            print("  on text alone, most files having too little code of "
                  "their own: " + ", ".join("{} ({} of {})".format(
                      one.task, len(one.names), one.files)
                      for one in short))
    else:
        print("similar code: not compared: " + found.reason)
    print("report and similarity: {:.1f} s (similarity {:.1f} s)".format(
        written, found.seconds))
    print("wrote {}, {} and feedback.md for each submission".format(
        path, os.path.join(args.out, report.NAME)))


if __name__ == "__main__":
    main()
