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
import contextlib
import ctypes
import importlib.util
import os
import platform
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import typing

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


class Load:
    """The CPU time that other processes (not this one, nor the children
    it waited for) took while it measured: a figure taken on a busy
    machine says so."""

    def __init__(self):
        """Start counting."""
        self.start = self.busy(), sum(os.times()[:4]), time.monotonic()

    @staticmethod
    def busy():
        """Seconds of CPU time the whole machine has spent, or None."""
        try:
            with open("/proc/stat") as f:
                fields = [int(value) for value in f.readline().split()[1:]]
        except (OSError, ValueError):
            return None
        # user, nice, system, irq, softirq, steal (idle and iowait apart)
        ticks = sum(fields[:3]) + sum(fields[5:8])
        return ticks / os.sysconf("SC_CLK_TCK")

    def cores(self):
        """Cores kept busy by other processes since the start, or None."""
        machine, own, wall = self.start
        if machine is None:
            return None
        others = (self.busy() - machine) - (sum(os.times()[:4]) - own)
        return max(others, 0.0) / max(time.monotonic() - wall, 1e-9)

    def line(self):
        """A line that says how busy the machine was with other work."""
        cores = self.cores()
        if cores is None:
            return "load of other processes: unknown"
        return "other processes kept {:.2f} of {} cores busy meanwhile{}" \
            "".format(cores, os.cpu_count(), " (figures are unreliable)"
                      if cores > 0.25 else "")


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


def passes(rng, t, m, i, h, o, instrument=False):
    """The four timed passes at these sizes, as {name: function}; with
    instrument, on Timed views of the cells' weights and the inputs."""
    rnn_cell, lstm_cell = RNNCell(i, h, o), LSTMCell(i, h, o)
    for cell in (rnn_cell, lstm_cell):
        for name, value in vars(cell).items():
            setattr(cell, name, value / np.sqrt(value.shape[0]))
    X = rng.normal(size=(t, m, i))
    h_0 = np.zeros((m, h))
    Y_true = np.eye(o)[rng.integers(0, o, (t, m))]
    H_rnn, Y_rnn = rnn(rnn_cell, X, h_0)
    H_lstm, C_lstm, Y_lstm = lstm_forward(lstm_cell, X, h_0, h_0)
    if instrument:
        for cell in (rnn_cell, lstm_cell):
            for name, value in vars(cell).items():
                setattr(cell, name, timed(value))
        X, h_0, Y_true, H_rnn, Y_rnn, H_lstm, C_lstm, Y_lstm = timed((
            X, h_0, Y_true, H_rnn, Y_rnn, H_lstm, C_lstm, Y_lstm))
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


def cpu_model():
    """The CPU's model name and its widest vector instructions."""
    model, flags = platform.processor() or "unknown CPU", set()
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                key, _, value = line.partition(":")
                if key.strip() == "model name":
                    model = value.strip()
                elif key.strip() == "flags":
                    flags = set(value.split())
    except OSError:
        pass
    widest = next((name for flag, name in (("avx512f", "AVX-512"),
                                           ("avx2", "AVX2"), ("avx", "AVX"))
                   if flag in flags), None)
    return model + (", " + widest if widest else "")


def count_threads(count):
    """'1 thread', '2 threads'."""
    return "{} thread{}".format(count, "" if count == 1 else "s")


def blas_description():
    """numpy's BLAS: library, version, kernel (the core type it runs) and
    threads, from threadpoolctl where installed, else from OpenBLAS."""
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        threadpool_info = None
    if threadpool_info is not None:
        for info in threadpool_info():
            if info.get("user_api") == "blas" and "numpy" in info.get(
                    "filepath", "numpy"):
                return "{} {}, kernel {}, {} (threadpoolctl)".format(
                    info.get("internal_api"), info.get("version"),
                    info.get("architecture"),
                    count_threads(info.get("num_threads")))
    with open("/proc/self/maps") as maps:
        paths = sorted({line.split()[-1] for line in maps
                        if "openblas" in line.lower()})
    for path in paths:
        lib = ctypes.CDLL(path)
        for prefix in ("scipy_openblas", "openblas"):
            for suffix in ("64_", ""):
                name = prefix + "_get_corename" + suffix
                if hasattr(lib, name):
                    getattr(lib, name).restype = ctypes.c_char_p
                    return "OpenBLAS, kernel {}, {}".format(
                        getattr(lib, name)().decode(),
                        count_threads(blas_threads()))
    return "unknown (install threadpoolctl to see it)"


def machine_lines(threads):
    """What the figures depend on: CPU, numpy and its BLAS, torch."""
    lines = ["CPU: {} ({} cores)".format(cpu_model(), os.cpu_count()),
             "numpy {}, BLAS: {}".format(np.__version__,
                                         blas_description())]
    forced = {name: os.environ[name] for name in (
        "OPENBLAS_CORETYPE", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS",
        "MKL_NUM_THREADS", "MKL_ENABLE_INSTRUCTIONS", "ATEN_CPU_CAPABILITY",
        "LD_PRELOAD")
        if name in os.environ}
    if forced:
        lines.append("environment: " + ", ".join(
            "{}={}".format(k, v) for k, v in forced.items()))
    try:
        import torch
    except ImportError:
        return lines
    if threads:
        torch.set_num_threads(threads)
    blas = "MKL" if torch.backends.mkl.is_available() else "its own BLAS"
    lines.append("torch {}: {}, CPU capability {}, {}".format(
        torch.__version__, blas, torch.backends.cpu.get_cpu_capability(),
        count_threads(torch.get_num_threads())))
    return lines


# the numpy functions whose time counts as copies; every other function
# and ufunc but matmul counts as element-wise work
COPIES = {"concatenate", "stack", "zeros", "ones", "empty", "full",
          "zeros_like", "ones_like", "empty_like", "copy", "reshape",
          "split", "array", "asarray", "take_along_axis", "eye"}


class Timed(np.ndarray):
    """An array whose numpy operations add their time to Timed.parts, by
    kind: matrix products, element-wise work, copies (and assignments);
    and the operands of each matrix product to Timed.products, as
    Operand pairs."""

    parts = {}
    products = []

    @classmethod
    def call(cls, kind, fn, args, kwargs):
        """fn(*args, **kwargs) on plain arrays, timed; results Timed."""
        args, kwargs = plain(args), plain(kwargs)
        start = time.perf_counter()
        result = fn(*args, **kwargs)
        elapsed = time.perf_counter() - start
        cls.parts[kind] = cls.parts.get(kind, 0.0) + elapsed
        if kind == "matrix products":
            cls.products.append(tuple(Operand.of(arg) for arg in args[:2]))
        return timed(result)

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        """A ufunc (and its reduce, accumulate...): matmul or element-wise."""
        kind = ("matrix products" if ufunc is np.matmul
                else "element-wise")
        return Timed.call(kind, getattr(ufunc, method), inputs, kwargs)

    def __array_function__(self, func, types, args, kwargs):
        """A numpy function: a copy or element-wise work."""
        kind = "copies" if func.__name__ in COPIES else "element-wise"
        if func.__name__ in ("dot", "einsum", "tensordot", "inner"):
            kind = "matrix products"
        return Timed.call(kind, func, args, kwargs)

    def __setitem__(self, key, value):
        """Assignment into an array: a copy."""
        Timed.call("copies", np.ndarray.__setitem__, (self, key, value), {})


class Operand(typing.NamedTuple):
    """A matrix product's operand: its memory (where it starts, its
    strides), its shape, and whether it is the transpose of a C-ordered
    array (BLAS reads the two differently)."""

    memory: tuple
    shape: tuple
    transposed: bool

    @classmethod
    def of(cls, array):
        """The Operand that array is."""
        array = np.asarray(array)
        return cls((array.__array_interface__["data"][0], array.strides),
                   array.shape, not array.flags.c_contiguous
                   and array.T.flags.c_contiguous)

    def make(self, rng):
        """A new array of this shape and layout."""
        if self.transposed:
            return rng.normal(size=self.shape[::-1]).T
        return rng.normal(size=self.shape)


class Profile(typing.NamedTuple):
    """A pass timed op by op: seconds by part, and its matrix products."""

    parts: dict
    products: list


def plain(value):
    """value with every Timed array in it (nested in tuples, lists and
    dicts) viewed as a plain ndarray."""
    if isinstance(value, Timed):
        return value.view(np.ndarray)
    if isinstance(value, (tuple, list)):
        return type(value)(plain(item) for item in value)
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    return value


def timed(value):
    """value with every ndarray in it viewed as Timed."""
    if isinstance(value, np.ndarray) and not isinstance(value, Timed):
        return value.view(Timed)
    if isinstance(value, (tuple, list)):
        return type(value)(timed(item) for item in value)
    return value


class TimedNumpy:
    """numpy, except that the functions that make arrays make Timed ones,
    and time it: put in a module in place of np."""

    def __getattr__(self, name):
        """numpy's attribute name; array makers timed as copies."""
        attr = getattr(np, name)
        if name in ("zeros", "ones", "empty", "full", "eye"):
            return lambda *args, **kwargs: Timed.call("copies", attr, args,
                                                      kwargs)
        return attr


def instrumented(fn, modules, repeat):
    """Time fn() by parts, with every array of modules (and the inputs,
    whose Timed views fn must take) timed: the Profile of the run of least
    total time among repeat runs."""
    saved = {module: module.np for module in modules}
    runs = []
    try:
        for module in modules:
            module.np = TimedNumpy()
        for _ in range(repeat + 1):
            Timed.parts, Timed.products = {}, []
            fn()
            runs.append(Profile(dict(Timed.parts), list(Timed.products)))
    finally:
        for module, numpy in saved.items():
            module.np = numpy
    return min(runs[1:], key=lambda run: sum(run.parts.values()))


def replayed(products, repeat):
    """Seconds that the matrix products alone take, the same shapes and
    layouts in the same order: (with numpy's BLAS, with torch's, or None
    without torch), each the best of repeat."""
    rng = np.random.default_rng(2)
    made = {}    # an operand of the same memory is the same array again,
    for operand in {x for pair in products for x in pair}:  # as warm
        made.setdefault(operand, operand.make(rng))         # in caches
    operands = [(made[a], made[b]) for a, b in products]
    ours = best(lambda: [a @ b for a, b in operands], repeat)
    try:
        import torch
    except ImportError:
        return ours, None
    tensors = [(torch.from_numpy(a), torch.from_numpy(b))
               for a, b in operands]
    theirs = best(lambda: [a @ b for a, b in tensors], repeat)
    return ours, theirs


def time_and_kernel(fn, repeat):
    """The best time of fn() (s), and the CPU time the kernel spent for
    this process during that run (s): page faults, mostly, when numpy's
    fresh arrays are first written."""
    results = []
    for _ in range(repeat):
        kernel = resource.getrusage(resource.RUSAGE_SELF).ru_stime
        start = time.perf_counter()
        fn()
        elapsed = time.perf_counter() - start
        results.append((elapsed, resource.getrusage(
            resource.RUSAGE_SELF).ru_stime - kernel))
    return min(results)


TORCH_KINDS = (
    ("matrix products", ("aten::mm", "aten::addmm", "aten::bmm",
                         "aten::baddbmm", "aten::addmv", "aten::mv",
                         "aten::dot")),
    ("copies", ("aten::copy_", "aten::cat", "aten::stack", "aten::clone",
                "aten::empty", "aten::empty_strided", "aten::zero_",
                "aten::fill_", "aten::zeros", "aten::zeros_like",
                "aten::empty_like", "aten::resize_")),
)


@contextlib.contextmanager
def quiet_stderr():
    """Send file descriptor 2 to /dev/null meanwhile: torch.profiler's
    C++ side notes each start and stop there."""
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def torch_profile(threads, repeat, t, m, i, h, o):
    """{kind: {"forward"|"backward": (seconds, {part: seconds})}} of
    torch.nn.RNN / nn.LSTM at these sizes, or None without torch. Forward
    is the layer, the output head and the loss; backward computes the same
    gradients as ours. Parts are torch.profiler's self times."""
    try:
        import torch
        from torch.profiler import ProfilerActivity, profile
    except ImportError:
        return None
    if threads:
        torch.set_num_threads(threads)
    X = torch.randn(t, m, i, dtype=torch.float64, requires_grad=True)
    target = torch.randint(0, o, (t * m,))
    result = {}
    for kind, cls in (("rnn", torch.nn.RNN), ("lstm", torch.nn.LSTM)):
        layer = cls(i, h, dtype=torch.float64)
        head = torch.nn.Linear(h, o, dtype=torch.float64)
        states = [torch.zeros(1, m, h, dtype=torch.float64,
                              requires_grad=True)
                  for _ in range(2 if kind == "lstm" else 1)]
        leaves = [X] + states + list(layer.parameters()) + list(
            head.parameters())
        initial = tuple(states) if len(states) == 2 else states[0]

        def forward(layer=layer, head=head, initial=initial, leaves=leaves):
            for leaf in leaves:
                leaf.grad = None
            out = head(layer(X, initial)[0]).reshape(t * m, o)
            return torch.nn.functional.cross_entropy(out, target)

        best_forward = best_backward = float("inf")
        for _ in range(max(repeat, 3)):
            start = time.perf_counter()
            loss = forward()
            middle = time.perf_counter()
            loss.backward()
            end = time.perf_counter()
            best_forward = min(best_forward, middle - start)
            best_backward = min(best_backward, end - middle)
        parts = {}
        for stage in ("forward", "backward"):
            runs = []
            for _ in range(3):
                loss = forward() if stage == "backward" else None
                with quiet_stderr(), profile(
                        activities=[ProfilerActivity.CPU]) as prof:
                    if stage == "forward":
                        forward()
                    else:
                        loss.backward()
                counts = {}
                for event in prof.key_averages():
                    part = next((name for name, ops in TORCH_KINDS
                                 if event.key in ops), None)
                    if part is None and event.key.startswith("aten::"):
                        part = "element-wise"
                    if part is not None:
                        counts[part] = counts.get(part, 0.0) + (
                            event.self_cpu_time_total / 1e6)
                runs.append(counts)
            parts[stage] = min(runs, key=lambda run: sum(run.values()))
        result[kind] = {"forward": (best_forward, parts["forward"]),
                        "backward": (best_backward, parts["backward"])}
    return result


PARTS = ("matrix products", "element-wise", "copies")


def recomputation(repeat, t, m, i, h, o):
    """Seconds that lstm_backward spends recomputing what torch keeps from
    its forward pass, timed alone at these sizes as lstm_backward does it:
    (the product [H, X] @ W + b over all steps, its activations)."""
    rng = np.random.default_rng(1)
    H, X = rng.normal(size=(t + 1, m, h)), rng.normal(size=(t, m, i))
    W, b = rng.normal(size=(h + i, 4 * h)), rng.normal(size=(1, 4 * h))
    C = rng.normal(size=(t + 1, m, h))
    sigmoid = sys.modules["10-lstm_backward"].sigmoid

    def product():
        A = np.concatenate((H[:-1], X), axis=-1).reshape(t * m, h + i)
        return (A @ W + b).reshape(t, m, 4 * h)

    P = product()

    def activations():
        return (sigmoid(P[:, :, :h]), sigmoid(P[:, :, h:2 * h]),
                np.tanh(P[:, :, 2 * h:3 * h]), sigmoid(P[:, :, 3 * h:]),
                np.tanh(C[1:]))

    return best(product, repeat), best(activations, repeat)


def profile_passes(repeat):
    """Print, for each pass, its time split into matrix products,
    element-wise work, copies and the rest (the Python interpreter and
    numpy's call overhead), and the kernel's time within it, beside
    torch's."""
    threads = blas_threads()
    modules = [sys.modules[name] for name in (
        "0-rnn_cell", "1-rnn", "3-lstm_cell", "9-rnn_backward",
        "10-lstm_backward", lstm_forward.__module__)]
    rng = np.random.default_rng(0)
    fns = passes(rng, **SIZES)
    slow = passes(rng, instrument=True, **SIZES)
    theirs = torch_profile(threads, repeat, **SIZES)
    print("{}; float64; milliseconds, best of {}".format(", ".join(
        "{}={}".format(k, v) for k, v in SIZES.items()), repeat))
    print("parts timed op by op; 'rest' is the Python interpreter and the "
          "calls' overhead; 'kernel' is the system's time within the "
          "total (page faults)")
    row = "{:<15}{:>8}" + "{:>10}" * 5
    print(row.format("pass", "total", "products", "element", "copies",
                     "rest", "kernel"))
    ours = {"rnn": 0.0, "lstm": 0.0}
    blas_gap = {"rnn": 0.0, "lstm": 0.0}
    for name, fn in fns.items():
        kind, stage = ("lstm" if name.startswith("lstm") else "rnn",
                       "forward" if "forward" in name else "backward")
        seconds, kernel = time_and_kernel(fn, repeat)
        profile = instrumented(slow[name], modules, repeat)
        values = [profile.parts.get(part, 0.0) for part in PARTS]
        print(row.format(name, *("{:.1f}".format(value * 1e3) for value in [
            seconds] + values + [seconds - sum(values), kernel])))
        ours[kind] += seconds
        if theirs is not None:
            total, parts = theirs[kind][stage]
            values = [parts.get(part, 0.0) for part in PARTS]
            print(row.format("  torch", *("{:.1f}".format(value * 1e3)
                                          for value in [total] + values + [
                                              total - sum(values)]), ""))
        numpy_blas, torch_blas = replayed(profile.products, repeat)
        if torch_blas is not None:
            blas_gap[kind] += numpy_blas - torch_blas
            print("  our {} products alone: {:.1f} ms with numpy's BLAS, "
                  "{:.1f} ms with torch's".format(
                      len(profile.products), numpy_blas * 1e3,
                      torch_blas * 1e3))
    if theirs is not None:
        print("torch: forward is the layer, the output head and the loss; "
              "its parts are torch.profiler's self times")
        for kind in ("rnn", "lstm"):
            total = sum(theirs[kind][stage][0]
                        for stage in ("forward", "backward"))
            print("{} fwd+bwd in this profile: ours / torch {:.2f}; with "
                  "our products as fast as torch's BLAS makes them "
                  "{:.2f}".format(
                      kind.upper(), ours[kind] / total,
                      (ours[kind] - blas_gap[kind]) / total))
    product, activations = recomputation(repeat, **SIZES)
    print("lstm_backward recomputes the gates, which torch keeps from its "
          "forward: {:.1f} ms ([H, X] @ W + b {:.1f} ms, the activations "
          "{:.1f} ms)".format((product + activations) * 1e3, product * 1e3,
                              activations * 1e3))


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
    """Characters per second and held-out loss per character of the
    classic single-stream character-level RNN: column vectors, one
    character at a time forward and back in Python, per-parameter clipping,
    Adagrad; trained for seconds on the first nine tenths of text, tested
    on the last tenth as train-char-rnn.py does. The reference point of
    main/train-char-rnn.py's mini-batches."""
    chars = sorted(set(text))
    V = len(chars)
    split = len(text) - len(text) // 10
    data = [chars.index(char) for char in text]
    train, held_out = data[:split], data[split:]
    rng = np.random.default_rng(0)
    Wxh, Whh, Why = (0.01 * rng.normal(size=shape) for shape in (
        (hidden, V), (hidden, hidden), (V, hidden)))
    bh, by = np.zeros((hidden, 1)), np.zeros((V, 1))
    params = [Wxh, Whh, Why, bh, by]
    memory = [np.zeros_like(param) for param in params]
    position, h, windows = 0, np.zeros((hidden, 1)), 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        if position + window + 1 >= len(train):
            position, h = 0, np.zeros((hidden, 1))
        xs, hs, ps = {}, {-1: h}, {}
        for s in range(window):
            xs[s] = np.zeros((V, 1))
            xs[s][train[position + s]] = 1
            hs[s] = np.tanh(Wxh @ xs[s] + Whh @ hs[s - 1] + bh)
            z = Why @ hs[s] + by
            e = np.exp(z - z.max())
            ps[s] = e / e.sum()
        grads = [np.zeros_like(param) for param in params]
        dh_next = np.zeros((hidden, 1))
        for s in reversed(range(window)):
            dy = ps[s].copy()
            dy[train[position + s + 1]] -= 1
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
    speed = windows * window / (time.perf_counter() - start)
    h, loss = np.zeros((hidden, 1)), 0.0
    for now, after in zip(held_out, held_out[1:]):
        h = np.tanh(Wxh[:, now:now + 1] + Whh @ h + bh)
        z = Why @ h + by
        loss += np.log(np.sum(np.exp(z - z.max()))) + z.max() - z[after, 0]
    return speed, loss / (len(held_out) - 1)


# the settings of main/train-char-rnn.py that --char compares: the
# defaults, --batch 1 with the classic model's learning rate and clip and
# with the rates that did best for it, Adam, and the former defaults
CHAR_SETTINGS = ["", "--batch 1 --lr 0.1 --clip 5", "--batch 1 --lr 0.05",
                 "--batch 1 --lr 0.02", "--batch 1 --optimizer adam --lr "
                 "0.001", "--batch 32 --lr 0.02", "--batch 16 --lr 0.1 "
                 "--clip 5"]


def char_model(seconds, settings=None, path=None):
    """Print the characters per second and the held-out loss per character
    reached in seconds by main/train-char-rnn.py with each setting (hidden
    100, windows of 25, on path, README.md by default) and by the classic
    single-stream RNN."""
    path = path or os.path.join(ROOT, "README.md")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for line in machine_lines(blas_threads()):
        print(line)
    print("{} ({} characters; the last tenth held out), hidden 100, "
          "windows of 25, {:g} s each".format(
              os.path.basename(path), len(text), seconds))
    row = "{:<42}{:>12}{:>10}{:>10}"
    print(row.format("setting", "chars/s", "held-out", "training"))
    load = Load()
    speed, held_out = classic_char_rnn(text, seconds)
    print(row.format("classic single stream", "{:.0f}".format(speed),
                     "{:.3f}".format(held_out), ""))
    for setting in settings or CHAR_SETTINGS:
        printed = subprocess.run(
            [sys.executable, os.path.join(ROOT, "main", "train-char-rnn.py"),
             "--text", path, "--seconds", str(seconds),
             "--iterations", "100000000",
             "--sample-every", "0", "--sample-length", "1"]
            + setting.split(), capture_output=True, text=True,
            check=True).stdout.splitlines()
        progress = [line for line in printed if line.startswith("iteration")]
        speed = float(progress[-1].split("(")[1].split()[0])
        print(row.format(setting or "(the defaults)", "{:.0f}".format(speed),
                         printed[-1].split()[-1],
                         printed[-2].split()[-1]))
    print(load.line())


def main():
    """Time everything and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5,
                        help="runs per measurement; the best counts "
                        "(default 5; 9 at least for the comparison with "
                        "torch)")
    parser.add_argument("--class", type=int, metavar="N", dest="count",
                        help="instead, grade a class of N generated "
                        "submissions with tests/grade_class.py")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="gradings at a time, with --class")
    parser.add_argument("--char", type=float, metavar="S",
                        help="instead, train main/train-char-rnn.py with "
                        "each setting and the classic single-stream RNN, S "
                        "seconds each: chars/s and held-out loss")
    parser.add_argument("--setting", action="append", metavar="ARGS",
                        help="with --char, a setting of train-char-rnn.py "
                        "to compare, e.g. '--batch 8 --lr 0.2' (repeat it; "
                        "'' is the defaults); default: a few")
    parser.add_argument("--text", help="with --char, the text to learn "
                        "(default: README.md)")
    parser.add_argument("--profile", action="store_true",
                        help="instead, split each pass's time into matrix "
                        "products, element-wise work, copies, page faults "
                        "and the rest, beside torch's")
    parser.add_argument("--torch-only", action="store_true",
                        help="only the comparison with torch: forward + "
                        "backward of each network, interleaved")
    args = parser.parse_args()
    if args.torch_only and importlib.util.find_spec("torch") is None:
        parser.error("--torch-only compares with torch, which is not "
                     "installed here (pip install torch)")
    if args.count:
        class_grading(args.count, args.jobs)
        return
    if args.char:
        char_model(args.char, args.setting, args.text)
        return
    threads = blas_threads()
    for line in machine_lines(threads):
        print(line)
    load = Load()
    if args.profile:
        profile_passes(max(args.repeat, 5))
    elif args.torch_only:
        versus_torch(threads, args.repeat)
    else:
        timings(args.repeat)
        versus_torch(threads, args.repeat)
    print(load.line())


def timings(repeat):
    """Print each pass's time, its rate, and the growth with t."""
    rng = np.random.default_rng(0)
    n = 1024
    A, B = rng.normal(size=(n, n)), rng.normal(size=(n, n))
    peak = 2 * n ** 3 / best(lambda: A @ B, repeat) / 1e9
    print("{}; float64; numpy.matmul {n}x{n} @ {n}x{n}: {:.1f} "
          "GFLOP/s".format(", ".join("{}={}".format(k, v)
                                     for k, v in SIZES.items()), peak, n=n))
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


def versus_torch(threads, repeat):
    """Print forward + backward of ours and of torch's, interleaved, and
    their ratio."""
    torch_fns = torch_steps(threads, **SIZES)
    if torch_fns is None:
        print("torch: not installed (optional), no comparison")
        return
    fns = passes(np.random.default_rng(0), **SIZES)
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
