"""Boilerplate masking and page metadata (title, publication date).

Masking replaces characters by spaces, so the cleaned text keeps the length and the
offsets of its input. Patterns live in ``patterns/boilerplate.tsv``.

>>> c = clean("รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-นายกฯ เปิดงาน\\nวันพฤหัสบดีที่ 8 สิงหาคม 2567\\nเนื้อข่าว")
>>> c.title, c.published
('นายกฯ เปิดงาน', datetime.date(2024, 8, 8))
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from . import dates, lexicons
from .tuning import HEADER_LINES

THAIGOV_PREFIX = re.compile(r"^\s*รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-")
# Page furniture between the page date and the body: "16/08/2566", "พิมพ์".
HEADER_FURNITURE = re.compile(r"^\s*(?:\d{1,2}/\d{1,2}/\d{2,4}|พิมพ์|Print)\s*$")


@dataclass(frozen=True, slots=True)
class Cleaned:
    text: str  # same length as the input, boilerplate blanked
    title: str | None
    title_span: tuple[int, int] | None
    published: dt.date | None
    published_span: tuple[int, int] | None
    body_start: int  # first character after the title/date header


@cache
def _patterns() -> tuple[re.Pattern, re.Pattern | None]:
    line, tail = [], []
    for scope, regex in lexicons.columns("boilerplate.tsv", "scope", "regex"):
        (line if scope == "line" else tail).append(f"(?:{regex})")
    line_re = re.compile("|".join(line), re.M)
    tail_re = re.compile("|".join(tail), re.M) if tail else None
    return line_re, tail_re


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\r\n":
            chars[i] = " "


def mask_boilerplate(text: str) -> str:
    line_re, tail_re = _patterns()
    chars: list[str] | None = None
    for m in line_re.finditer(text):
        chars = chars or list(text)
        _blank(chars, m.start(), m.end())
    if tail_re and (m := tail_re.search(text)) and m.start() > len(text) // 3:
        chars = chars or list(text)
        _blank(chars, m.start(), len(text))
    return "".join(chars) if chars is not None else text


def _lines(text: str, limit: int):
    pos = 0
    for _ in range(limit):
        if pos >= len(text):
            return
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        yield pos, end
        pos = end + 1


def clean(text: str) -> Cleaned:
    masked = mask_boilerplate(text)
    title = title_span = published = published_span = None
    body_start = 0
    non_empty = [(s, e) for s, e in _lines(masked, 12) if masked[s:e].strip()][:HEADER_LINES]
    if non_empty:
        s, e = non_empty[0]
        line = masked[s:e]
        m = THAIGOV_PREFIX.match(line)
        ts = s + (m.end() if m else len(line) - len(line.lstrip()))
        te = s + len(line.rstrip())
        if te > ts and te - ts < 400:
            title, title_span = masked[ts:te], (ts, te)
            body_start = e
        for s2, e2 in non_empty[1:3]:
            found = dates.find_dates(masked[s2:e2])
            # A page date is a line of its own: just the date, perhaps with a weekday.
            if len(found) == 1 and found[0].date_start and len(masked[s2:e2].strip()) - len(found[0].text) <= 16:
                d = found[0]
                published, published_span = d.date_start, (s2 + d.start, s2 + d.end)
                body_start = e2
                break
    if title:
        masked, body_start = _mask_header(masked, title, body_start)
    return Cleaned(masked, title, title_span, published, published_span, body_start)


def _mask_header(text: str, title: str, body_start: int) -> tuple[str, int]:
    """Blank page furniture after the header and the title where the page repeats it."""
    chars: list[str] | None = None
    in_header = True
    for s, e in _lines(text[body_start:], 8):
        s, e = s + body_start, e + body_start
        line = text[s:e].strip()
        if not line:
            continue
        if in_header and HEADER_FURNITURE.match(line):
            chars = chars or list(text)
            _blank(chars, s, e)
            continue
        if line.strip("\u200b ") == title.strip("\u200b "):
            chars = chars or list(text)
            _blank(chars, s, e)
            continue
        in_header = False
    return ("".join(chars) if chars is not None else text), body_start
