"""Inputs -> batches -> engine (local process pool | Dask) -> parts -> commit, with resume.

The per-document work is :func:`extract.analyse.process`; this module only schedules it.
"""

from __future__ import annotations

import multiprocessing
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from . import settings, write
from .analyse import MAX_DOC_CHARS, DocResult, _document_row, analyse, process
from .dedup import DuplicateIndex, signature
from .ingest import DecodeError, Source, decode, iter_sources
from .lexicons import check_lexicons
from .ner import load_model

MIN_NEAR_DUPLICATE_CHARS = 1000


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
    skipped: int = 0
    events: int = 0
    chars: int = 0
    seconds: float = 0.0
    stopped_early: bool = False
    errors: list[str] = field(default_factory=list)

    @property
    def documents(self) -> int:
        return self.ok + self.failed + self.empty + self.duplicate + self.skipped

    @property
    def processed(self) -> int:
        return self.ok + self.failed + self.empty + self.duplicate


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
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    summary = Summary()
    if opts.force:
        write.clear_parts(out)
    done = {} if opts.force else write.read_done(out)
    todo = _select(iter_sources(inputs, **opts.source_options), done, summary, on_document)
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
            src = Source(src.source, text=text, raw_hash=key, encoding=encoding)
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
    else:
        summary.failed += 1
        summary.errors.append(result.document["error"] or status)
