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
from dataclasses import dataclass, replace
from functools import cache

from . import dates, lexicons
from .tuning import HEADER_LINES, MAX_HEADER_LINE, PAGE_DATE_LINES

THAIGOV_PREFIX = re.compile(r"^\s*รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-")
# Page furniture between the page date and the body: "16/08/2566", "พิมพ์".
HEADER_FURNITURE = re.compile(r"^\s*(?:\d{1,2}/\d{1,2}/\d{2,4}|พิมพ์|Print)\s*$")
# What may stand on a page-date line beside the date: a label ("เผยแพร่:", "Post on", "• เมื่อวันที่ :"),
# a clock time without เวลา ("17:50", "11:16:26"), a reader count in brackets, stray brackets.
LABELS = (r"เผยแพร่(?:เมื่อ)?|โพสต์(?:เมื่อ)?|ลงข่าว(?:เมื่อ)?|วันที่ลงข่าว|วันที่บันทึก|วันที่เผยแพร่|ปรับปรุง(?:ล่าสุด)?"
          r"|อัปเดต(?:ล่าสุด)?|อัพเดท(?:ล่าสุด)?|อัพเดต(?:ล่าสุด)?|แก้ไข(?:ล่าสุด)?|Posted(?:\s+on)?|Post\s+on|Published(?:\s+on)?"
          r"|Updated(?:\s+on)?|Submitted(?:\s+on)?|Last\s+updated(?:\s+on)?|date|Date|เมื่อวันที่|วันที่")
PAGE_DATE_LABEL = re.compile(rf"^[\s•·|>]*(?:{LABELS})?[\s:：]*", re.IGNORECASE)
# A further stamp on the same line ("เผยแพร่: 14 ต.ค. 2563 17:50   ปรับปรุง: 15 ต.ค. 2563 08:10", MGR Online):
# only an update label may stand before a second date.
UPDATE_LABEL = re.compile(r"(?:ปรับปรุง|อัปเดต|อัพเดท|อัพเดต|แก้ไข|Updated|Last\s+updated)(?:ล่าสุด)?(?:\s+on)?[\s:：]*$",
                          re.IGNORECASE)
# News pages print up to this many short credit lines under the page date (byline, office, reader count).
MAX_CREDIT_LINES = 3
MAX_CREDIT_LINE = 60
# A byline or outlet beside the stamp, after "โดย"/"By" or a bar: "โดย: ผู้จัดการออนไลน์",
# "14 ต.ค. 2563 17:50 น. | ข่าวสด", "• ข่าวภูมิภาค", "โดย ไทยรัฐออนไลน์ | 14 ต.ค. 63"; a reader count "| อ่าน 1,234".
PAGE_CREDIT = re.compile(r"(?:^|(?<=\s))(?:โดย|By)(?:\s*[:：][^|\n\d]{1,40}|\s+[^|\s\d]{1,30}\s*(?=\|))|[|•·][^|•·\n\d]{1,30}$"
                         r"|(?:อ่าน|เข้าชม|views?)\s*[:：]?\s*\d[\d,.]{0,12}\s*[kK]?\s*(?:ครั้ง|views?)?"
                         r"|(?<![\d,.])\d[\d,.]{0,12}[^\S\n]{0,3}[kK]?[^\S\n]{0,3}views?")
PAGE_DATE_REST = re.compile(
    r"\([^()\n]{0,40}\)|T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?"
    r"|(?:เวลา\s*(?=\d{1,2}:))?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*น\.)?"
    r"|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?|[\s|•·,\-–:]+|[()]")
# "วันพุธ ที่", "พุธ,", "อังคาร": a weekday on the stamp line, with or without วัน.
PAGE_WEEKDAY = re.compile(r"(?:ใน)?(?:วัน)?(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|อาทิตย์)(?:\s*ที่)?")
# A clock range on the line makes it an event's time ("วันที่ 10 กันยายน 2562 เวลา 10.00 - 12.00 น.").
TIME_RANGE = re.compile(r"\d[:.]\d\d\s*(?:-|–|ถึง)\s*\d{1,2}[:.]\d\d")
# An outlet's name before a stamp that has its year and clock ("ข่าวสด 14 ต.ค. 2563 - 17:50 น."):
# one word, no digits; a dateline ("รัฐสภา 19 ก.ค.-") has neither year nor clock.
OUTLET_PREFIX = re.compile(r"^\s*[^\s\d|:]{2,25}\s+$")
CLOCK = re.compile(r"\d{1,2}:\d{2}")
# A newspaper's source line at the foot of a reprinted story: "หนังสือพิมพ์ผู้จัดการ 2/2/2004",
# "หนังสือพิมพ์ไทยรัฐ ปีที่ 55 ฉบับที่ 16804 1/24/2004" (ThaiNER 1.5: 30 such lines, each the last of
# its story; bulk releases: 0). It dates the printed issue, not the event, and a reprint site's copy
# may be days older ("วันนี้ (29 ม.ค.)" above "2/2/2004"): its year dates the story's days, it is no
# candidate and no "วันนี้".
SOURCE_LINE = re.compile(r"^[^\S\n]*หนังสือพิมพ์[^\s\d]{2,25}(?:[^\S\n]*ปีที่[^\S\n]*\d{1,3})?"
                         r"(?:[^\S\n]*ฉบับที่[^\S\n]*\d{1,6})?[^\S\n]+(?P<date>[^\n]{6,40}?)[^\S\n]*$")
# Its numeric date is the wire's month first: 12 of the 30 cannot be read day first ("1/24/2004"),
# none the other way.
SOURCE_NUMERIC = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
SOURCE_LINES = 3  # the story's last lines where the source stands
# A story that opens with its dateline and runs on without a dash: "ประชาไท  9 ต.ค. 2549 เมื่อวันที่
# 8 ต.ค.49 ที่สมาคมนักข่าว ...", "อุดรธานี 29 พ.ย.49 นางสาว...", "ยะลา18 ต.ค.47 เมื่อเวลา ..." (Thai-NNER
# sample: 21 passages open so, all with the year; the lead writes its own day after it in 3, each
# the day before): the dateline dates the report as a page stamp does. One word before the day.
# The dateline's word names no day ("ระบบเปิดวันที่ 9 พ.ค. 61", "วันศุกร์ที่ 14 มีนาคม 2557") and the line runs
# on as a lead, not a headline ("ราคาทองคำเปิดตลาด 9 ก.ค.61 ยังคงที่").
OPENING_DATELINE = re.compile(r"^[\s\ufeff\u200b]*+(?![^\s\d]{0,20}?(?:วัน|เมื่อ|ที่[^\S\n]*$))[^\s\d|:/()\-–\u200b]{2,20}[^\S\n]*(?=\d)")
DATELINE_LEAD_CHARS = 120


@dataclass(frozen=True, slots=True)
class Cleaned:
    text: str  # same length as the input, boilerplate blanked
    title: str | None
    title_span: tuple[int, int] | None
    published: dt.date | None
    published_span: tuple[int, int] | None
    body_start: int  # first character after the title/date header
    # The page date was printed by a news or web page (not a thaigov release, which is dated the
    # day after its event): with no other day in the body, it is the event's day.
    news_page: bool = False
    # The printed issue's date from a source line at the story's foot (see SOURCE_LINE): the year
    # of days written without one, never the event's day.
    source_date: dt.date | None = None


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


def page_date_line(line: str):
    """The page's publication date when ``line`` is a page-date line: the date with at most a
    label, a weekday, a clock time and brackets beside it ("วันที่ 25 พ.ย. 2563 (จำนวนคนอ่าน 0 คน)",
    "• เมื่อวันที่ : 24 ก.พ. 2564", "2021-06-21 11:16:26"); None for a body line that has a date.

    >>> page_date_line("เผยแพร่: 14 ต.ค. 2563 17:50").date_start
    datetime.date(2020, 10, 14)
    >>> page_date_line("วันที่ 8 กุมภาพันธ์ 2562 เวลา 11.00 น.") is None
    True
    """
    found = [d for d in dates.find_dates(line) if d.kind == "day"]
    if (not found or any(not d.date_start or d.date_end != d.date_start for d in found)
            or any(not UPDATE_LABEL.search(line[a.end : b.start]) for a, b in zip(found, found[1:], strict=False))
            or TIME_RANGE.search(line)):
        return None
    d = found[0]
    before = line[: d.start]
    label = PAGE_DATE_LABEL.match(before)
    rest = before[label.end():]
    if (label.end() == 0 and OUTLET_PREFIX.match(rest) and not d.year_inferred
            and CLOCK.search(line, d.end)):
        rest = ""
    for a, b in zip(found, found[1:], strict=False):
        rest += " " + line[a.end : b.start][: UPDATE_LABEL.search(line[a.end : b.start]).start()]
    rest += " " + line[found[-1].end :]
    rest = PAGE_CREDIT.sub(" ", rest)
    # A weekday before the date ("วันอังคารที่") is furniture too.
    rest = PAGE_WEEKDAY.sub(" ", rest)
    if PAGE_DATE_REST.sub("", rest):
        return None
    return d


def _page_date(masked: str, non_empty: list[tuple[int, int]]):
    """(line index, date mention with offsets in ``masked``) of the page-date line of the header."""
    for i, (s, e) in enumerate(non_empty[1:PAGE_DATE_LINES], start=1):
        if e - s > MAX_HEADER_LINE:
            return None
        d = page_date_line(masked[s:e])
        if d is not None:
            return i, d, s
    return None


def source_line_date(line: str) -> dt.date | None:
    """The issue date of a newspaper source line, else None.

    >>> source_line_date("หนังสือพิมพ์ไทยรัฐ ปีที่ 55 ฉบับที่ 16804 1/24/2004")
    datetime.date(2004, 1, 24)
    >>> source_line_date("หนังสือพิมพ์มติชน 14 ต.ค. 2563")
    datetime.date(2020, 10, 14)
    >>> source_line_date("หนังสือพิมพ์ข่าวสดรายงานว่า เมื่อวันที่ 2 ก.พ. 2547") is None
    True
    """
    m = SOURCE_LINE.match(line)
    if not m:
        return None
    if n := SOURCE_NUMERIC.match(m.group("date")):
        month, day, year = (int(g) for g in n.groups())
        if month > 12 >= day:
            month, day = day, month
        try:
            return dt.date(dates.to_ce(year) or 0, month, day)
        except ValueError:
            return None
    found = dates.find_dates(m.group("date"))
    if (len(found) == 1 and found[0].kind == "day" and not found[0].year_inferred and found[0].date_start
            and found[0].text == m.group("date")):
        return found[0].date_start
    return None


def _source_line(masked: str) -> tuple[str, dt.date | None]:
    """Blank the source line among the last lines and return its date."""
    ends = [m.start() for m in re.finditer("\n", masked)] + [len(masked)]
    starts = [0] + [e + 1 for e in ends[:-1]]
    seen = 0
    for s, e in reversed(list(zip(starts, ends, strict=True))):
        if not masked[s:e].strip():
            continue
        seen += 1
        if seen > SOURCE_LINES:
            break
        if (d := source_line_date(masked[s:e])) is not None:
            return masked[:s] + " " * (e - s) + masked[e:], d
    return masked, None


def opening_dateline(text: str):
    """The dated mention of a dateline that opens ``text`` and runs into the lead, else None.

    >>> lead = "ที่สมาคมนักข่าว นางดาวัลย์ จันทรหัสดี แกนนำชาวบ้านที่คัดค้านโครงการบ่อบำบัดน้ำเสียคลองด่าน ได้แถลงข่าว"
    >>> opening_dateline("ประชาไท  9 ต.ค. 2549 เมื่อวันที่ 8 ต.ค.49 " + lead).date_start
    datetime.date(2006, 10, 9)
    >>> opening_dateline("เมื่อวันที่ 10 เมษายน 2551 นางสารี อ๋องสมหวัง") is None
    True
    """
    m = OPENING_DATELINE.match(text)
    if not m or THAIGOV_PREFIX.match(text):
        return None
    line_end = text.find("\n", m.end())
    found = dates.find_dates(text[m.end() : m.end() + 40 if line_end < 0 else min(line_end, m.end() + 40)])
    d = found[0] if found else None
    if (d is None or d.start != 0 or d.kind != "day" or d.year_inferred or d.date_end != d.date_start
            or not text[m.end() + d.end : m.end() + d.end + 1].isspace()
            or (line_end if line_end >= 0 else len(text)) - (m.end() + d.end) < DATELINE_LEAD_CHARS):
        return None
    return replace(d, start=m.end() + d.start, end=m.end() + d.end)


def clean(text: str) -> Cleaned:
    cleaned = _clean(text)
    if cleaned.published is None and (d := opening_dateline(cleaned.text)) is not None:
        cleaned = Cleaned(cleaned.text, None, None, d.date_start, (d.start, d.end), d.end, news_page=True)
    masked, source = _source_line(cleaned.text)
    if source is None:
        return cleaned
    return replace(cleaned, text=masked, source_date=source)


def _clean(text: str) -> Cleaned:
    masked = mask_boilerplate(text)
    title = title_span = published = published_span = None
    body_start = 0
    lines = [(s, e) for s, e in _lines(masked, 3 * PAGE_DATE_LINES) if masked[s:e].strip()]
    page = _page_date(masked, lines)
    if page is not None and page[0] >= 2:
        # A page date below a site header: the headline is the longest line above it.
        i, d, ls = page
        s, e = max(lines[:i], key=lambda se: len(masked[se[0]:se[1]].strip()))
        line = masked[s:e]
        ts = s + len(line) - len(line.lstrip())
        te = s + len(line.rstrip())
        title, title_span = masked[ts:te], (ts, te)
        published, published_span = d.date_start, (ls + d.start, ls + d.end)
        body_start = lines[i][1]
        masked, body_start = _mask_credits(masked, lines[i + 1 :], body_start)
        return _cleaned(masked, title, title_span, published, published_span, body_start, news_page=True)
    non_empty = lines[:HEADER_LINES]
    if non_empty and dates.LEAD_DATE.match(masked[non_empty[0][0] : non_empty[0][1]].lstrip()):
        # The page opens with its lead ("วันนี้ (30 ต.ค. 68) ที่..."): there is no headline.
        non_empty = []
    if non_empty:
        s, e = non_empty[0]
        line = masked[s:e]
        m = THAIGOV_PREFIX.match(line)
        ts = s + (m.end() if m else len(line) - len(line.lstrip()))
        te = s + len(line.rstrip())
        if te > ts and te - ts < 400:
            title, title_span = masked[ts:te], (ts, te)
            body_start = e
        if page is not None:
            i, d, ls = page
            published, published_span = d.date_start, (ls + d.start, ls + d.end)
            body_start = lines[i][1]
            if not m:  # a news page (thaigov releases print no credits under the date)
                masked, body_start = _mask_credits(masked, lines[i + 1 :], body_start)
                return _cleaned(masked, title, title_span, published, published_span, body_start, news_page=True)
    return _cleaned(masked, title, title_span, published, published_span, body_start)


def _mask_credits(masked: str, after: list[tuple[int, int]], body_start: int) -> tuple[str, int]:
    """Blank the short lines right under a news page's date: the reporter's or office's credit
    ("นิพัส เพ็ชร์ลมุล", "ชวลิต ศรีสิงห์ ส.ปชส.ระยอง", "ส.ปชส.ตราด", "by Super User"), a reader
    count ("• อ่าน : 238 ครั้ง"). A credit is no official, and no extractor needs it. The body
    starts after them."""
    chars: list[str] | None = None
    for s, e in after[:MAX_CREDIT_LINES]:
        line = masked[s:e].strip()
        if len(line) > MAX_CREDIT_LINE or dates.LEAD_DATE.match(line) or _has_day(line):
            break  # a short lead or dateline ("ทำเนียบรัฐบาล 14 ต.ค. - นายกฯ แถลง"), not a credit
        chars = chars or list(masked)
        for k in range(s, e):
            chars[k] = " "
        body_start = e
    return ("".join(chars) if chars is not None else masked), body_start


def _has_day(line: str) -> bool:
    return any(d.kind == "day" for d in dates.find_dates(line))


def _cleaned(masked, title, title_span, published, published_span, body_start, news_page=False) -> Cleaned:
    if title:
        masked, body_start = _mask_header(masked, title, body_start)
    return Cleaned(masked, title, title_span, published, published_span, body_start, news_page)


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
