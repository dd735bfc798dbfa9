"""Several gradings of the judge, one after the other, in one process.

    python3 batch.py JOBS.json

JOBS.json is a list of {"submission": DIR, "results": FILE, "printed":
FILE, "options": [...]}: each job is `python3 -m pytest -q -p
no:cacheprovider --submission=DIR --results=FILE OPTIONS...` as
conftest.py runs it, but through pytest.main in this process (run from a
copy of this repository), what it prints written to its "printed" file,
its exit status appended to that file's last line ("exit N"). One
process for many gradings spares each the start of Python, numpy and
pytest and the import of the checks: the suite's corpora are graded this
way (conftest.Batch). Each grading is still the judge's own: its workers,
its verdict, its results.json.
"""
import contextlib
import json
import sys

import pytest


def run(job: dict) -> int:
    """One grading; its exit status."""
    arguments = ["-q", "-p", "no:cacheprovider",
                 "--submission=" + job["submission"],
                 "--results=" + job["results"]] + job["options"]
    with open(job["printed"], "w") as out:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            status = int(pytest.main(arguments))
        out.write("\nexit {}\n".format(status))
    return status


def main() -> None:
    """Run the jobs of the file the command line names."""
    with open(sys.argv[1]) as f:
        jobs = json.load(f)
    for job in jobs:
        run(job)


if __name__ == "__main__":
    main()
