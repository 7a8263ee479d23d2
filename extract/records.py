"""Typed records passed between stages.

Every extracted value carries ``start``/``end``: character offsets into the decoded
source text, so ``source_text[start:end] == text`` always holds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    """What every extractor finds: a span ``start:end`` of the text (fields of each kind of
    finding), found by ``method`` with ``confidence`` (keywords, shared by all).
    :meth:`mentions` says it as rows of the mentions table (kind and normalised value), so
    the table is built in one loop over every finding."""

    method: str = "rule"
    confidence: float = 1.0

    def mentions(self) -> tuple[Mention, ...]:
        raise NotImplementedError

    def _mention(self, kind: str, value: object, start: int | None = None, end: int | None = None) -> Mention:
        # No text: a row takes its text from the source at the offsets (pipeline._rows).
        return Mention(kind, "", None if value is None else str(value), self.start if start is None else start,
                       self.end if end is None else end, method=self.method, confidence=self.confidence)


@dataclass(frozen=True, slots=True)
class Mention(Finding):
    """One extracted span. ``kind`` is date, time, venue, province, person, position,
    agency, count or online; ``value`` is the normalised value as a string
    (ISO date, "HH:MM", province name, canonical agency name, integer ...)."""

    kind: str
    text: str
    value: str | None
    start: int
    end: int

    def mentions(self) -> tuple[Mention, ...]:
        return (self,)


@dataclass(frozen=True, slots=True)
class DateMention(Finding):
    """A date or date range. ``kind``: day (an event day or range), fiscal_year, year."""

    text: str
    start: int
    end: int
    date_start: dt.date | None
    date_end: dt.date | None
    kind: str = "day"
    background: bool = False  # cue words say it is not the event's date
    year_inferred: bool = False

    def mentions(self) -> tuple[Mention, ...]:
        value = self.date_start.isoformat() if self.date_start else None
        if self.date_end and self.date_end != self.date_start:
            value = f"{value}/{self.date_end.isoformat()}"
        return (self._mention("date" if self.kind == "day" else self.kind, value),)


@dataclass(frozen=True, slots=True)
class TimeMention(Finding):
    text: str
    start: int
    end: int
    time_start: str  # "HH:MM"
    time_end: str | None

    def mentions(self) -> tuple[Mention, ...]:
        return (self._mention("time", self.time_start + (f"-{self.time_end}" if self.time_end else "")),)


@dataclass(frozen=True, slots=True)
class Official(Finding):
    name: str  # "given surname"
    honorific: str | None
    position: str | None
    role: str | None  # chair, opener, reporter, speaker, attendee
    start: int  # span of the first mention (honorific + name)
    end: int
    position_start: int | None = None
    position_end: int | None = None

    def mentions(self) -> tuple[Mention, ...]:
        person = self._mention("person", f"{self.honorific or ''}{self.name}")
        if self.position_start is None or self.position_end is None:
            return (person,)
        return person, self._mention("position", self.position, self.position_start, self.position_end)


@dataclass(frozen=True, slots=True)
class Agency(Finding):
    name: str  # as written in the text
    canonical: str  # full official name
    acronym: str | None
    kind: str  # ministry, department, independent, public_org, state_enterprise, provincial, regional, local, other
    start: int
    end: int

    def mentions(self) -> tuple[Mention, ...]:
        return (self._mention("agency", self.canonical),)


@dataclass(frozen=True, slots=True)
class Count(Finding):
    text: str
    value: int
    qualifier: str  # exact, approx, at_least
    start: int
    end: int

    def mentions(self) -> tuple[Mention, ...]:
        return (self._mention("count", self.value),)


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
