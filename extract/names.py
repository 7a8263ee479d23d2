"""Person names normalised: one spelling per person, so people can be counted archive-wide.

Press releases write one person many ways: "พล.อ. ประยุทธ์ จันทร์โอชา", "พลเอกประยุทธ์
จันทร์โอชา", "พลเอก ประยุทธ์  จันทร์โอชา". :func:`normalise_name` expands the abbreviated
titles (``patterns/honorifics.csv``: form -> full form), glues them to the given name and
leaves one space before the surname; :func:`person_key` drops the titles altogether (a
person promoted from พลโท to พลเอก, or who gains ดร., stays one person).

>>> normalise_name("พล.อ. ประยุทธ์ จันทร์โอชา") == normalise_name("พลเอกประยุทธ์ จันทร์โอชา")
True
>>> normalise_name("พล.อ. ประยุทธ์   จันทร์โอชา")
'พลเอกประยุทธ์ จันทร์โอชา'
>>> person_key("ประยุทธ์ จันทร์โอชา", "พล.อ.") == person_key("พลเอก ประยุทธ์ จันทร์โอชา")
True
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from .lexicons import columns
from .thai import alternation

# Zero-width and bidi marks that copy-paste leaves inside names; the Thai abbreviation mark is
# kept out too ("นายกฯ" is a post, not a name, but "ฯ" never belongs to a person key).
_INVISIBLE = re.compile("[\u200b-\u200f\u2060\ufeff]")
_SPACES = re.compile(r"[\s\u00a0]+")


@cache
def title_forms() -> dict[str, str]:
    """Every title as written -> its full form: "พล.อ." -> "พลเอก", "ดร." -> "ดอกเตอร์"."""
    forms: dict[str, str] = {}
    for form, full in columns("honorifics.csv", "form", "full_form"):
        # "ร.ต." is ร้อยตรี, เรือตรี or เรืออากาศตรี: the army's reading, listed first, is kept.
        if form and full:
            forms.setdefault(form, full)
    return forms


@cache
def _title_re() -> re.Pattern[str]:
    # One title, maybe pending ("ว่าที่ ร.ต.") or honorary ("ศ.(พิเศษ)").
    return re.compile(rf"(ว่าที่)?\s?({alternation(title_forms())})(\s?\(พิเศษ\))?")


@cache
def _titles_re() -> re.Pattern[str]:
    # Titles stack ("ผศ.ดร.นพ."), glued or spaced.
    return re.compile(rf"(?:{_title_re().pattern}\s*)+")


def clean_spaces(text: str) -> str:
    """NFC, invisible marks dropped, runs of spaces as one."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", text or ""))
    return _SPACES.sub(" ", text).strip()


def split_titles(text: str) -> tuple[str, str]:
    """("titles", "rest") of a name as written: the leading titles, full forms glued together.

    >>> split_titles("ผศ.ดร. สมชาย ใจดี")
    ('ผู้ช่วยศาสตราจารย์ดอกเตอร์', 'สมชาย ใจดี')
    """
    text = clean_spaces(text)
    m = _titles_re().match(text)
    if not m or m.end() == len(text):
        return "", text  # a bare title is no name; keep it as written
    forms = title_forms()
    titles = []
    for piece in _title_re().finditer(m.group(0)):
        pending, form, special = piece.groups()
        titles.append(("ว่าที่" if pending else "") + forms[form] + ("(พิเศษ)" if special else ""))
    return "".join(titles), text[m.end():].strip()


@lru_cache(maxsize=1 << 16)
def person(name: str | None, honorific: str | None = None) -> tuple[str, str]:
    """(person_key, normalise_name) of one name as the officials table holds it."""
    if not clean_spaces(name or ""):
        return "", ""
    titles, rest = split_titles(f"{honorific or ''} {name or ''}")
    return rest.replace("ฯ", "").strip(), titles + rest


def normalise_name(name: str | None, honorific: str | None = None) -> str:
    """The name with its titles in full, glued to the given name, one space before the surname."""
    return person(name, honorific)[1]


def person_key(name: str | None, honorific: str | None = None) -> str:
    """One key per person: the name without any title, spaces normalised ('' for no name)."""
    return person(name, honorific)[0]
