"""Feedback: why a failing task fails, and where, without showing code.

When a task's checks of a kind fail, the judge says, in at most three
lines:

- the catalogued mistake that explains the failures, when one clearly
  does (catalogue.py);
- the condition under which the task fails, found by calling it on
  neighbouring cases (conditions.py): "deep_rnn(rnn_cells, X, h_0) fails
  only with one layer (l = 1): UnboundLocalError at line 28 (`Y[s] = y`)";
- where and how the outputs differ, in the task's terms (relations.py):
  which outputs match, which steps, layer or half differ, a constant
  factor, a shift in time, axes in another order; for a constructor, the
  order of its draws or the shapes of its attributes (draws.py).

Everything here runs in the judge's process on this repository's code
and on the submission's recorded answers; the only calls of the
submission are the probes, made through the session within its limits.
"""
from typing import List, Optional

from judge.contract.tasks import TASK
from judge.feedback import catalogue, conditions, draws, relations
from judge.verdict import Check, Feedback

MOST_LINES = 3


def how(task: str, probe: conditions.Probe, source: List[str]) -> str:
    """How a probe failed: the exception with the submission's line (an
    error about shapes told in the README's words), or which outputs
    differ."""
    if not probe.outcome.ok:
        error = probe.outcome.error
        line = source[error.line - 1] if error.line and \
            0 < error.line <= len(source) else ""
        said = relations.shapes_text(task, error.shapes, probe.sizes, line)
        if said:
            return "{}{}: {}".format(error.type, error.where(source), said)
        return conditions.raised_text(error, source)
    call = TASK[task].call(probe.method)
    kind = "gradient" if TASK[task].returns_gradients else "output"
    right = [name for name in call.output_names()
             if name not in probe.wrong]
    if not right and len(probe.wrong) > 1:
        return "every {} differs".format(kind)
    if len(probe.wrong) > 4 and len(right) <= 3:
        return "every {} but {} differs".format(kind, relations.names(right))
    return "{} differ{}".format(relations.names(probe.wrong),
                                "s" if len(probe.wrong) == 1 else "")


def relation(task: str, probe: conditions.Probe) -> Optional[str]:
    """The most specific thing true of how a failing probe's outputs
    differ: an output that is another's answer, or the best of
    relations.describe over the outputs that differ."""
    if not probe.outcome.ok:
        return None
    got = probe.outcome.arrays
    found = relations.exchanged(got, probe.expected, probe.wrong)
    if found:
        return found
    said = []
    for array in TASK[task].call(probe.method).outputs:
        if array.name in probe.wrong:
            text = relations.describe(array, got.get(array.name),
                                      probe.expected[array.name],
                                      probe.sizes)
            if text:
                said.append((relations.rank(text), text))
    return min(said)[1] if said else None


def probe_hints(task: str, found: List[conditions.Probe],
                source: List[str]) -> List[str]:
    """The hints of the probes, most telling first: per failing method,
    its condition, how its outputs differ, which match, and what fewer
    outputs a variation leaves wrong."""
    hints: List[str] = []
    methods = TASK[task].methods() or (None,)
    shown = {method: conditions.condition(
        [p for p in found if p.method == method]) for method in methods}
    for method in methods:
        cond = shown[method]
        if cond is None:
            continue
        text = TASK[task].call(method).text
        probe = cond.showing
        lines = []
        if cond.when:
            lines.append("{} fails {}: {}".format(text, cond.when,
                                                  how(task, probe, source)))
        elif not probe.outcome.ok:
            lines.append("{}: {}".format(text, how(task, probe, source)))
        elif len(methods) > 1:
            right = [TASK[task].call(m).text.split("(")[0].split(".")[-1]
                     for m in methods if shown[m] is None]
            if right:
                lines.append("{} differs; {} {} right".format(
                    text, relations.names(right),
                    "is" if len(right) == 1 else "are"))
        said = relation(task, probe)
        outputs = [a.name for a in TASK[task].call(method).outputs]
        matches = relations.outputs_line(
            probe.wrong, [n for n in outputs if n not in probe.wrong]) \
            if probe.outcome.ok and not cond.when else None
        fewer = "{}, only {} differ{}".format(
            cond.fewer[0], relations.names(cond.fewer[1]),
            "s" if len(cond.fewer[1]) == 1 else "") if cond.fewer else None
        strong = said if said and relations.rank(said) <= 1 else None
        weak = said if said and relations.rank(said) > 1 else None
        lines += [line for line in (strong, matches, fewer, weak) if line]
        hints += lines
    return hints


def draws_hint(checks: List[Check]) -> List[str]:
    """What the constructor got wrong, from the failing draws checks: the
    attributes it lacks, or what it drew."""
    for check in checks:
        if check.outcome == "failed":
            for call in check.calls:
                error = call.outcome.error
                if call.probe == "construct" and error is not None and \
                        error.harness and "has no attribute" in \
                        error.message:
                    return [error.message]
                said = draws.explain(call)
                if said:
                    return [said]
    return []


def recorded_hints(task: str, checks: List[Check], reference) -> List[str]:
    """How the first failing call of the failing checks differs, in the
    task's terms."""
    failing = [check for check in checks if check.outcome == "failed"]
    for item in catalogue.evidence(failing, reference):
        call = item.call
        if call.probe != "call" or not item.wrong or \
                item.wrong == ["raised"]:
            continue
        expected, _ = catalogue.replay(call, reference)
        sizes = infer_sizes(task, call.case)
        for array in TASK[task].call(call.request.get("method")).outputs:
            if array.name in item.wrong:
                said = relations.describe(
                    array, call.outcome.arrays.get(array.name),
                    expected[array.name], sizes)
                if said:
                    return [said]
        return []
    return []


def infer_sizes(task: str, case) -> dict:
    """The sizes of a recorded case, read from its arrays' shapes."""
    found = {}
    described = TASK[task]
    for array in described.inputs:
        value = case.get(array.case_key)
        if value is None or len(array.axes) != value.ndim:
            continue
        for axis, n in zip(array.axes, value.shape):
            if axis in ("t", "m", "i", "h", "o", "l"):
                found[axis] = n
            elif axis == "t+1":
                found["t"] = n - 1
            elif axis == "2h":
                found["h"] = n // 2
    for key, value in case.items():
        if key.endswith(".Wy") and value.ndim == 2:
            found.setdefault("o", value.shape[1])
            found.setdefault("h", value.shape[0] // (
                2 if "2h" in described.cell.attribute("Wy").axes else 1))
    return found


def explain(task: str, kind: str, checks: List[Check], reference,
            call: Optional[conditions.Caller], source: List[str]
            ) -> Optional[Feedback]:
    """The feedback on task's failing checks of kind, or None if none
    failed.

    reference: this repository's files; call(task, case, method): a call
    of the submission (None when it cannot be called: probes are
    skipped); source: the submitted file's lines.
    """
    failing = [check for check in checks if check.outcome == "failed"]
    if not failing:
        return None
    feedback = Feedback()
    if all(check.message.startswith("not implemented yet")
           for check in failing):
        return feedback
    if kind in ("results", "robustness"):
        named = catalogue.diagnose(task, kind, checks, reference)
        if named is not None:
            feedback.mistake = named.says
    if kind != "results":
        return feedback
    hints = draws_hint(checks)
    found = conditions.run_probes(task, call, reference) if call else []
    probed = probe_hints(task, found, source)
    hints += probed or recorded_hints(task, checks, reference)
    feedback.hints = hints[:MOST_LINES]
    return feedback
