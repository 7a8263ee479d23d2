"""Mentions -> events: choose each event's date, time, place, people, bodies and count.

The main event comes first. Its date is the best-ranked day mention of the body: early in
the text, introduced by an event cue (วันนี้, วันที่ at a paragraph start), followed by a
time or a venue, and never one the cue words mark as background (a cabinet resolution, a
deadline, a plan period, a fiscal year).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .dates import has_event_cue
from .records import DateMention, TimeMention

# How far after a date its time usually is: "วันที่ 16 มีนาคม 2566 เวลา 09.00 น."
TIME_WINDOW = 80
FAR_TIME_WINDOW = 800


@dataclass(frozen=True, slots=True)
class DateChoice:
    date: DateMention | None
    time: TimeMention | None


# Reported speech: "วันที่ 16 ... รองโฆษก ... เผยว่า" dates the statement, not the event.
STATEMENT = re.compile(r"(?:เผยว่า|เปิดเผยว่า|แถลงว่า|แจ้งว่า|ให้สัมภาษณ์|ชี้แจงว่า)")


def _score_date(d: DateMention, rank: int, text: str, times: list[TimeMention],
                published: dt.date | None, body_start: int, title_days: set) -> float:
    score = 1.0 - 0.08 * min(rank, 10)
    if d.date_start in title_days:
        score += 0.6  # the headline names the event's day
    if has_event_cue(text, d.start):
        score += 0.5
    if any(0 <= t.start - d.end <= TIME_WINDOW for t in times):
        score += 0.4
    after = text[d.end : d.end + 40]
    if any(cue in after for cue in ("ณ ", "ณ", "ที่ห้อง", "ที่อาคาร", "ที่โรงแรม", "ที่ศาลา", "ที่ทำเนียบ")):
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
    return score


def choose_date(dates: list[DateMention], times: list[TimeMention], text: str,
                published: dt.date | None, body_start: int = 0) -> DateChoice:
    """The main event's date (and its time) among the document's date mentions."""
    usable = [d for d in dates if d.kind == "day" and not d.background and d.date_start]
    # A headline date counts only when the body gives none (some sites start with "จังหวัด / วันที่ ...").
    days = [d for d in usable if d.start >= body_start] or usable
    if not days:
        return DateChoice(None, _first_time(times, body_start))
    title_days = {d.date_start for d in dates if d.start < body_start and d.kind == "day"}
    scored = [(_score_date(d, i, text, times, published, body_start, title_days), -i, d)
              for i, d in enumerate(days)]
    best = max(scored)[2]
    time = next((t for t in times if 0 <= t.start - best.end <= TIME_WINDOW), None)
    if time is None:
        # "เวลา 09.00 น. ... วันที่ 16 มีนาคม" puts the time first.
        time = next((t for t in times if 0 <= best.start - t.end <= 40), None)
    if time is None:
        # The programme's first clock time, when no other day comes between.
        later = [d.start for d in dates if d.start > best.end and d.kind == "day"]
        limit = min([best.end + FAR_TIME_WINDOW, *later])
        time = next((t for t in times if best.end <= t.start < limit), None)
    return DateChoice(best, time)


def _first_time(times: list[TimeMention], body_start: int) -> TimeMention | None:
    return next((t for t in times if t.start >= body_start), None)
