#!/usr/bin/env python3
"""Train a character-level RNN or LSTM on a text, then sample from it.

The model reads one character at a time (one-hot, size V = the number of
distinct characters) and predicts the next. Training is truncated
backpropagation through time on mini-batches: the text is cut into --batch
streams (B contiguous pieces, each starting at its own offset), read side
by side in windows of --seq-length characters, so that every matrix
product has B rows. The loss and gradients of one window come from tasks
9/10 (the loss averaged over the B streams), and each stream's hidden state
(and the LSTM's cell state) carries from one window to the next, resetting
to zero when the streams reach the end of their pieces. Updates are Adagrad
(or Adam) on gradients clipped by their global norm. The last tenth of the
text is held out: never trained on, it measures at the end how well the
model predicts text it has not seen. Built only on the task files 0, 1, 3,
9 and 10.

    ./main/train-char-rnn.py                      # simple RNN on README.md
    ./main/train-char-rnn.py --cell lstm --iterations 1000
    ./main/train-char-rnn.py --seconds 20         # stop after 20 s

The last two lines are `loss per character: A -> B`, the smoothed training
loss per character at the start and at the end, and `held-out loss per
character: X`, the mean loss over the held-out text, read as the training
text is (in --batch streams, each carrying its state from one window to
the next).
"""
import argparse
import ctypes
import os
import sys
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
RNNCell = __import__('0-rnn_cell').RNNCell
rnn = __import__('1-rnn').rnn
LSTMCell = __import__('3-lstm_cell').LSTMCell
rnn_backward = __import__('9-rnn_backward').rnn_backward
lstm_backward = __import__('10-lstm_backward').lstm_backward


def keep_freed_memory():
    """Ask glibc to keep freed blocks for reuse rather than give them back
    to the system. numpy makes a new array for every intermediate result;
    given back, each new block costs page faults, about a third of a
    training step with --batch 32. Without glibc, nothing happens."""
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(-3, 32 << 20)   # M_MMAP_THRESHOLD: its largest value
        libc.mallopt(-1, 256 << 20)  # M_TRIM_THRESHOLD
    except (OSError, AttributeError):
        pass


def parse_args(argv=None):
    """The command-line options."""
    parser = argparse.ArgumentParser(
        description="Train a character-level RNN or LSTM with truncated "
                    "BPTT and sample from it.")
    parser.add_argument("--cell", choices=("rnn", "lstm"), default="rnn",
                        help="the recurrent cell (default: rnn)")
    parser.add_argument("--text", default=os.path.join(ROOT, "README.md"),
                        help="the text to learn (default: README.md)")
    parser.add_argument("--hidden", type=int, default=100,
                        help="size of the hidden state (default: 100)")
    parser.add_argument("--seq-length", type=int, default=25,
                        help="characters per truncated-BPTT window "
                             "(default: 25)")
    parser.add_argument("--optimizer", choices=("adagrad", "adam"),
                        default="adagrad",
                        help="the update rule (default: adagrad)")
    parser.add_argument("--lr", type=float, default=0.015,
                        help="learning rate (default: 0.015)")
    parser.add_argument("--clip", type=float, default=1.0,
                        help="clip the gradient to this global norm "
                             "(default: 1)")
    parser.add_argument("--batch", type=int, default=32,
                        help="streams of the text read side by side "
                             "(default: 32)")
    parser.add_argument("--iterations", type=int, default=2000,
                        help="number of windows to train on (default: 2000)")
    parser.add_argument("--seconds", type=float, default=None,
                        help="also stop after this many seconds of "
                             "training")
    parser.add_argument("--seed", type=int, default=0,
                        help="random seed (default: 0)")
    parser.add_argument("--sample-every", type=int, default=500,
                        help="print a short sample every this many "
                             "iterations; 0 for none (default: 500)")
    parser.add_argument("--sample-length", type=int, default=200,
                        help="characters in the final sample (default: 200)")
    parser.add_argument("--temperature", type=float, default=1.0,
                        help="sampling temperature; lower is more "
                             "conservative (default: 1)")
    args = parser.parse_args(argv)
    if min(args.seq_length, args.hidden, args.iterations, args.batch) < 1:
        parser.error("--seq-length, --hidden, --iterations and --batch must "
                     "be >= 1")
    if args.temperature <= 0:
        parser.error("--temperature must be positive")
    if args.lr <= 0 or args.clip <= 0:
        parser.error("--lr and --clip must be positive")
    return args


class Model:
    """A cell (RNNCell or LSTMCell) with its recurrent state and the
    optimizer's memory of each parameter (Adagrad: the sum of its squared
    gradients; Adam: the running means of its gradient and of its square).
    """

    def __init__(self, kind, vocab, hidden, streams, optimizer="adagrad"):
        """Build the cell, with small weights: N(0, 1) draws times 0.01;
        its state has one row per stream."""
        self.kind = kind
        self.streams = streams
        self.optimizer = optimizer
        self.cell = (RNNCell if kind == "rnn" else LSTMCell)(
            vocab, hidden, vocab)
        for name, value in vars(self.cell).items():
            setattr(self.cell, name, value * 0.01)
        self.memory = {name: np.zeros_like(value)
                       for name, value in vars(self.cell).items()}
        self.mean = {name: np.zeros_like(value)
                     for name, value in vars(self.cell).items()}
        self.updates = 0
        self.reset()

    def reset(self):
        """Set every stream's hidden (and cell) state to zero:
        (streams, hidden)."""
        hidden = self.cell.Wy.shape[0]
        self.h = np.zeros((self.streams, hidden))
        self.c = np.zeros((self.streams, hidden))

    def run(self, X):
        """Run the cell over X (t, streams, V) from the streams' state,
        which moves on to the end of X: H, C (None for the RNN), Y."""
        if self.kind == "rnn":
            (H, Y), C = rnn(self.cell, X, self.h), None
        else:
            H, C, Y = self.unroll(X)
            self.c = C[-1]
        self.h = H[-1]
        return H, C, Y

    def train_window(self, X, Y_true, targets, lr, clip):
        """One truncated-BPTT step on a window.

        X, Y_true: (seq_length, streams, V) one-hot inputs and targets;
        targets: (seq_length, streams) the targets' indices.
        Returns the window's loss, summed over its characters and streams.
        """
        H, C, Y = self.run(X)
        if self.kind == "rnn":
            grads = rnn_backward(self.cell, X, H, Y, Y_true)
        else:
            grads = lstm_backward(self.cell, X, H, C, Y, Y_true)
        grads = {key[1:]: grad for key, grad in grads.items()
                 if key[1:] in self.memory}
        norm = np.sqrt(sum(np.sum(grad ** 2) for grad in grads.values()))
        scale = min(1.0, clip / norm) if norm > 0 else 1.0
        self.updates += 1
        for name, grad in grads.items():
            grad = grad * scale
            if self.optimizer == "adagrad":
                self.memory[name] += grad ** 2
                step = grad / np.sqrt(self.memory[name] + 1e-8)
            else:
                # Adam: running means with decay 0.9 and 0.999, corrected
                # for their start at zero
                self.mean[name] = 0.9 * self.mean[name] + 0.1 * grad
                self.memory[name] = (0.999 * self.memory[name]
                                     + 0.001 * grad ** 2)
                step = (self.mean[name] / (1 - 0.9 ** self.updates)) / (
                    np.sqrt(self.memory[name] / (1 - 0.999 ** self.updates))
                    + 1e-8)
            setattr(self.cell, name, getattr(self.cell, name) - lr * step)
        return window_loss(Y, targets)

    def held_out_loss(self, data, length, eye):
        """The mean loss per character over data (streams, n), the held-out
        text cut into one piece per stream, read as in training: windows of
        length, each stream carrying its state from one window to the next,
        from zero. The training state is left as it was."""
        saved = self.h, self.c
        self.reset()
        total = 0.0
        n = data.shape[1]
        for position in range(0, n - 1, length):
            end = min(position + length, n - 1)
            targets = data[:, position + 1:end + 1].T
            Y = self.run(eye[data[:, position:end].T])[2]
            total += window_loss(Y, targets)
        self.h, self.c = saved
        return total / (data.shape[0] * (n - 1))

    def unroll(self, X):
        """Run the LSTM over X (t, streams, V) from its state: H, C, Y."""
        t, streams = X.shape[:2]
        hidden = self.cell.Wy.shape[0]
        H = np.zeros((t + 1, streams, hidden))
        C = np.zeros((t + 1, streams, hidden))
        Y = np.zeros((t, streams, X.shape[2]))
        H[0], C[0] = self.h, self.c
        for s in range(t):
            H[s + 1], C[s + 1], Y[s] = self.cell.forward(H[s], C[s], X[s])
        return H, C, Y

    def sample(self, first, length, temperature, rng):
        """Indices of length characters drawn one by one after index first,
        from the first stream's current state (left unchanged)."""
        vocab = self.cell.Wy.shape[1]
        h, c = self.h[:1], self.c[:1]
        index, drawn = first, []
        for _ in range(length):
            x = np.zeros((1, vocab))
            x[0, index] = 1
            if self.kind == "rnn":
                h, _ = self.cell.forward(h, x)
            else:
                h, c, _ = self.cell.forward(h, c, x)
            z = (h @ self.cell.Wy + self.cell.by)[0] / temperature
            p = np.exp(z - np.max(z))
            index = rng.choice(vocab, p=p / p.sum())
            drawn.append(index)
        return drawn


def window_loss(Y, targets):
    """The cross-entropy of outputs Y (t, streams, V) at the targets'
    indices (t, streams), summed."""
    picked = np.take_along_axis(Y, targets[..., None], axis=-1)
    return -np.sum(np.log(picked))


def main(argv=None):
    """Train, printing progress and samples, and print the final line."""
    args = parse_args(argv)
    keep_freed_memory()
    with open(args.text, encoding="utf-8") as f:
        text = f.read()
    B, L = args.batch, args.seq_length
    # the last tenth is held out; the characters of the whole text make
    # the vocabulary
    split = len(text) - len(text) // 10
    train, held_out = text[:split], text[split:]
    if len(train) // B < L + 1 or len(held_out) // B < 2:
        need = B * (L + 1)
        while (need - need // 10) // B < L + 1 or need // 10 // B < 2:
            need += 1
        sys.exit("the text has {} characters; {} streams of windows of "
                 "--seq-length ({}), on nine tenths of it, and two "
                 "characters a stream held out need at least {}".format(
                     len(text), B, L, need))
    chars = sorted(set(text))
    index = {char: k for k, char in enumerate(chars)}

    def streams(part):
        """part cut into B pieces of equal length, one per row."""
        n = len(part) // B
        return np.array([index[char] for char in part[:B * n]]).reshape(B, n)

    data, held_data = streams(train), streams(held_out)
    n = data.shape[1]
    eye = np.eye(len(chars))
    print("{} characters ({} to train on, {} held out), {} distinct; {} "
          "cell, hidden {}, {} stream{} of windows of {}, {} lr {:g}, "
          "clip {:g}".format(len(text), len(train), len(held_out),
                             len(chars), args.cell, args.hidden, B,
                             "" if B == 1 else "s", L, args.optimizer,
                             args.lr, args.clip))

    np.random.seed(args.seed)
    model = Model(args.cell, len(chars), args.hidden, B, args.optimizer)
    rng = np.random.default_rng(args.seed)
    position, smooth, first = 0, None, None
    start = time.perf_counter()
    for iteration in range(1, args.iterations + 1):
        if position + L + 1 > n:
            position = 0
            model.reset()
        X = eye[data[:, position:position + L].T]
        targets = data[:, position + 1:position + L + 1].T
        loss = model.train_window(X, eye[targets], targets, args.lr,
                                  args.clip) / (L * B)
        smooth = loss if smooth is None else 0.99 * smooth + 0.01 * loss
        first = smooth if first is None else first
        position += L
        elapsed = time.perf_counter() - start
        late = args.seconds is not None and elapsed >= args.seconds
        if iteration % 100 == 0 or iteration == args.iterations or late:
            print("iteration {:>6}  loss per character {:.3f}  "
                  "({:.0f} chars/s)".format(iteration, smooth,
                                            iteration * L * B / elapsed))
        if args.sample_every and iteration % args.sample_every == 0:
            drawn = model.sample(data[0, position], 80, args.temperature,
                                 rng)
            print("  sample: " + repr("".join(chars[k] for k in drawn)))
        if late:
            break
    drawn = model.sample(data[0, position], args.sample_length,
                         args.temperature, rng)
    print("sample of {} characters:".format(args.sample_length))
    print("".join(chars[k] for k in drawn))
    print("loss per character: {:.3f} -> {:.3f}".format(first, smooth))
    print("held-out loss per character: {:.3f}".format(
        model.held_out_loss(held_data, L, eye)))


if __name__ == "__main__":
    main()
