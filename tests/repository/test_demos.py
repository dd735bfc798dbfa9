"""The two demos of main/ run with small settings and say what they must:
the training loss falls, the held-out loss is measured on the last tenth
of the text alone, samples are drawn from the text's characters, a seed
fixes the output, and the LSTM keeps more gradient than the RNN."""
import math
import os
import re
import subprocess
import sys

import pytest

from judge.contract.tasks import ROOT

TRAIN = os.path.join(ROOT, "main", "train-char-rnn.py")
VANISH = os.path.join(ROOT, "main", "vanishing-gradients.py")
TEXT = "the quick brown fox jumps over the lazy dog.\n" * 40


def run(script, *args):
    """stdout of a demo run with args, failing with its stderr."""
    done = subprocess.run([sys.executable, script] + list(args),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, "{} failed:\n{}".format(script, done.stderr)
    return done.stdout


@pytest.fixture(scope="module")
def text_file(tmp_path_factory):
    """A small text to train on."""
    path = tmp_path_factory.mktemp("demo") / "text.txt"
    path.write_text(TEXT, encoding="utf-8")
    return str(path)


def losses(printed):
    """The smoothed training loss at the start and at the end, and the
    held-out loss, from the last two lines of a training run."""
    lines = printed.splitlines()
    match = re.fullmatch(r"loss per character: (\d+\.\d+) -> (\d+\.\d+)",
                         lines[-2])
    assert match, "train-char-rnn: last but one line {!r}".format(lines[-2])
    held_out = re.fullmatch(r"held-out loss per character: (\d+\.\d+)",
                            lines[-1])
    assert held_out, "train-char-rnn: last line {!r}".format(lines[-1])
    return tuple(map(float, match.groups() + held_out.groups()))


@pytest.mark.parametrize("cell, optimizer", [
    ("rnn", "adagrad"), ("lstm", "adagrad"), ("rnn", "adam")])
def test_training_lowers_the_loss_and_samples_the_text(cell, optimizer,
                                                       text_file):
    """The last lines are `loss per character: A -> B` with B < 0.7 A and
    `held-out loss per character: C` with C < 0.7 A too (the held-out
    tenth repeats the sentence trained on), and the final sample has the
    requested length and only the text's characters."""
    args = ["--cell", cell, "--text", text_file, "--hidden", "24",
            "--seq-length", "16", "--iterations", "300",
            "--sample-every", "100", "--sample-length", "57",
            "--optimizer", optimizer]
    if optimizer == "adam":
        args += ["--lr", "0.01"]
    printed = run(TRAIN, *args)
    start, end, held_out = losses(printed)
    assert end < 0.7 * start and held_out < 0.7 * start, \
        "train-char-rnn ({}, {}): loss {} -> {}, held out {}".format(
            cell, optimizer, start, end, held_out)
    sample = printed.split("sample of 57 characters:\n", 1)[1].rsplit(
        "\nloss per character:", 1)[0]
    assert len(sample) == 57, "sample {!r}".format(sample)
    assert set(sample) <= set(TEXT), "sample {!r} has characters the " \
        "text does not".format(sample)
    assert printed.count("  sample: ") == 3


@pytest.mark.parametrize("cell", ["rnn", "lstm"])
def test_training_is_deterministic(cell, text_file):
    """The same seed prints the same progress, samples and losses (the
    speed aside)."""
    args = ["--cell", cell, "--text", text_file, "--hidden", "16",
            "--seq-length", "12", "--iterations", "60",
            "--sample-every", "30", "--sample-length", "20"]
    first, again = (re.sub(r"\(\d+ chars/s\)", "(speed)", run(TRAIN, *args))
                    for _ in range(2))
    assert first == again, "train-char-rnn ({}): the same seed printed " \
        "different output".format(cell)


def test_training_rejects_a_text_too_short(tmp_path):
    """A text too short for its streams of windows is refused with a
    message."""
    path = tmp_path / "short.txt"
    path.write_text("abc" * 20, encoding="utf-8")
    done = subprocess.run([sys.executable, TRAIN, "--text", str(path)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode != 0 and "need at least" in done.stderr


@pytest.mark.parametrize("batch", ["1", "8"])
def test_streams_keep_the_loss_per_character(batch, text_file):
    """With B streams the first smoothed loss is still the mean per
    character, ln V at the start (V distinct characters, tiny weights),
    and --seconds stops training early."""
    printed = run(TRAIN, "--text", text_file, "--batch", batch,
                  "--hidden", "16", "--seq-length", "10",
                  "--iterations", "100000000", "--seconds", "0.5",
                  "--sample-every", "0", "--sample-length", "5")
    assert "{} stream".format(batch) in printed.splitlines()[0]
    progress = [line for line in printed.splitlines()
                if line.startswith("iteration")]
    assert progress and re.search(r"\(\d+ chars/s\)$", progress[-1])
    assert int(progress[-1].split()[1]) < 100000000
    first = losses(printed)[0]
    assert abs(first - math.log(len(set(TEXT)))) < 0.02, first


def test_held_out_text_is_never_trained_on(tmp_path):
    """A text whose last tenth is a sentence the first nine tenths never
    show has a held-out loss well above the training loss; and the
    held-out loss is the mean over every held-out character, so a model
    that has not trained scores about ln V on it."""
    path = tmp_path / "split.txt"
    path.write_text("abcd" * 450 + "dcba" * 50, encoding="utf-8")
    printed = run(TRAIN, "--text", str(path), "--hidden", "16",
                  "--seq-length", "10", "--batch", "4", "--iterations",
                  "400", "--sample-every", "0", "--sample-length", "1",
                  "--lr", "0.3")
    start, end, held_out = losses(printed)
    assert "1800 to train on, 200 held out" in printed.splitlines()[0]
    assert end < 0.2 and held_out > 1.0, (start, end, held_out)
    untrained = losses(run(TRAIN, "--text", str(path), "--hidden", "16",
                           "--seq-length", "10", "--batch", "4",
                           "--iterations", "1", "--sample-every", "0",
                           "--sample-length", "1"))[2]
    assert abs(untrained - math.log(4)) < 0.02, untrained


def test_vanishing_gradients_lstm_keeps_more_than_rnn():
    """One chart column per step; the LSTM's first/last ratio is larger."""
    printed = run(VANISH, "--steps", "40")
    last = printed.splitlines()[-1]
    match = re.fullmatch(r"gradient norm at the first step / at the last "
                         r"step: rnn (\S+), lstm (\S+)", last)
    assert match, "vanishing-gradients: last line {!r}".format(last)
    rnn_ratio, lstm_ratio = map(float, match.groups())
    assert rnn_ratio < 1e-3 < lstm_ratio, (rnn_ratio, lstm_ratio)
    rows = [line.split("┤", 1)[1] for line in printed.splitlines()
            if "┤" in line]
    assert rows and all(len(row) == 40 for row in rows), "a chart row is " \
        "not one column per step"
    assert printed == run(VANISH, "--steps", "40"), "not deterministic"
