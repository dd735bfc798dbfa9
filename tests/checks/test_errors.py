"""errors: a malformed call of a sequence function raises a ValueError
whose message names the argument at fault.

The README asks for the argument's name; this repository's own messages also
give the expected and the actual shape (tests/repository/ checks them word
for word). The malformed calls are listed in cases.malformed_calls.
"""
import re

import pytest

from judge.contract import cases
from judge.failures import fail, one_line

pytestmark = pytest.mark.errors
MALFORMED = cases.malformed_calls()
# how a stand-in cell (judge/standins.py) refuses a call: the error is
# the judge's, raised because the submission passed the argument on
STANDIN = re.compile(r"^\w+\.\w+\(.*?\) was given \w+ of shape ")


@pytest.mark.parametrize("label, task, argument, replacement, _",
                         MALFORMED, ids=["{} {}".format(
                             call[1], call[0].split(" ", 1)[1])
                             for call in MALFORMED])
def test_malformed_call_raises_a_clear_error(label, task, argument,
                                             replacement, _, judge):
    """A ValueError whose message names the argument."""
    outcome = judge.outcome(task, cases.malformed_case(
        task, argument, replacement, judge.reference))
    what = "{} with {}".format(cases.describe(task), label.split(" ", 1)[1])
    if outcome.ok:
        fail("{}: returned instead of raising a ValueError that names {}"
             .format(what, argument))
    error = outcome.error
    message = one_line(error.message, 120)
    if not error.is_a("ValueError"):
        fail("{}: raised {} ({}), not a ValueError that names {}".format(
            what, error.type, message, argument))
    if not re.search(r"(?<!\w){}(?!\w)".format(re.escape(argument)),
                     error.message):
        if STANDIN.match(error.message):
            fail("{}: the ValueError was raised by the cell, on what came "
                 "from the malformed {} ({!r}): check {} first, and name it"
                 .format(what, argument, message, argument))
        fail("{}: the ValueError's message {!r} does not name {}".format(
            what, message, argument))
