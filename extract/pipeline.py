"""The whole flow in one place: ingest -> clean -> normalise -> extract -> assemble -> write.

>>> events = extract_events("วันที่ 16 มีนาคม 2566 เวลา 09.00 น. ณ ห้องประชุมบางแก้ว")
>>> events[0].date_start, events[0].time_start
(datetime.date(2023, 3, 16), '09:00')
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import settings
from .assemble import choose_date
from .clean import Cleaned, clean
from .dates import find_dates, find_times
from .ingest import DecodeError, Source, decode, iter_sources
from .normalise import Normalised, normalise
from .records import DateMention, Event, TimeMention
from .write import OutputWriter


@dataclass(slots=True)
class Analysis:
    """Everything found in one document, offsets into the normalised text."""

    norm: Normalised
    cleaned: Cleaned
    dates: list[DateMention]
    times: list[TimeMention]
    events: list[Event]


def analyse(text: str) -> Analysis:
    norm = normalise(text)
    cleaned = clean(norm.text)
    body = cleaned.text
    anchor = cleaned.published
    dates = find_dates(body, anchor)
    if anchor is None:
        # Without a page date, dates without a year take the year of the article's other dates.
        years = [d.date_start for d in dates if d.kind == "day" and d.date_start and not d.year_inferred]
        if years:
            dates = find_dates(body, years[0])
    times = find_times(body)
    choice = choose_date(dates, times, body, cleaned.published, cleaned.body_start)
    main = Event(event_index=0)
    evidence = []
    if choice.date:
        d = choice.date
        main.date_start, main.date_end = d.date_start, d.date_end
        evidence.append(_evidence("date", d.text, d.method, d.start, d.end, d.confidence))
    if choice.time:
        t = choice.time
        main.time_start, main.time_end = t.time_start, t.time_end
        evidence.append(_evidence("time", t.text, t.method, t.start, t.end, t.confidence))
    main.evidence = evidence
    return Analysis(norm, cleaned, dates, times, [main])


def _evidence(field: str, text: str, method: str, start: int, end: int, confidence: float) -> dict:
    return {"field": field, "text": text, "method": method, "start": start, "end": end, "confidence": confidence}


def extract_events(text: str) -> list[Event]:
    """The events of one article's text (offsets into the normalised text)."""
    return analyse(text).events


@dataclass(slots=True)
class DocResult:
    document: dict
    events: list[dict] = field(default_factory=list)
    mentions: list[dict] = field(default_factory=list)


def _document_row(src: Source, status: str, error: str | None = None, **kw) -> dict:
    row = {"doc_id": src.doc_id, "source": src.source, "encoding": None, "chars": None, "title": None,
           "published": None, "status": status, "error": error, "n_events": 0,
           "pipeline_version": settings.PIPELINE_VERSION}
    row.update(kw)
    return row


def process(src: Source) -> DocResult:
    """One document to its rows. Never raises: a failure becomes the document's error."""
    if src.error:
        return DocResult(_document_row(src, "error", src.error))
    try:
        if src.text is not None:
            text, encoding = src.text, "utf-8"
        else:
            text, encoding = decode(src.data or b"")
    except DecodeError as e:
        return DocResult(_document_row(src, "error", f"{src.source}: {e}"))
    if not text.strip():
        return DocResult(_document_row(src, "empty", f"{src.source}: no text", encoding=encoding, chars=len(text)))
    try:
        a = analyse(text)
    except Exception as e:  # noqa: BLE001 - one bad document must not stop the batch
        return DocResult(_document_row(src, "error", f"{src.source}: {type(e).__name__}: {e}",
                                       encoding=encoding, chars=len(text)))
    return _rows(src, text, encoding, a)


def _span(a: Analysis, text: str, start: int, end: int) -> tuple[int, int, str]:
    s, e = a.norm.span(start, end)
    return s, e, text[s:e]


def _rows(src: Source, text: str, encoding: str, a: Analysis) -> DocResult:
    doc_id = src.doc_id
    title = a.cleaned.title
    events = []
    for ev in a.events:
        evidence = []
        for item in ev.evidence:
            s, e, t = _span(a, text, item["start"], item["end"])
            evidence.append({**item, "start": s, "end": e, "text": t})
        officials = []
        for o in ev.officials:
            s, e, _ = _span(a, text, o.start, o.end)
            officials.append({"name": o.name, "honorific": o.honorific, "position": o.position,
                              "role": o.role, "start": s, "end": e})
        agencies = []
        for ag in ev.agencies:
            s, e, t = _span(a, text, ag.start, ag.end)
            agencies.append({"name": t, "canonical": ag.canonical, "acronym": ag.acronym,
                             "kind": ag.kind, "start": s, "end": e})
        events.append({
            "event_id": f"{doc_id}:{ev.event_index}", "doc_id": doc_id, "source": src.source,
            "event_index": ev.event_index, "title": title, "event_type": ev.event_type,
            "date_start": ev.date_start, "date_end": ev.date_end,
            "time_start": ev.time_start, "time_end": ev.time_end,
            "venue": ev.venue, "province": ev.province, "province_code": ev.province_code,
            "online": ev.online, "participants": ev.participants,
            "participants_qualifier": ev.participants_qualifier,
            "officials": officials, "agencies": agencies, "evidence": evidence,
        })
    mentions = []

    def mention(kind: str, value, start: int, end: int, method: str, confidence: float) -> None:
        s, e, t = _span(a, text, start, end)
        mentions.append({"doc_id": doc_id, "kind": kind, "text": t, "value": None if value is None else str(value),
                         "start": s, "end": e, "method": method, "confidence": confidence})

    for d in a.dates:
        value = d.date_start.isoformat() if d.date_start else None
        if d.date_end and d.date_end != d.date_start:
            value = f"{value}/{d.date_end.isoformat()}"
        mention("date" if d.kind == "day" else d.kind, value, d.start, d.end, d.method, d.confidence)
    for t in a.times:
        mention("time", t.time_start + (f"-{t.time_end}" if t.time_end else ""), t.start, t.end, t.method,
                t.confidence)
    published = a.cleaned.published
    document = _document_row(src, "ok", None, encoding=encoding, chars=len(text), title=title,
                             published=published, n_events=len(events))
    return DocResult(document, events, mentions)


@dataclass(slots=True)
class Summary:
    ok: int = 0
    failed: int = 0
    empty: int = 0
    events: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    @property
    def documents(self) -> int:
        return self.ok + self.failed + self.empty


def run(inputs: Iterable[str | Path], out_dir: str | Path,
        on_document: Callable[[DocResult], None] | None = None) -> Summary:
    """Process every document under ``inputs`` and write the three tables to ``out_dir``."""
    started = time.perf_counter()
    summary = Summary()
    writer = OutputWriter(Path(out_dir))
    try:
        for src in iter_sources(inputs):
            result = process(src)
            _tally(summary, result)
            writer.add("documents", [result.document])
            writer.add("events", result.events)
            writer.add("mentions", result.mentions)
            if on_document:
                on_document(result)
    except BaseException:
        writer.abort()
        raise
    writer.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _tally(summary: Summary, result: DocResult) -> None:
    status = result.document["status"]
    if status == "ok":
        summary.ok += 1
        summary.events += len(result.events)
    elif status == "empty":
        summary.empty += 1
    else:
        summary.failed += 1
        summary.errors.append(result.document["error"] or status)


def published_date(text: str) -> dt.date | None:
    return clean(normalise(text).text).published
