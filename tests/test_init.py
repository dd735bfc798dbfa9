"""Constructors draw every weight from the standard normal in the order of
SPEC.md, all weights before any bias; biases start at zero; nothing else
touches the global random state."""
import numpy as np
import pytest

from support import task

# (module, class, weights in draw order, biases); shapes for i, h, o
CLASSES = [
    ("0-rnn_cell", "RNNCell", ["Wh", "Wy"], ["bh", "by"]),
    ("2-gru_cell", "GRUCell", ["Wz", "Wr", "Wh", "Wy"],
     ["bz", "br", "bh", "by"]),
    ("3-lstm_cell", "LSTMCell", ["Wf", "Wu", "Wc", "Wo", "Wy"],
     ["bf", "bu", "bc", "bo", "by"]),
] + [(module, "BidirectionalCell", ["Whf", "Whb", "Wy"], ["bhf", "bhb", "by"])
     for module in ("5-bi_forward", "6-bi_backward", "7-bi_output")]


def shape(name, i, h, o):
    """The shape SPEC.md gives attribute name for sizes i, h, o."""
    if name == "Wy":
        return (h, o)
    if name == "by":
        return (1, o)
    return (i + h, h) if name.startswith("W") else (1, h)


@pytest.mark.parametrize("module, cls, weights, biases", CLASSES)
@pytest.mark.parametrize("i, h, o", [(10, 15, 5), (3, 2, 7), (1, 1, 1)])
def test_weights_are_reseeded_draws(module, cls, weights, biases, i, h, o):
    """Each weight equals the next np.random.normal draw of its shape."""
    np.random.seed(1234)
    cell = getattr(task(module), cls)(i, h, o)
    after = np.random.normal(size=3)
    np.random.seed(1234)
    for name in weights:
        want = shape(name, i, h, o)
        if cls == "BidirectionalCell" and name == "Wy":
            want = (2 * h, o)
        np.testing.assert_array_equal(
            getattr(cell, name), np.random.normal(size=want),
            err_msg="{}.{}: not the next standard normal draw of shape {} "
                    "(draw order {})".format(cls, name, want, weights))
    np.testing.assert_array_equal(
        after, np.random.normal(size=3),
        err_msg="{}(): drew more or fewer numbers than its weights".format(
            cls))
    for name in biases:
        np.testing.assert_array_equal(
            getattr(cell, name), np.zeros(shape(name, i, h, o)),
            err_msg="{}.{}: must start at zeros {}".format(
                cls, name, shape(name, i, h, o)))
