#!/usr/bin/env python3
"""Time the RNN and LSTM forward and backward passes (a script, not a test).

    python3 tests/benchmark.py [--repeat N]

In float64 at t=100, m=64, i=128, h=256, o=64 it times rnn (task 1),
rnn_backward (task 9), a loop over LSTMCell.forward (task 3) and
lstm_backward (task 10). For each it prints milliseconds (best of N runs),
GFLOP/s counted from the matrix products (2 flops per multiply-add), and
that rate as a fraction of a plain numpy.matmul of two 1024 x 1024 matrices
timed in the same run. Then the growth of forward + backward from t=50 to
t=400 (linear is 8x). If torch is installed, torch.nn.RNN and nn.LSTM with
the same shapes, dtype and threads are timed forward + backward too,
computing the same gradients as ours (weights, biases, inputs and initial
states), turn about with ours (best of at least 9 each), and the ratios
printed.

    python3 tests/benchmark.py --class 50 [--jobs N]

instead grades a class of 50 generated submissions (copies of this
repository's task files with catalogued mistakes planted) with
tests/grade_class.py, and prints the time per submission.

    python3 tests/benchmark.py --char 20

instead times main/train-char-rnn.py at --batch 1 and --batch 32 for 20 s
each, and a classic single-stream character-level RNN written here as the
reference point: characters per second, and the loss reached.
"""
import argparse
import ctypes
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time

import numpy as np

from judge.contract.cases import lstm_forward
from judge.contract.tasks import ROOT

sys.path.insert(0, ROOT)
RNNCell = __import__('0-rnn_cell').RNNCell
LSTMCell = __import__('3-lstm_cell').LSTMCell
rnn = __import__('1-rnn').rnn
rnn_backward = __import__('9-rnn_backward').rnn_backward
lstm_backward = __import__('10-lstm_backward').lstm_backward

SIZES = dict(t=100, m=64, i=128, h=256, o=64)


def blas_threads():
    """The thread count of the OpenBLAS numpy loaded, or None."""
    with open("/proc/self/maps") as maps:
        paths = sorted({line.split()[-1] for line in maps
                        if "openblas" in line.lower()})
    for path in paths:
        lib = ctypes.CDLL(path)
        for name in ("scipy_openblas_get_num_threads64_",
                     "scipy_openblas_get_num_threads",
                     "openblas_get_num_threads64_",
                     "openblas_get_num_threads"):
            if hasattr(lib, name):
                return getattr(lib, name)()
    return None


def best(fn, repeat):
    """The shortest of repeat timings of fn(), in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def flops(t, m, i, h, o):
    """Flops of the matrix products of each timed pass, by name."""
    return {
        "rnn forward": 2 * t * m * ((h + i) * h + h * o),
        # dZ @ Wy.T, the recurrence, dWh, dWy, dX
        "rnn_backward": 2 * t * m * (o * h + h * h + (h + i) * h + h * o
                                     + h * i),
        "lstm forward": 2 * t * m * ((h + i) * 4 * h + h * o),
        # gates, dZ @ Wy.T, the recurrence, dW, dWy, dX
        "lstm_backward": 2 * t * m * ((h + i) * 4 * h + o * h + 4 * h * h
                                      + (h + i) * 4 * h + h * o + 4 * h * i),
    }


def passes(rng, t, m, i, h, o):
    """The four timed passes at these sizes, as {name: function}."""
    rnn_cell, lstm_cell = RNNCell(i, h, o), LSTMCell(i, h, o)
    for cell in (rnn_cell, lstm_cell):
        for name, value in vars(cell).items():
            setattr(cell, name, value / np.sqrt(value.shape[0]))
    X = rng.normal(size=(t, m, i))
    h_0 = np.zeros((m, h))
    Y_true = np.eye(o)[rng.integers(0, o, (t, m))]
    H_rnn, Y_rnn = rnn(rnn_cell, X, h_0)
    H_lstm, C_lstm, Y_lstm = lstm_forward(lstm_cell, X, h_0, h_0)
    return {
        "rnn forward": lambda: rnn(rnn_cell, X, h_0),
        "rnn_backward": lambda: rnn_backward(rnn_cell, X, H_rnn, Y_rnn,
                                             Y_true),
        "lstm forward": lambda: lstm_forward(lstm_cell, X, h_0, h_0),
        "lstm_backward": lambda: lstm_backward(lstm_cell, X, H_lstm, C_lstm,
                                               Y_lstm, Y_true),
    }


def torch_steps(threads, t, m, i, h, o):
    """{kind: forward + backward of torch.nn.RNN / nn.LSTM} with the same
    shapes, dtype and threads, or None without torch. Like ours, each
    backward computes fresh gradients of every weight and bias, of the
    inputs X and of the initial states (dX, dh_0, dc_0)."""
    try:
        import torch
    except ImportError:
        return None
    if threads:
        torch.set_num_threads(threads)
    X = torch.randn(t, m, i, dtype=torch.float64, requires_grad=True)
    target = torch.randint(0, o, (t * m,))
    steps = {}
    for kind, cls in (("rnn", torch.nn.RNN), ("lstm", torch.nn.LSTM)):
        layer = cls(i, h, dtype=torch.float64)
        head = torch.nn.Linear(h, o, dtype=torch.float64)
        states = [torch.zeros(1, m, h, dtype=torch.float64,
                              requires_grad=True)
                  for _ in range(2 if kind == "lstm" else 1)]
        leaves = [X] + states + list(layer.parameters()) + list(
            head.parameters())

        def step(layer=layer, head=head, states=states, leaves=leaves):
            for leaf in leaves:
                leaf.grad = None
            initial = tuple(states) if len(states) == 2 else states[0]
            out = head(layer(X, initial)[0]).reshape(t * m, o)
            torch.nn.functional.cross_entropy(out, target).backward()

        steps[kind] = step
    return steps


def interleaved(ours, theirs, repeat):
    """Best times (s) of ours() and theirs(), timed turn about, so that a
    burst of load on the machine hits both. Each timed call follows an
    untimed one of the same side: the other library's threads, which spin
    for a while after their work, have stopped by then."""
    best_ours = best_theirs = float("inf")
    for _ in range(repeat):
        ours()
        best_ours = min(best_ours, best(ours, 1))
        theirs()
        best_theirs = min(best_theirs, best(theirs, 1))
    return best_ours, best_theirs


def class_grading(count, jobs, seed=0):
    """Grade count generated submissions with tests/grade_class.py (copies
    of this repository's task files, each with 0 to 3 catalogued mistakes
    planted) and print the time per submission."""
    from judge.contract.mistakes import MISTAKES
    from judge.contract.tasks import TASKS
    rng = random.Random(seed)
    place = tempfile.mkdtemp(prefix="class-benchmark-")
    folder = os.path.join(place, "class")
    for k in range(count):
        submission = os.path.join(folder, "student{:03d}".format(k))
        os.makedirs(submission)
        planted = {mistake.task: mistake for mistake in rng.sample(
            MISTAKES, rng.randint(0, 3))}
        for task in TASKS:
            with open(os.path.join(ROOT, task + ".py")) as f:
                text = f.read()
            if task in planted:
                text = planted[task].source(text)
            path = os.path.join(submission, task + ".py")
            with open(path, "w") as f:
                f.write(text)
            os.chmod(path, 0o755)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    done = subprocess.run([sys.executable, os.path.join(
        ROOT, "tests", "grade_class.py"), folder, "--out",
        os.path.join(place, "out"), "--jobs", str(jobs), "--seed", "1"],
        stdout=subprocess.PIPE, text=True, check=True)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    machine = (after.ru_utime - before.ru_utime + after.ru_stime -
               before.ru_stime)
    shutil.rmtree(place, ignore_errors=True)
    print("class of {} generated submissions (all eleven tasks, 0-3 planted "
          "mistakes each), {} cores, {} jobs".format(count, os.cpu_count(),
                                                     jobs))
    print("{:.1f} s in all: {:.2f} s per submission, {:.2f} s of machine "
          "time each; {:.1f} submissions per minute".format(
              wall, wall / count, machine / count, 60 * count / wall))
    # of which the report, feedback and near-copies, after the gradings
    print("".join(line for line in done.stdout.splitlines(True)
                  if line.startswith(("report and similarity",
                                      "similar code: not"))), end="")


def classic_char_rnn(text, seconds, hidden=100, window=25, lr=0.1):
    """Characters per second of the classic single-stream character-level
    RNN: column vectors, one character at a time forward and back in
    Python, per-parameter clipping, Adagrad. The reference point of
    main/train-char-rnn.py's mini-batches."""
    chars = sorted(set(text))
    V = len(chars)
    data = [chars.index(char) for char in text]
    rng = np.random.default_rng(0)
    Wxh, Whh, Why = (0.01 * rng.normal(size=shape) for shape in (
        (hidden, V), (hidden, hidden), (V, hidden)))
    bh, by = np.zeros((hidden, 1)), np.zeros((V, 1))
    params = [Wxh, Whh, Why, bh, by]
    memory = [np.zeros_like(param) for param in params]
    position, h, windows = 0, np.zeros((hidden, 1)), 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        if position + window + 1 >= len(data):
            position, h = 0, np.zeros((hidden, 1))
        xs, hs, ps = {}, {-1: h}, {}
        for s in range(window):
            xs[s] = np.zeros((V, 1))
            xs[s][data[position + s]] = 1
            hs[s] = np.tanh(Wxh @ xs[s] + Whh @ hs[s - 1] + bh)
            z = Why @ hs[s] + by
            e = np.exp(z - z.max())
            ps[s] = e / e.sum()
        grads = [np.zeros_like(param) for param in params]
        dh_next = np.zeros((hidden, 1))
        for s in reversed(range(window)):
            dy = ps[s].copy()
            dy[data[position + s + 1]] -= 1
            grads[2] += dy @ hs[s].T
            grads[4] += dy
            da = (1 - hs[s] ** 2) * (Why.T @ dy + dh_next)
            grads[3] += da
            grads[0] += da @ xs[s].T
            grads[1] += da @ hs[s - 1].T
            dh_next = Whh.T @ da
        for param, grad, mem in zip(params, grads, memory):
            np.clip(grad, -5, 5, out=grad)
            mem += grad * grad
            param -= lr * grad / np.sqrt(mem + 1e-8)
        h = hs[window - 1]
        position += window
        windows += 1
    return windows * window / (time.perf_counter() - start)


def char_model(seconds):
    """Print the characters per second and the loss reached in seconds of
    main/train-char-rnn.py at --batch 1 and 32, and of the classic
    single-stream RNN, on README.md with hidden 100 and windows of 25."""
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
        text = f.read()
    classic = classic_char_rnn(text, seconds)
    print("{} cores; README.md ({} characters), hidden 100, windows of 25, "
          "{:g} s each".format(os.cpu_count(), len(text), seconds))
    print("classic single-stream RNN: {:.0f} chars/s".format(classic))
    for batch in (1, 32):
        printed = subprocess.run(
            [sys.executable, os.path.join(ROOT, "main", "train-char-rnn.py"),
             "--batch", str(batch), "--seconds", str(seconds),
             "--iterations", "100000000", "--sample-every", "0",
             "--sample-length", "1"], capture_output=True, text=True,
            check=True).stdout.splitlines()
        speed = float(printed[-4].split("(")[1].split()[0])
        print("train-char-rnn.py --batch {:<2}: {:.0f} chars/s ({:.1f}x the "
              "classic), {}".format(batch, speed, speed / classic,
                                    printed[-1]))


def main():
    """Time everything and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5,
                        help="runs per measurement; the best counts")
    parser.add_argument("--class", type=int, metavar="N", dest="count",
                        help="instead, grade a class of N generated "
                        "submissions with tests/grade_class.py")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="gradings at a time, with --class")
    parser.add_argument("--char", type=float, metavar="S",
                        help="instead, time main/train-char-rnn.py at "
                        "--batch 1 and 32 and the classic single-stream "
                        "RNN, S seconds each")
    args = parser.parse_args()
    if args.count:
        class_grading(args.count, args.jobs)
        return
    if args.char:
        char_model(args.char)
        return
    repeat = args.repeat
    rng = np.random.default_rng(0)
    threads = blas_threads()
    n = 1024
    A, B = rng.normal(size=(n, n)), rng.normal(size=(n, n))
    peak = 2 * n ** 3 / best(lambda: A @ B, repeat) / 1e9
    print("numpy {}, float64, BLAS threads: {}".format(
        np.__version__, threads or "unknown"))
    print("{}; numpy.matmul {n}x{n} @ {n}x{n}: {:.1f} GFLOP/s".format(
        ", ".join("{}={}".format(k, v) for k, v in SIZES.items()), peak,
        n=n))
    row = "{:<15}{:>10}{:>10}{:>12}"
    print(row.format("pass", "ms", "GFLOP/s", "of matmul"))
    work = flops(**SIZES)
    totals = {"rnn": [0.0, 0], "lstm": [0.0, 0]}
    for name, fn in passes(rng, **SIZES).items():
        seconds = best(fn, repeat)
        kind = "lstm" if name.startswith("lstm") else "rnn"
        totals[kind][0] += seconds
        totals[kind][1] += work[name]
        rate = work[name] / seconds / 1e9
        print(row.format(name, "{:.1f}".format(seconds * 1e3),
                         "{:.1f}".format(rate), "{:.0%}".format(rate / peak)))
    for kind, (seconds, count) in totals.items():
        rate = count / seconds / 1e9
        print(row.format(kind + " fwd+bwd", "{:.1f}".format(seconds * 1e3),
                         "{:.1f}".format(rate), "{:.0%}".format(rate / peak)))
    growth = {"rnn": [], "lstm": []}
    for t in (50, 400):
        fns = passes(rng, **dict(SIZES, t=t))
        for kind in growth:
            forward, backward = fns[kind + " forward"], fns[kind + "_backward"]
            growth[kind].append(best(lambda: (forward(), backward()),
                                     max(2, repeat // 2)))
    for kind, (short, long) in growth.items():
        print("{} fwd+bwd t=50: {:.1f} ms, t=400: {:.1f} ms, growth {:.1f}x "
              "(linear: 8x)".format(kind, short * 1e3, long * 1e3,
                                    long / short))
    torch_fns = torch_steps(threads, **SIZES)
    if torch_fns is None:
        print("torch: not installed (optional), no comparison")
        return
    fns = passes(rng, **SIZES)
    for kind in ("rnn", "lstm"):
        forward, backward = fns[kind + " forward"], fns[kind + "_backward"]
        ours, theirs = interleaved(lambda: (forward(), backward()),
                                   torch_fns[kind], max(repeat, 9))
        print("torch nn.{} fwd+bwd: {:.1f} ms, this repository {:.1f} ms "
              "(interleaved, best of {}): ratio {:.2f}".format(
                  kind.upper(), theirs * 1e3, ours * 1e3, max(repeat, 9),
                  ours / theirs))


if __name__ == "__main__":
    main()
