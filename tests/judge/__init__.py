"""The judge: how a submission is run and how its verdict is told.

    session.py   a grading run: snapshots, one task at a time, the calls
                 that checks make
    sandbox.py   worker processes and their limits (the judge's side)
    isolation.py who workers run as, and in which namespaces
    worker.py    what runs inside a worker: the only code that runs
                 submitted code
    protocol.py  the frames that travel between the two
    verdict.py   the scoreboard and results.json

What is checked lives in tests/checks/, one kind per file.
"""
