"""Loading of the data files in ``patterns/``: lines starting with ``#`` are comments
(the first names the source), fields are tab- or comma-separated."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

PATTERNS = Path(__file__).resolve().parent.parent / "patterns"


def pattern_path(name: str) -> Path:
    return PATTERNS / name


def _data_lines(name: str):
    with open(pattern_path(name), encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.lstrip().startswith("#"):
                yield line.rstrip("\n")


@cache
def read_table(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a .tsv (tab) or .csv (comma, with quoting) file, comments skipped."""
    lines = list(_data_lines(name))
    if name.endswith(".csv"):
        return tuple(tuple(r) for r in csv.reader(lines))
    return tuple(tuple(line.split("\t")) for line in lines)


@cache
def read_words(name: str) -> tuple[str, ...]:
    """One entry per line of a .txt file, comments skipped, in file order."""
    return tuple(line.strip() for line in _data_lines(name))
