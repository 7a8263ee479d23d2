"""Thai-text helpers every stage shares: character classes, the word tokeniser, alternations.

The classes are strings for use inside ``[...]`` in a regex, so that each is written once:

>>> re.fullmatch(f"[{WORD_LETTER}]+", "ผู้ว่าราชการ") is not None, re.match(f"[{WORD_LETTER}]", "ๆ")
(True, None)
>>> words("ณ ห้องประชุม")
['ณ', ' ', 'ห้องประชุม']
>>> re.fullmatch(alternation(["ม.ค.", "มกราคม", "มกรา"]), "มกรา") is not None
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

BLOCK = "\u0e00-\u0e7f"  # the whole Thai block: letters, marks, digits, signs
LETTER = "\u0e01-\u0e4e"  # consonants, vowels, tone marks, with the signs ฯ ๆ ฿ among them
WORD_LETTER = "ก-ฮะ-ฺเ-ๅ็-๎"  # letters and marks inside a word: LETTER without ฯ ๆ ฿ (they end a word)
CONSONANT = "\u0e01-\u0e2e"
COMBINING = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"  # vowels above and below, tone marks: never start a word
NAME_START = "ก-ฮเ-ไ"  # consonants and the vowels written before them: what a name can start with

LETTER_RE = re.compile(f"[{LETTER}]")
WORD_LETTER_RE = re.compile(f"[{WORD_LETTER}]")
COMBINING_RE = re.compile(f"[{COMBINING}]")


def is_letter(ch: str) -> bool:
    """True for one character of LETTER (False for the empty string)."""
    return bool(ch) and "\u0e01" <= ch <= "\u0e4e"


def in_block(ch: str) -> bool:
    return "\u0e00" <= ch <= "\u0e7f"


@cache
def _dictionary() -> str:
    """pythainlp's word list loaded into nlpo3 (the Rust newmm), once per process."""
    from importlib.resources import files

    import nlpo3

    nlpo3.load_dict(str(files("pythainlp.corpus").joinpath("words_th.txt")), "pythainlp_words_th")
    return "pythainlp_words_th"


def words(text: str, keep_whitespace: bool = True) -> list[str]:
    """nlpo3 words of ``text`` with pythainlp's dictionary; joined they give ``text`` back
    (without ``keep_whitespace``, spaces are dropped as pythainlp's ``word_tokenize`` drops them).

    Not the project's lexicons: a dictionary holding whole agency and place names would keep
    them as one word and hide the clause words the extractors look for inside them."""
    from nlpo3 import segment

    tokens = segment(text, _dictionary(), safe=False, parallel=False)
    return tokens if keep_whitespace else [t.strip(" ") for t in tokens if t.strip(" ")]


@cache
def common_words() -> frozenset[str]:
    """pythainlp's word list: a word outside it is a name or a piece of one."""
    from pythainlp.corpus import thai_words

    return frozenset(thai_words())


def alternation(items: Iterable[str]) -> str:
    """A regex matching any of ``items``, the longest first where several match, written as a
    trie: at each position it tests one branch a character instead of every item (the same
    matches, in the same order, as a longest-first alternation)."""
    return _alternation(frozenset(items))


@cache
def _alternation(items: frozenset[str]) -> str:
    trie: dict[str, dict] = {}
    for w in items:
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
