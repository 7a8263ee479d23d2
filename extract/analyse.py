"""One document: normalise -> clean -> extractors -> assemble, then its table rows.

:func:`analyse` is the whole flow for one text; :func:`process` wraps it for one input
document (decode, limits, errors) and turns the result into rows of the three tables.

>>> events = extract_events("วันที่ 16 มีนาคม 2566 เวลา 09.00 น. ณ ห้องประชุมบางแก้ว")
>>> events[0].date_start, events[0].time_start
(datetime.date(2023, 3, 16), '09:00')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from . import settings
from .agencies import find_agencies
from .assemble import Found, build_events
from .clean import Cleaned, clean
from .counts import find_counts
from .dates import find_dates, find_times
from .ingest import DecodeError, Source, decode
from .ner import recognise_spans
from .normalise import Normalised, normalise
from .people import find_officials, positions
from .places import find_places
from .records import Event
from .settings import MAX_DOC_CHARS
from .thai import LETTER


@dataclass(slots=True)
class Analysis:
    """Everything found in one document, offsets into the normalised text."""

    norm: Normalised
    cleaned: Cleaned
    found: Found
    events: list[Event]


def analyse(text: str) -> Analysis:
    """Normalise, clean, run every extractor and assemble the events of one article."""
    norm = normalise(text)
    cleaned = clean(norm.text)
    body = cleaned.text
    # A newspaper's source line gives the year of the story's days, not its "วันนี้" (clean.SOURCE_LINE).
    anchor = cleaned.published or cleaned.source_date
    dates = find_dates(body, anchor, today=cleaned.published)
    if anchor is None:
        # Without a page date, dates without a year take the year of the article's other dates.
        years = [d.date_start for d in dates if d.kind == "day" and d.date_start and not d.year_inferred]
        if years:
            dates = find_dates(body, years[0])
    officials = find_officials(body)
    windows = _ner_windows(body, officials)
    if windows:
        # The NER model reads only where a position is written with no titled name near it.
        persons = [(e.start, e.end) for e in recognise_spans(body, windows)
                   if e.label == "PERSON" and e.confidence >= NER_MIN_CONFIDENCE and PLAIN_NAME.match(e.text)]
        if persons:
            officials = find_officials(body, persons)
    found = Found(
        dates=dates,
        times=find_times(body),
        places=find_places(body),
        officials=officials,
        agencies=find_agencies(body),
        counts=find_counts(body),
    )
    return Analysis(norm, cleaned, found, build_events(body, cleaned, found))


# The NER model costs ~10 us a character: it reads a few short windows, never the whole text.
NER_WINDOWS = 3
NER_BEFORE, NER_AFTER = 40, 50
NER_MIN_CONFIDENCE = 0.8
# A model span used as a name must look like one: given name and surname, Thai letters, no
# royal or monastic words (the model's commonest confusions in press releases).
PLAIN_NAME = re.compile(rf"^(?!พระ|สมเด็จ|หลวง|เจ้า)[{LETTER}]{{2,20}} [{LETTER}]{{2,25}}$")


@cache
def _position_words() -> re.Pattern:
    words = sorted((w for w in positions() if len(w) >= 4), key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words))


def _ner_windows(text: str, officials: list) -> list[tuple[int, int]]:
    """Windows around positions written with no titled name near them ("รองปลัดฯ ศุภกิจ บุญศิริ"):
    the gaps the rules leave for the NER model."""
    covered = [(o.start - NER_AFTER, max(o.end, o.position_end or 0) + 10) for o in officials]
    windows: list[tuple[int, int]] = []
    for m in _position_words().finditer(text):
        if any(s <= m.start() <= e for s, e in covered):
            continue
        after = text[m.end() : m.end() + 3]
        if not after[:1].isspace():
            continue  # a position glued to the next word is part of a longer phrase, not before a name
        windows.append((max(0, m.start() - NER_BEFORE), min(len(text), m.end() + NER_AFTER)))
        covered.append((m.start(), m.end() + NER_AFTER))
        if len(windows) >= NER_WINDOWS:
            break
    return windows


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
           "pipeline_version": settings.PIPELINE_VERSION, "duplicate_of": None}
    row.update(kw)
    return row


def process(src: Source) -> DocResult:
    """One document to its rows. Never raises: a failure becomes the document's error."""
    if src.error:
        return DocResult(_document_row(src, src.status or "error", src.error))
    try:
        if src.text is not None:
            text, encoding = src.text, src.encoding or "utf-8"
        else:
            text, encoding = decode(src.data or b"")
    except DecodeError as e:
        return DocResult(_document_row(src, "error", f"{src.source}: {e}"))
    if not text.strip():
        return DocResult(_document_row(src, "empty", f"{src.source}: no text", encoding=encoding, chars=len(text)))
    if len(text) > MAX_DOC_CHARS:
        # No article is this long; it is a dump or an attack, and would hold a worker for minutes.
        return DocResult(_document_row(src, "error", f"{src.source}: {len(text):,} characters is over the "
                                       f"{MAX_DOC_CHARS:,}-character limit for one document",
                                       encoding=encoding, chars=len(text)))
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
            "event_index": ev.event_index, "title": title, "published": a.cleaned.published,
            "event_type": ev.event_type,
            "date_start": ev.date_start, "date_end": ev.date_end,
            "time_start": ev.time_start, "time_end": ev.time_end,
            "venue": ev.venue, "province": ev.province, "province_code": ev.province_code,
            "online": ev.online, "participants": ev.participants,
            "participants_qualifier": ev.participants_qualifier,
            "officials": officials, "agencies": agencies, "evidence": evidence,
        })
    mentions = []
    for m in a.found.mentions():
        s, e, t = _span(a, text, m.start, m.end)
        mentions.append({"doc_id": doc_id, "kind": m.kind, "text": t, "value": m.value, "start": s, "end": e,
                         "method": m.method, "confidence": m.confidence})
    published = a.cleaned.published
    # A repaired input (lone surrogates) is processed; its error column says what was repaired.
    document = _document_row(src, "ok", src.warning, encoding=encoding, chars=len(text), title=title,
                             published=published, n_events=len(events))
    return DocResult(document, events, mentions)
