#!/usr/bin/env python3
"""See vanishing and exploding gradients in the terminal.

On a random sequence of --steps inputs with a target only at the last step
(every other row of Y_true is zero), backpropagation through time (tasks 9
and 10) gives dL/dx_s, how much the loss depends on the input s steps
before the end. Each chart has one column per step, its height the norm
|dL/dx_s| on a log scale:

- a simple RNN with weights N(0, 1/(h + i)): each step back multiplies the
  gradient by the recurrent Jacobian diag(1 - h²) Whh, whose norm is below
  one here, so the gradient vanishes geometrically;
- an LSTM whose forget gate is biased open: the cell state carries the
  gradient back, multiplied only by f ≈ σ(bias), so it survives;
- a simple RNN whose recurrent weights are --radius times an orthogonal
  matrix, with small input weights: the states stay small, the Jacobian is
  about --radius times an orthogonal matrix, and the gradient explodes;
  clipping to a global norm rescales all of it at once: the update has a
  sane size, but the early steps still dominate.

The last line is `gradient norm at the first step / at the last step:
rnn R, lstm L`.
"""
import argparse
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RNNCell = __import__('0-rnn_cell').RNNCell
rnn = __import__('1-rnn').rnn
LSTMCell = __import__('3-lstm_cell').LSTMCell
rnn_backward = __import__('9-rnn_backward').rnn_backward
lstm_backward = __import__('10-lstm_backward').lstm_backward

BLOCKS = " ▁▂▃▄▅▆▇█"


def parse_args(argv=None):
    """The command-line options."""
    parser = argparse.ArgumentParser(
        description="Show vanishing and exploding gradients as text charts.")
    parser.add_argument("--steps", type=int, default=60,
                        help="length of the sequence (default: 60)")
    parser.add_argument("--hidden", type=int, default=32,
                        help="size of the hidden state (default: 32)")
    parser.add_argument("--forget-bias", type=float, default=3.0,
                        help="the LSTM's forget-gate bias (default: 3)")
    parser.add_argument("--radius", type=float, default=1.3,
                        help="scale of the exploding RNN's orthogonal "
                             "recurrent weights (default: 1.3)")
    parser.add_argument("--clip", type=float, default=5.0,
                        help="global norm to clip to (default: 5)")
    parser.add_argument("--seed", type=int, default=0,
                        help="random seed (default: 0)")
    args = parser.parse_args(argv)
    if args.steps < 2 or args.hidden < 1:
        parser.error("--steps must be >= 2 and --hidden >= 1")
    return args


def chart(norms, lo, hi, height=8):
    """Lines of a column chart of norms (one column per step) on a log
    scale from 10**lo (empty) to 10**hi (full)."""
    eighths = np.round((np.log10(np.maximum(norms, 1e-300)) - lo)
                       / (hi - lo) * height * 8).astype(int)
    lines = []
    for row in reversed(range(height)):
        fill = np.clip(eighths - row * 8, 0, 8)
        label = "1e{:+03d}".format(hi) if row == height - 1 else (
            "1e{:+03d}".format(lo) if row == 0 else "")
        lines.append("{:>6} ┤{}".format(label, "".join(BLOCKS[k]
                                                       for k in fill)))
    steps = len(norms)
    axis = "s=0".ljust(steps - 4) + "s={}".format(steps - 1)
    lines.append("       └" + "─" * steps)
    lines.append("        " + axis)
    return lines


def decades(*norms):
    """The whole decades lo < hi that hold every norm given."""
    logs = np.log10(np.maximum(np.concatenate(norms), 1e-300))
    lo, hi = int(np.floor(logs.min())), int(np.ceil(logs.max()))
    return lo, max(hi, lo + 1)


def step_norms(dX):
    """|dL/dx_s| for every step s of dX (t, m, i)."""
    return np.linalg.norm(dX.reshape(len(dX), -1), axis=1)


def show(title, norms, lo=None, hi=None):
    """Print a titled chart of norms and its first/last ratio."""
    if lo is None:
        lo, hi = decades(norms)
    print(title)
    print("\n".join(chart(norms, lo, hi)))
    print("  first step {:.2e}, last step {:.2e}, ratio {:.2e}\n".format(
        norms[0], norms[-1], norms[0] / norms[-1]))


def main(argv=None):
    """Build the three networks, backpropagate, draw the charts."""
    args = parse_args(argv)
    t, m, i, h, o = args.steps, 8, 8, args.hidden, 4
    np.random.seed(args.seed)
    rng = np.random.default_rng(args.seed)
    X = rng.normal(size=(t, m, i))
    h_0 = np.zeros((m, h))
    Y_true = np.zeros((t, m, o))
    Y_true[-1] = np.eye(o)[rng.integers(0, o, m)]
    print("t = {} steps, batch {}, input {}, hidden {}; a target only at "
          "the last step.\nEach column is |dL/dx_s| for one step s, on a "
          "log scale.\n".format(t, m, i, h))

    cell = RNNCell(i, h, o)
    cell.Wh /= np.sqrt(h + i)
    cell.Wy /= np.sqrt(h)
    H, Y = rnn(cell, X, h_0)
    rnn_norms = step_norms(rnn_backward(cell, X, H, Y, Y_true)["dX"])
    show("simple RNN, weights N(0, 1/(h + i)): the gradient vanishes",
         rnn_norms)

    lstm = LSTMCell(i, h, o)
    for name in ("Wf", "Wu", "Wc", "Wo"):
        setattr(lstm, name, getattr(lstm, name) / np.sqrt(h + i))
    lstm.Wy /= np.sqrt(h)
    lstm.bf = np.full((1, h), args.forget_bias)
    H, C, Y = np.zeros((t + 1, m, h)), np.zeros((t + 1, m, h)), \
        np.zeros((t, m, o))
    for s in range(t):
        H[s + 1], C[s + 1], Y[s] = lstm.forward(H[s], C[s], X[s])
    lstm_norms = step_norms(lstm_backward(lstm, X, H, C, Y, Y_true)["dX"])
    show("LSTM, forget-gate bias {:+g} (f ≈ {:.2f}): the gradient survives"
         .format(args.forget_bias, 1 / (1 + np.exp(-args.forget_bias))),
         lstm_norms)

    big = RNNCell(i, h, o)
    big.Wh[:h] = args.radius * np.linalg.qr(rng.normal(size=(h, h)))[0]
    big.Wh[h:] *= 1e-4
    big.Wy /= np.sqrt(h)
    H, Y = rnn(big, X, h_0)
    grads = rnn_backward(big, X, H, Y, Y_true)
    big_norms = step_norms(grads["dX"])
    norm = np.sqrt(sum(np.sum(grads[key] ** 2)
                       for key in ("dWh", "dbh", "dWy", "dby")))
    scale = min(1.0, args.clip / norm)
    lo, hi = decades(big_norms, big_norms * scale)
    show("simple RNN, recurrent weights {:g} x orthogonal: the gradient "
         "explodes".format(args.radius), big_norms, lo, hi)
    show("the same, clipped: the parameter gradient's global norm {:.3g} "
         "-> {:g},\nso every gradient is scaled by {:.2e}; the early steps "
         "still dominate".format(norm, min(norm, args.clip), scale),
         big_norms * scale, lo, hi)
    print("gradient norm at the first step / at the last step: rnn {:.2e}, "
          "lstm {:.2e}".format(rnn_norms[0] / rnn_norms[-1],
                               lstm_norms[0] / lstm_norms[-1]))


if __name__ == "__main__":
    main()
