"""Several gradings of the judge, one after the other, in one process.

    python3 batch.py JOBS.json

JOBS.json is a list of {"submission": DIR, "results": FILE, "printed":
FILE, "options": [...]}: each job is `python3 -m pytest -q -p
no:cacheprovider --submission=DIR --results=FILE OPTIONS...` as
conftest.py runs it, but through pytest.main in this process (run from a
copy of this repository), what it prints written to its "printed" file,
its exit status appended to that file's last line ("exit N"), and then
an empty file beside it, named as it with ".done" added. One process for
many gradings spares each the start of Python, numpy and pytest and the
import of the checks: the suite's corpora are graded this way
(conftest.Batch). Each grading is still the judge's own: its workers,
its verdict, its results.json.

Several processes may run the same JOBS.json side by side: each takes
the next job that no other has taken (it makes the job's file named as
"printed" with ".taken" added, which fails where another made it), so
that they end within a job of each other.
"""
import contextlib
import json
import os
import sys

import pytest


def take(job: dict) -> bool:
    """Whether this process takes the job (no other process took it)."""
    try:
        os.close(os.open(job["printed"] + ".taken",
                         os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
    except FileExistsError:
        return False
    return True


def run(job: dict) -> int:
    """One grading; its exit status."""
    arguments = ["-q", "-p", "no:cacheprovider",
                 "--submission=" + job["submission"],
                 "--results=" + job["results"]] + job["options"]
    with open(job["printed"], "w") as out:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            status = int(pytest.main(arguments))
        out.write("\nexit {}\n".format(status))
    with open(job["printed"] + ".done", "w"):
        pass
    return status


def main() -> None:
    """Run the jobs of the file the command line names that no other
    process has taken, in their order."""
    with open(sys.argv[1]) as f:
        jobs = json.load(f)
    for job in jobs:
        if take(job):
            run(job)


if __name__ == "__main__":
    main()
