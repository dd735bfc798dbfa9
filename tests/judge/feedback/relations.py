"""Where and how an output differs from the right one, in the task's terms.

Given what a submission returned for one output (an Array of the task's
description, with its axes) and what it should have returned, describe()
says, in one short line, the most specific thing that is true of the
difference: a shape with its axes named, axes in another order, NaN, all
zeros, a constant factor (named: 1/t, 1/m, -1...), transposed, reversed in
time or shifted by one step, which steps, which layer (or another layer's
right answer), which half of a bidirectional H, rows that sum to 1 over
another axis. It never shows code, only the README's names.
"""
from typing import Dict, List, Optional, Sequence

import numpy as np

from judge.contract.tasks import TASK, Array, size

RTOL, ATOL = 1e-6, 1e-9

AXIS_WORDS = {"t": "time", "t+1": "time", "m": "the batch", "o": "the outputs",
              "l": "the layers", "h": "the hidden units", "2h": "the units",
              "i": "the inputs", "h+i": "the rows"}


def same(a, b) -> bool:
    """Whether two arrays have one shape and agree (NaN never does)."""
    a, b = np.asarray(a), np.asarray(b)
    return a.shape == b.shape and a.size > 0 and bool(
        np.all(np.isclose(a, b, rtol=RTOL, atol=ATOL)))


def shape_text(axes: Sequence[str], sizes: Dict[str, int]) -> str:
    """"(t+1, m, h) = (5, 3, 4)"."""
    return "({}) = {}".format(", ".join(axes), tuple(
        size(axis, sizes) for axis in axes))


def steps_text(indices: List[int], count: int, initial: bool) -> str:
    """Which steps: "only the first step", "every step from s = 2", ...;
    rows of an axis "t+1" count from H[0] (the initial state)."""
    name = "H[{}]" if initial else "step s = {}"
    if len(indices) == count:
        return "at every step"
    if indices == [0]:
        return "only in H[0], the initial state" if initial else \
            "only at the first step (s = 0)"
    if indices == [count - 1]:
        return "only at the last {}".format(
            "row, H[t]" if initial else "step (s = t - 1)")
    if indices == list(range(count - 1)):
        return "at every {} but the last".format("row" if initial else "step")
    if indices == list(range(1, count)):
        return "at every row but H[0], the initial state" if initial \
            else "at every step but the first"
    if indices == list(range(indices[0], count)):
        return "at every {} from {} on".format(
            "row" if initial else "step", name.format(indices[0]))
    return "at " + ", ".join(name.format(k) for k in indices[:4]) + (
        ", ..." if len(indices) > 4 else "")


FACTORS = (("-1 (the sign is flipped)", lambda s: -1.0),
           ("1/t", lambda s: 1.0 / s["t"]), ("t", lambda s: float(s["t"])),
           ("1/m", lambda s: 1.0 / s["m"]), ("m", lambda s: float(s["m"])),
           ("1/(t·m)", lambda s: 1.0 / (s["t"] * s["m"])),
           ("2", lambda s: 2.0), ("1/2", lambda s: 0.5))


def factor_text(got, want, sizes) -> Optional[str]:
    """"times 1/t (t = 4)" when got is a constant multiple of want (of
    at least 4 non-zero entries: any two numbers are proportional)."""
    norm = float(np.sum(want * want))
    if norm == 0 or np.count_nonzero(want) < 4:
        return None
    c = float(np.sum(got * want)) / norm
    if not same(got, c * want) or abs(c - 1) < 1e-6:
        return None
    for name, value in FACTORS:
        try:
            v = value(sizes)
        except KeyError:
            continue
        if abs(c - v) <= 1e-6 * max(1, abs(v)):
            shown = {"1/t": "t", "t": "t", "1/m": "m", "m": "m"}.get(name)
            return "the right value times {}{}".format(
                name, " ({} = {})".format(shown, sizes[shown]) if shown
                else "")
    if np.count_nonzero(want) < 8:
        return None
    return "the right value times {:.4g} (a constant factor)".format(c)


def permutation(got_shape, axes, sizes) -> Optional[List[str]]:
    """The axes in the order got's shape has them, if it is a
    rearrangement of the documented ones (and distinguishable)."""
    want = [size(axis, sizes) for axis in axes]
    if sorted(got_shape) != sorted(want) or len(set(want)) != len(want):
        return None
    return [axes[want.index(n)] for n in got_shape]


def describe(array: Array, got, want, sizes: Dict[str, int]) -> Optional[str]:
    """One line on how got (what was returned for array) differs from want,
    or None when they agree."""
    name = array.name
    got, want = np.asarray(got), np.asarray(want)
    if got.shape != want.shape:
        order = permutation(got.shape, array.axes, sizes)
        if order is not None:
            return "{} has its axes in another order: ({}) where the README " \
                "has ({})".format(name, ", ".join(order),
                                  ", ".join(array.axes))
        return "{} has shape {}, where the README's is {}".format(
            name, got.shape, shape_text(array.axes, sizes))
    if not np.issubdtype(got.dtype, np.number) and got.dtype != bool:
        return None
    got = got.astype(float)
    if same(got, want):
        return None
    if np.isnan(got).any() and not np.isnan(want).any():
        return "{} holds NaN ({} of {} entries)".format(
            name, int(np.isnan(got).sum()), got.size)
    if not np.any(got) and np.any(want):
        return "{} is all zeros (never written?)".format(name)
    found = factor_text(got, want, sizes)
    if found:
        return "{} is {}".format(name, found)
    if got.ndim == 2 and got.shape[0] == got.shape[1] > 1 and \
            same(got, want.T):
        return "{} is transposed".format(name)
    if array.values == "probabilities" and got.ndim >= 2:
        found = probabilities(array, got)
        if found:
            return found
    found = [along(array, position, axis, got, want, sizes)
             for position, axis in enumerate(array.axes)]
    found = sorted((rank(text), text) for text in found if text)
    return found[0][1] if found and found[0][0] < 3 else None


def rank(text: str) -> int:
    """How much a statement says: 0, a relation (reversed, shifted,
    swapped, another layer's values); 1, a part (one half, some layers);
    2, some steps; 3, nothing specific."""
    if "at every step" in text:
        return 3
    if any(word in text for word in ("reversed", "shifted", "swapped",
                                     "holds", "reverse order")):
        return 0
    if "half" in text or "layer" in text:
        return 1
    return 2


def probabilities(array: Array, got) -> Optional[str]:
    """Rows of probabilities that sum to 1 over another axis."""
    if np.allclose(got.sum(axis=-1), 1, rtol=1e-6, atol=1e-9):
        return None
    for k in range(got.ndim - 1):
        if np.allclose(got.sum(axis=k), 1, rtol=1e-6, atol=1e-9):
            return "{}'s entries sum to 1 over {} (axis {}), not over the " \
                "outputs o: the softmax runs over the wrong axis".format(
                    array.name, AXIS_WORDS.get(array.axes[k], "axis"), k)
    return "{}'s rows do not sum to 1 over the outputs o".format(array.name)


def in_time(g, w, bad: List[int], initial: bool) -> str:
    """How arrays whose first axis is time differ: "is reversed in time",
    "is shifted by one step: ...", "is zeros at ...", "differs at ..."."""
    count = g.shape[0]
    if count > 1 and same(g, w[::-1]):
        return "is reversed in time"
    if count > 1 and same(g[:-1], w[1:]):
        return "is shifted by one step: {} holds what should be one step " \
            "later".format("H[s]" if initial else "row s")
    if count > 1 and same(g[1:], w[:-1]):
        return "is shifted by one step: {} holds what should be one step " \
            "earlier".format("H[s + 1]" if initial else "row s + 1")
    if all(not np.any(g[k]) for k in bad):
        if initial and bad == [0]:
            return "is zeros in H[0], which must hold the initial state"
        return "is zeros {} (never written?)".format(
            steps_text(bad, count, initial))
    for k in bad:
        for j in range(count):
            if j != k and same(g[k], w[j]):
                row = "H[{}]" if initial else "row {}"
                return "holds in {} what belongs in {}".format(
                    row.format(k), row.format(j))
    return "differs {}".format(steps_text(bad, count, initial))


def along(array: Array, position: int, axis: str, got, want,
          sizes) -> Optional[str]:
    """What is true of the difference along one axis: time (reversed,
    shifted, which steps), layers, the two halves, the batch."""
    name = array.name
    g = np.moveaxis(got, position, 0)
    w = np.moveaxis(want, position, 0)
    count = g.shape[0]
    bad = [k for k in range(count) if not same(g[k], w[k])]
    if not bad or count < 2 and axis not in ("2h",):
        return None
    if axis in ("t", "t+1"):
        return "{} {}".format(name, in_time(g, w, bad, axis == "t+1"))
    if axis == "l":
        for k in bad:
            for j in range(count):
                if j != k and same(g[k], w[j]):
                    return "{}: layer {} holds layer {}'s right values".format(
                        name, k, j)
        return "{} differs only in layer{} {} (of l = {})".format(
            name, "s" if len(bad) > 1 else "",
            ", ".join(str(k) for k in bad), count) if len(bad) < count \
            else None
    if axis == "2h":
        h = count // 2
        first, second = g[:h], g[h:]
        if same(first, w[h:]) and same(second, w[:h]):
            return "the two halves of {} are swapped: the forward states " \
                "belong in {}[..., :h]".format(name, name)
        wrong = [half for half, a, b in (("forward", first, w[:h]),
                                         ("backward", second, w[h:]))
                 if not same(a, b)]
        if len(wrong) == 1:
            part = slice(None, h) if wrong[0] == "forward" else slice(h, None)
            said = "only the {} half of {} ({}[..., {}]) differs".format(
                wrong[0], name, name, ":h" if wrong[0] == "forward" else "h:")
            if array.axes[0] == "t":
                # the half along time: reversed, shifted, which steps
                half, right = np.moveaxis(g[part], 1, 0), np.moveaxis(
                    w[part], 1, 0)
                rows = [k for k in range(half.shape[0])
                        if not same(half[k], right[k])]
                how = in_time(half, right, rows, False)
                if how != "differs at every step":
                    said += ": it " + how
            return said
        return None
    if axis == "m" and count > 1 and same(g, w[::-1]):
        return "{}: the examples (rows of the batch) are in reverse " \
            "order".format(name)
    return None


def names(found: Sequence[str]) -> str:
    """"a", "a and b", "a, b and c"."""
    found = list(found)
    return found[0] if len(found) == 1 else "{} and {}".format(
        ", ".join(found[:-1]), found[-1])


def outputs_line(wrong: Sequence[str], right: Sequence[str]) -> \
        Optional[str]:
    """"h_next and y differ; c_next matches", when some outputs match."""
    if not wrong or not right:
        return None
    return "{} differ{}; {} match{}".format(
        names(wrong), "s" if len(wrong) == 1 else "", names(right),
        "es" if len(right) == 1 else "")


def exchanged(got: Dict[str, np.ndarray], want: Dict[str, np.ndarray],
              wrong: Sequence[str]) -> Optional[str]:
    """"h_next holds what c_next should be": an output that is another's
    right answer (returned in another order, or swapped)."""
    for a in wrong:
        for b in want:
            if b != a and np.size(want[b]) > 1 and same(got.get(a), want[b]):
                if same(got.get(b), want[a]):
                    return "{} and {} are swapped".format(a, b)
                return "{} holds what {} should be".format(a, b)
    return None


# the README's names of arrays a task's code holds, besides its cell's
# attributes and its calls' arguments and results
CONCAT = Array("concat", ("m", "h+i"))


def readme_arrays(task: str) -> Dict[str, Array]:
    """{name: Array} of the arrays the README names for task: its cell's
    attributes, its calls' arguments and results, concat."""
    described = TASK[task]
    found = {"concat": CONCAT}
    for call in described.calls:
        for array in call.arguments + call.outputs:
            found.setdefault(array.name, array)
    for array in described.cell.attributes:
        found[array.name] = array
    return found


def shapes_text(task: str, shapes, sizes: Dict[str, int],
                line: str = "") -> Optional[str]:
    """What the shapes of the arrays where a shape error was raised say, in
    the README's words: the first array whose shape is not the README's
    ("Y has shape (4, 3, 6) where the README's Y is (t, m, o) = (4, 3,
    7)"); else the shapes of the arrays the line names ("at that line:
    concat (3, 9), self.Wh (8, 4)"); None when nothing is known."""
    known = readme_arrays(task)
    for name, shape in shapes:
        array = known.get(name.replace("self.", "", 1))
        if array is None or len(array.axes) != len(shape):
            continue
        try:
            want = array.shape(sizes)
        except KeyError:
            continue
        if tuple(shape) != want:
            return "{} has shape {} where the README's {} is {}".format(
                name, tuple(shape), array.name, shape_text(array.axes, sizes))
    named = [(name, shape) for name, shape in shapes
             if name in line or name.replace("self.", "", 1) in line]
    if not named:
        return None
    return "at that line: " + ", ".join(
        "{} {}".format(name, tuple(shape)) for name, shape in named[:4])
