"""errors: a malformed call of a sequence function raises a ValueError
whose message names the argument at fault.

SPEC.md asks for the argument's name; this repository's own messages also
give the expected and the actual shape (tests/repository/ checks them word
for word). The malformed calls are listed in cases.malformed_calls.
"""
import re

import pytest

import cases
from expect import reference
from judge.session import fail, one_line

pytestmark = pytest.mark.errors
MALFORMED = cases.malformed_calls()


@pytest.mark.parametrize("label, task, argument, replacement, _",
                         MALFORMED, ids=[call[0] for call in MALFORMED])
def test_malformed_call_raises_a_clear_error(label, task, argument,
                                             replacement, _, judge):
    """A ValueError whose message names the argument."""
    outcome = judge.outcome(task, cases.malformed_case(
        task, argument, replacement, reference))
    what = "{} with {}".format(cases.describe(task), label.split(" ", 1)[1])
    if outcome.ok:
        fail("{}: returned instead of raising a ValueError that names {}"
             .format(what, argument))
    error = outcome.error
    message = one_line(error.get("message", ""), 120)
    if "ValueError" not in (error.get("classes") or ()):
        fail("{}: raised {} ({}), not a ValueError that names {}".format(
            what, error.get("type"), message, argument))
    if not re.search(r"(?<!\w){}(?!\w)".format(re.escape(argument)),
                     error.get("message", "")):
        fail("{}: the ValueError's message {!r} does not name {}".format(
            what, message, argument))
