"""Loading of the data files in ``patterns/``: lines starting with ``#`` are comments
(the first names the source), fields are tab- or comma-separated."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from .settings import PATTERNS_DIR as PATTERNS


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


def check_lexicons() -> None:
    """Read every file in ``patterns/`` once, so that a missing folder or an unreadable file
    stops a run at its start, naming the file."""
    if not PATTERNS.is_dir():
        raise FileNotFoundError(f"lexicon folder missing: {PATTERNS}")
    for path in sorted(PATTERNS.iterdir()):
        if path.suffix == ".txt":
            read_words(path.name)
        elif path.suffix in (".csv", ".tsv"):
            read_table(path.name)


def trie_pattern(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, nested as a trie: at each position it takes the
    longest word, as a longest-first alternation would, in a few steps instead of one per word."""
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + build(node[ch]) for ch in sorted(node) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)
