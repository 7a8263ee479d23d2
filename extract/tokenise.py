"""Thai word tokenisation with nlpo3 and a dictionary extended from ``patterns/``.

pythainlp ignores ``custom_dict`` for the nlpo3 engine, so the dictionary is written once
to a cache file (pythainlp's word list + every lexicon entry of this project) and loaded
with ``pythainlp.tokenize.nlpo3.load_dict``.

>>> [t for t in tokenize("นายอำนาจ ณ ห้องประชุม") if t.strip()]
['นาย', 'อำนาจ', 'ณ', 'ห้องประชุม']
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from importlib.resources import files
from pathlib import Path

from . import lexicons, settings

DICT_NAME = "thai_extract"


# Lexicon columns that name a thing worth keeping whole: places, bodies, titles.
LEXICON_COLUMNS = (("provinces.csv", "name_th"), ("places.csv", "name"), ("known_places.csv", "name"),
                   ("agencies.csv", "canonical"), ("honorifics.csv", "form"), ("positions.txt", "position"),
                   ("months.tsv", "form"))


def _lexicon_words() -> list[str]:
    words: list[str] = []
    for name, column in LEXICON_COLUMNS:
        for (entry,) in lexicons.columns(name, column):
            # Only Thai entries without regex syntax become dictionary words.
            if any("\u0e00" <= c <= "\u0e7f" for c in entry) and not any(c in entry for c in "\\()[]|?*+^$"):
                words.append(entry)
    return words


@cache
def _dictionary() -> str:
    from pythainlp.tokenize import nlpo3 as engine

    base = files("pythainlp.corpus").joinpath("words_th.txt").read_text(encoding="utf-8").split()
    words = sorted(set(base) | set(_lexicon_words()))
    blob = "\n".join(words)
    digest = hashlib.sha256(blob.encode()).hexdigest()[:12]
    cache_dir = Path(os.environ["PYTHAINLP_DATA"]).parent
    cache_dir.mkdir(parents=True, exist_ok=True)
    path = cache_dir / f"words-{settings.PIPELINE_VERSION}-{digest}.txt"
    if not path.exists():
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(blob, encoding="utf-8")
        tmp.replace(path)
    engine.load_dict(str(path), DICT_NAME)
    return DICT_NAME


def tokenize(text: str) -> list[str]:
    """Words of ``text``; joined they give ``text`` back unchanged."""
    from nlpo3 import segment

    return segment(text, _dictionary(), safe=False, parallel=False)


def token_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for tok in tokenize(text):
        spans.append((pos, pos + len(tok)))
        pos += len(tok)
    return spans
