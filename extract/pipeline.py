"""The whole flow in one place: ingest -> clean -> normalise -> extract -> assemble -> write.

>>> events = extract_events("วันที่ 16 มีนาคม 2566 เวลา 09.00 น. ณ ห้องประชุมบางแก้ว")
>>> events[0].date_start, events[0].time_start
(datetime.date(2023, 3, 16), '09:00')
"""

from __future__ import annotations

import multiprocessing
import re
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path

from . import link, paths, settings, write
from .agencies import find_agencies
from .assemble import Found, build_events
from .clean import Cleaned, clean
from .counts import find_counts
from .dates import find_dates, find_times
from .dedup import DuplicateIndex, signature
from .ingest import DecodeError, Source, decode, iter_sources
from .lexicons import check_lexicons
from .ner import load_model, recognise_spans
from .normalise import Normalised, normalise
from .people import find_officials, positions
from .places import find_places
from .records import Event
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
    anchor = cleaned.published
    dates = find_dates(body, anchor)
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


MIN_NEAR_DUPLICATE_CHARS = 1000
MAX_DOC_CHARS = 2_000_000


@dataclass(slots=True)
class Options:
    workers: int = 1
    force: bool = False
    batch_size: int = 200
    doc_timeout: float | None = 60.0
    fail_fast: bool = False
    engine: str = "local"  # local | dask
    scheduler: str | None = None  # dask scheduler address; None starts a LocalCluster
    source_options: dict = field(default_factory=dict)  # text_field, id_field ... for ingest


@dataclass(slots=True)
class Summary:
    ok: int = 0
    failed: int = 0
    empty: int = 0
    duplicate: int = 0
    unsupported: int = 0
    skipped: int = 0
    events: int = 0
    chars: int = 0
    seconds: float = 0.0
    stopped_early: bool = False
    errors: list[str] = field(default_factory=list)

    @property
    def documents(self) -> int:
        return self.processed + self.skipped

    @property
    def processed(self) -> int:
        return self.ok + self.failed + self.empty + self.duplicate + self.unsupported


class DocumentTimeout(BaseException):
    """Raised by the alarm; a BaseException so the per-document ``except Exception`` lets it through."""


def _on_alarm(signum, frame):  # noqa: ARG001
    raise DocumentTimeout


def process_with_timeout(src: Source, seconds: float | None) -> DocResult:
    """:func:`process` under a wall-clock limit; a document over it is recorded as failed."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        return process(src)
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return process(src)
    except DocumentTimeout:
        return DocResult(_document_row(src, "error", f"{src.source}: timed out after {seconds:g} s"))
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def process_batch(batch: list[Source | DocResult], doc_timeout: float | None = None) -> list[DocResult]:
    """Results for a batch; items already decided upstream (duplicates) pass through."""
    return [item if isinstance(item, DocResult) else process_with_timeout(item, doc_timeout) for item in batch]


def _batched(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run(inputs: Iterable[str | Path], out_dir: str | Path, options: Options | None = None,
        on_document: Callable[[DocResult | None], None] | None = None) -> Summary:
    """Process every document under ``inputs`` into the three tables in ``out_dir``.

    Documents already in the output with the same content hash and pipeline version are
    skipped (``options.force`` reprocesses everything); finished batches survive a crash
    and are picked up by the next run. ``on_document`` is called once per document
    (with None for a skipped one), e.g. to drive a progress bar.
    """
    opts = options or Options()
    check_setup()
    out = Path(out_dir)
    inputs = list(inputs)
    paths.check_output_folder(out, inputs)
    out.mkdir(parents=True, exist_ok=True)
    paths.record_inputs(out, inputs)
    started = time.perf_counter()
    summary = Summary()
    if opts.force:
        write.clear_parts(out)
    done = {} if opts.force else write.read_done(out)
    todo = _select(iter_sources(inputs, skip=[out], **opts.source_options), done, summary, on_document)
    batches = _batched(todo, opts.batch_size)
    for seq, results in enumerate(_execute(batches, opts)):
        rows: dict[str, list[dict]] = {"documents": [], "events": [], "mentions": []}
        for result in results:
            _tally(summary, result)
            rows["documents"].append(result.document)
            rows["events"].extend(result.events)
            rows["mentions"].extend(result.mentions)
            if on_document:
                on_document(result)
        write.write_part(out, write.new_part_name(seq), rows)
        if opts.fail_fast and summary.failed:
            summary.stopped_early = True
            break
    write.commit(out, keep_previous=not opts.force, partitioned=opts.engine == "dask")
    link.link_output(out)  # events of all articles that report one occurrence share a cluster_id
    summary.seconds = time.perf_counter() - started
    return summary


def _select(sources: Iterable[Source], done: dict[str, str], summary: Summary,
            on_document: Callable[[DocResult | None], None] | None) -> Iterator[Source | DocResult]:
    """The sources still to process, in input order.

    Skipped: documents already in the output at this pipeline version. Near-duplicates of an
    earlier document (the same release republished) are recorded as ``duplicate`` and not
    extracted again. Every document is signed, skipped ones too, so a resumed run flags the
    same duplicates as a clean one.
    """
    index = DuplicateIndex()
    for src in sources:
        key = src.doc_id
        if src.data is not None and len(src.data) > 4 * MAX_DOC_CHARS:
            # Even at 4 bytes a character this is over the limit: refused before decoding.
            yield DocResult(_document_row(src, "error", f"{src.source}: {len(src.data):,} bytes is over the "
                                          f"{MAX_DOC_CHARS:,}-character limit for one document"))
            continue
        text, encoding = _decoded(src)
        first = None
        if text and len(text) <= MAX_DOC_CHARS and not text.isspace():
            sig = signature(text)
            # Short template pages (cabinet-summary headers) differ only in a date: exact copies only.
            first = index.match_or_add(key, sig) if len(text) >= MIN_NEAR_DUPLICATE_CHARS else index.exact(key, sig)
        if done.get(key) == settings.PIPELINE_VERSION and not src.error:
            summary.skipped += 1
            if on_document:
                on_document(None)
            continue
        if first is not None:
            yield DocResult(_document_row(src, "duplicate", None, encoding=encoding, chars=len(text or ""),
                                          duplicate_of=first))
            continue
        if text is not None:
            # Decoded once here; the worker gets the text, the doc_id stays the hash of the bytes.
            src = Source(src.source, text=text, raw_hash=key, encoding=encoding, warning=src.warning)
        yield src


def _decoded(src: Source) -> tuple[str | None, str | None]:
    if src.error:
        return None, None
    if src.text is not None:
        return src.text, src.encoding or "utf-8"
    try:
        return decode(src.data or b"")
    except DecodeError:
        return None, None  # the worker records the error


def _execute(batches: Iterable[list[Source]], opts: Options) -> Iterator[list[DocResult]]:
    """Results batch by batch, in input order, whatever the engine."""
    if opts.engine == "dask":
        from .distributed import run_dask

        yield from run_dask(batches, opts)
    elif opts.workers <= 1:
        for batch in batches:
            yield process_batch(batch, opts.doc_timeout)
    else:
        ctx = multiprocessing.get_context("spawn" if sys.platform == "darwin" else "fork")
        with ctx.Pool(opts.workers, initializer=_warm_up, maxtasksperchild=200) as pool:
            yield from pool.imap(partial(process_batch, doc_timeout=opts.doc_timeout), batches)


_SAMPLE = "วันที่ 1 มกราคม 2566 นายสมชาย ใจดี ณ ทำเนียบรัฐบาล"


def _warm_up() -> None:
    """Load lexicons and models once per worker process, before the first document."""
    process(Source("warm-up", text=_SAMPLE))


class SetupError(RuntimeError):
    """A fault that would fail every document: a missing or malformed lexicon, a model that
    does not load. The run stops before the first document instead of writing an error row each."""


def check_setup() -> None:
    """Load every lexicon and the NER model once and analyse a sample text, or raise SetupError."""
    try:
        check_lexicons()
        load_model()
        analyse(_SAMPLE)
    except Exception as e:  # noqa: BLE001 - whatever it is, no document could be processed
        raise SetupError(f"{type(e).__name__}: {e}") from e


def _tally(summary: Summary, result: DocResult) -> None:
    status = result.document["status"]
    summary.chars += result.document.get("chars") or 0
    if status == "ok":
        summary.ok += 1
        summary.events += len(result.events)
    elif status == "empty":
        summary.empty += 1
    elif status == "duplicate":
        summary.duplicate += 1
    elif status == "unsupported":
        summary.unsupported += 1
    else:
        summary.failed += 1
        summary.errors.append(result.document["error"] or status)
