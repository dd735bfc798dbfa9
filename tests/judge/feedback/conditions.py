"""When a task fails: its calls on neighbouring cases.

A failing task is called, in its worker and within its limits, on a base
case (several steps, examples, layers and outputs, i != h, non-zero initial
states and biases, soft and empty target rows) and on variations of it
that change one thing each: one step, one example, one output, i = h, one
layer, inner layers of another output size, zero initial states, zero
biases, one-hot targets, a gate held shut or open. Each call is compared
with this repository's answer on the same case. A variation that turns a
failure into a pass, or a pass into a failure, is the condition: "fails
only with one layer (l = 1)", "fails only when the reset gate is not fully
open (r < 1)"; a variation that leaves fewer outputs wrong says which
("with one step (t = 1), only dWo, dbo, dX, dh_0 differ").
"""
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Mapping, Optional, Tuple

import numpy as np

from judge.contract import cases
from judge.contract.tasks import GRU_CELL, LSTM_CELL, TASK
from judge.failures import Raised
from judge.session import Outcome

SEED = 2718
# distinct sizes, so that axes in another order can be told apart
BASE = dict(l=2, t=4, m=3, i=5, h=6, o=7, inner_o=7)
STATES = ("state", "c_prev", "h_0", "c_0", "h_t")
# a gate pre-activation that holds a gate at 0 or 1 (to 5e-18) in float64
GATE = 40.0

Case = Dict[str, np.ndarray]


@dataclass(frozen=True)
class Variation:
    """One change of the base case.

    said: the condition in words when the variation alone fails (or
    passes); unsaid: its negation; sizes: sizes that change; zero: the
    case keys set to zero ("states", "biases"); gate: (attribute letter,
    value) of a gate held at 0 or 1; one_hot: targets without soft or
    empty rows; cells: the cells it applies to (all when empty).
    """
    name: str
    said: str
    unsaid: str
    sizes: Mapping[str, int] = field(default_factory=dict)
    zero: str = ""
    gate: Tuple[str, float] = ()
    one_hot: bool = False
    cells: Tuple[str, ...] = ()

    def applies(self, task: str) -> bool:
        """Whether the task has what this variation changes."""
        described = TASK[task]
        keys = {a.case_key for a in described.inputs}
        if self.cells:
            return described.cell.name in self.cells
        if self.zero == "states":
            return bool(keys & set(STATES))
        if self.one_hot:
            return "Y_true" in keys
        if self.zero:
            return True
        if self.name == "o = 1" and described.returns_gradients:
            return False  # one output: the loss is 0, every gradient too
        return next(iter(self.sizes)) in described.sizes_used()

    def change(self, case: Case) -> None:
        """Change a drawn case in place (sizes aside)."""
        for key in list(case):
            if self.zero == "states" and key in STATES or \
                    self.zero == "biases" and ".b" in key:
                case[key] = np.zeros_like(case[key])
            if self.gate and key.endswith(".W" + self.gate[0]):
                case[key] = np.zeros_like(case[key])
            if self.gate and key.endswith(".b" + self.gate[0]):
                case[key] = np.full_like(case[key], self.gate[1])
        if self.one_hot:
            Y_true = case["Y_true"]
            case["Y_true"] = np.eye(Y_true.shape[-1])[
                np.argmax(Y_true, axis=-1)]


def gate(letter: str, name: str, cell: str, value: float) -> Variation:
    """A gate held shut (value -GATE) or open (+GATE)."""
    state = "shut" if value < 0 else "open"
    said = "{} ({} = {})".format("with the {} gate {}".format(name, state),
                                 letter, 0 if value < 0 else 1)
    unsaid = "when the {} gate is not {} ({} {} {})".format(
        name, "shut" if value < 0 else "fully open", letter,
        ">" if value < 0 else "<", 0 if value < 0 else 1)
    return Variation("{} = {}".format(letter, 0 if value < 0 else 1), said,
                     unsaid, gate=(letter, value), cells=(cell,))


VARIATIONS = (
    Variation("t = 1", "with one step (t = 1)",
              "with more than one step (t > 1)", {"t": 1}),
    Variation("m = 1", "with one example (m = 1)",
              "with more than one example (m > 1)", {"m": 1}),
    Variation("o = 1", "with one output (o = 1)",
              "with more than one output (o > 1)", {"o": 1, "inner_o": 1}),
    Variation("i = h", "when i = h", "when i != h", {"i": BASE["h"]}),
    Variation("o = h", "when o = h", "when o != h",
              {"o": BASE["h"], "inner_o": BASE["h"]}),
    Variation("l = 1", "with one layer (l = 1)",
              "with several layers (l > 1)", {"l": 1}),
    Variation("inner_o", "when the inner layers have another output size "
              "than the last", "when every layer has the same output size",
              {"inner_o": 5}),
    Variation("zero states", "with zero initial states",
              "with non-zero initial states", zero="states"),
    Variation("zero biases", "with zero biases", "with non-zero biases",
              zero="biases"),
    Variation("one-hot", "with one-hot targets only",
              "with soft or all-zero target rows", one_hot=True),
) + tuple(gate(letter, name, cell.name, value)
          for cell, gates in ((GRU_CELL, (("z", "update"), ("r", "reset"))),
                              (LSTM_CELL, (("f", "forget"), ("u", "update"),
                                           ("o", "output"))))
          for letter, name in gates for value in (-GATE, GATE))


@dataclass
class Probe:
    """One call of the submission on a case, beside the right answer."""
    variation: Optional[Variation]
    method: Optional[str]
    sizes: Dict[str, int]
    case: Case
    outcome: Outcome
    expected: Case
    wrong: List[str]

    @property
    def right(self) -> bool:
        """Whether the call returned the right answer."""
        return self.outcome.ok and not self.wrong


def make_case(task: str, sizes: Dict[str, int],
              variation: Optional[Variation], reference) -> Case:
    """The case of task for sizes, changed by the variation; a forward
    pass (tasks 9, 10) is run again on the changed case."""
    case = cases.make_inputs(task, np.random.default_rng(SEED), sizes,
                             reference)
    if variation is not None:
        variation.change(case)
        if TASK[task].derived:
            case.update(zip(TASK[task].derived, cases.forward_states(
                task, case, reference)))
    return case


def wrong_keys(got: Case, expected: Case) -> List[str]:
    """The outputs of got that differ from expected (the checks'
    tolerance)."""
    found = []
    for name, want in expected.items():
        value = np.asarray(got.get(name))
        try:
            ok = value.shape == np.shape(want) and bool(np.all(np.isclose(
                value, want, rtol=1e-9, atol=1e-12)))
        except TypeError:  # not numbers
            ok = False
        if not ok:
            found.append(name)
    return found


# call(task, case, method): the submission's outcome, or None when it can
# no longer be called (its task's time is spent, its file does not import)
Caller = Callable[[str, Case, Optional[str]], Optional[Outcome]]


def run_probes(task: str, call: Caller, reference) -> List[Probe]:
    """The base case and every variation that applies, for each method the
    task's checks call, each called through call(task, case, method)."""
    probes = []
    for method in TASK[task].methods() or (None,):
        for variation in (None,) + tuple(
                v for v in VARIATIONS if v.applies(task)):
            sizes = {k: BASE[k] for k in TASK[task].sizes_used()}
            if variation is not None:
                sizes.update({k: v for k, v in variation.sizes.items()
                              if k in sizes})
            case = make_case(task, sizes, variation, reference)
            expected = cases.run(task, case, reference, method)
            outcome = call(task, case, method)
            if outcome is None:
                return []
            wrong = wrong_keys(outcome.arrays, expected) if outcome.ok \
                else list(expected)
            probes.append(Probe(variation, method, sizes, case, outcome,
                                expected, wrong))
    return probes


@dataclass
class Condition:
    """What the probes of one method show.

    when: the condition under which it fails ("only with one layer (l =
    1)"), or None when it fails everywhere; showing: a failing probe, to
    say how it fails; fewer: a variation under which fewer outputs are
    wrong, and those outputs.
    """
    method: Optional[str]
    when: Optional[str]
    showing: Probe
    fewer: Optional[Tuple[str, List[str]]] = None


# variations whose outcome says nothing of the fault when it is the only
# one: with one output, every softmax row is [1]
UNTOLD = ("o = 1",)
# how much a variation tells, most first, when several make it pass (or
# fail): a gate that passes both shut and open, then the sizes that
# change the structure, then the rest, then a gate in one state
TELLING = ("t = 1", "l = 1", "i = h", "o = h", "inner_o", "one-hot",
           "m = 1", "zero biases", "zero states")
MOST_CONDITIONS = 2
# the variations that say which outputs a step, a layer, an example
# touches ("with one step (t = 1), only dWo, dbo, dX, dh_0 differ")
FEWER = ("t = 1", "l = 1", "m = 1")


def told(probes: List[Probe], negated: bool) -> List[str]:
    """The conditions the variations of probes state, most telling first,
    at most MOST_CONDITIONS: their said (or, negated, unsaid) words; a gate
    held both shut and open is one condition, "when 0 < r < 1"."""
    names = {p.variation.name: p.variation for p in probes}
    found = []
    for letter in "zrfuo":
        shut, open_ = names.get(letter + " = 0"), names.get(letter + " = 1")
        if shut and open_:
            gate = shut.said.split("the ")[1].split(" gate")[0]
            found.append((-1, "when the {} gate is neither shut nor open "
                          "(0 < {} < 1)".format(gate, letter) if negated
                          else "with the {} gate shut or open ({} = 0 or "
                          "1)".format(gate, letter)))
            del names[letter + " = 0"], names[letter + " = 1"]
    for name, variation in names.items():
        order = TELLING.index(name) if name in TELLING else len(TELLING)
        found.append((order, variation.unsaid if negated else
                      variation.said))
    return [text for _, text in sorted(found)[:MOST_CONDITIONS]]


def condition(probes: List[Probe]) -> Optional[Condition]:
    """What one method's probes (base first) show, or None when they all
    pass."""
    base = next((p for p in probes if p.variation is None), None)
    if base is None:  # the probes stopped before it
        return None
    others = [p for p in probes if p.variation is not None]
    if base.right:
        failing = [p for p in others if not p.right]
        if not failing:
            return None
        # each of these alone makes it fail
        return Condition(base.method, "only " + " or ".join(
            told(failing, False)), failing[0])
    # each of these alone makes it pass: it fails when none holds
    passing = [p for p in others if p.right and
               p.variation.name not in UNTOLD]
    found = Condition(base.method, "only " + " and ".join(
        told(passing, True)) if passing else None, base)
    if base.outcome.ok:
        fewer = [p for p in others if p.outcome.ok and p.wrong and
                 set(p.wrong) < set(base.wrong) and
                 p.variation.name in FEWER]
        if fewer:
            best = min(fewer, key=lambda p: len(p.wrong))
            found.fewer = (best.variation.said, best.wrong)
    return found


def raised_text(error: Raised, source: List[str]) -> str:
    """"UnboundLocalError at line 28 (`Y[s] = y`): ..." with the
    submission's own line."""
    return "{}{}: {}".format(error.type, error.where(source), " ".join(
        error.message.split())[:120])
