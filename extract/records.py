"""Typed records passed between stages.

Every extracted value carries ``start``/``end``: character offsets into the decoded
source text, so ``source_text[start:end] == text`` always holds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Mention:
    """One extracted span. ``kind`` is date, time, venue, province, person, position,
    agency, count or online; ``value`` is the normalised value as a string
    (ISO date, "HH:MM", province name, canonical agency name, integer ...)."""

    kind: str
    text: str
    value: str | None
    start: int
    end: int
    method: str = "rule"
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date or date range. ``kind``: day (an event day or range), fiscal_year, year."""

    text: str
    start: int
    end: int
    date_start: dt.date | None
    date_end: dt.date | None
    kind: str = "day"
    background: bool = False  # cue words say it is not the event's date
    year_inferred: bool = False
    method: str = "rule"
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class TimeMention:
    text: str
    start: int
    end: int
    time_start: str  # "HH:MM"
    time_end: str | None
    method: str = "rule"
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Official:
    name: str  # "given surname"
    honorific: str | None
    position: str | None
    role: str | None  # chair, opener, reporter, speaker, attendee
    start: int  # span of the first mention (honorific + name)
    end: int
    position_start: int | None = None
    position_end: int | None = None
    method: str = "rule"
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Agency:
    name: str  # as written in the text
    canonical: str  # full official name
    acronym: str | None
    kind: str  # ministry, department, independent, public_org, state_enterprise, provincial, regional, local, other
    start: int
    end: int
    method: str = "lexicon"
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Count:
    text: str
    value: int
    qualifier: str  # exact, approx, at_least
    start: int
    end: int
    method: str = "rule"
    confidence: float = 1.0


@dataclass(slots=True)
class Event:
    event_index: int = 0
    event_type: str | None = None
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    time_start: str | None = None
    time_end: str | None = None
    venue: str | None = None
    province: str | None = None
    province_code: str | None = None
    online: bool | None = None
    participants: int | None = None
    participants_qualifier: str | None = None
    officials: list[Official] = field(default_factory=list)
    agencies: list[Agency] = field(default_factory=list)
    evidence: list[dict] = field(default_factory=list)
