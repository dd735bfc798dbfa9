"""The roster: a CSV file whose first column names each submission's
folder, and whose other columns (student id, name, e-mail, ...) go into
grades.csv beside the grades (tests/README.md, "Grading a class").

Spreadsheets write it as UTF-8 with or without a byte-order mark, with
commas or (in some locales) semicolons; both are read.
"""
import csv
import io
from dataclasses import asdict, dataclass, field
from typing import Dict, List, Optional


class RosterError(ValueError):
    """A roster that cannot be used, and why."""


@dataclass
class Roster:
    """The roster's columns after the folder's, and each folder's row."""
    path: str
    columns: List[str]
    rows: Dict[str, List[str]] = field(default_factory=dict)

    def cells(self, name: str) -> List[str]:
        """The roster's cells of a submission (empty if it has no row)."""
        return self.rows.get(name, [""] * len(self.columns))

    def as_json(self) -> dict:
        """The roster as the ledger keeps it."""
        return asdict(self)

    @classmethod
    def from_json(cls, data: Optional[dict]) -> Optional["Roster"]:
        """The roster the ledger kept, or None."""
        return cls(**data) if data else None


def parse(text: str, path: str = "roster") -> Roster:
    """The Roster in a CSV text; RosterError if it has no header, a row
    without a folder, or a folder twice."""
    text = text.lstrip("\ufeff")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    lines = [row for row in csv.reader(io.StringIO(text),
                                       delimiter=delimiter)
             if any(cell.strip() for cell in row)]
    if not lines:
        raise RosterError("{} is empty: its first line names the columns, "
                          "the first of them the folder".format(path))
    header = [cell.strip() for cell in lines[0]]
    if len(header) < 2:
        raise RosterError("{} has a single column: after the folder's, "
                          "give the columns to add (student id, name, "
                          "e-mail, ...)".format(path))
    rows: Dict[str, List[str]] = {}
    for number, line in enumerate(lines[1:], 2):
        folder = line[0].strip() if line else ""
        if not folder:
            raise RosterError("{}, row {}: no folder in the first column"
                              .format(path, number))
        if folder in rows:
            raise RosterError("{}, row {}: the folder {} has a row already"
                              .format(path, number, folder))
        cells = [cell.strip() for cell in line[1:len(header)]]
        rows[folder] = cells + [""] * (len(header) - 1 - len(cells))
    return Roster(path=path, columns=header[1:], rows=rows)


def read(path: str) -> Roster:
    """The Roster in a CSV file (RosterError if it cannot be used)."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            return parse(f.read(), path)
    except (OSError, UnicodeDecodeError) as error:
        raise RosterError("{} cannot be read: {}".format(path, error))
