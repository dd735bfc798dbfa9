#!/usr/bin/env python3
"""Grade a whole class: every sub-folder of FOLDER as a submission.

    python3 tests/grade_class.py FOLDER --out OUTDIR [--jobs N] [--seed S]

Each submission is graded by the judge in a process of its own
(python3 -m pytest --submission=SUB --results=OUTDIR/SUB/results.json), N
at a time (default: one per core), so that one submission that hangs,
crashes or kills its judge costs its own verdict and nothing else. This
script never runs submitted code: it starts the judge and reads the
verdicts it writes. It writes:

    OUTDIR/grades.csv              one row per submission, sorted by name
    OUTDIR/SUB/results.json        the judge's verdict (Gradescope format)
    OUTDIR/SUB/output.txt          what the judge printed

and prints a line per submission as it finishes, then a summary. Ctrl-C
(or SIGTERM) stops the gradings under way and writes the table of those
that finished. A judge that is stopped, or past its time, is killed with
what it started (this script is a child subreaper on Linux, and kills the
orphans).
The same folder graded twice with the same --seed gives the same table
(a submission whose speed is near a time limit aside).

Between gradings it compares the repository's files with what they were at
the start: a submission that changed them stops the class (the gradings
that ran beside it are void by their own judge's check).
"""
import argparse
import csv
import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter

from judge.contract.tasks import ROOT, TASKS
from judge.reference import changes, fingerprint
from judge.run.limits import add_options, from_options
from judge.run.processes import become_subreaper, stop_on_sigterm, sweep
from judge.verdict import KINDS, MAX_SCORE, POINTS

# the kinds that earn points: a column per task each
SCORED = [kind for kind in KINDS if POINTS[kind]]
# the signals that stop a class
STOPS = {signal.SIGINT, signal.SIGTERM}


class Grading:
    """The judge grading one submission, in a process of its own."""

    def __init__(self, name, folder, out, options, limit):
        """Start the judge on folder; its files go to out/name/."""
        self.name = name
        self.place = os.path.join(out, name)
        os.makedirs(self.place, exist_ok=True)
        self.results = os.path.join(self.place, "results.json")
        if os.path.exists(self.results):
            os.remove(self.results)
        self.printed = open(os.path.join(self.place, "output.txt"), "w")
        env = dict(os.environ, PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
        self.start = time.monotonic()
        self.deadline = self.start + limit
        self.limit = limit
        self.process = subprocess.Popen(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
             "--assert=plain", "--submission=" + os.path.abspath(folder),
             "--results=" + os.path.abspath(self.results)] + options,
            cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=self.printed,
            stderr=subprocess.STDOUT, start_new_session=True)
        self.problem = None

    def done(self):
        """Whether the run has ended (it is killed past its time)."""
        if self.process.poll() is not None:
            return True
        if time.monotonic() > self.deadline:
            self.stop()
            self.problem = "the grading did not finish in {:g} s".format(
                self.limit)
            return True
        return False

    def stop(self):
        """Kill the judge and its process group (sweep_orphans kills its
        workers, which have sessions of their own)."""
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except OSError:
            pass
        self.process.wait()

    def verdict(self):
        """The judge's verdict, or one that says why there is none."""
        self.printed.close()
        seconds = time.monotonic() - self.start
        try:
            with open(self.results) as f:
                verdict = json.load(f)
            if isinstance(verdict.get("tests"), list):
                return verdict, seconds
        except (OSError, ValueError):
            pass
        reason = self.problem or "the judge ended with status {} and no " \
            "verdict".format(self.process.returncode)
        verdict = {"score": 0, "execution_time": round(seconds, 3),
                   "output": "no verdict: " + reason, "tests": [],
                   "no_verdict": reason}
        with open(self.results, "w") as f:
            json.dump(verdict, f, indent=1)
        return verdict, seconds


def sweep_orphans(running):
    """Kill, and wait for, whatever the judges that ended left behind: their
    workers, each in a session of its own, and what those started. As this
    process is a child subreaper, they are its descendants outside the
    running judges' trees."""
    sweep([], trees=[grading.process.pid for grading in running])


def row(name, verdict):
    """The submission's row of grades.csv."""
    tests = {(test["extra_data"]["task"], test["extra_data"]["kind"]): test
             for test in verdict["tests"]}
    found = {"submission": name}
    most = 0
    for task in TASKS:
        for kind in SCORED:
            test = tests.get((task, kind))
            found["{} {}".format(task, kind)] = test["score"] if test else 0
            most += test["max_score"] if test else 0
    for kind in ("robustness", "errors"):
        passed = run = 0
        for (task, other), test in tests.items():
            if other == kind and test["extra_data"]["submitted"]:
                passed += test["extra_data"]["passed"]
                run += test["extra_data"]["checks"]
        found[kind] = "{}/{}".format(passed, run)
    found["score"] = verdict["score"]
    found["max_score"] = most or MAX_SCORE
    return found


def columns():
    """The columns of grades.csv."""
    return (["submission"] + ["{} {}".format(task, kind) for task in TASKS
                              for kind in SCORED] +
            ["robustness", "errors", "score", "max_score"])


def write_table(out, verdicts):
    """Write out/grades.csv from {name: verdict}."""
    with open(os.path.join(out, "grades.csv"), "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns())
        writer.writeheader()
        for name in sorted(verdicts):
            writer.writerow(row(name, verdicts[name]))


def summary(verdicts, seconds, jobs):
    """The lines printed at the end."""
    count = len(verdicts)
    lines = ["graded {} submission{} in {:.1f} s with {} job{} ({:.1f} "
             "submissions per minute)".format(
                 count, "" if count == 1 else "s", seconds, jobs,
                 "" if jobs == 1 else "s",
                 60 * count / seconds if seconds else 0)]
    if not count:
        return lines
    scores = [verdict["score"] for verdict in verdicts.values()]
    lines.append("mean score {:.1f}/{}".format(sum(scores) / count,
                                               MAX_SCORE))
    failed, diagnoses = Counter(), Counter()
    for verdict in verdicts.values():
        for test in verdict["tests"]:
            data = test["extra_data"]
            if data["kind"] == "results" and data["submitted"] and \
                    test["status"] == "failed":
                failed[data["task"]] += 1
            if data.get("diagnosis"):
                diagnoses["{}: {}".format(data["task"],
                                          data["diagnosis"])] += 1
    if failed:
        lines.append("tasks most often failed: " + ", ".join(
            "{} ({})".format(task, n) for task, n in failed.most_common(5)))
    for text, n in diagnoses.most_common(5):
        lines.append("  {} x {}".format(n, text))
    for name in sorted(verdicts):
        if "no_verdict" in verdicts[name]:
            lines.append("no verdict for {}: {}".format(
                name, verdicts[name]["no_verdict"]))
    return lines


def main():
    """Grade the class; write the table even when interrupted."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", help="one sub-folder per submission")
    parser.add_argument("--out", required=True, help="where to write")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seed", type=int)
    add_options(parser.add_argument)
    args = parser.parse_args()
    limits = from_options(args)
    names = sorted(name for name in os.listdir(args.folder)
                   if not name.startswith(".") and
                   os.path.isdir(os.path.join(args.folder, name)))
    seed = args.seed if args.seed is not None else \
        random.SystemRandom().randrange(10 ** 6)
    options = ["--seed={}".format(seed)] + limits.arguments()
    limit = len(TASKS) * (limits.task + 15) + 60
    os.makedirs(args.out, exist_ok=True)
    print("grading {} submissions of {}, {} at a time (seed {}: --seed {} "
          "replays this run)".format(len(names), args.folder, args.jobs,
                                     seed, seed), flush=True)
    # the judge's files: not the submissions, not the table being written
    ours = [args.folder, args.out]
    before = fingerprint(ROOT, ours)
    become_subreaper()
    # SIGTERM stops the gradings under way as Ctrl-C does, and the table
    # of those that finished is written
    stop_on_sigterm()
    verdicts, running, waiting = {}, [], list(names)
    start = time.monotonic()
    tampered = None
    try:
        while waiting or running:
            while waiting and len(running) < args.jobs and not tampered:
                changed = changes(before, fingerprint(ROOT, ours))
                if changed:
                    tampered = changed
                    break
                name = waiting.pop(0)
                # a Ctrl-C (or SIGTERM) between starting a judge and
                # recording it would leave that judge running: it waits
                # until it is recorded
                signal.pthread_sigmask(signal.SIG_BLOCK, STOPS)
                try:
                    running.append(Grading(name, os.path.join(
                        args.folder, name), args.out, options, limit))
                finally:
                    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPS)
            if tampered and not running:
                break
            time.sleep(0.05)
            ended = [g for g in running if g.done()]
            for grading in ended:
                running.remove(grading)
            if ended:
                sweep_orphans(running)
            for grading in ended:
                verdict, seconds = grading.verdict()
                verdicts[grading.name] = verdict
                print("[{:>{w}}/{}] {:<24} {:>3}/{}  {:5.1f} s{}".format(
                    len(verdicts), len(names), grading.name,
                    verdict["score"], MAX_SCORE, seconds,
                    "  (no verdict)" if "no_verdict" in verdict else "",
                    w=len(str(len(names)))), flush=True)
    except KeyboardInterrupt:
        for grading in running:
            grading.stop()
        sweep_orphans([])
        print("interrupted: the table holds the {} submissions that "
              "finished".format(len(verdicts)))
    write_table(args.out, verdicts)
    for line in summary(verdicts, time.monotonic() - start, args.jobs):
        print(line)
    print("wrote {}".format(os.path.join(args.out, "grades.csv")))
    if tampered:
        print("STOPPED: the repository's files changed during the class "
              "({}); {} submission(s) not graded. Restore the repository "
              "(git checkout -- . && git clean -fd) before grading again."
              .format(", ".join(tampered), len(waiting)))
        sys.exit(2)
    if len(verdicts) < len(names):
        sys.exit(130)


if __name__ == "__main__":
    main()
