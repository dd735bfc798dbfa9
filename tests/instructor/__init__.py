"""The instructor's tools: what tests/grade_class.py does with a class.

    run.py          the judge grading each submission in a process of its own
    verdicts.py     a results.json read as typed data
    ledger.py       OUTDIR/class.json: what was graded, from which files,
                    with which seed and limits (re-grading), pseudonyms
    roster.py       the roster: folder -> student id, name, e-mail, ...
    table.py        grades.csv
    overview.py     the class at a glance: scores, shares, named mistakes
    similarity.py   similar code between submissions and known
                    solutions: code (copydetect) and text as evidence
    free_parts.py   the parts of a task file the contract leaves free:
                    docstrings, comments, strings, names, layout
    feedback.py     NAME/feedback.md, for the student
    report.py       report.html, for the instructor

tests/README.md, "Grading a class", says what each writes.
"""
