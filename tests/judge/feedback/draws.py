"""What a constructor got wrong, in the contract's terms.

The draws checks seed numpy's global generator, build the cell and read
back its documented attributes. Knowing the stream of standard normal
draws the README's constructor takes, the judge can say more than "Wh
differs": an attribute of another shape (with its axes named), the weights
drawn in another order (found by trying every order against the stream),
a weight drawn with its axes the other way round and transposed, values
that are not standard normal draws (np.random.rand's uniform ones), biases
that are not zero, or draws beyond the weights.
"""
import itertools
from typing import Dict, List, Optional

import numpy as np

from judge.contract.tasks import TASK
from judge.feedback.relations import shape_text
from judge.session import RecordedCall

MOST_ORDERS = 720


def stream(seed: int, count: int) -> np.ndarray:
    """The first count standard normal draws after np.random.seed(seed)."""
    return np.random.RandomState(seed).normal(size=count)


def drawn_order(got: Dict[str, np.ndarray], weights, sizes, seed
                ) -> Optional[List[str]]:
    """The order in which the submission drew its weights, if drawing them
    in some order (each of its documented shape, or of the transposed
    shape and then transposed) from the seeded stream gives exactly got."""
    shapes = {w.name: w.shape(sizes) for w in weights}
    total = sum(int(np.prod(shape)) for shape in shapes.values())
    values = stream(seed, total)
    names = [w.name for w in weights]
    for order in itertools.islice(itertools.permutations(names),
                                  MOST_ORDERS):
        start, ok = 0, True
        for name in order:
            shape = shapes[name]
            count = int(np.prod(shape))
            piece = values[start:start + count]
            start += count
            value = np.asarray(got.get(name))
            if value.shape != shape or not (
                    np.allclose(value, piece.reshape(shape)) or
                    np.allclose(value, piece.reshape(shape[::-1]).T)):
                ok = False
                break
        if ok:
            return list(order)
    return None


def transposed_draws(got, weights, sizes, seed) -> List[str]:
    """The weights that are the documented draw taken with the axes the
    other way round and transposed."""
    found, start = [], 0
    values = stream(seed, sum(int(np.prod(w.shape(sizes)))
                              for w in weights))
    for weight in weights:
        shape = weight.shape(sizes)
        count = int(np.prod(shape))
        piece = values[start:start + count]
        start += count
        value = np.asarray(got.get(weight.name))
        if value.shape == shape and shape[0] != shape[1] and np.allclose(
                value, piece.reshape(shape[::-1]).T) and not np.allclose(
                value, piece.reshape(shape)):
            found.append(weight.name)
    return found


def explain(call: RecordedCall) -> Optional[str]:
    """One line on what the constructor of a recorded `construct` call got
    wrong, or None if it looks right or raised."""
    if call.probe != "construct" or not call.outcome.ok:
        return None
    task = TASK[call.task]
    cell = task.cell
    i, h, o = call.request["sizes"]
    sizes = dict(i=i, h=h, o=o)
    got = call.outcome.arrays
    for attribute in cell.attributes:
        value = np.asarray(got.get(attribute.name))
        if value.shape != attribute.shape(sizes):
            return "{} has shape {}, where the README's is {}".format(
                attribute.name, value.shape,
                shape_text(attribute.axes, sizes))
    weights = cell.weights
    names = [w.name for w in weights]
    order = drawn_order(got, weights, sizes, call.request["seed"])
    if order is not None and order != names:
        return "the weights are drawn in the order {}; the README's order " \
            "is {}".format(", ".join(order), ", ".join(names))
    flipped = transposed_draws(got, weights, sizes, call.request["seed"])
    if flipped:
        return "{} {} drawn with the axes the other way round and then " \
            "transposed: draw each weight with its documented shape".format(
                ", ".join(flipped), "is" if len(flipped) == 1 else "are")
    values = np.concatenate([np.ravel(got[name]) for name in names])
    if order is None and values.size > 4 and values.min() >= 0 and \
            values.max() < 1:
        return "the weights are not standard normal draws: every value " \
            "lies in [0, 1), as uniform ones do (the README draws them with " \
            "np.random.normal)"
    nonzero = [b.name for b in cell.biases if np.any(got[b.name])]
    if nonzero:
        return "{} {} not zero: biases start at zero".format(
            ", ".join(nonzero), "is" if len(nonzero) == 1 else "are")
    if order is not None:
        total = values.size
        after = stream(call.request["seed"], total + 3)[total:]
        if not np.allclose(got.get("random.after"), after):
            return "the constructor draws more than its weights: the " \
                "README's draws the weights and nothing else"
    return None
