"""Thai dates and times: a small table-driven grammar.

Month and weekday names come from ``patterns/months.tsv`` and ``patterns/weekdays.txt``;
the cue words that mark a date as background (a cabinet resolution, a deadline) or as
the event's own come from ``patterns/date_cues.tsv``. Input text has ASCII digits
(see :mod:`extract.normalise`).

>>> [(d.date_start.isoformat(), d.date_end.isoformat()) for d in find_dates("ระหว่างวันที่ 8 – 9 กรกฏาคม 2564")]
[('2021-07-08', '2021-07-09')]
>>> [(t.time_start, t.time_end) for t in find_times("เวลา 09.00 – 15.00 น.")]
[('09:00', '15:00')]
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import cache

from . import lexicons
from .records import DateMention, TimeMention
from .thai import alternation

DASH = r"(?:-|–|—|ถึง(?:วันที่)?|จนถึง(?:วันที่)?)"
ERA_BE = r"(?:พ\.\s?ศ\.?|พศ\.|พุทธศักราช)"
ERA_CE = r"(?:ค\.\s?ศ\.?|คศ\.|คริสต์ศักราช)"


# A weekday before a date, as page headers write it: "วันอังคารที่", "วันศุกร์".
WEEKDAY_PREFIX = re.compile(r"(?:ใน)?วัน(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|อาทิตย์)(?:ที่)?")
# A line that opens with the lead's date: "วันนี้ (30 ต.ค. 68)", "(27 ก.พ. 63)", "วันที่ 5 เมษายน 2565 ...",
# "เมื่อวันที่ ...", "วันศุกร์ที่ 8 ...", "เมื่อเวลา 09.00 น. วันที่ 22 ...": body text, never a headline.
# The clock-time opening: 0 of 14,959 bulk headlines, and a paragraph start of news stories
# (ThaiNER news text: 23 paragraphs open "(เมื่อ)เวลา HH.MM น.", all body text).
LEAD_DATE = re.compile(r"(?:(?:บ่าย|เช้า|เย็น)?วันนี้\s*\(\s*\d|\(\s*\d{1,2}\s*[ก-ฮ]|(?:เมื่อ|ใน)?วัน\S{0,12}ที่\s*\d"
                       r"|(?:เมื่อ)?เวลา\s*(?:ประมาณ\s*)?[\d๐-๙])")


@cache
def month_table() -> dict[str, int]:
    return {form: int(month) for form, month in lexicons.columns("months.tsv", "form", "month")}




@cache
def _grammar() -> dict[str, re.Pattern]:
    month = f"(?:{alternation(month_table())})"
    weekday = f"(?:วัน)?(?:{alternation(w for w in lexicons.words('weekdays.txt') if not w.endswith('.'))})(?:ที่)?"
    # A two-digit number followed by a month name is the next day of a list, not a year.
    year = rf"(?:\s*(?:(?P<eraN>{ERA_BE}|{ERA_CE})\s*)?(?P<yN>\d{{4}}|\d{{2}})(?![\d:]|\.\d)(?!\s*{month}))"
    # Thai words run together without spaces, so the month may follow the day directly.
    day1 = r"(?<![\d.,:/])(?P<d1>\d{1,2})"
    day2 = r"(?P<d2>\d{1,2})"
    range_or_single = (
        rf"{day1}(?:\s*(?P<m1>{month})(?:{year.replace('N', '1')})?)?"
        rf"(?:\s*{DASH}\s*(?:{weekday}\s*)?{day2})?"
        rf"\s*(?P<m2>{month})(?:{year.replace('N', '2')})?"
    )
    # Cross-month range with the year given once: "30 ม.ค. - 2 ก.พ. 67".
    numeric = r"(?<![\d./])(?P<nd>\d{1,2})/(?P<nm>\d{1,2})/(?P<ny>\d{4}|\d{2})(?![\d/])"
    # Web pages stamp their date in ISO form: "2021-06-21 11:16:26", "date 2024-03-01".
    iso = r"(?<![\d./-])(?P<iy>(?:19|20|25)\d{2})-(?P<im>\d{2})-(?P<id>\d{2})(?![\d-])"
    fiscal = rf"ปีงบ(?:ประมาณ)?\s*(?:{ERA_BE}\s*)?(?P<fy>\d{{4}}|\d{{2}})(?:\s*{DASH}\s*(?P<fy2>\d{{4}}|\d{{2}}))?(?!\d)"
    year_only = rf"(?:{ERA_BE}|{ERA_CE}|ปี)\s*(?P<ya>\d{{4}})(?:\s*{DASH}\s*(?P<yb>\d{{4}}))?(?!\d)"
    return {
        "date": re.compile(range_or_single),
        "numeric": re.compile(numeric),
        "iso": re.compile(iso),
        "fiscal": re.compile(fiscal),
        "year": re.compile(year_only),
    }


def to_ce(year: int, era: str | None = None) -> int | None:
    """Gregorian year from a written year: 2566 -> 2023, 66 -> 2023, ค.ศ. 2023 -> 2023."""
    if era and re.match(ERA_CE, era):
        return year if year >= 100 else 2000 + year
    if year < 100:
        # Two-digit years in Thai news are Buddhist-era: 66 = 2566, 36 = 2536.
        return 2500 + year - 543
    if 2400 <= year <= 2700:
        return year - 543
    if 1900 <= year <= 2150:
        return year
    return None


def _safe_date(y: int | None, m: int | None, d: int | None) -> dt.date | None:
    if y is None or m is None or d is None:
        return None
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


# A day without a year up to this far after the page date may be an announced one; further on
# it is of the year before.
FUTURE_DAYS = 31
def _announced(text: str, start: int, end: int) -> bool:
    """ "... 13 ส.ค. นี้", "... ที่จะถึง", or a deadline ("จนถึงวันที่ 31 มกราคม"): a day ahead."""
    return text[end : end + 12].lstrip().startswith(("นี้", "ที่จะถึง")) or is_background(text, start)


def _closest_year(month: int, day: int, anchor: dt.date) -> int:
    """The year that puts day/month nearest to the anchor (a page's publication date)."""
    best = anchor.year
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        d = _safe_date(y, month, day)
        b = _safe_date(best, month, day)
        if d and (b is None or abs((d - anchor).days) < abs((b - anchor).days)):
            best = y
    return best


def _year(m: re.Match, n: int) -> int | None:
    y = m.group(f"y{n}")
    if y is None:
        return None
    return to_ce(int(y), m.group(f"era{n}"))


def _parse_date(m: re.Match, anchor: dt.date | None) -> tuple[dt.date | None, dt.date | None, bool] | None:
    months = month_table()
    d1 = int(m.group("d1"))
    d2 = int(m.group("d2")) if m.group("d2") else None
    m2 = months[m.group("m2")]
    m1 = months[m.group("m1")] if m.group("m1") else m2
    y2 = _year(m, 2)
    y1 = _year(m, 1) if m.group("m1") else None
    if m.group("y2") and y2 is None:
        return None
    inferred = False
    if y2 is None:
        if anchor is None:
            return (None, None, True)
        y2 = _closest_year(m2, d2 or d1, anchor)
        later = _safe_date(y2, m2, d2 or d1)
        if later and (later - anchor).days > FUTURE_DAYS and not _announced(m.string, m.start(), m.end()):
            # News reports what happened: a day months after the page, unless announced ("... นี้"),
            # is of the year before (GUIDE: a month later than the publication month).
            y2 -= 1
        inferred = True
    if y1 is None:
        y1 = y2 - 1 if (d2 is not None and m1 > m2) else y2
    start = _safe_date(y1, m1, d1)
    end = _safe_date(y2, m2, d2) if d2 is not None else start
    if start is None or end is None or end < start or (end - start).days > 1100:
        return None
    return start, end, inferred


@cache
def _cues() -> dict[str, re.Pattern]:
    groups: dict[str, list[str]] = {}
    for kind, regex in lexicons.columns("date_cues.tsv", "kind", "regex"):
        groups.setdefault(kind, []).append(f"(?:{regex})")
    return {k: re.compile("|".join(v)) for k, v in groups.items()}


def _clause_before(text: str, start: int) -> str:
    window = text[max(0, start - 60) : start]
    # Only the clause the date belongs to: cut at the last sentence break.
    cut = max(window.rfind("\n"), window.rfind("  "))
    return window[cut + 1 :]


def is_background(text: str, start: int) -> bool:
    """Cue words just before the date say it is not the event's date."""
    return bool(_cues()["background"].search(_clause_before(text, start)))


def is_story_background(text: str, start: int) -> bool:
    """A news story's backstory: "จากกรณีเมื่อวันที่ 10 ต.ค.", "สืบเนื่องจากเมื่อวันที่ ...",
    "ก่อนหน้านี้ เมื่อวันที่ ..." (cues of kind ``story`` in date_cues.tsv)."""
    story = _cues().get("story")
    return bool(story and story.search(_clause_before(text, start)))


def has_event_cue(text: str, start: int) -> bool:
    event = _cues()["event"]
    window = text[max(0, start - 30) : start]
    return bool(event.search(window))


@cache
def _relative() -> tuple[re.Pattern, list[int], dict[str, int]]:
    """The relative day words of ``patterns/relative_days.tsv`` as one regex: group ``o<i>`` for
    the i-th offset row, ``wd`` with ``past`` or ``next`` for a weekday."""
    table = lexicons.columns("relative_days.tsv", "kind", "regex", "value")
    offsets = [(r, int(v)) for k, r, v in table if k == "offset"]
    weekdays = {r: int(v) for k, r, v in table if k == "weekday"}
    past = "|".join(r for k, r, _ in table if k == "past")
    ahead = "|".join(r for k, r, _ in table if k == "next")
    parts = [f"(?P<o{i}>{r})" for i, (r, _) in enumerate(offsets)]
    parts.append(rf"(?:เมื่อ|ใน)?วัน(?P<wd>{alternation(weekdays)})(?:(?P<past>{past})|(?P<next>{ahead}))")
    return re.compile("|".join(parts)), [v for _, v in offsets], weekdays


@cache
def _relative_core() -> re.Pattern:
    """The words every relative day contains (the ``core`` column: นี้, วาน, วัน + a weekday ...) as literals,
    which the regex engine finds by their first letters; the full pattern, with its optional
    prefixes at every position, cost more than every other date rule together on bulk releases."""
    cores = {w for (core,) in lexicons.columns("relative_days.tsv", "core") for w in core.split("|") if w}
    return re.compile("|".join(sorted(cores, key=len, reverse=True)))


RELATIVE_REACH = 40  # longer than any relative phrase on either side of its core word


def _relative_matches(text: str, pos: int, endpos: int) -> Iterator[re.Match]:
    """``_relative()[0].finditer(text, pos, endpos)``, searched only around the core words."""
    regex = _relative()[0]
    last = pos
    for core in _relative_core().finditer(text, pos, endpos):
        if core.start() < last:
            continue
        m = regex.search(text, max(last, core.start() - RELATIVE_REACH), min(endpos, core.end() + RELATIVE_REACH))
        if m is None or m.start() > core.start():
            continue  # a match further on holds a later core word: found from that one
        yield m
        last = m.end() if m.end() > m.start() else m.end() + 1


# "วันนี้ (14 ต.ค.)", "เมื่อวานนี้ 13 ต.ค.", "เมื่อคืนวันศุกร์ 23 ม.ค.": the written day says it.
WRITTEN_DAY_AFTER = re.compile(r"[^\S\n]{0,3}\(?[^\S\n]{0,3}(?:วัน\S{0,12}?(?:ที่)?)?[^\S\n]{0,3}\d")


def relative_dates(text: str, today: dt.date, pos: int = 0, endpos: int | None = None) -> list[DateMention]:
    """Days named relative to the publication date ``today``: "วันนี้", "เมื่อวานนี้", "พรุ่งนี้",
    "เมื่อคืนนี้", "เมื่อวันอังคารที่ผ่านมา", "วันศุกร์นี้". A word followed by its written day is
    left to that day. ``pos``/``endpos`` bound where the words start, as in ``re.finditer``."""
    regex, offsets, weekdays = _relative()
    out = []
    for m in _relative_matches(text, pos, len(text) if endpos is None else endpos):
        if WRITTEN_DAY_AFTER.match(text, m.end()):
            continue
        if m.group("wd"):
            wd = weekdays[m.group("wd")]
            if m.group("past"):
                day = today - dt.timedelta(days=(today.weekday() - wd) % 7 or 7)
            else:
                day = today + dt.timedelta(days=(wd - today.weekday()) % 7)
        else:
            i = next(i for i in range(len(offsets)) if m.group(f"o{i}"))
            day = today + dt.timedelta(days=offsets[i])
        out.append(DateMention(m.group(), m.start(), m.end(), day, day, "day", is_background(text, m.start()),
                               method="relative", confidence=0.6))
    return out


LISTED = re.compile(r"(\d{1,2})(?:\s*[-–]\s*(\d{1,2}))?\s*(?:,|และ)\s*$")


def _listed_days(text: str, start: int) -> list[tuple[int, int, int, int]]:
    """Days (or day ranges) listed just before a date that carries their month."""
    out = []
    pos = start
    while len(out) < 10:
        m = LISTED.search(text, max(0, pos - 20), pos)
        if not m or (m.start() > 0 and text[m.start() - 1].isdigit()):
            break
        d1 = int(m.group(1))
        d2 = int(m.group(2)) if m.group(2) else d1
        span_end = m.end(2) if m.group(2) else m.end(1)
        out.append((m.start(), span_end, d1, d2))
        pos = m.start()
    return out[::-1]


def find_dates(text: str, anchor: dt.date | None = None, today: dt.date | None = None) -> list[DateMention]:
    """Every date, date range, fiscal year and year mention, in text order.

    ``anchor`` (the publication date) supplies the year of dates written without one;
    ``today`` (the publication date as printed on the page, never a guess) the days of
    "วันนี้", "เมื่อวานนี้", "เมื่อวันอังคารที่ผ่านมา" (:func:`relative_dates`).
    """
    g = _grammar()
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= ts or s >= te for ts, te in taken)

    for m in g["date"].finditer(text):
        parsed = _parse_date(m, anchor)
        if parsed is None:
            continue
        start, end, inferred = parsed
        s, e = m.span()
        background = is_background(text, s)
        conf = 0.8 if inferred else 1.0
        if not m.group("m1") and start is not None:
            # "15, 16 และ 18 ธันวาคม 2565": the days listed before share the month and year.
            for ls, le, d1, d2 in _listed_days(text, s):
                a, b = _safe_date(start.year, start.month, d1), _safe_date(start.year, start.month, d2)
                if a and b and a <= b:
                    found.append(DateMention(text[ls:le], ls, le, a, b, "day", background, inferred, confidence=conf))
        found.append(DateMention(m.group(), s, e, start, end, "day", background, inferred, confidence=conf))
        taken.append((s, e))
    for m in g["numeric"].finditer(text):
        y = to_ce(int(m.group("ny")))
        day, month = int(m.group("nd")), int(m.group("nm"))
        if month > 12 >= day:
            # "2/21/2004": an American month first (news credits of English-language wires); only
            # when the day cannot be a month is the order sure.
            day, month = month, day
        d = _safe_date(y, month, day)
        if d and free(*m.span()):
            found.append(DateMention(m.group(), m.start(), m.end(), d, d, "day", is_background(text, m.start()),
                                     confidence=0.9))
            taken.append(m.span())
    for m in g["iso"].finditer(text):
        d = _safe_date(to_ce(int(m.group("iy"))), int(m.group("im")), int(m.group("id")))
        if d and free(*m.span()):
            found.append(DateMention(m.group(), m.start(), m.end(), d, d, "day", is_background(text, m.start()),
                                     confidence=0.9))
            taken.append(m.span())
    for m in g["fiscal"].finditer(text):
        y = to_ce(int(m.group("fy")))
        y2 = to_ce(int(m.group("fy2"))) if m.group("fy2") else y
        if y and y2 and y2 >= y and free(*m.span()):
            # Thai fiscal year N runs from 1 October of N-1 to 30 September of N.
            found.append(DateMention(m.group(), m.start(), m.end(), dt.date(y - 1, 10, 1), dt.date(y2, 9, 30),
                                     "fiscal_year", True))
            taken.append(m.span())
    if today is not None:
        for d in relative_dates(text, today):
            if free(d.start, d.end):
                found.append(d)
                taken.append((d.start, d.end))
    for m in g["year"].finditer(text):
        ya = to_ce(int(m.group("ya")))
        yb = to_ce(int(m.group("yb"))) if m.group("yb") else ya
        if ya and yb and yb >= ya and free(*m.span()):
            found.append(DateMention(m.group(), m.start(), m.end(), dt.date(ya, 1, 1), dt.date(yb, 12, 31),
                                     "year", True))
            taken.append(m.span())
    found.sort(key=lambda d: d.start)
    return found


TIME = re.compile(
    r"(?P<pre>(?:ตั้งแต่)?เวลา\s*(?:ประมาณ\s*)?)?"
    r"(?<![\d.,:/])(?:(?P<h1>\d{1,2})[.:](?P<n1>\d{2})|(?<=[าณ ])(?P<h0>[012]\d)(?P<n0>[0-5]\d))"
    r"(?![\d])(?P<suf1>\s*(?:น\.|นาฬิกา|น(?=\s|$)))?"
    r"(?:\s*(?:-|–|—|ถึง|จนถึง)\s*(?:เวลา\s*)?(?P<h2>\d{1,2})[.:](?P<n2>\d{2})(?![\d]))?"
    r"(?P<suf2>\s*(?:น\.|นาฬิกา|น(?=\s|$)))?"
)


DURATION = re.compile(r"\s*(?:ชั่วโมง|ชม\.|นาที)")


def _hhmm(h: str, m: str) -> str | None:
    hi, mi = int(h), int(m)
    if hi > 24 or mi > 59:
        return None
    return f"{hi:02d}:{mi:02d}"


def find_times(text: str) -> list[TimeMention]:
    """Clock times and time ranges: "เวลา 09.00 น.", "09.00 – 15.00 น.", "14:00 - 15:00 น."."""
    found = []
    for m in TIME.finditer(text):
        # Without เวลา or น. a number like 3.50 is a decimal, not a time.
        if not (m.group("pre") or m.group("suf1") or m.group("suf2")):
            continue
        if not m.group("pre") and not m.group("suf1") and not m.group("h2"):
            continue
        if DURATION.match(text, m.end()):
            continue  # "ในเวลา 1.30 ชั่วโมง" is a duration
        h1, n1 = (m.group("h1"), m.group("n1")) if m.group("h1") else (m.group("h0"), m.group("n0"))
        if m.group("h0") and not (m.group("pre") and m.group("pre").rstrip().endswith("เวลา")) and not m.group("suf1"):
            continue  # "0900" is a time only right after เวลา or before น.
        start = _hhmm(h1, n1)
        end = _hhmm(m.group("h2"), m.group("n2")) if m.group("h2") else None
        if start is None or (m.group("h2") and end is None):
            continue
        # The span starts at the number; เวลา is a cue, not part of the value.
        s = m.start("h1") if m.group("h1") else m.start("h0")
        e = m.end()
        while e > s and text[e - 1].isspace():
            e -= 1
        found.append(TimeMention(text[s:e], s, e, start, end))
    return found
