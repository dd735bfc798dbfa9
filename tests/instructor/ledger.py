"""OUTDIR/class.json: the record of a class's gradings.

For each submission it keeps the content hash of the task files that
were graded, the seed, the limits and the judge's own files (hashed), so
that a later run grades again only what changed (tests/README.md,
"Grading a class": re-grading). It also keeps the class's seed, the
roster and the folder of known solutions given before, and the secret
from which the stable pseudonyms of --anonymise are made.
"""
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from typing import Dict, Iterable, List, Optional

from judge.contract.tasks import TASKS
from judge.reference import fingerprint
from judge.submission import Submission

NAME = "class.json"
# what decides a verdict: the judge, its checks and stored cases, this
# repository's task files and drivers (not the README, not these tools)
JUDGE_PARTS = ("tests/judge/", "tests/checks/", "tests/data/",
               "tests/expected/", "tests/conftest.py", "main/",
               "pytest.ini") + tuple(task + ".py" for task in TASKS)


def content_hash(folder: str) -> str:
    """sha256 of the task files of a submission, found and read as the
    judge finds and reads them (judge/submission.py: in a sub-folder,
    under a near-miss name; no link, FIFO or oversized file followed),
    by name and content."""
    found = Submission.read(folder)
    # where in the folder, not where the folder is: a class moved keeps
    # its verdicts
    where = os.path.relpath(found.place, found.folder) if found.place \
        else None
    digest = hashlib.sha256(repr((where, sorted(found.names.items()),
                                  sorted(found.broken.items()))).encode())
    for task in TASKS:
        digest.update(task.encode() + b"\0")
        digest.update(hashlib.sha256(found.files[task]).digest()
                      if task in found.files else b"missing")
    return digest.hexdigest()


def judge_hash(root: str) -> str:
    """sha256 of the judge's files: a new judge grades everything again."""
    digest = hashlib.sha256()
    for path, value in sorted(fingerprint(root).items()):
        if path.replace(os.sep, "/").startswith(JUDGE_PARTS):
            digest.update("{}\0{}\0".format(path, value).encode())
    return digest.hexdigest()


@dataclass
class Record:
    """How one submission was last graded."""
    files: str
    seed: int
    limits: List[str]
    judge: str
    graded: str
    # False for a grading without a verdict, or a void one: graded again
    final: bool = True

    def same(self, other: "Record") -> bool:
        """Whether other grades the same files in the same way."""
        return self.final and (self.files, self.seed, self.limits,
                               self.judge) == (other.files, other.seed,
                                               other.limits, other.judge)


def now() -> str:
    """The time, as recorded: ISO 8601, UTC, to the second."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


@dataclass
class Ledger:
    """The record of the gradings written to one OUTDIR."""
    folder: str
    seed: Optional[int] = None
    key: str = field(default_factory=lambda: secrets.token_hex(16))
    roster: Optional[dict] = None
    known: Optional[str] = None
    records: Dict[str, Record] = field(default_factory=dict)

    @classmethod
    def load(cls, out: str) -> Optional["Ledger"]:
        """The ledger of out, or None if there is none (ValueError if
        it cannot be read)."""
        path = os.path.join(out, NAME)
        if not os.path.exists(path):
            return None
        try:
            with open(path) as f:
                data = json.load(f)
            data["records"] = {name: Record(**record) for name, record
                               in data.get("records", {}).items()}
            return cls(**data)
        except (OSError, ValueError, TypeError, AttributeError) as error:
            raise ValueError("{} cannot be read ({}): remove it to start "
                             "afresh".format(path, error))

    def save(self, out: str) -> None:
        """Write out/class.json (atomically)."""
        write(os.path.join(out, NAME),
              json.dumps(asdict(self), indent=1, sort_keys=True) + "\n")

    def pseudonyms(self, names: Iterable[str]) -> Dict[str, str]:
        """{name: pseudonym}: "anon-" and 6 hexadecimal digits of a keyed
        hash of the name, the same in every run on this OUTDIR and not
        found again from a list of names without the key; longer where
        two would be the same."""
        names = sorted(set(names))
        digests = {name: hmac.new(self.key.encode(), name.encode(),
                                  hashlib.sha256).hexdigest()
                   for name in names}
        found = {}
        for name in names:
            length = 6
            while any(other != name and digests[other][:length] ==
                      digests[name][:length] for other in names):
                length += 2
            found[name] = "anon-" + digests[name][:length]
        return found


def write(path: str, text: str) -> None:
    """Write text to path through a file beside it, so that a reader
    never sees half of it."""
    partial = path + ".partial"
    with open(partial, "w", newline="") as f:
        f.write(text)
    os.replace(partial, path)
