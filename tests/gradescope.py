#!/usr/bin/env python3
"""Build the autograder zip that Gradescope expects.

    python3 tests/gradescope.py --out autograder.zip [options]

tests/README.md: Grading on Gradescope. The zip holds, at its root:

    setup.sh            run once by Gradescope, as root, when it builds the
                        autograder: Python and requirements.txt in a
                        virtual environment, and the workers' user if
                        judge-options.txt names one that does not exist
    run_autograder      run for each submission, as root: the judge grades
                        /autograder/submission into
                        /autograder/results/results.json
    judge-options.txt   the judge's options, one a line: the limits, the
                        seed policy, the sandbox (set here, or by hand in
                        the zip)

and this repository's files beside them (Gradescope unpacks the zip into
/autograder/source). Both scripts honour AUTOGRADER_ROOT (default
/autograder), so that a test can run the whole cycle in a temporary
folder; setup.sh also honours AUTOGRADER_PYTHON (the Python the virtual
environment is made from, default python3; installed with apt-get when
it cannot make one).
"""
import argparse
import os
import stat
import subprocess
import sys
import zipfile
from typing import List

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from judge.contract.tasks import ROOT  # noqa: E402
from judge.run.isolation import CHOICES, DEFAULT_USER  # noqa: E402
from judge.run.limits import add_options, from_options  # noqa: E402

OPTIONS_FILE = "judge-options.txt"
# every entry of the zip has this date, so that the same files give the
# same zip
DATE = (1980, 1, 1, 0, 0, 0)
SKIPPED = {"__pycache__", ".pytest_cache", ".benchmarks"}

SETUP = r"""#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder
# (tests/README.md: Grading on Gradescope): Python and the judge's
# requirements in a virtual environment (current Ubuntu images refuse a
# system-wide pip install), readable by the workers' user, and that user
# if judge-options.txt names one that does not exist yet.
# AUTOGRADER_ROOT (default /autograder) and AUTOGRADER_PYTHON (the Python
# to make the environment from, default python3) let a test run it in a
# temporary folder.
set -euo pipefail
ROOT="${AUTOGRADER_ROOT:-/autograder}"
SOURCE="$ROOT/source"
PYTHON="${AUTOGRADER_PYTHON:-python3}"
if ! "$PYTHON" -c "import ensurepip, venv" >/dev/null 2>&1; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y \
        --no-install-recommends python3 python3-venv
    PYTHON=python3
fi
rm -rf "$ROOT/venv"
"$PYTHON" -m venv "$ROOT/venv"
"$ROOT/venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    -r "$SOURCE/requirements.txt"
# workers run as another user: they need to cross $ROOT and read the
# environment, nothing else of it
chmod a+x "$ROOT"
chmod -R a+rX "$ROOT/venv"
WORKER_USER="$(sed -n 's/^--worker-user=//p' "$SOURCE/judge-options.txt" \
    | tail -n 1)"
if [ -n "$WORKER_USER" ] && ! id -u "$WORKER_USER" >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin \
        "$WORKER_USER"
fi
"""

RUN = r"""#!/usr/bin/env bash
# Gradescope runs this for each submission, as root (tests/README.md:
# Grading on Gradescope): the judge grades $ROOT/submission into
# $ROOT/results/results.json with the options of
# $ROOT/source/judge-options.txt. AUTOGRADER_ROOT (default /autograder)
# lets a test run it in a temporary folder.
set -uo pipefail
ROOT="${AUTOGRADER_ROOT:-/autograder}"
SOURCE="$ROOT/source"
RESULTS="$ROOT/results/results.json"
mkdir -p "$ROOT/results"
rm -f "$RESULTS"
# the solutions, the upload and the verdict out of the workers' reach,
# even where the judge cannot hide them (no namespaces): root's alone
chmod 700 "$SOURCE" "$ROOT/results" "$ROOT/submission"
OPTIONS=()
while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in
        ''|'#'*) ;;
        *) OPTIONS+=("$line") ;;
    esac
done < "$SOURCE/judge-options.txt"
cd "$SOURCE"
PYTEST_DISABLE_PLUGIN_AUTOLOAD=1 "$ROOT/venv/bin/python" -m pytest -q \
    -p no:cacheprovider --assert=plain --submission="$ROOT/submission" \
    --results="$RESULTS" ${OPTIONS[@]+"${OPTIONS[@]}"}
status=$?
if [ ! -s "$RESULTS" ]; then
    printf '{"score": 0, "output": "%s", "tests": []}\n' \
        "The judge ended with status $status and gave no verdict." \
        > "$RESULTS"
fi
exit 0
"""


def options_text(options: argparse.Namespace) -> str:
    """judge-options.txt: what run_autograder passes on to the judge."""
    lines = [
        "# The judge's options on Gradescope (tests/README.md: Grading "
        "on Gradescope),",
        "# one a line, as on its command line; run_autograder passes them "
        "on.",
        "# Seed policy: with --seed=N every submission is graded on the "
        "same fresh",
        "# cases; without it, each grading draws its own (the scoreboard "
        "prints it).",
    ]
    lines += from_options(options).arguments()
    if options.seed is not None:
        lines.append("--seed={}".format(options.seed))
    lines += ["--sandbox={}".format(options.sandbox),
              "--worker-user={}".format(options.worker_user)]
    return "\n".join(lines) + "\n"


def repository_files(root: str = ROOT) -> List[str]:
    """This repository's files, relative to root: those git tracks, as
    they are in the working tree (not a table of grades or a zip left
    beside them); or, when root is not a git checkout, every file outside
    hidden folders and caches."""
    try:
        listed = subprocess.run(
            ["git", "-C", root, "ls-files", "-z"], capture_output=True,
            check=True).stdout.decode().split("\0")
        found = [path for path in listed if path and os.path.isfile(
            os.path.join(root, path))]
    except (OSError, subprocess.CalledProcessError):
        found = []
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if d not in SKIPPED and
                             not d.startswith("."))
            found += [os.path.relpath(os.path.join(folder, name), root)
                      for name in files if not name.endswith(".pyc")]
    return sorted(path for path in found if not path.startswith(".") and
                  not set(path.split(os.sep)) & SKIPPED)


def entry(archive: zipfile.ZipFile, name: str, data: bytes,
          mode: int) -> None:
    """Add a file of mode to the zip, with the fixed date."""
    info = zipfile.ZipInfo(name, DATE)
    info.external_attr = (stat.S_IFREG | mode) << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(info, data)


def build(out: str, options: argparse.Namespace, root: str = ROOT) -> None:
    """Write the zip to out."""
    out = os.path.abspath(out)
    with zipfile.ZipFile(out, "w") as archive:
        entry(archive, "setup.sh", SETUP.encode(), 0o755)
        entry(archive, "run_autograder", RUN.encode(), 0o755)
        entry(archive, OPTIONS_FILE, options_text(options).encode(), 0o644)
        for path in repository_files(root):
            full = os.path.join(root, path)
            if os.path.abspath(full) == out:
                continue
            with open(full, "rb") as f:
                data = f.read()
            entry(archive, path.replace(os.sep, "/"), data,
                  stat.S_IMODE(os.stat(full).st_mode))


def main() -> None:
    """Parse the options and build the zip."""
    parser = argparse.ArgumentParser(
        description="Build the autograder zip for Gradescope "
        "(tests/README.md: Grading on Gradescope).")
    parser.add_argument("--out", required=True, metavar="ZIP",
                        help="the zip to write")
    add_options(parser.add_argument)
    parser.add_argument("--seed", type=int, metavar="N",
                        help="grade every submission on the fresh cases of "
                        "seed N (default: each grading draws its own)")
    parser.add_argument("--sandbox", choices=CHOICES, default="required",
                        help="the judge's --sandbox on Gradescope (default "
                        "required: never processes only)")
    parser.add_argument("--worker-user", default=DEFAULT_USER,
                        metavar="NAME",
                        help="the user workers run as; setup.sh creates it "
                        "if it does not exist (default {})".format(
                            DEFAULT_USER))
    options = parser.parse_args()
    build(options.out, options)
    print("wrote {}: upload it as the autograder of a Gradescope "
          "programming assignment".format(options.out))


if __name__ == "__main__":
    main()
