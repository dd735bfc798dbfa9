#!/usr/bin/env python3
"""Write the stored expectations of the test suite.

    python3 tests/regenerate.py            # refuses if any file exists
    python3 tests/regenerate.py --force    # overwrites them

It writes tests/expected/N-main.txt, what each driver prints, and
tests/data/TASK--CASE.npz, the inputs ("in." keys) and outputs ("out."
keys) of the stored cases (Task.stored, tests/judge/contract/tasks.py).
Run it only after a deliberate change of the contract (the README), never
to make a red test green: the stored files are regression guards, and
their correctness comes from the independent checks of the suite. The
tests never run this script.
"""
import argparse
import glob
import os
import subprocess
import sys
import zlib

import numpy as np

from judge.contract import cases
from judge.contract.tasks import ROOT

sys.path.insert(0, ROOT)

HERE = os.path.dirname(os.path.abspath(__file__))
EXPECTED = os.path.join(HERE, "expected")
DATA = os.path.join(HERE, "data")


def case_seed(task, name):
    """A seed that depends only on the task and case names."""
    return zlib.crc32("{}--{}".format(task, name).encode())


def outputs():
    """Every file to write: {path: bytes or dict of arrays}."""
    files = {}
    for driver in sorted(glob.glob(os.path.join(ROOT, "main",
                                                "[0-9]*-main.py"))):
        printed = subprocess.run([sys.executable, driver], check=True,
                                 capture_output=True).stdout
        files[os.path.join(EXPECTED, os.path.basename(driver)[:-3] +
                           ".txt")] = printed
    for task, name, sizes in cases.all_cases():
        rng = np.random.default_rng(case_seed(task, name))
        data = cases.make_inputs(task, rng, sizes, __import__)
        arrays = {"in." + key: value for key, value in data.items()}
        for key, value in cases.run(task, data, __import__).items():
            arrays["out." + key] = value
        files[os.path.join(DATA, "{}--{}.npz".format(task, name))] = arrays
    return files


def main():
    """Parse the flag, refuse or write."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true",
                        help="overwrite the stored expectations")
    args = parser.parse_args()
    files = outputs()
    existing = [path for path in files if os.path.exists(path)]
    if existing and not args.force:
        sys.exit("refusing to overwrite {} stored files (e.g. {}); pass "
                 "--force after a deliberate change of the contract".format(
                     len(existing), os.path.relpath(existing[0])))
    os.makedirs(EXPECTED, exist_ok=True)
    os.makedirs(DATA, exist_ok=True)
    for path, content in files.items():
        if isinstance(content, bytes):
            with open(path, "wb") as f:
                f.write(content)
        else:
            np.savez(path, **content)
    print("wrote {} files".format(len(files)))


if __name__ == "__main__":
    main()
