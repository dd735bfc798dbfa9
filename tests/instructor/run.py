"""The judge grading each submission of a class in a process of its own.

Each grading is python3 -m pytest --submission=SUB --results=FILE, run
from the repository's root; N run at a time. This module never runs
submitted code: it starts the judge and reads the verdict it writes. A
judge that is stopped, or past its time, is killed with what it started
(the caller is a child subreaper on Linux, and the orphans are killed).
The verdict and the judge's printout go to OUTDIR/NAME/ only when the
grading ends, so that an interrupted re-grading keeps the verdict of the
one before (tests/README.md, "Grading a class").
"""
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Tuple

from judge.contract.tasks import ROOT
from judge.reference import changes, fingerprint
from judge.run.processes import sweep
from judge.verdict import MAX_SCORE

# the signals that stop a class
STOPS = {signal.SIGINT, signal.SIGTERM}


class Grading:
    """The judge grading one submission, in a process of its own."""

    def __init__(self, name: str, folder: str, out: str,
                 options: List[str], limit: float):
        """Start the judge on folder; its files go to out/name/."""
        self.name = name
        self.place = os.path.join(out, name)
        os.makedirs(self.place, exist_ok=True)
        self.results = os.path.join(self.place, "results.json")
        self.log = os.path.join(self.place, "output.txt")
        # written beside, and moved in place when the grading ends
        self.new_results = os.path.join(self.place, ".results.json.new")
        self.new_log = os.path.join(self.place, ".output.txt.new")
        if os.path.exists(self.new_results):
            os.remove(self.new_results)
        self.printed = open(self.new_log, "w")
        env = dict(os.environ, PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
        self.start = time.monotonic()
        self.deadline = self.start + limit
        self.limit = limit
        self.process = subprocess.Popen(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
             "--assert=plain", "--submission=" + os.path.abspath(folder),
             "--results=" + os.path.abspath(self.new_results)] + options,
            cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=self.printed,
            stderr=subprocess.STDOUT, start_new_session=True)
        self.problem: Optional[str] = None

    def done(self) -> bool:
        """Whether the run has ended (it is killed past its time)."""
        if self.process.poll() is not None:
            return True
        if time.monotonic() > self.deadline:
            self.stop()
            self.problem = "the grading did not finish in {:g} s".format(
                self.limit)
            return True
        return False

    def stop(self) -> None:
        """Kill the judge and its process group (sweep_orphans kills its
        workers, which have sessions of their own)."""
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except OSError:
            pass
        self.process.wait()

    def abandon(self) -> None:
        """Forget a grading that was stopped before its end: what was
        graded before stays in place."""
        self.printed.close()
        for path in (self.new_results, self.new_log):
            if os.path.exists(path):
                os.remove(path)

    def verdict(self) -> Tuple[dict, float]:
        """The judge's verdict, or one that says why there is none; both
        it and the printout are moved in place."""
        self.printed.close()
        os.replace(self.new_log, self.log)
        seconds = time.monotonic() - self.start
        try:
            with open(self.new_results) as f:
                verdict = json.load(f)
            if isinstance(verdict.get("tests"), list):
                os.replace(self.new_results, self.results)
                return verdict, seconds
        except (OSError, ValueError, AttributeError):
            pass
        reason = self.problem or "the judge ended with status {} and no " \
            "verdict".format(self.process.returncode)
        verdict = {"score": 0, "execution_time": round(seconds, 3),
                   "output": "no verdict: " + reason, "tests": [],
                   "no_verdict": reason}
        with open(self.new_results, "w") as f:
            json.dump(verdict, f, indent=1)
        os.replace(self.new_results, self.results)
        return verdict, seconds


def sweep_orphans(running: List[Grading]) -> None:
    """Kill, and wait for, whatever the judges that ended left behind: their
    workers, each in a session of its own, and what those started. As this
    process is a child subreaper, they are its descendants outside the
    running judges' trees."""
    sweep([], trees=[grading.process.pid for grading in running])


@dataclass
class Outcome:
    """What a class's gradings gave: the verdicts by name, in the order
    they finished; the repository's files that changed (the class stops);
    the names not graded; whether Ctrl-C (or SIGTERM) stopped it."""
    verdicts: Dict[str, dict] = field(default_factory=dict)
    tampered: List[str] = field(default_factory=list)
    waiting: List[str] = field(default_factory=list)
    interrupted: bool = False


def grade_all(folder: str, names: List[str], out: str, options: List[str],
              limit: float, jobs: int, shown: Callable[[str], str],
              watched: List[str]) -> Outcome:
    """Grade each submission folder/NAME of names, jobs at a time, and
    print a line as each finishes (its name as shown(name)). Between
    gradings the repository's files (but those in watched: the class and
    the output) are compared with what they were at the start: once they
    changed, no grading starts."""
    before = fingerprint(ROOT, watched)
    outcome = Outcome(waiting=list(names))
    running: List[Grading] = []
    width = len(str(len(names)))
    try:
        while outcome.waiting or running:
            while outcome.waiting and len(running) < jobs and \
                    not outcome.tampered:
                changed = changes(before, fingerprint(ROOT, watched))
                if changed:
                    outcome.tampered = changed
                    break
                name = outcome.waiting.pop(0)
                # a Ctrl-C (or SIGTERM) between starting a judge and
                # recording it would leave that judge running: it waits
                # until it is recorded
                signal.pthread_sigmask(signal.SIG_BLOCK, STOPS)
                try:
                    running.append(Grading(name, os.path.join(
                        folder, name), out, options, limit))
                finally:
                    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPS)
            if outcome.tampered and not running:
                break
            time.sleep(0.05)
            ended = [g for g in running if g.done()]
            for grading in ended:
                running.remove(grading)
            if ended:
                sweep_orphans(running)
            for grading in ended:
                verdict, seconds = grading.verdict()
                outcome.verdicts[grading.name] = verdict
                print("[{:>{w}}/{}] {:<24} {:>3}/{}  {:5.1f} s{}".format(
                    len(outcome.verdicts), len(names), shown(grading.name),
                    verdict["score"], MAX_SCORE, seconds,
                    "  (no verdict)" if "no_verdict" in verdict else "",
                    w=width), flush=True)
    except KeyboardInterrupt:
        for grading in running:
            grading.stop()
            grading.abandon()
            outcome.waiting.insert(0, grading.name)
        sweep_orphans([])
        outcome.interrupted = True
    return outcome
