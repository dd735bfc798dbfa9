"""The catalogue of mistakes students really make in these tasks.

Each mistake is a small variant of this repository's task file: a list of
(old, new) replacements in its text, and what it gets wrong in plain words.
The judge runs the variants of a task that failed a check, in its own
process (they are this repository's code), on the inputs the submission
was given, and names the one that reproduces the submission's outputs
exactly (judge/diagnosis.py). The tests plant each one as a submission and
check that it is named (tests/repository/test_diagnosis.py).

A mistake's kind is the kind of check whose failure it explains: `results`
for most, `robustness` for the ones that only overflow. Two mistakes of one
task made together are found as a pair (judge/feedback/catalogue.py): the
plain sigmoid and softmax of every task that has them are catalogued one
by one.
"""


class Mistake:
    """One catalogued mistake of one task."""

    def __init__(self, task, name, says, changes, kind="results",
                 pairs=False):
        """task: the task file; name: a short identifier; says: the
        mistake in plain words, as the scoreboard shows it; changes: the
        (old, new) replacements that make it from this repository's file;
        kind: the kind of check it fails; pairs: whether it is tried
        together with another (a helper's form, shared by a task's code:
        the sigmoid, the softmax, the concatenation), when no single
        mistake explains a failure."""
        self.task = task
        self.name = name
        self.says = says
        self.changes = changes
        self.kind = kind
        self.pairs = pairs

    def source(self, reference):
        """The text of the mistaken file, from the reference's text."""
        for old, new in self.changes:
            if old not in reference:
                raise ValueError("{}: {!r} is not in {}.py".format(
                    self.name, old, self.task))
            reference = reference.replace(old, new)
        return reference


CONCAT = "concat = np.concatenate((h_prev, x_t), axis=1)"
SOFTMAX = ("e = np.exp(z - np.max(z, axis=-1, keepdims=True))",
           "e = np.exp(z)")
SIGMOID = ("return 0.5 * (1 + np.tanh(0.5 * x))",
           "return 1 / (1 + np.exp(-x))")
DZ = "dZ = ((np.sum(Y_true, axis=-1, keepdims=True) * Y - Y_true) / m"


def plain_softmax(task):
    """A plain softmax in task: a robustness mistake."""
    return Mistake(task, "plain_softmax",
                   "a plain softmax, exp(z) / sum(exp(z)), overflows for "
                   "large inputs: subtract each row's maximum first",
                   [SOFTMAX], kind="robustness", pairs=True)


def softmax_axis(task, axis="the batch (axis 0)"):
    """A softmax over the first axis instead of the last."""
    return Mistake(task, "softmax_axis",
                   "softmax over the wrong axis: over {} instead of over "
                   "each row's outputs (the last axis)".format(axis),
                   [("axis=-1, keepdims=True", "axis=0, keepdims=True")],
                   pairs=True)


def concat_swapped(task, changes):
    """The input first in a cell's concatenation(s)."""
    return Mistake(task, "concat_swapped",
                   "the input comes first in the concatenation: [x_t, "
                   "h_prev] (the README: [h_prev, x_t])", changes,
                   pairs=True)


SIGMOID_LINE = "return 0.5 * (1 + np.tanh(0.5 * x))"


def sigmoid_forms(task):
    """The sigmoid of task written in a form that computes another
    function: sigma(-x), sigma(|x|), sigma(2x)."""
    return [
        Mistake(task, "sigmoid_negated",
                "the sigmoid gives σ(-x) = 1 - σ(x) where σ(x) belongs "
                "(the two branches of a stable form swapped?)",
                [(SIGMOID_LINE, "return 0.5 * (1 + np.tanh(-0.5 * x))")],
                pairs=True),
        Mistake(task, "sigmoid_of_abs",
                "the sigmoid gives σ(|x|): right for x >= 0, 1 - σ(x) for "
                "x < 0 (a stable form that takes exp(-x) where exp(-|x|) "
                "belongs?)",
                [(SIGMOID_LINE,
                  "return 0.5 * (1 + np.tanh(0.5 * np.abs(x)))")],
                pairs=True),
        Mistake(task, "sigmoid_doubled",
                "the sigmoid gives σ(2x): its tanh form misses the half, "
                "(1 + tanh(x / 2)) / 2",
                [(SIGMOID_LINE, "return 0.5 * (1 + np.tanh(x))")],
                pairs=True)]


def plain_sigmoid(task):
    """A plain sigmoid in task: a robustness mistake. (Its other plain
    form, exp(x) / (1 + exp(x)), overflows for large positive x: on the
    robustness checks, whose gates are pushed both ways, it raises where
    this one does.)"""
    return Mistake(task, "plain_sigmoid",
                   "a plain sigmoid, 1 / (1 + exp(-x)) or exp(x) / (1 + "
                   "exp(x)), overflows for large |x|: use a form that never "
                   "takes exp of a large positive number",
                   [SIGMOID], kind="robustness", pairs=True)


def averaged_over_time(task):
    """A backward pass whose loss is a mean over time too."""
    return Mistake(task, "averaged_over_time",
                   "the loss is averaged over time too: the gradient is "
                   "divided by t * m (the README: summed over time, "
                   "averaged over the batch)", [(DZ, DZ + " / t")])


def zero_rows_as_targets(task):
    """A backward pass that counts steps without a target as targets."""
    return Mistake(task, "zero_rows_as_targets",
                   "steps without a target count as targets: dZ = (Y - "
                   "Y_true) / m, while an all-zero row of Y_true must give "
                   "no gradient", [(DZ, "dZ = ((Y - Y_true) / m")])


def missing_bias(task, line, bias, what):
    """A bias left out of one line of task: what is computed without it."""
    return Mistake(task, "no_" + bias,
                   "the bias {0} is missing from {1} (the README adds {0} "
                   "to the product)".format(bias, what),
                   [(line, line.replace(" + self." + bias, ""))])


def output_bias(task, line):
    """The output bias by left out of task's softmax."""
    return missing_bias(task, line, "by", "the output's softmax")


def state_sigmoid(task, line, state):
    """The tanh of a state (line: the one that computes it) replaced by a
    sigmoid."""
    inner = line[line.index("np.tanh(") + len("np.tanh("):-1]
    return Mistake(task, "state_sigmoid",
                   "{} is a sigmoid of the product, not its tanh (the "
                   "README: tanh, in [-1, 1])".format(state),
                   [(line, line.replace("np.tanh(" + inner + ")",
                                        "1 / (1 + np.exp(-(" + inner +
                                        ")))"))])


MISTAKES = [
    # 0-rnn_cell
    concat_swapped("0-rnn_cell", [
        (CONCAT, "concat = np.concatenate((x_t, h_prev), axis=1)")]),
    softmax_axis("0-rnn_cell"),
    Mistake("0-rnn_cell", "draw_order",
            "the weights are drawn in another order: Wy before Wh (the "
            "README: Wh, then Wy)",
            [("        self.Wh = np.random.normal(size=(h + i, h))\n"
              "        self.Wy = np.random.normal(size=(h, o))\n",
              "        self.Wy = np.random.normal(size=(h, o))\n"
              "        self.Wh = np.random.normal(size=(h + i, h))\n")]),
    Mistake("0-rnn_cell", "random_biases",
            "the biases are drawn at random; they must start at zero",
            [("self.bh = np.zeros((1, h))",
              "self.bh = np.random.normal(size=(1, h))"),
             ("self.by = np.zeros((1, o))",
              "self.by = np.random.normal(size=(1, o))")]),
    Mistake("0-rnn_cell", "no_bias",
            "the bias is missing: h_next = tanh(concat @ Wh) (the README: "
            "tanh(concat @ Wh + bh))",
            [("h_next = np.tanh(concat @ self.Wh + self.bh)",
              "h_next = np.tanh(concat @ self.Wh)")]),
    output_bias("0-rnn_cell", "y = softmax(h_next @ self.Wy + self.by)"),
    plain_softmax("0-rnn_cell"),
    state_sigmoid("0-rnn_cell", "h_next = np.tanh(concat @ self.Wh + "
                  "self.bh)", "h_next"),
    Mistake("0-rnn_cell", "no_tanh",
            "the tanh is missing: h_next = concat @ Wh + bh (the README: "
            "tanh(concat @ Wh + bh))",
            [("h_next = np.tanh(concat @ self.Wh + self.bh)",
              "h_next = concat @ self.Wh + self.bh")]),
    # 1-rnn
    Mistake("1-rnn", "starts_from_zeros",
            "H[0] is never set to h_0, so the sequence starts from zeros",
            [("    H[0] = h_0\n", "")]),
    Mistake("1-rnn", "h0_not_stored",
            "the recursion starts from h_0, but H[0] is left at zero "
            "(H[0] must hold h_0)",
            [("    H[0] = h_0\n    for s in range(t):\n"
              "        H[s + 1], Y[s] = rnn_cell.forward(H[s], X[s])\n",
              "    h_prev = h_0\n    for s in range(t):\n"
              "        h_prev, Y[s] = rnn_cell.forward(h_prev, X[s])\n"
              "        H[s + 1] = h_prev\n")]),
    Mistake("1-rnn", "H_without_h0",
            "H holds only the t new states (t, m, h), without H[0] = h_0 "
            "(the README: (t + 1, m, h))",
            [("    return H, Y", "    return H[1:], Y")]),
    Mistake("1-rnn", "every_step_from_h0",
            "every step starts from h_0 instead of the previous step's "
            "state: forward(H[0], X[s])",
            [("rnn_cell.forward(H[s], X[s])",
              "rnn_cell.forward(H[0], X[s])")]),
    # 2-gru_cell
    Mistake("2-gru_cell", "blend_swapped",
            "the update gate blends the wrong way round: h_next = z * "
            "h_prev + (1 - z) * h_cand",
            [("h_next = (1 - z) * h_prev + z * h_cand",
              "h_next = z * h_prev + (1 - z) * h_cand")]),
    Mistake("2-gru_cell", "reset_after_product",
            "the reset gate is applied after the product: h_cand = "
            "tanh(r * (h_prev @ Wh[:h]) + x_t @ Wh[h:] + bh) (the README: "
            "tanh([r * h_prev, x_t] @ Wh + bh))",
            [("        reset = np.concatenate((r * h_prev, x_t), axis=1)\n"
              "        h_cand = np.tanh(reset @ self.Wh + self.bh)\n",
              "        h = self.Wh.shape[1]\n"
              "        h_cand = np.tanh(r * (h_prev @ self.Wh[:h]) + "
              "x_t @ self.Wh[h:] + self.bh)\n")]),
    missing_bias("2-gru_cell", "z = sigmoid(concat @ self.Wz + self.bz)",
                 "bz", "the update gate z"),
    missing_bias("2-gru_cell", "r = sigmoid(concat @ self.Wr + self.br)",
                 "br", "the reset gate r"),
    missing_bias("2-gru_cell", "h_cand = np.tanh(reset @ self.Wh + self.bh)",
                 "bh", "the candidate h_cand"),
    output_bias("2-gru_cell", "y = softmax(h_next @ self.Wy + self.by)"),
    Mistake("2-gru_cell", "no_reset",
            "the reset gate is computed but never used: h_cand = "
            "tanh([h_prev, x_t] @ Wh + bh)",
            [("reset = np.concatenate((r * h_prev, x_t), axis=1)",
              "reset = concat")]),
    Mistake("2-gru_cell", "gates_swapped",
            "the update and reset gates are swapped: z uses Wr, br and r "
            "uses Wz, bz",
            [("z = sigmoid(concat @ self.Wz + self.bz)\n"
              "        r = sigmoid(concat @ self.Wr + self.br)",
              "z = sigmoid(concat @ self.Wr + self.br)\n"
              "        r = sigmoid(concat @ self.Wz + self.bz)")]),
    concat_swapped("2-gru_cell", [
        (CONCAT, "concat = np.concatenate((x_t, h_prev), axis=1)"),
        ("reset = np.concatenate((r * h_prev, x_t), axis=1)",
         "reset = np.concatenate((x_t, r * h_prev), axis=1)")]),
    softmax_axis("2-gru_cell"),
    Mistake("2-gru_cell", "candidate_with_update_gate",
            "the candidate scales h_prev by the update gate z; the reset "
            "gate belongs there: h_cand = tanh([r * h_prev, x_t] @ Wh + bh)",
            [("reset = np.concatenate((r * h_prev, x_t), axis=1)",
              "reset = np.concatenate((z * h_prev, x_t), axis=1)")]),
    Mistake("2-gru_cell", "reset_after_whole_product",
            "the reset gate scales the whole product, input included: "
            "h_cand = tanh(r * ([h_prev, x_t] @ Wh) + bh) (the README: "
            "tanh([r * h_prev, x_t] @ Wh + bh))",
            [("        reset = np.concatenate((r * h_prev, x_t), axis=1)\n"
              "        h_cand = np.tanh(reset @ self.Wh + self.bh)\n",
              "        h_cand = np.tanh(r * (concat @ self.Wh) + "
              "self.bh)\n")]),
    *sigmoid_forms("2-gru_cell"),
    plain_sigmoid("2-gru_cell"),
    plain_softmax("2-gru_cell"),
    # 3-lstm_cell
    Mistake("3-lstm_cell", "forget_update_swapped",
            "the forget and update gates are swapped: c_next = u * c_prev "
            "+ f * c_cand",
            [("c_next = f * c_prev + u * c_cand",
              "c_next = u * c_prev + f * c_cand")]),
    missing_bias("3-lstm_cell", "f = sigmoid(concat @ self.Wf + self.bf)",
                 "bf", "the forget gate f"),
    missing_bias("3-lstm_cell", "u = sigmoid(concat @ self.Wu + self.bu)",
                 "bu", "the update gate u"),
    missing_bias("3-lstm_cell", "c_cand = np.tanh(concat @ self.Wc + self.bc)",
                 "bc", "the candidate c_cand"),
    missing_bias("3-lstm_cell", "o = sigmoid(concat @ self.Wo + self.bo)",
                 "bo", "the output gate o"),
    output_bias("3-lstm_cell", "y = softmax(h_next @ self.Wy + self.by)"),
    Mistake("3-lstm_cell", "no_tanh_on_c",
            "tanh is missing on the cell state: h_next = o * c_next (the "
            "README: o * tanh(c_next))",
            [("h_next = o * np.tanh(c_next)", "h_next = o * c_next")]),
    Mistake("3-lstm_cell", "h_from_c_prev",
            "h_next is computed from the old cell state: o * tanh(c_prev)",
            [("h_next = o * np.tanh(c_next)",
              "h_next = o * np.tanh(c_prev)")]),
    Mistake("3-lstm_cell", "candidate_sigmoid",
            "the candidate cell state uses the sigmoid instead of tanh",
            [("c_cand = np.tanh(concat @ self.Wc + self.bc)",
              "c_cand = sigmoid(concat @ self.Wc + self.bc)")]),
    Mistake("3-lstm_cell", "update_gate_unused",
            "the update gate is computed but never used: c_next = f * "
            "c_prev + c_cand (the README: f * c_prev + u * c_cand)",
            [("c_next = f * c_prev + u * c_cand",
              "c_next = f * c_prev + c_cand")]),
    concat_swapped("3-lstm_cell", [
        (CONCAT, "concat = np.concatenate((x_t, h_prev), axis=1)")]),
    softmax_axis("3-lstm_cell"),
    Mistake("3-lstm_cell", "candidate_tanh_twice",
            "tanh is applied twice to the candidate: c_next = f * c_prev + "
            "u * tanh(c_cand), c_cand being a tanh already",
            [("c_next = f * c_prev + u * c_cand",
              "c_next = f * c_prev + u * np.tanh(c_cand)")]),
    Mistake("3-lstm_cell", "forget_scales_tanh_c_prev",
            "the forget gate scales tanh(c_prev): c_next = f * "
            "tanh(c_prev) + u * c_cand (the README: f * c_prev, the cell "
            "state itself)",
            [("c_next = f * c_prev + u * c_cand",
              "c_next = f * np.tanh(c_prev) + u * c_cand")]),
    *sigmoid_forms("3-lstm_cell"),
    plain_sigmoid("3-lstm_cell"),
    plain_softmax("3-lstm_cell"),
    # 4-deep_rnn
    Mistake("4-deep_rnn", "h0_of_layer_0",
            "every layer starts from h_0[0], the first layer's initial "
            "state (layer k must start from h_0[k])",
            [("    H[0] = h_0\n", "    H[0] = h_0[0]\n")]),
    Mistake("4-deep_rnn", "y_of_every_layer",
            "every layer's y is written into Y (only the last layer's "
            "outputs belong there; it breaks when an inner layer has "
            "another output size)",
            [("            x = H[s + 1, k]\n        Y[s] = y\n",
              "            x = H[s + 1, k]\n            Y[s] = y\n")]),
    Mistake("4-deep_rnn", "every_layer_reads_X",
            "every layer reads the input X[s]; layer k > 0 must read the "
            "new state of layer k - 1",
            [("            x = H[s + 1, k]\n", "")]),
    Mistake("4-deep_rnn", "reads_the_old_state_below",
            "layer k > 0 reads the state of layer k - 1 before this step, "
            "H[s, k - 1]; it must read the new one, H[s + 1, k - 1]",
            [("            x = H[s + 1, k]\n", "            x = H[s, k]\n")]),
    Mistake("4-deep_rnn", "starts_from_zeros",
            "H[0] is never set to h_0, so every layer starts from zeros",
            [("    H[0] = h_0\n", "")]),
    Mistake("4-deep_rnn", "every_step_from_h0",
            "every step starts from h_0 instead of the previous step's "
            "state: layer k's forward(H[0, k], x)",
            [("cell.forward(H[s, k], x)", "cell.forward(H[0, k], x)")]),
    # 5-bi_forward
    Mistake("5-bi_forward", "forward_with_backward_weights",
            "forward uses the backward direction's weights Whb, bhb "
            "(the README: Whf, bhf)",
            [("return np.tanh(concat @ self.Whf + self.bhf)",
              "return np.tanh(concat @ self.Whb + self.bhb)")]),
    Mistake("5-bi_forward", "forward_with_backward_bias",
            "forward adds the backward direction's bias bhb (the README: "
            "tanh([h_prev, x_t] @ Whf + bhf))",
            [("return np.tanh(concat @ self.Whf + self.bhf)",
              "return np.tanh(concat @ self.Whf + self.bhb)")]),
    Mistake("5-bi_forward", "Wy_shape",
            "Wy is drawn with shape (h, o); it reads both directions' "
            "states, so it is (2 * h, o)",
            [("self.Wy = np.random.normal(size=(2 * h, o))",
              "self.Wy = np.random.normal(size=(h, o))")]),
    concat_swapped("5-bi_forward", [
        (CONCAT, "concat = np.concatenate((x_t, h_prev), axis=1)")]),
    state_sigmoid("5-bi_forward", "return np.tanh(concat @ self.Whf + "
                  "self.bhf)", "forward's h_next"),
    Mistake("5-bi_forward", "forward_no_tanh",
            "forward is missing its tanh: h_next = [h_prev, x_t] @ Whf + "
            "bhf",
            [("return np.tanh(concat @ self.Whf + self.bhf)",
              "return concat @ self.Whf + self.bhf")]),
    # 6-bi_backward
    Mistake("6-bi_backward", "backward_with_forward_weights",
            "backward uses the forward direction's weights Whf, bhf "
            "(the README: Whb, bhb)",
            [("return np.tanh(concat @ self.Whb + self.bhb)",
              "return np.tanh(concat @ self.Whf + self.bhf)")]),
    Mistake("6-bi_backward", "backward_with_forward_weight",
            "backward uses the forward direction's weight Whf (with its own "
            "bias bhb; the README: tanh([h_next, x_t] @ Whb + bhb))",
            [("return np.tanh(concat @ self.Whb + self.bhb)",
              "return np.tanh(concat @ self.Whf + self.bhb)")]),
    Mistake("6-bi_backward", "backward_concat_swapped",
            "backward puts the input first: [x_t, h_next] (the README: "
            "[h_next, x_t])",
            [("concat = np.concatenate((h_next, x_t), axis=1)",
              "concat = np.concatenate((x_t, h_next), axis=1)")]),
    state_sigmoid("6-bi_backward", "return np.tanh(concat @ self.Whb + "
                  "self.bhb)", "backward's h_prev"),
    Mistake("6-bi_backward", "backward_no_tanh",
            "backward is missing its tanh: h_prev = [h_next, x_t] @ Whb + "
            "bhb",
            [("return np.tanh(concat @ self.Whb + self.bhb)",
              "return concat @ self.Whb + self.bhb")]),
    # 7-bi_output
    softmax_axis("7-bi_output", "time (axis 0)"),
    Mistake("7-bi_output", "forward_half_only",
            "output reads only the forward half of H: H[..., :h] @ Wy[:h]",
            [("return softmax(H @ self.Wy + self.by)",
              "h = self.Whf.shape[1]\n"
              "        return softmax(H[..., :h] @ self.Wy[:h] + self.by)")]),
    Mistake("7-bi_output", "output_no_bias",
            "the output's bias is missing: Y = softmax(H @ Wy)",
            [("return softmax(H @ self.Wy + self.by)",
              "return softmax(H @ self.Wy)")]),
    plain_softmax("7-bi_output"),
    # 8-bi_rnn
    Mistake("8-bi_rnn", "backward_reversed",
            "the backward states are stored in the order they are "
            "computed: row s gets the state after reading X[t - 1 - s]",
            [("        H[s, :, h:] = h_next",
              "        H[t - 1 - s, :, h:] = h_next")]),
    Mistake("8-bi_rnn", "backward_shifted",
            "the backward half is shifted by one step: row s holds the "
            "backward state before reading X[s] (h_t in the last row)",
            [("        h_next = bi_cell.backward(h_next, X[s])\n"
              "        H[s, :, h:] = h_next\n",
              "        H[s, :, h:] = h_next\n"
              "        h_next = bi_cell.backward(h_next, X[s])\n")]),
    Mistake("8-bi_rnn", "forward_shifted",
            "the forward half is shifted by one step: row s holds the "
            "forward state before reading X[s] (h_0 in the first row)",
            [("        h_prev = bi_cell.forward(h_prev, X[s])\n"
              "        H[s, :, :h] = h_prev\n",
              "        H[s, :, :h] = h_prev\n"
              "        h_prev = bi_cell.forward(h_prev, X[s])\n")]),
    Mistake("8-bi_rnn", "backward_from_h0",
            "the backward direction starts from h_0 instead of h_t",
            [("    h_next = h_t\n", "    h_next = h_0\n")]),
    Mistake("8-bi_rnn", "halves_swapped",
            "the two halves of H are swapped: row s is [backward state, "
            "forward state] (the README: [forward, backward])",
            [("H[s, :, :h] = h_prev", "H[s, :, h:] = h_prev"),
             ("H[s, :, h:] = h_next", "H[s, :, :h] = h_next")]),
    # 9-rnn_backward
    averaged_over_time("9-rnn_backward"),
    zero_rows_as_targets("9-rnn_backward"),
    Mistake("9-rnn_backward", "no_carry",
            "the gradient is not carried back through time: dH[s] misses "
            "what step s + 1 sends back through Wh",
            [("dA[s] = (dH[s] + dh_next) * (1 - H[s + 1] ** 2)",
              "dA[s] = dH[s] * (1 - H[s + 1] ** 2)")]),
    Mistake("9-rnn_backward", "no_tanh_derivative",
            "the tanh's derivative (1 - h ** 2) is missing in the backward "
            "step",
            [("dA[s] = (dH[s] + dh_next) * (1 - H[s + 1] ** 2)",
              "dA[s] = dH[s] + dh_next")]),
    Mistake("9-rnn_backward", "tanh_derivative_before_step",
            "the tanh derivative is taken at H[s], the state before the "
            "step (the README: 1 - H[s + 1] ** 2, at the state the tanh "
            "gave)",
            [("dA[s] = (dH[s] + dh_next) * (1 - H[s + 1] ** 2)",
              "dA[s] = (dH[s] + dh_next) * (1 - H[s] ** 2)")]),
    Mistake("9-rnn_backward", "carry_before_tanh_derivative",
            "what is carried back to step s - 1 skips the tanh's "
            "derivative: (dH[s + 1] + carried) @ Whh.T (the README: dA[s] "
            "@ Whh.T)",
            [("dh_next = dA[s] @ Whh.T", "dh_next = (dH[s] + dh_next) @ "
              "Whh.T")]),
    Mistake("9-rnn_backward", "input_rows_first",
            "Wh is split with the input's rows first: Whx = Wh[:i], Whh = "
            "Wh[i:] (the README: its first h rows act on the state)",
            [("Whh = rnn_cell.Wh[:h]", "Whh = rnn_cell.Wh[i:]"),
             ("(dA @ rnn_cell.Wh[h:].T)", "(dA @ rnn_cell.Wh[:i].T)")]),
    Mistake("9-rnn_backward", "dWy_from_previous_state",
            "dWy pairs each output with the state before its step: "
            "sum of H[s].T @ dZ[s] (the README: H[s + 1])",
            [("np.reshape(H[1:], (t * m, h)).T @ dZ",
              "np.reshape(H[:-1], (t * m, h)).T @ dZ")]),
    # 10-lstm_backward
    averaged_over_time("10-lstm_backward"),
    zero_rows_as_targets("10-lstm_backward"),
    Mistake("10-lstm_backward", "no_forget_in_carry",
            "the forget gate is missing on the cell-state gradient carried "
            "back: dc_prev = dc (the README: dc * f)",
            [("dc_next = dc * f", "dc_next = dc")]),
    Mistake("10-lstm_backward", "no_h_carry",
            "the hidden-state gradient is not carried back through time: "
            "dh misses what step s + 1 sends back",
            [("dh = dH[s] + dh_next", "dh = dH[s]")]),
    Mistake("10-lstm_backward", "no_tanh_derivative",
            "the derivative of tanh(c_next), 1 - tanh(c_next) ** 2, is "
            "missing from the cell-state gradient",
            [("dc = dc_next + dh * o_gate * (1 - tanh_c ** 2)",
              "dc = dc_next + dh * o_gate")]),
    Mistake("10-lstm_backward", "tanh_derivative_without_tanh",
            "the derivative of tanh(c) misses its tanh: 1 - c ** 2 was used "
            "(the README: 1 - tanh(C[s + 1]) ** 2)",
            [("dc = dc_next + dh * o_gate * (1 - tanh_c ** 2)",
              "dc = dc_next + dh * o_gate * (1 - C[s + 1] ** 2)")]),
    Mistake("10-lstm_backward", "tanh_derivative_before_step",
            "the derivative of tanh(c) is taken at C[s], the cell state "
            "before the step (the README: 1 - tanh(C[s + 1]) ** 2)",
            [("dc = dc_next + dh * o_gate * (1 - tanh_c ** 2)",
              "dc = dc_next + dh * o_gate * (1 - np.tanh(C[s]) ** 2)")]),
    Mistake("10-lstm_backward", "candidate_sigmoid_derivative",
            "the candidate's derivative is the sigmoid's, c_cand * (1 - "
            "c_cand); c_cand is a tanh: 1 - c_cand ** 2",
            [("dP[s, :, 2 * h:3 * h] = dc * u * (1 - c_cand ** 2)",
              "dP[s, :, 2 * h:3 * h] = dc * u * c_cand * (1 - c_cand)")]),
    Mistake("10-lstm_backward", "carry_times_update_gate",
            "the cell-state gradient is carried back times the update gate "
            "u (the README: dc * f, the forget gate)",
            [("dc_next = dc * f", "dc_next = dc * u")]),
    Mistake("10-lstm_backward", "gates_input_first",
            "the gates are recomputed from [X[s], H[s]], the input first "
            "(the README: A[s] = [H[s], X[s]])",
            [("P = (A @ W + b)", "P = (np.concatenate((X, H[:-1]), axis=-1)"
              ".reshape(t * m, h + i) @ W + b)")], pairs=True),
    Mistake("10-lstm_backward", "gates_from_next_state",
            "the gates are recomputed from H[s + 1], the state after the "
            "step (the README: from [H[s], X[s]])",
            [("A = np.concatenate((H[:-1], X), axis=-1)",
              "A = np.concatenate((H[1:], X), axis=-1)")]),
    Mistake("10-lstm_backward", "loop_forward_in_time",
            "the backward loop runs forward in time, so each step gets what "
            "the step before it carries (the README: from s = t - 1 down "
            "to 0)",
            [("for s in reversed(range(t)):", "for s in range(t):")]),
    *sigmoid_forms("10-lstm_backward"),
    plain_sigmoid("10-lstm_backward"),
]
