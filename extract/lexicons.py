"""The one reader of the data files in ``patterns/``.

Every file has the same shape: comment lines start with ``#`` and the first line is one,
naming the source; the first other line is the header (column names); each further line is
a row with one cell per column: tab-separated in ``.tsv``, comma-separated with CSV quoting
in ``.csv``, one cell per line in ``.txt`` (a word list). Cells are stripped of surrounding
spaces. A file that is missing or breaks this shape is one :class:`LexiconError` naming it.

>>> rows("months.tsv")[0]
{'form': 'มกราคม', 'month': '1'}
>>> words("weekdays.txt")[:2]
('จันทร์', 'อังคาร')
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from .settings import PATTERNS_DIR as PATTERNS


class LexiconError(ValueError):
    """A lexicon file that is missing or malformed; the message names the file."""


def pattern_path(name: str) -> Path:
    return PATTERNS / name


def _cells(name: str, line: str) -> list[str]:
    if name.endswith(".csv"):
        return next(csv.reader([line]))
    if name.endswith(".tsv"):
        return line.split("\t")
    return [line]


@cache
def rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of ``patterns/name`` as dicts by column name, in file order."""
    path = pattern_path(name)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise LexiconError(f"lexicon {path}: cannot be read ({e})") from e
    if not lines or not lines[0].startswith("#"):
        raise LexiconError(f"lexicon {path}: the first line must be a comment naming the source")
    header: list[str] | None = None
    out = []
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in _cells(name, line)]
        if header is None:
            header = cells
            if not all(header) or len(set(header)) != len(header):
                raise LexiconError(f"lexicon {path}:{number}: the header needs distinct column names, got {header}")
            continue
        if len(cells) != len(header):
            raise LexiconError(f"lexicon {path}:{number}: {len(cells)} cells for the {len(header)} columns {header}")
        out.append(dict(zip(header, cells, strict=True)))
    if header is None:
        raise LexiconError(f"lexicon {path}: no header row")
    return tuple(out)


@cache
def columns(name: str, *names: str) -> tuple[tuple[str, ...], ...]:
    """The named columns of each row of ``patterns/name``, as tuples."""
    table = rows(name)
    if table and (missing := [c for c in names if c not in table[0]]):
        raise LexiconError(f"lexicon {pattern_path(name)}: no column {missing[0]!r} (columns: {list(table[0])})")
    return tuple(tuple(r[c] for c in names) for r in table)


@cache
def grouped(name: str, key: str, value: str) -> dict[str, tuple[str, ...]]:
    """``value`` cells of ``patterns/name`` grouped by their ``key`` cell, longest first.

    >>> grouped("people_position_parts.csv", "part", "kind")["อดีต"]
    ('modifier',)
    """
    out: dict[str, list[str]] = {}
    for k, v in columns(name, key, value):
        out.setdefault(k, []).append(v)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


@cache
def words(name: str) -> tuple[str, ...]:
    """The entries of a one-column word list, in file order."""
    table = rows(name)
    if table and len(table[0]) != 1:
        raise LexiconError(f"lexicon {pattern_path(name)}: a word list has one column, not {list(table[0])}")
    return tuple(next(iter(r.values())) for r in table)


@cache
def province_forms() -> dict[str, tuple[str, str]]:
    """Every written form of a province (its name and each alias of provinces.csv) -> (its
    name, ISO 3166-2 code): the one list of provinces every extractor uses.

    >>> province_forms()["โคราช"]
    ('นครราชสีมา', 'TH-30')
    """
    forms: dict[str, tuple[str, str]] = {}
    for iso, name, aliases in columns("provinces.csv", "iso", "name_th", "aliases"):
        forms[name] = (name, iso)
        for alias in filter(None, (a.strip() for a in aliases.split("|"))):
            forms[alias] = (name, iso)
    return forms


def check_lexicons() -> None:
    """Read every file in ``patterns/`` once, so that a missing folder or an unreadable file
    stops a run at its start, naming the file."""
    if not PATTERNS.is_dir():
        raise FileNotFoundError(f"lexicon folder missing: {PATTERNS}")
    for path in sorted(PATTERNS.iterdir()):
        if path.suffix in (".txt", ".csv", ".tsv"):
            rows(path.name)
