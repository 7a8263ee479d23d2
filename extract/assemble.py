"""Mentions -> events: choose each event's date, time, place, people, bodies and count.

The main event comes first. Its date is the best-ranked day mention of the body: early in
the text, introduced by an event cue (วันนี้, วันที่ at a paragraph start), followed by a
time or a venue, and never one the cue words mark as background (a cabinet resolution, a
deadline, a plan period, a fiscal year).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache

from . import lexicons
from .clean import THAIGOV_PREFIX, Cleaned
from .counts import best_count, plain_count
from .dates import has_event_cue, is_story_background, relative_dates
from .event_type import classify_event
from .places import Places, event_province, find_places
from .plans import announced
from .records import Agency, Count, DateMention, Event, Mention, Official, TimeMention
from .tuning import (
    COUNT_REACH,
    CUE_WINDOW,
    FAR_TIME_WINDOW,
    MAX_DAYS_AFTER_PAGE,
    MAX_DAYS_BEFORE_PAGE,
    MAX_EVENTS,
    MAX_PERIOD_DAYS,
    MIN_VENUE_CONFIDENCE,
    REPAIR_DAYS,
    STOP_DATE_REACH,
    STOP_REACH,
    STOP_VENUE_REACH,
    TIME_WINDOW,
    TODAY_LEAD_CHARS,
)


@dataclass(frozen=True, slots=True)
class DateChoice:
    date: DateMention | None
    time: TimeMention | None


# Reported speech: "วันที่ 16 ... รองโฆษก ... เผยว่า" dates the statement, not the event.
STATEMENT = re.compile(r"(?:เผยว่า|เปิดเผยว่า|แถลงว่า|แจ้งว่า|ให้สัมภาษณ์|ชี้แจงว่า)")


# A news lead's clock time right before its day: "เมื่อเวลา 09.00 น. วันที่ 22 ม.ค.", "เวลา 08.00 น.
# วันที่ 23 ม.ค. นายสมคิด ...", "เมื่อเวลา09.00 น. ของวันที่1กันยายน2550" (ThaiNER: 27, read 27: 26 the reported
# day; bulk: 23, read 20: 14, the rest opening or closing a period, "... น. ของวันที่ 30 ธ.ค. - 24.00 น.").
# Counted on news pages only: press releases put the time after the day.
TIME_BEFORE_DAY = re.compile(r"(?:^|(?<=\s)|(?<=เมื่อ))(?<!ตั้งแต่)(?<!ถึง)(?<!ใน)(?<!ช่วง)เวลา\s*(?:ประมาณ\s*)?"
                             r"\d{1,2}[.:]\d{2}\s*(?:น\.)?\s*(?:ของ)?(?:วัน\S{0,10}?ที่|วันที่)?\s*$")
TIME_BEFORE_REACH = 45
RANGE_AFTER = re.compile(r"[^\S\n]{0,3}(?:\d{2,4}[^\S\n]{0,3})?[-–]")


def _time_before(text: str, d: DateMention) -> bool:
    return bool(TIME_BEFORE_DAY.search(text, max(0, d.start - TIME_BEFORE_REACH), d.start)
                and not RANGE_AFTER.match(text, d.end))


# A venue right after the date: "... 2563 ณ ...", "... 2563 ที่ ห้องประชุม...".
AFTER_VENUE = re.compile(r"ณ|ที่\s*(?:ห้อง|อาคาร|โรงแรม|ศาลา|ทำเนียบ|หอประชุม)")


# A news dateline opens a paragraph: an optional place word, the day, a dash ("รัฐสภา 19 ก.ค.- ...",
# "10 พ.ย.63 - ..."); it dates the report as firmly as a headline.
DASHES = "-–—"
DATE_WORDS = ("วัน", "เมื่อ", "ระหว่าง", "ตั้งแต่", "ถึง", "จนถึง", "ภายใน")


def is_dateline(text: str, d: DateMention) -> bool:
    after = text[d.end : d.end + 6].lstrip(" \t")
    if len(after) < 2 or after[0] not in DASHES or not after[1].isspace():
        return False
    line_start = text.rfind("\n", 0, d.start) + 1
    place = text[line_start : d.start].strip()
    if place.startswith(DATE_WORDS):
        return False  # "วันที่ 4 พฤศจิกายน - สำนักงาน...": a row of a schedule
    return d.start - line_start <= 30 and not any(c.isspace() or c.isdigit() for c in place)


def _score_date(d: DateMention, rank: int, text: str, times: list[TimeMention],
                published: dt.date | None, body_start: int, title_days: set, news: bool = False) -> float:
    score = 1.0 - 0.08 * min(rank, 10)
    if d.date_start in title_days:
        score += 0.6  # the headline names the event's day
    if has_event_cue(text, d.start):
        score += 0.5
    if is_dateline(text, d):
        score += 1.1  # as much as a headline day and an event cue together
    if any(0 <= t.start - d.end <= TIME_WINDOW for t in times):
        score += 0.4
    elif news and _time_before(text, d):
        score += 0.4  # the same clock time, written first
    if AFTER_VENUE.search(text, d.end, d.end + 40):
        score += 0.2
    if STATEMENT.search(text, d.end, d.end + 150):
        score -= 0.3
    if published and d.date_start:
        gap = abs((d.date_start - published).days)
        if gap > 45:
            score -= 0.6  # history, or an announcement of something far away
        elif gap > 7:
            score -= 0.2
    if d.year_inferred:
        score -= 0.1
    if published and d.date_start and d.date_start > published and text[d.end : d.end + 4].lstrip().startswith("นี้"):
        score -= 0.4  # "ระหว่างวันที่ 23–28 มิถุนายนนี้": a plan announced beside the reported event
    return score


# "เมื่อเวลา 08.30 น." with no day written: the news idiom for the day of the release. "วันนี้",
# "เมื่อวานนี้" (108 bulk leads, read 12: each dates what it reports), "เมื่อวันอังคารที่ผ่านมา" with no
# day written are read by dates.relative_dates.
TODAY_IDIOM = re.compile(r"เมื่อเวลา")
# How far after a lead's relative word a written day still takes the lead from it ("วันนี้ เวลา 10.00 น.
# วันที่ 14 ต.ค."); a day further on is another day the story mentions.
OWN_DAY_REACH = 60


# "ตั้งแต่วันนี้เป็นต้นไป", "เปิดรับสมัครแล้ววันนี้ – ถึง 20 สิงหาคม", "มาถึงวันนี้": the day a measure
# or an application period starts or a story has come to, not an event's.
PERIOD_BEFORE = re.compile(r"(?:ตั้งแต่|เริ่ม|ถึง)\s*$")
PERIOD_AFTER = re.compile(r"[^\S\n]{0,3}(?:เป็นต้นไป|[-–—]|ถึง|จนถึง)")


def _opens_a_period(text: str, d: DateMention) -> bool:
    return bool(PERIOD_BEFORE.search(text, max(0, d.start - 10), d.start) or PERIOD_AFTER.match(text, d.end))


def _lead_word(text: str, lead_start: int, days: list[DateMention], published: dt.date) -> DateMention | None:
    """The lead's first relative day ("วันนี้", "เมื่อวานนี้", "เมื่อวันอังคารที่ผ่านมา") or "เมื่อเวลา",
    before any written day of the lead, with its day from the publication date."""
    end = lead_start + TODAY_LEAD_CHARS
    end = min([d.start for d in days if lead_start <= d.start < end], default=end)
    word = next((d for d in relative_dates(text, published, lead_start, end)
                 if not d.background and not _opens_a_period(text, d)), None)
    idiom = TODAY_IDIOM.search(text, lead_start, end)
    if idiom and word is not None and 0 <= word.start - idiom.end() <= OWN_DAY_REACH:
        # "เมื่อเวลา 22.30 น. เมื่อคืนที่ผ่านมา": the clock time, then its day.
        return replace(word, text=text[idiom.start() : word.end], start=idiom.start(), confidence=0.7)
    if idiom and (word is None or idiom.start() < word.start):
        return DateMention(idiom.group(), idiom.start(), idiom.end(), published, published, "day",
                           method="page-date", confidence=0.7)
    return replace(word, confidence=0.7) if word else None




def _far(d: DateMention, anchor: dt.date | None, others: list[dt.date]) -> bool:
    if anchor is not None:
        return (max(d.date_start, d.date_end or d.date_start) - anchor).days > MAX_DAYS_AFTER_PAGE
    return bool(others) and all(abs((d.date_start - o).days) > MAX_DAYS_AFTER_PAGE for o in others)


def plausible_dates(days: list[DateMention], published: dt.date | None) -> list[DateMention]:
    """Day mentions that may date an event: a date far after the page's own date (or far from
    every other date) is dropped, or, when the same day and month in the page's year lie close
    to the page date, kept with that year and the reason in its method
    ("year-from-page: written 2115, page 2025-03-18")."""
    out = []
    for d in days:
        others = [o.date_start for o in days if o is not d and o.date_start and not o.year_inferred]
        if not _far(d, published, others):
            out.append(d)
            continue
        anchor = published or min(others, key=lambda o: abs((d.date_start - o).days))
        fixed = _safe_replace_year(d.date_start, anchor.year)
        if fixed is None or abs((fixed - anchor).days) > REPAIR_DAYS:
            continue
        end = fixed + (d.date_end - d.date_start) if d.date_end else fixed
        why = f"year-from-page: written {d.date_start.year}, page {anchor.isoformat()}" if published else \
            f"year-from-article: written {d.date_start.year}, other dates {anchor.year}"
        out.append(replace(d, date_start=fixed, date_end=end, method=why, confidence=0.5))
    return out


def _safe_replace_year(d: dt.date, year: int) -> dt.date | None:
    try:
        return d.replace(year=year)
    except ValueError:
        return None


def choose_date(dates: list[DateMention], times: list[TimeMention], text: str, cleaned: Cleaned) -> DateChoice:
    """The main event's date (and its time) among the document's date mentions.

    The page's own publication date is not a candidate, but an article whose lead says
    "วันนี้" or "เมื่อเวลา ..." without a day reports an event of the day it was published.
    """
    # A newspaper's source line dates its issue: the yardstick of far and announced days, no candidate.
    published, body_start = cleaned.published or cleaned.source_date, cleaned.body_start
    page = cleaned.published_span
    usable = [d for d in dates if d.kind == "day" and not d.background and d.date_start
              and (page is None or not (page[0] <= d.start < page[1]))
              and not (published and (published - d.date_start).days > MAX_DAYS_BEFORE_PAGE)]
    # Relative days ("วันนี้", "เมื่อวานนี้") date the event only from the lead (below). A news story's
    # backstory ("จากกรณีเมื่อวันที่ 10 ต.ค. เกิดเหตุ...") is what led to the report, not its event.
    usable = plausible_dates([d for d in usable if d.method != "relative"
                              and not (cleaned.news_page and is_story_background(text, d.start))], published)
    # A headline date counts only when the body gives none (some sites start with "จังหวัด / วันที่ ...").
    days = [d for d in usable if d.start >= body_start] or usable
    lead_start = body_start + (len(text[body_start:]) - len(text[body_start:].lstrip()))
    word = _lead_word(text, lead_start, days, published) if published and page else None
    if word is not None:
        first = min(days, key=lambda d: d.start) if days else None
        # A news page's lead dates what it reports: a day written further on is an earlier incident,
        # a deadline or a hearing set ("ศาลนัดฟังคำพิพากษาวันที่ 20 พ.ย."), not the reported event.
        lead_wins = cleaned.news_page and word.method == "relative" and first.start > word.end + OWN_DAY_REACH \
            if first else True
        if first is None or first.date_start > published or lead_wins:
            return DateChoice(word, _time_of(word, times, dates, body_start))
    if not days:
        others = [d for d in dates if d.background or (cleaned.news_page and is_story_background(text, d.start))]
        if cleaned.news_page and published and page:
            # A news page dated by its header, and no other day in the body: the day it reports.
            day = DateMention(text[page[0]:page[1]], page[0], page[1], published, published, "day",
                              method="page-date", confidence=0.6)
            return DateChoice(day, _first_time(times, body_start, others))
        return DateChoice(None, _first_time(times, body_start, others))
    title_days = {d.date_start for d in dates if d.start < body_start and d.kind == "day" and d.method != "relative"}
    news = not THAIGOV_PREFIX.match(text.lstrip("\ufeff"))
    scored = [(_score_date(d, i, text, times, published, body_start, title_days, news), -i, d)
              for i, d in enumerate(days)]
    best = max(scored)[2]
    return DateChoice(best, _time_of(best, times, dates, body_start))


def _time_of(best: DateMention, times: list[TimeMention], dates: list[DateMention], body_start: int) -> TimeMention | None:
    """The clock time of the event day ``best``: right after it, right before it, else the programme's
    first time after it with no other day between."""
    inside = next((t for t in times if best.start <= t.start < best.end), None)
    if inside is not None:
        return inside  # "เมื่อเวลา 22.30 น. เมื่อคืนที่ผ่านมา"
    same = (best.date_start, best.date_end)
    # Another day between the date and a time takes the time ("วันนี้ ... เวลา" repeats the same day).
    others = [d.start for d in dates if d.kind == "day" and (d.date_start, d.date_end) != same]
    time = next((t for t in times if 0 <= t.start - best.end <= TIME_WINDOW
                 and not any(best.end <= s < t.start for s in others)), None)
    if time is None:
        # "เวลา 09.00 น. ... วันที่ 16 มีนาคม" puts the time first.
        # The closest such time of the body: a news page's clock stamp ("14 ต.ค. 2563 - 17:50 น.") sits
        # just above the lead's "เมื่อวันที่ 14 ต.ค." but is when the page was posted.
        time = next((t for t in reversed(times) if 0 <= best.start - t.end <= 40 and t.start >= body_start), None)
    if time is None:
        # The programme's first clock time, when no other day comes between.
        later = [s for s in others if s > best.end]
        limit = min([best.end + FAR_TIME_WINDOW, *later])
        time = next((t for t in times if best.end <= t.start < limit), None)
    return time


def _first_time(times: list[TimeMention], body_start: int, others: list[DateMention] = ()) -> TimeMention | None:
    """The body's first clock time that is not the time of another day ("ศาลนัดไต่สวนในวันที่
    20 ต.ค. เวลา 09.00 น.", "สืบเนื่องจากเมื่อวันที่ 10 ต.ค. เวลา 22.00 น.")."""
    other = [d.end for d in others]
    return next((t for t in times if t.start >= body_start
                 and not any(0 <= t.start - e <= TIME_WINDOW for e in other)), None)


@dataclass(slots=True)
class Found:
    """The output of every extractor for one document."""

    dates: list[DateMention] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)
    places: Places = field(default_factory=lambda: Places([], [], [], []))
    officials: list[Official] = field(default_factory=list)
    agencies: list[Agency] = field(default_factory=list)
    counts: list[Count] = field(default_factory=list)

    def mentions(self) -> Iterator[Mention]:
        """Every finding as rows of the mentions table: dates, times, places, people, bodies, counts."""
        p = self.places
        for finding in (*self.dates, *self.times, *p.venues, *p.provinces, *p.online, *p.abroad,
                        *self.officials, *self.agencies, *self.counts):
            yield from finding.mentions()


def choose_venue(venues: list[Mention], date: DateMention | None, body_start: int) -> Mention | None:
    """The main event's venue: the first confident venue near the event date, else the
    first confident venue of the body."""
    good = [v for v in venues if v.confidence >= MIN_VENUE_CONFIDENCE]
    if not good:
        return None
    if date is not None:
        near = [v for v in good if abs(v.start - date.end) <= 300 or abs(date.start - v.end) <= 300]
        if near:
            return max(near, key=lambda v: (v.confidence, -abs(v.start - date.end)))
    body = [v for v in good if v.start >= body_start] or good
    return max(body, key=lambda v: (v.confidence, -v.start))


@cache
def _sequence_cues() -> re.Pattern:
    words = [w for w, kind in lexicons.columns("event_sequence.tsv", "word", "kind") if kind in ("opener", "verb")]
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def _fill_place(ev: Event, places: Places, venue: Mention | None, evidence: list[dict]) -> None:
    if venue is not None:
        ev.venue = venue.value
        evidence.append(_ev("venue", venue))
    prov = event_province(places, venue)
    if prov:
        ev.province, ev.province_code = prov
        m = next((p for p in places.provinces if p.value == ev.province), None)
        if m:
            evidence.append(_ev("province", m))


def _ev(field_name: str, m) -> dict:
    return {"field": field_name, "text": m.text, "method": m.method, "start": m.start, "end": m.end,
            "confidence": m.confidence}


def build_events(text: str, cleaned: Cleaned, found: Found) -> list[Event]:
    """The article's events, the main one first."""
    choice = choose_date(found.dates, found.times, text, cleaned)
    main = Event(event_index=0)
    evidence: list[dict] = []
    opened = None
    if choice.date:
        d = choice.date
        main.date_start, main.date_end = d.date_start, d.date_end
        evidence.append(_ev("date", d))
        if d.date_end and d.date_start and d.date_end > d.date_start and opens_period(text, d):
            main.date_end = main.date_start  # the opening is the main event; the period follows as its own
            opened = d
    if choice.time:
        t = choice.time
        main.time_start, main.time_end = t.time_start, t.time_end
        evidence.append(_ev("time", t))
    after = choice.date.end if choice.date is not None and choice.date.start >= cleaned.body_start else cleaned.body_start
    stops = find_stops(text, found, after, main.date_start)
    # The main event's venue is one of its own part of the report, before the first further stop.
    own_part = [v for v in found.places.venues if not stops or v.start < stops[0].start]
    venue = choose_venue(own_part, choice.date, cleaned.body_start)
    if venue is None and stops:
        venue = _verb_place(text, cleaned.body_start, stops[0].start)
    _fill_place(main, found.places, venue, evidence)
    online = [o for o in found.places.online if o.confidence >= 0.75]
    main.online = bool(online)
    if online:
        evidence.append(_ev("online", online[0]))
    region = _main_region(found.counts, text, choice.date, cleaned.body_start)
    count = best_count(region)
    if count is None and not THAIGOV_PREFIX.match(text.lstrip("\ufeff")):
        count = plain_count(region, text)
    if count:
        main.participants, main.participants_qualifier = count.value, count.qualifier
        evidence.append(_ev("participants", count))
    lead = text[cleaned.body_start : cleaned.body_start + 600]
    main.event_type = classify_event(cleaned.title or "", lead)
    main.officials = [o for o in found.officials if not stops or o.start < stops[0].start] or list(found.officials)
    main.agencies = list(found.agencies)
    for o in main.officials:
        evidence.append({"field": "official", "text": text[o.start:o.end], "method": o.method,
                         "start": o.start, "end": o.end, "confidence": o.confidence})
    main.evidence = evidence
    events = [main]
    lead_actor = _lead_actor(main.officials, text, cleaned)
    events.extend(_second_site(text, found, main, venue, lead_actor))
    events.extend(_and_then_at(text, found, main, venue, lead_actor))
    events.extend(_stop_events(text, cleaned, found, main, stops)[: MAX_EVENTS - len(events)])
    taken = {e.venue for e in events if e.venue}
    events.extend(_secondary_events(text, cleaned, found, main, venue, taken)[: MAX_EVENTS - len(events)])
    events.extend(_period_events(text, cleaned, found, main, venue, MAX_EVENTS - len(events), opened))
    events.extend(_announced_events(text, cleaned, found, events, MAX_EVENTS - len(events)))
    events.extend(_ceremony_before_meeting(text, cleaned, found, main)[: MAX_EVENTS - len(events)])
    events.extend(_signing_on_occasion(text, cleaned, found, main, lead_actor)[: MAX_EVENTS - len(events)])
    # An itinerary's lead ("ได้กำหนดเดินทางไป...") makes every event of it a plan (extract/plans.py).
    plan = announced(text, cleaned.title_span, (choice.date.start, choice.date.end) if choice.date else None)
    for i, ev in enumerate(events):
        ev.event_index = i
        if plan is not None:
            ev.evidence.append(plan)
    return events


# An event the report announces for a later day: "ซึ่งจะจัดขึ้นในวันที่ 13 สิงหาคม 2564 นี้",
# "โดยจะเสด็จพระราชดำเนินไปทรงเปิด... ในวันเสาร์ที่ 28 พฤศจิกายน 2563" (115 hits in the bulk
# releases, read 25: 22 announce an event of their own day).
ANNOUNCED = re.compile(r"จะ(?:จัดขึ้น|มีขึ้น|จัดงาน|จัด|เสด็จ)[^\n]{0,120}?(?:ใน|ระหว่าง)?(?:วัน\S{0,12}ที่)?\s*$")


# "ก่อนการประชุมได้มีพิธีมอบ...": a ceremony held before the meeting, same day and room (2 bulk hits,
# both such a ceremony).
BEFORE_MEETING = re.compile(r"ก่อน(?:การ)?(?:เริ่ม)?(?:การ)?ประชุม[^\n]{0,30}?พิธี")
SENTENCE_END = 300


def _held_with_main(text: str, m: re.Match, main: Event, event_type: str, method: str) -> tuple[Event, int]:
    """An event on the main event's day and at its place, found by ``m``, and where the sentence
    of ``m`` ends (its officials are named before that)."""
    end = min(len(text), m.end() + SENTENCE_END)
    nl = text.find("\n", m.end())
    end = end if nl < 0 else min(end, nl)
    ev = Event(event_type=event_type, date_start=main.date_start, date_end=main.date_end, venue=main.venue,
               province=main.province, province_code=main.province_code, online=main.online)
    ev.evidence = [{"field": "event", "text": m.group(), "method": method, "start": m.start(),
                    "end": m.end(), "confidence": 0.7}]
    return ev, end


def _ceremony_before_meeting(text: str, cleaned: Cleaned, found: Found, main: Event) -> list[Event]:
    m = BEFORE_MEETING.search(text, cleaned.body_start)
    if m is None or main.date_start is None:
        return []
    ev, end = _held_with_main(text, m, main, "ceremony", "before-meeting")
    ev.officials = [o for o in found.officials if m.start() <= o.start < end]
    return [ev]


# A signing held on the occasion of the main event or right after its meeting, same day and place:
# "ในโอกาสนี้ ได้มีพิธีลงนามบันทึกความเข้าใจ...", "ภายหลังการประชุม ยังได้มีการลงนามระหว่าง...", "ภายหลัง
# การประชุมฯ ประธานร่วม... ได้ลงนามในเอกสารถ้อยแถลงร่วม", "ในโอกาสนี้ ... เป็นสักขีพยานในการลงนาม...". Bulk
# (14,959): 6 hits in 6 articles, read all: 5 such signings; the sixth ("ภายหลังการประชุมนายจุรินทร์
# กล่าวว่า ... ได้ลงนามในประกาศ") is speech, which a speech verb before the signing now rules out. Left
# out: a public pledge to sign, a visitors' book, a request that a deal be signed.
SIGNING_ON_OCCASION = re.compile(
    r"(?:ในโอกาส(?:เดียวกัน)?นี้|(?:ภายหลัง|หลัง)(?:การ)?(?:เสร็จสิ้น)?(?:การ)?ประชุม\S{0,2}|เสร็จสิ้นการประชุม)"
    r"(?:(?!กล่าว|ว่า)[^\n]){0,60}?(?<!ให้)(?:(?:ได้)?มี(?:พิธี|การ)ลงนาม|ได้ลงนามใน(?!สมุด)|สักขีพยาน(?:ใน)?(?:พิธี|การ)ลงนาม)")


def _signing_on_occasion(text: str, cleaned: Cleaned, found: Found, main: Event, lead: list[Official]) -> list[Event]:
    m = SIGNING_ON_OCCASION.search(text, cleaned.body_start)
    if m is None or main.date_start is None:
        return []
    ev, end = _held_with_main(text, m, main, "signing", "signing-on-occasion")
    ev.officials = list(lead) + [o for o in found.officials if m.start() <= o.start < end and o not in lead]
    ev.agencies = list(main.agencies)
    return [ev]


def _announced_events(text: str, cleaned: Cleaned, found: Found, events: list[Event], room: int) -> list[Event]:
    if room <= 0 or not events[0].date_start:
        return []
    main = events[0]
    seen = {(e.date_start, e.date_end) for e in events}
    out: list[Event] = []
    days = plausible_dates([d for d in found.dates if d.kind == "day" and d.date_start], cleaned.published)
    for d in days:
        if (d.background or d.start < cleaned.body_start or d.date_start <= main.date_start
                or (d.date_start, d.date_end) in seen):
            continue
        line_start = text.rfind("\n", 0, d.start) + 1
        if not ANNOUNCED.search(text, max(line_start, d.start - 140), d.start):
            continue
        seen.add((d.date_start, d.date_end))
        ev = Event(date_start=d.date_start, date_end=d.date_end, online=False)
        evidence = [_ev("date", d)]
        venue = next((v for v in found.places.venues
                      if d.end <= v.start <= d.end + 60 and v.confidence >= MIN_VENUE_CONFIDENCE), None)
        if venue is not None:
            _fill_place(ev, found.places, venue, evidence)
        ev.event_type = classify_event("", text[max(line_start, d.start - 140) : d.end])
        ev.evidence = evidence
        out.append(ev)
        if len(out) >= room:
            break
    return out


# A multi-day period is an event of its own (a fair, a course, a festival) when an event
# noun introduces it; registration, booking and holiday periods are not events.
PERIOD_CUE = re.compile(r"(?:ระหว่าง(?:วันที่)?|ตั้งแต่(?:วันที่)?|จัด(?:ขึ้น|งาน)?[^\n]{0,40}|งาน[^\n]{0,60})\s*$")
PERIOD_EVENT_NOUN = re.compile(
    r"งาน|นิทรรศการ|มหกรรม|เทศกาล|ประเพณี|ประชุม|สัมมนา|อบรม|หลักสูตร|แข่งขัน|ตลาด|การแสดง|โครงการ|กิจกรรม"
    r"|[”\"]\s*(?:ระหว่าง|ตั้งแต่)")
PERIOD_NOT_EVENT = re.compile(r"ช่วงเทศกาล|ลงทะเบียน|จอง|สมัคร|เข้าพัก|ยื่น|วันหยุด|สะสม|สรุปยอด|ระยะเวลา|กำหนดเวลา|ชำระ")


# The main event opens a multi-day course, fair or conference written as its range: "เป็นประธาน
# เปิดการสัมมนา ... ที่จัดขึ้นระหว่างวันที่ 11 - 13 กันยายน 2565", "เปิดเผยภายหลังเป็นประธานพิธีเปิดงาน...
# ซึ่งจัดขึ้นในระหว่างวันที่ 24-27 พ.ย.2559". The gold keeps the opening as a one-day main event and the
# period as an event of its own (dev thaigov-v2_36950, dev2 gov_09, gov_20, web_16, nnt_12).
# Bulk: 1,022 main events span several days; on the line before the range this cue fires on 30, of
# which 28 open the period (2 were "ได้เปิดพื้นที่", "ได้เปิดลานจอดรถ": "ได้" is left out).
OPENS = re.compile(r"(?:ประธาน(?:ใน)?(?:พิธี)?|กล่าว|ร่วมพิธี|ภายหลัง)เปิด(?!เผย|ให้|รับ|บัญชี|ตัว)")
OPENS_REACH = 200


def opens_period(text: str, d: DateMention) -> bool:
    """Whether the line before a range says its event was opened (and not that it will be)."""
    line_start = text.rfind("\n", 0, d.start) + 1
    before = text[max(line_start, d.start - OPENS_REACH) : d.start]
    m = OPENS.search(before)
    return m is not None and "จะ" not in before[max(0, m.start() - 10) :]  # "จะเป็นประธานเปิด": a plan


def _period_events(text: str, cleaned: Cleaned, found: Found, main: Event, main_venue: Mention | None,
                   room: int, opened: DateMention | None = None) -> list[Event]:
    """Further events from multi-day periods of the body ("งาน ... ระหว่างวันที่ 19 - 22 พฤศจิกายน 2563"),
    other than the main event's own dates; each keeps the main event's place unless its
    paragraph names another. ``opened`` is the period the main event opened: an event whatever
    its cue words."""
    if room <= 0:
        return []
    events: list[Event] = []
    seen = {(main.date_start, main.date_end)}
    days = plausible_dates([d for d in found.dates if d.kind == "day" and d.date_start], cleaned.published)
    if opened is not None:
        days = [opened, *(d for d in days if d is not opened)]
    for d in days:
        if (d.kind != "day" or d.background or d.start < cleaned.body_start or not d.date_start
                or d.date_end is None or d.date_end <= d.date_start or (d.date_start, d.date_end) in seen):
            continue
        if main.date_start and d.date_end < main.date_start:
            continue  # a period already over when the event happened is history
        before = text[max(0, d.start - 80) : d.start]
        if d is not opened and ((d.date_end - d.date_start).days > MAX_PERIOD_DAYS or not PERIOD_CUE.search(before)
                                or not PERIOD_EVENT_NOUN.search(before) or PERIOD_NOT_EVENT.search(before)):
            continue
        seen.add((d.date_start, d.date_end))
        ev = Event(date_start=d.date_start, date_end=d.date_end, online=False)
        evidence = [_ev("date", d)]
        para_start = text.rfind("\n", 0, d.start) + 1
        para_end = text.find("\n", d.end)
        para_end = len(text) if para_end < 0 else para_end
        own = [v for v in found.places.venues
               if para_start <= v.start < para_end and v.confidence >= MIN_VENUE_CONFIDENCE]
        _fill_place(ev, found.places, own[0] if own else main_venue, evidence)
        if ev.province is None:
            ev.province, ev.province_code = main.province, main.province_code
        ev.event_type = classify_event("", before + d.text)
        if ev.event_type == "other":
            ev.event_type = classify_event("", text[para_start:para_end][:600])
        ev.evidence = evidence
        events.append(ev)
        if len(events) >= room:
            break
    return events


def _main_region(counts: list[Count], text: str, date: DateMention | None, body_start: int) -> list[Count]:
    """Counts written around the main event: from the start of the body to a few paragraphs
    past its date. A lead sums the event up before any date ("ประชาชนกว่า 500 คนร่วม...",
    the date only in a later paragraph or a footer line); a festival's attendance reported
    far further down belongs to another event."""
    anchor = date.start if date is not None and date.start >= body_start else body_start
    return [c for c in counts if body_start <= c.start <= anchor + COUNT_REACH]


# A further stop opens with an adverb at a clause start ("จากนั้น", "ต่อมา", "จุดที่ 2") and goes on,
# within a few words, with a clock time or a travel verb; an opener alone is no stop ("จากนั้น
# นายกรัฐมนตรีกล่าวว่า...", "ต่อมาคณะรัฐมนตรีได้มีมติ..." in a third of its bulk hits).
STOP_TIME = re.compile(r"เวลา\s*(?:ประมาณ\s*)?\d|ช่วง(?:บ่าย|เช้า|เย็น|ค่ำ)|ภาค(?:บ่าย|เช้า)")
TRIP_VERB = re.compile(r"(?:เดินทาง(?:ต่อ)?ไป(?:ยัง|ที่)?|ลงพื้นที่(?:ไปยัง|ที่)?|ตรวจเยี่ยม|เยี่ยมชม|ไปยัง|เข้าพบ|ไปเยี่ยม)\s*")
STOP_ACTIVITY = re.compile(r"ประธาน|ประชุม|พิธี|มอบ|เปิด|ตรวจ|เยี่ยม|พบปะ|ลงพื้นที่|เดินทาง|แถลง|หารือ|ร่วม")
POINT = re.compile(r"จุดที่\s*\d")
# A building or a room is part of the site the report is already at (dev thaigov-v2_86883: the works
# "ณ อาคารศูนย์ศิลปะการช่างไทย" of the office visited); "นอกจากนี้" does not take a visit there further.
SITE_PARTS = ("อาคาร", "ห้อง", "ตึก", "ชั้น")


@cache
def _openers() -> re.Pattern:
    words = [w for w, kind in lexicons.columns("event_sequence.tsv", "word", "kind") if kind == "opener"]
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?:^|(?<=[\s(]))(?:{alt}|จุดที่\s*\d)", re.M)


@cache
def _also_openers() -> re.Pattern:
    words = [w for w, kind in lexicons.columns("event_sequence.tsv", "word", "kind") if kind == "also"]
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?:^|(?<=[\s(]))(?:{alt})", re.M)


@cache
def _trip_verbs() -> re.Pattern:
    words = [w for w, kind in lexicons.columns("event_sequence.tsv", "word", "kind") if kind == "trip"]
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


# Between an opener and its trip verb stands the subject only ("จากนั้น นายกรัฐมนตรีและคณะได้"); a
# speech verb, a plan, a relative clause or a line break there means the verb is not the stop's own
# ("จากนั้น นายกฯ กล่าวถึงการลงพื้นที่...", "จากนั้นจะเคลื่อนขบวนเพื่อเดินทางไป...", "ลูกจ้างที่เดินทางมา").
# Nor does a verb of sending or scheduling ("นอกจากนี้ ยังได้ส่งเจ้าหน้าที่...ลงพื้นที่", "ได้วางกำหนดการ..."),
# or a relative clause with ซึ่ง ("นอกจากนี้ นายพรหมินทร์ ... ซึ่งเดินทางมาเป็นประธาน": the main event again).
NOT_SUBJECT = re.compile(r"กล่าว|ว่า|จะ|(?<!หน้า)ที่(?!ปรึกษา)|ซึ่ง|ให้|ถึง|มี|เพื่อ|ส่ง|กำหนด|\n")


def _moves_on(head: str) -> bool:
    """Whether the words after an opener take the subject to another place: a trip verb after
    the subject alone, and not the noun of it ("การลงพื้นที่")."""
    m = _trip_verbs().search(head)
    return m is not None and not NOT_SUBJECT.search(head, 0, m.start()) and not head[: m.start()].endswith("การ")


# Common nouns that name the place a visit goes to ("บ้านป่าข่า", "ชุมชน...") though venue rules read them
# as venues only after ณ; "พื้นที่" is left out: "ลงพื้นที่ใน" names no place.
VISIT_WEAK_HEADS = ("บ้าน", "หมู่บ้าน", "ชุมชน", "ค่าย", "ด่าน", "ฟาร์ม", "สวน", "แปลง",
                    "อุโมงค์", "เขื่อน", "อ่างเก็บน้ำ", "ฝาย", "สะพาน", "ท่าอากาศยาน", "สนามบิน")
# A firm, cooperative, foundation, association or community enterprise ("lead" heads) is a place a
# minister is taken to ("ได้ไปตรวจเยี่ยมบริษัท ยูนิคอร์ด จำกัด", "เยี่ยมชมวิสาหกิจชุมชนเกาะกก"). Bulk: such
# verb+head hits (with โครงการ and ร้าน) 332 in 197 articles; of 30 read, 21 name the place visited, 3 a
# programme, 6 no place, all 6 after a bare ไปยัง ("ขยายผลไปยังสหกรณ์อื่น ๆ"), which these heads therefore
# do not follow. In the whole bulk run โครงการ named a programme before the real venue ("เยี่ยมชมโครงการ
# “สยามพิวรรธน์ ไทยช่วยไทย”" for ไอคอนสยาม) and ร้าน gave "ร้านค้าต่าง ๆ": both left out.
VISIT_BODY_HEADS = ("กลุ่มวิสาหกิจชุมชน",)


@cache
def _visit_heads() -> tuple[str, ...]:
    heads = [w for w, kind in lexicons.columns("venue_words.tsv", "word", "kind") if kind in ("place", "org")]
    return tuple(sorted({*heads, *VISIT_WEAK_HEADS}, key=len, reverse=True))


@cache
def _visit_body_heads() -> tuple[str, ...]:
    heads = [w for w, kind in lexicons.columns("venue_words.tsv", "word", "kind") if kind == "lead"]
    return tuple(sorted({*heads, *VISIT_BODY_HEADS}, key=len, reverse=True))


def _names_a_place(text: str, m: re.Match) -> bool:
    if text.startswith(_visit_heads(), m.end()):
        return True
    return not m.group().startswith("ไปยัง") and text.startswith(_visit_body_heads(), m.end())


def _verb_place(text: str, pos: int, end: int) -> Mention | None:
    """A place named right after a travel verb without ณ/ที่ ("เดินทางไปยังโรงเรียนราชประชานุเคราะห์"):
    read by the venue rules as if ณ stood before it, when it opens with a place's head word."""
    for m in TRIP_VERB.finditer(text, pos, end):
        if m.end() >= len(text) or text[m.end()] == "\n" or not _names_a_place(text, m):
            continue
        probe = "ณ " + text[m.end() : m.end() + 200]
        venues = find_places(probe).venues
        if venues and venues[0].start == 2 and venues[0].confidence >= MIN_VENUE_CONFIDENCE:
            v = venues[0]
            s, e = m.end() + v.start - 2, m.end() + v.end - 2
            return Mention("venue", text[s:e], v.value, s, e, method="verb-place", confidence=v.confidence - 0.1)
    return None


@dataclass(frozen=True, slots=True)
class Stop:
    start: int
    end: int  # the next stop's start, or the end of the text
    venue: Mention | None
    time: TimeMention | None


# A programme of several days gives each day a line of its own: "วันพุธที่ 21 กันยายน 2559 เวลา 08.00 น.
# นายกรัฐมนตรีเข้าร่วมกิจกรรม...", "และในวันที่ ๑๕ ธันวาคม ๒๕๖๑ เวลา ๐๖.๐๐ น. ... เสด็จไปยัง...". Such a line,
# on another day than the main event's and naming its actor, opens a stop. Bulk: 49 lines in 36 articles
# open with a day and a clock time on a day no event had; the rest of them are timelines written
# "- วันที่ ...", narratives "เมื่อวันที่ ...", traffic closures and TV slots (no actor). With the actor the
# rule fires on 27 lines in 22 articles; read all: 25 an activity of that day (a UN week, state visits, a
# two-day inspection), 2 a departure for the next leg.
DAY_LINE = re.compile(r"^[ \t]*(?:และ)?(?:ใน)?วัน\S{0,12}ที่\s*[\d๐-๙]{1,2}[^\n]{0,40}?เวลา\s*[\d๐-๙]", re.M)
DAY_LINE_ACTOR = re.compile(r"นายกรัฐมนตรี|รัฐมนตรี|ปลัด|อธิบดี|ผู้ว่าราชการ|ผู้ตรวจ|เลขาธิการ|รองนายก|ประธาน|เสด็จ"
                            r"|(?:นาย|นาง|นางสาว|ดร\.|พลเอก|พล\.)[ก-๙]")


def _day_lines(text: str, found: Found, after: int, main_day: dt.date | None) -> list[int]:
    out = []
    for m in DAY_LINE.finditer(text, after):
        day = next((d for d in found.dates if m.start() <= d.start < m.end() and d.kind == "day" and d.date_start), None)
        if day is None or day.background or day.date_start == main_day:
            continue
        if DAY_LINE_ACTOR.search(text, m.end(), m.end() + STOP_REACH):
            out.append(m.start())
    return out


def find_stops(text: str, found: Found, after: int, main_day: dt.date | None = None) -> list[Stop]:
    """The further stops of a report after offset ``after``, in text order; a line that opens with
    another day than ``main_day`` and a clock time opens one too."""
    starts = set(_day_lines(text, found, after, main_day))
    for m in _openers().finditer(text, after):
        head = text[m.end() : m.end() + STOP_REACH]
        trip = TRIP_VERB.search(head)
        if POINT.match(m.group()) or STOP_TIME.search(head) or trip or _moves_on(head):
            starts.add(m.start())
    also = {m.start() for m in _also_openers().finditer(text, after) if _moves_on(text[m.end() : m.end() + STOP_REACH])}
    starts |= also
    cuts: list[int] = []
    for start in sorted(starts):
        if cuts and start - cuts[-1] <= STOP_REACH:
            continue  # "ต่อมา เวลา 14.45 น. คณะได้เดินทางลงพื้นที่ จุดที่ 2 ณ ...": one stop
        cuts.append(start)
    stops = []
    for i, s in enumerate(cuts):
        e = cuts[i + 1] if i + 1 < len(cuts) else len(text)
        reach = min(e, s + STOP_VENUE_REACH)
        venue = next((v for v in found.places.venues if s <= v.start < reach and v.confidence >= MIN_VENUE_CONFIDENCE),
                     None)
        verb_venue = _verb_place(text, s, min(e, s + STOP_REACH + 40))
        if verb_venue is not None and (venue is None or verb_venue.start < venue.start):
            venue = verb_venue
        if s in also and venue is not None and venue.value.startswith(SITE_PARTS):
            continue  # "นอกจากนี้ได้ลงพื้นที่ตรวจเยี่ยมชมผลงาน... ณ อาคาร...": a building of the same site
        time = next((t for t in found.times if s <= t.start < min(e, s + STOP_REACH)), None)
        timed = time is not None or STOP_TIME.search(text, s, min(e, s + STOP_REACH)) is not None
        if venue is None and not (timed and STOP_ACTIVITY.search(text, s, min(e, s + STOP_DATE_REACH))) \
                and not _moves_on(text[s : min(e, s + STOP_REACH)]):
            continue
        stops.append(Stop(s, e, venue, time))
    return stops


def _lead_actor(officials: list[Official], text: str, cleaned: Cleaned) -> list[Official]:
    """Who goes along to every stop: the main event's chair or opener, else the first official
    the headline names, else its first official (a spokesperson reporting comes first only
    when nobody else is named)."""
    if not officials:
        return []
    for o in officials:
        if o.role in ("chair", "opener"):
            return [o]
    title = cleaned.title or ""
    named = [o for o in officials if o.name.split()[0] in title]
    return named[:1] or [o for o in officials if o.role != "reporter"][:1] or officials[:1]


def _stop_events(text: str, cleaned: Cleaned, found: Found, main: Event, stops: list[Stop]) -> list[Event]:
    """One event per further stop: its own venue, date (its own, else the main event's), time and the
    officials named in it; the report's lead actor (the main event's first official) goes along."""
    events: list[Event] = []
    seen = {main.venue} if main.venue else set()
    days = plausible_dates([d for d in found.dates if d.kind == "day" and d.date_start], cleaned.published)
    for st in stops:
        if st.venue is not None and any(st.venue.value in v or v in st.venue.value for v in seen):
            continue
        ev = Event(online=False)
        evidence: list[dict] = []
        own = next((d for d in days if not d.background and st.start <= d.start < min(st.end, st.start + STOP_DATE_REACH)), None)
        if own is not None and not (main.date_start and own.date_start < main.date_start):
            ev.date_start, ev.date_end = own.date_start, own.date_end
            evidence.append(_ev("date", own))
        else:
            ev.date_start, ev.date_end = main.date_start, main.date_end
        if st.time is not None:
            ev.time_start, ev.time_end = st.time.time_start, st.time.time_end
            evidence.append(_ev("time", st.time))
        _fill_place(ev, found.places, st.venue, evidence)
        if ev.province is None:
            ev.province, ev.province_code = main.province, main.province_code
        if st.venue is not None:
            seen.add(st.venue.value)
        ev.event_type = classify_event("", text[st.start : min(st.end, st.start + CUE_WINDOW * 2)])
        lead = _lead_actor(main.officials, text, cleaned)
        ev.officials = lead + [o for o in found.officials if st.start <= o.start < st.end and o not in lead]
        ev.agencies = list(main.agencies)
        ev.evidence = evidence
        events.append(ev)
    return events


# A visit to two sites of one kind named together: "ลงพื้นที่ติดตาม... ที่โรงเรียนมาลาอีสงเคราะห์ อำเภอ
# ลาดบัวหลวง และโรงเรียนเจ้าฟ้าสร้าง อำเภอบางปะอิน", "เยี่ยมให้กำลังใจครอบครัวผู้เสียชีวิต ณ วัดเทพมงคลพิชัย
# ตำบลด่านช้าง และวัดศรีอุทัย": each site is an event of its own (dev2 gov_02). Bulk: a visit verb, then
# ณ/ที่ + site + its district words + "และ" + a site of the same head word: 15 hits in 13 articles, of
# which 11 visit both sites (2: a system tested "ที่โรงพยาบาล... และโรงพยาบาล...", a programme's schools).
VISIT_VERB = re.compile(r"ลงพื้นที่|ตรวจเยี่ยม|เยี่ยม|ติดตาม|สำรวจ")
# Bounded spaces: the regex-safety test scans this over 20,000 spaces, where \s+ ... \s* is cubic.
AND_SITE = re.compile(r"(?:\s{1,4}(?:หมู่ที่|ตำบล|ต\.|อำเภอ|อ\.|เขต)\s{0,4}\S+){0,3}\s{0,4}และ\s{0,4}")
SITE_HEADS = ("โรงเรียน", "โรงพยาบาล", "วัด", "ศูนย์", "สถานี", "หมู่บ้าน", "ชุมชน", "บ้าน")


def _second_site(text: str, found: Found, main: Event, venue: Mention | None, lead: list[Official]) -> list[Event]:
    if venue is None or venue.method == "verb-place":
        return []
    head = next((h for h in SITE_HEADS if venue.value.startswith(h)), None)
    line_start = text.rfind("\n", 0, venue.start) + 1
    if head is None or not VISIT_VERB.search(text, line_start, venue.start):
        return []
    m = AND_SITE.match(text, venue.end)
    if m is None or not text.startswith(head, m.end()):
        return []
    probe = "ณ " + text[m.end() : m.end() + 200]
    sites = find_places(probe).venues
    if not sites or sites[0].start != 2 or sites[0].confidence < MIN_VENUE_CONFIDENCE:
        return []
    v = sites[0]
    s, e = m.end() + v.start - 2, m.end() + v.end - 2
    site = Mention("venue", text[s:e], v.value, s, e, method="and-site", confidence=v.confidence - 0.1)
    ev = Event(event_type=main.event_type, date_start=main.date_start, date_end=main.date_end,
               time_start=None, online=False)
    evidence: list[dict] = []
    _fill_place(ev, found.places, site, evidence)
    if ev.province is None:
        ev.province, ev.province_code = main.province, main.province_code
    ev.officials = list(lead)
    ev.agencies = list(main.agencies)
    ev.evidence = evidence
    return [ev]


# A second activity at a second place in the main event's sentence: "... ร่วมพิธี ณ ห้องประชุมอาคาร
# กัลยาณิวัฒนา รพ.อ.ป.ร. และเปิดนิทรรศการผ้าไทย ณ ลานอเนกประสงค์ ชั้น ๑ ..." (dev2 web_03). Bulk: ณ + place,
# "และ" + an activity verb, ณ + place again on one line: 8 hits, the 4 with a place both times are two
# activities at two places (the other 4 are "ณ สิ้นเดือน...", no venue).
AND_THEN = re.compile(r"\sและ(?:ได้)?(?:เปิด|เป็นประธาน|ร่วม|มอบ|ตรวจ|เยี่ยม|เดินทาง)[^\nณ]{0,100}?(?<!\S)ณ\s*")


def _and_then_at(text: str, found: Found, main: Event, venue: Mention | None, lead: list[Official]) -> list[Event]:
    if venue is None or not text[max(0, venue.start - 4) : venue.start].rstrip().endswith("ณ"):
        return []
    line_end = text.find("\n", venue.end)
    line_end = len(text) if line_end < 0 else line_end
    m = AND_THEN.search(text, venue.end, line_end)
    if m is None or "ณ" in text[venue.end : m.start()]:
        return []
    site = next((v for v in found.places.venues if m.end() <= v.start <= m.end() + 2
                 and v.confidence >= 0.8 and v.value != venue.value), None)
    if site is None:
        return []
    ev = Event(date_start=main.date_start, date_end=main.date_end, online=False)
    evidence: list[dict] = []
    _fill_place(ev, found.places, site, evidence)
    if ev.province is None:
        ev.province, ev.province_code = main.province, main.province_code
    ev.event_type = classify_event("", text[m.start() : site.start])
    ev.officials = list(lead)
    ev.agencies = list(main.agencies)
    ev.evidence = evidence
    return [ev]


def _secondary_events(text: str, cleaned: Cleaned, found: Found, main: Event,
                      main_venue: Mention | None, taken: set[str]) -> list[Event]:
    """Further stops of the same report: a venue introduced by a sequence cue
    ("จากนั้น ... เดินทางไปยัง ณ ...") after the main venue becomes an event of its own,
    dated by its own paragraph or else by the main event."""
    if main_venue is None:
        return []
    cues = _sequence_cues()
    events: list[Event] = []
    seen = {main_venue.value} | taken
    for v in found.places.venues:
        if v.start <= main_venue.end or v.confidence < 0.8 or v.value in seen:
            continue
        if any(v.value in s or s in v.value for s in seen):
            continue
        window = text[max(0, v.start - CUE_WINDOW) : v.start]
        if not cues.search(window):
            continue
        seen.add(v.value)
        ev = Event(event_index=len(events) + 1)
        para_start = text.rfind("\n", 0, v.start) + 1
        para_end = text.find("\n", v.end)
        para_end = len(text) if para_end < 0 else para_end
        own = [d for d in found.dates if d.kind == "day" and not d.background and d.date_start
               and para_start <= d.start < para_end]
        evidence: list[dict] = []
        if own:
            ev.date_start, ev.date_end = own[0].date_start, own[0].date_end
            evidence.append(_ev("date", own[0]))
        else:
            ev.date_start, ev.date_end = main.date_start, main.date_end
        _fill_place(ev, found.places, v, evidence)
        if ev.province is None:
            ev.province, ev.province_code = main.province, main.province_code
        ev.online = False
        ev.event_type = classify_event("", text[max(para_start, v.start - CUE_WINDOW) : v.end])
        ev.evidence = evidence
        events.append(ev)
        if len(events) + 1 >= MAX_EVENTS:
            break
    return events
