"""Inputs -> shares -> engine (local process pool | Dask) -> parts -> commit, with resume.

The driver only coordinates. It cuts the inputs into shares (:mod:`extract.shares`) and hands
them out twice:

1. sign: each worker reads its share, decodes and signs every document, and writes the
   signatures (a small table per share) beside the parts;
   one task then resolves near-duplicates from those tables (:func:`extract.dedup.resolve`),
   answering exactly what one index fed every document in input order would;
2. extract: each worker reads its share again, skips the documents already in the output,
   records duplicates as such, extracts the rest and writes its own part.

What comes back to the driver per share is a few counters. The set of documents already done is
two sorted arrays of 64-bit keys in files the workers map, not a Python object per document.
The per-document work is :func:`extract.analyse.process`.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import shutil
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from . import link, paths, settings, write
from .dedup import resolve, signature, signature_table
from .ingest import DecodeError, Source, decode
from .settings import MAX_DOC_CHARS
from .shares import Share, limits_of, plan, read_share

if TYPE_CHECKING:
    from .analyse import DocResult
# extract.analyse (the extractors, their lexicons and the model) is imported by the functions
# that workers run, never by the driver: the driver's CPU and memory stay those of a scheduler.

MIN_NEAR_DUPLICATE_CHARS = 1000
MAX_ERRORS_KEPT = 20  # error messages kept for the summary; all are in documents.parquet


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
    errors: list[str] = field(default_factory=list)  # the first MAX_ERRORS_KEPT messages

    @property
    def documents(self) -> int:
        return self.processed + self.skipped

    @property
    def processed(self) -> int:
        return self.ok + self.failed + self.empty + self.duplicate + self.unsupported

    def add(self, other: Summary) -> None:
        for name in ("ok", "failed", "empty", "duplicate", "unsupported", "skipped", "events", "chars"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors[: MAX_ERRORS_KEPT - len(self.errors)])


@dataclass(frozen=True, slots=True)
class Context:
    """What every worker needs besides its share: small and picklable."""

    out: str
    run: str  # this run's id: part names start with it
    limits: object
    doc_timeout: float | None = None
    batch_size: int = 200
    version: str = settings.PIPELINE_VERSION

    @property
    def work(self) -> Path:
        return Path(self.out) / write.PARTS / f".run-{self.run}"


class DocumentTimeout(BaseException):
    """Raised by the alarm or the watchdog; a BaseException so the per-document ``except Exception`` lets it through."""


def _on_alarm(signum, frame):  # noqa: ARG001
    raise DocumentTimeout


def process_with_timeout(src: Source, seconds: float | None) -> DocResult:
    """:func:`process` under a wall-clock limit; a document over it is recorded as failed.

    In a process's main thread (the local engine) an alarm signal cuts the document. A Dask task
    runs in a worker thread, where no signal handler runs: there a watchdog thread raises the
    timeout in the task's thread instead (see :class:`_Watchdog`)."""
    from .analyse import DocResult, _document_row, process

    if not seconds:
        return process(src)
    try:
        if threading.current_thread() is not threading.main_thread():
            _WATCHDOG.arm(seconds)
            try:
                return process(src)
            finally:
                _WATCHDOG.disarm()
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            return process(src)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    except DocumentTimeout:
        return DocResult(_document_row(src, "error", f"{src.source}: timed out after {seconds:g} s"))


class _Watchdog:
    """One thread per process that raises DocumentTimeout in a thread past its deadline.

    The exception is set with ``PyThreadState_SetAsyncExc``, so it lands at the thread's next
    Python instruction: a C call in progress (a regular-expression match, a sleep) finishes
    first, where the alarm would cut it short. It fires at most once per :meth:`arm`, and :meth:`disarm` withdraws
    one that fired but has not landed yet, so a document that ends in time is never cut.
    Arming wakes the watchdog only when the new deadline comes before its next wake-up: waking
    it for every document would make the document's thread wait for the GIL each time."""

    def __init__(self) -> None:
        self.cond = threading.Condition()
        self.deadlines: dict[int, float] = {}  # thread id -> monotonic deadline
        self.wake_at = float("inf")
        self.pid = 0  # the process the thread runs in (none runs in a forked child)

    def arm(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        with self.cond:
            self.deadlines[threading.get_ident()] = deadline
            if self.pid != os.getpid():
                self.pid, self.wake_at = os.getpid(), deadline
                threading.Thread(target=self._watch, name="doc-timeout", daemon=True).start()
            elif deadline < self.wake_at:
                self.wake_at = deadline
                self.cond.notify()

    def disarm(self) -> None:
        tid = threading.get_ident()
        with self.cond:
            if self.deadlines.pop(tid, None) is None:  # it fired: withdraw it if still pending
                _raise_in(tid, None)

    def _watch(self) -> None:
        with self.cond:
            while True:
                now = time.monotonic()
                for tid, deadline in list(self.deadlines.items()):
                    if deadline <= now:
                        del self.deadlines[tid]
                        _raise_in(tid, DocumentTimeout)
                self.wake_at = min(self.deadlines.values(), default=float("inf"))
                self.cond.wait(None if self.wake_at == float("inf") else self.wake_at - now)


def _raise_in(tid: int, exc: type[BaseException] | None) -> None:
    import ctypes

    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(tid), ctypes.py_object(exc) if exc else None)


_WATCHDOG = _Watchdog()


# --- One document before extraction: identity, refusal, text ------------------------------


def _prepare(src: Source) -> tuple[DocResult | None, str | None, str | None]:
    """(refusal row, text, encoding): a document too large is refused before it is decoded."""
    from .analyse import DocResult, _document_row

    if src.data is not None and len(src.data) > 4 * MAX_DOC_CHARS:
        # Even at 4 bytes a character this is over the limit: refused before decoding.
        return DocResult(_document_row(src, "error", f"{src.source}: {len(src.data):,} bytes is over the "
                                       f"{MAX_DOC_CHARS:,}-character limit for one document")), None, None
    if src.error:
        return None, None, None
    if src.text is not None:
        return None, src.text, src.encoding or "utf-8"
    try:
        text, encoding = decode(src.data or b"")
    except DecodeError:
        return None, None, None  # process() records the error
    return None, text, encoding


def _signable(text: str | None) -> bool:
    return bool(text) and len(text) <= MAX_DOC_CHARS and not text.isspace()


def row_key(source: str, doc_id: str) -> int:
    """64-bit key of one documents row: the same bytes under two names are two rows."""
    return int.from_bytes(hashlib.blake2b(f"{source}\0{doc_id}".encode("utf-8", "surrogatepass"),
                                          digest_size=8).digest(), "little")


def id_key(doc_id: str) -> int:
    try:
        return int(doc_id, 16) if len(doc_id) == 16 else row_key("", doc_id)
    except ValueError:
        return row_key("", doc_id)


# --- The two passes, run by workers --------------------------------------------------------


def sign_share(share: Share, ctx: Context, batch_size: int = 1000) -> int:
    """Pass 1: sign every document of the share into ``<work>/sig/<seq>.parquet``; returns the count."""
    import pyarrow.parquet as pq

    folder = ctx.work / "sig"
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".{share.seq:09d}.{os.getpid()}.tmp"
    count = 0
    with pq.ParquetWriter(tmp, signature_table([]).schema) as writer:
        rows: list = []
        for pos, src in enumerate(read_share(share, ctx.limits)):
            refused, text, _ = _prepare(src)
            if refused is None and _signable(text):
                rows.append((pos, src.doc_id, signature(text), len(text) >= MIN_NEAR_DUPLICATE_CHARS))
            if len(rows) >= batch_size:
                writer.write_table(signature_table(rows))
                count, rows = count + len(rows), []
        writer.write_table(signature_table(rows))
        count += len(rows)
    os.replace(tmp, folder / f"{share.seq:09d}.parquet")
    return count


def resolve_duplicates(ctx: Context) -> dict[tuple[int, int], str]:
    """Between the passes: (share, position) -> doc_id of the first copy, for every duplicate."""
    folder = ctx.work / "sig"
    paths = sorted(folder.glob("*.parquet")) if folder.is_dir() else []
    return resolve([str(p) for p in paths])


@dataclass(slots=True)
class ShareResult:
    seq: int
    summary: Summary


def extract_share(share: Share, ctx: Context, duplicates: dict[int, str] | None = None) -> ShareResult:
    """Pass 2: the share's rows, written as its parts (one per ``ctx.batch_size`` documents, so a
    share of millions of records never sits in memory); ``duplicates`` maps positions to the first copy."""
    duplicates = duplicates or {}
    done_rows, done_ids = _done_arrays(ctx)
    summary = Summary()
    rows: dict[str, list[dict]] = {"documents": [], "events": [], "mentions": []}
    part = 0
    for pos, src in enumerate(read_share(share, ctx.limits)):
        result = _one(pos, src, ctx, duplicates, done_rows, done_ids)
        _count_done()
        if result is None:
            summary.skipped += 1
            continue
        _tally(summary, result)
        rows["documents"].append(result.document)
        rows["events"].extend(result.events)
        rows["mentions"].extend(result.mentions)
        if len(rows["documents"]) >= ctx.batch_size:
            write.write_part(Path(ctx.out), write.part_name(ctx.run, share.seq, part), rows)
            rows, part = {"documents": [], "events": [], "mentions": []}, part + 1
    if rows["documents"]:
        write.write_part(Path(ctx.out), write.part_name(ctx.run, share.seq, part), rows)
    return ShareResult(share.seq, summary)


def _one(pos: int, src: Source, ctx: Context, duplicates: dict[int, str], done_rows: np.ndarray,
         done_ids: np.ndarray) -> DocResult | None:
    from .analyse import DocResult, _document_row

    refused, text, encoding = _prepare(src)
    if refused is not None:
        return refused
    doc_id = src.doc_id
    if not src.error and _contains(done_rows, row_key(src.source, doc_id)):
        return None  # already in the output at this pipeline version
    first = duplicates.get(pos)
    if first is None and _signable(text) and _contains(done_ids, id_key(doc_id)):
        first = doc_id  # the same bytes are already in the output under another name
    if first is not None:
        return DocResult(_document_row(src, "duplicate", None, encoding=encoding, chars=len(text or ""),
                                       duplicate_of=first))
    if text is not None and src.text is None:
        # Decoded once here; the doc_id stays the hash of the bytes.
        src = Source(src.source, text=text, raw_hash=doc_id, encoding=encoding, warning=src.warning)
    return process_with_timeout(src, ctx.doc_timeout)


def _contains(sorted_keys: np.ndarray, key: int) -> bool:
    if not sorted_keys.size:
        return False
    i = int(np.searchsorted(sorted_keys, np.uint64(key)))
    return i < sorted_keys.size and int(sorted_keys[i]) == key


_DONE: dict[str, tuple[np.ndarray, np.ndarray]] = {}


def _done_arrays(ctx: Context) -> tuple[np.ndarray, np.ndarray]:
    """The done keys of this run, memory-mapped once per worker process."""
    if ctx.run not in _DONE:
        arrays = []
        for name in ("done_rows", "done_ids"):
            path = ctx.work / f"{name}.npy"
            arrays.append(np.load(path, mmap_mode="r") if path.exists() and path.stat().st_size > 128
                          else np.zeros(0, dtype=np.uint64))
        _DONE.clear()
        _DONE[ctx.run] = (arrays[0], arrays[1])
    return _DONE[ctx.run]


def write_done(out: Path, work: Path, version: str) -> int:
    """Sorted 64-bit keys of the rows already in the output at ``version`` (and of their doc ids,
    for rows that are not errors or duplicates), streamed from the tables: never one object per row."""
    rows: list[np.ndarray] = []
    ids: list[np.ndarray] = []
    for t in write.iter_done(out):
        # A document whose last status is error (a timeout, a fault since fixed) is tried again.
        keep = [i for i, (v, s) in enumerate(zip(t["pipeline_version"], t["status"], strict=True))
                if v == version and s != "error"]
        rows.append(np.array([row_key(t["source"][i], t["doc_id"][i]) for i in keep], dtype=np.uint64))
        ids.append(np.array([id_key(t["doc_id"][i]) for i in keep if t["status"][i] in ("ok", "empty")],
                            dtype=np.uint64))
    work.mkdir(parents=True, exist_ok=True)
    done_rows = np.unique(np.concatenate(rows)) if rows else np.zeros(0, dtype=np.uint64)
    np.save(work / "done_rows.npy", done_rows)
    np.save(work / "done_ids.npy", np.unique(np.concatenate(ids)) if ids else np.zeros(0, dtype=np.uint64))
    return int(done_rows.size)


# --- The driver -------------------------------------------------------------------------------


def run(inputs: Iterable[str | Path], out_dir: str | Path, options: Options | None = None,
        on_progress: Callable[..., None] | None = None) -> Summary:
    """Process every document under ``inputs`` into the three tables in ``out_dir``.

    Documents already in the output with the same content hash, name and pipeline version are
    skipped (``options.force`` reprocesses everything); finished shares survive a crash and are
    picked up by the next run. ``on_progress(0, total)`` is called once the inputs are cut into
    shares (total: about how many documents), then ``on_progress(n)`` as each share finishes.
    """
    opts = options or Options()
    inputs = list(inputs)
    paths.check_output_folder(Path(out_dir), inputs)
    out = Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    paths.record_inputs(out, inputs)
    started = time.perf_counter()
    summary = Summary()
    if opts.force:
        write.clear_parts(out)
    write.finish_commit(out)
    write.remove_stale(out)
    ctx = Context(str(out), f"{time.time_ns():020d}", limits_of(**opts.source_options), opts.doc_timeout,
                  opts.batch_size)
    if opts.force:
        ctx.work.mkdir(parents=True, exist_ok=True)
    else:
        write_done(out, ctx.work, ctx.version)
    shares: list[Share] = []

    def planned() -> Iterator[tuple[Share, Context]]:
        # Workers sign the first shares while the driver is still cutting the rest.
        for share in plan([os.path.abspath(p) for p in inputs], ctx.work / "spool", opts.batch_size, ctx.limits,
                          skip=[out]):
            shares.append(share)
            yield share, ctx

    with _engine(opts) as engine, _Ticker(engine.documents_done, on_progress) as ticker:
        engine.everywhere(check_setup)
        for _ in engine.map(sign_share, planned()):
            pass
        ticker.start(sum(s.estimate for s in shares))
        found = engine.call(resolve_duplicates, ctx)
        by_share: dict[int, dict[int, str]] = {}
        for (seq, pos), first in found.items():
            by_share.setdefault(seq, {})[pos] = first
        del found
        tasks = [(s, ctx, by_share.get(s.seq)) for s in shares]
        for result in engine.map(extract_share, tasks):
            summary.add(result.summary)
            ticker.share_done(result.summary.documents + result.summary.skipped)
            if opts.fail_fast and result.summary.failed:
                summary.stopped_early = True
                engine.stop()
                _drop_parts_after(out, ctx.run, result.seq)
                break
        shutil.rmtree(ctx.work, ignore_errors=True)
        engine.commit(out, keep_previous=not opts.force)
        # Events of all articles that report one occurrence share a cluster_id (a worker reads them).
        engine.call(link.link_output, out)
    summary.seconds = time.perf_counter() - started
    return summary


def _drop_parts_after(out: Path, run_id: str, seq: int) -> None:
    """Parts that workers finished past the first failure (--fail-fast) are not committed."""
    for part in write.part_dirs(out):
        name = part.name
        if name.startswith(f"{run_id}-") and int(name.split("-")[1]) > seq:
            shutil.rmtree(part, ignore_errors=True)


# Documents read by this process's extract_share calls: a counter shared with the driver, so that
# the progress bar moves a document at a time rather than a share (hundreds of documents) at a time.
_READ_COUNT = None


def _count_done() -> None:
    if _READ_COUNT is not None:
        with _READ_COUNT.get_lock():
            _READ_COUNT.value += 1


class _Ticker:
    """Feeds ``on_progress`` from the engine's document counter (polled a few times a second), or,
    for an engine without one (Dask), a share at a time as shares finish."""

    def __init__(self, counter: Callable[[], int] | None, on_progress: Callable[..., None] | None) -> None:
        self.counter, self.on_progress = counter, on_progress
        self.reported = 0
        self.stopping = threading.Event()
        self.thread: threading.Thread | None = None

    def start(self, total: int) -> None:
        if self.on_progress is None:
            return
        self.on_progress(0, total)
        if self.counter is not None:
            self.thread = threading.Thread(target=self._poll, daemon=True)
            self.thread.start()

    def share_done(self, documents: int) -> None:
        if self.on_progress is not None and self.counter is None:
            self.on_progress(documents)

    def _advance(self) -> None:
        now = self.counter()
        if now > self.reported:
            self.on_progress(now - self.reported)
            self.reported = now

    def _poll(self) -> None:
        while not self.stopping.wait(0.2):
            self._advance()

    def __enter__(self) -> _Ticker:
        return self

    def __exit__(self, *exc) -> None:
        self.stopping.set()
        if self.thread is not None:
            self.thread.join()
            self._advance()


class _Engine:
    """Runs the per-share functions: in this process (one worker) or in a process pool."""

    def __init__(self, opts: Options) -> None:
        global _READ_COUNT
        self.pool = None
        ctx = multiprocessing.get_context("spawn" if sys.platform == "darwin" else "fork")
        self.done = ctx.Value("q", 0)
        if opts.workers > 1:
            self.pool = ctx.Pool(opts.workers, initializer=_start_worker, initargs=(self.done,),
                                 maxtasksperchild=200)
        else:
            _READ_COUNT = self.done

    def documents_done(self) -> int:
        return self.done.value

    def map(self, fn: Callable, tasks: Iterable[tuple]) -> Iterator:
        if self.pool is None:
            return (fn(*t) for t in tasks)
        return self.pool.imap(partial(_star, fn), tasks)

    def call(self, fn: Callable, *args):
        return fn(*args) if self.pool is None else self.pool.apply(fn, args)

    def everywhere(self, fn: Callable) -> None:
        self.call(fn)  # pool workers load the model as they start (_warm_up): one check is enough

    def commit(self, out: Path, keep_previous: bool) -> None:
        # The merge reads and writes every row: a worker does it, the driver waits.
        self.call(write.commit, out, keep_previous)

    def stop(self) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None

    def __enter__(self) -> _Engine:
        return self

    def __exit__(self, *exc) -> None:
        global _READ_COUNT
        _READ_COUNT = None
        if self.pool is not None:
            self.pool.close()
            self.pool.join()


def _star(fn: Callable, args: tuple):
    return fn(*args)


def _engine(opts: Options):
    if opts.engine == "dask":
        from .distributed import DaskEngine

        return DaskEngine(opts)
    return _Engine(opts)


PARENT_POLL_SECONDS = 0.5

_SAMPLE = "วันที่ 1 มกราคม 2566 นายสมชาย ใจดี ณ ทำเนียบรัฐบาล"


def die_with_parent() -> None:
    """A worker process dies with the process that started it: a driver killed with ``kill -9``
    must not leave its workers waiting for tasks for ever.

    A thread watches the parent's pid rather than ``prctl(PR_SET_PDEATHSIG)``: Linux sends that
    signal when the *thread* that forked the worker ends, and ``multiprocessing.Pool`` forks its
    replacement workers (``maxtasksperchild``) from a handler thread that ends at ``close()``; a
    replacement killed while it held the task queue's lock left the pool's finalizer waiting for
    ever (a 60,000-document run that had written all its output never exited)."""
    parent = os.getppid()
    if parent == 1:  # the parent died already
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="die-with-parent", daemon=True).start()


def _start_worker(done=None) -> None:
    global _READ_COUNT
    die_with_parent()
    _READ_COUNT = done
    _warm_up()


def _warm_up() -> None:
    """Load lexicons and models once per worker process, before the first document."""
    from .analyse import process

    process(Source("warm-up", text=_SAMPLE))


class SetupError(RuntimeError):
    """A fault that would fail every document: a missing or malformed lexicon, a model that
    does not load. The run stops before the first document instead of writing an error row each."""


def check_setup() -> None:
    """Load every lexicon and the NER model once and analyse a sample text, or raise SetupError."""
    try:
        from .analyse import analyse
        from .lexicons import check_lexicons
        from .ner import load_model

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
        if len(summary.errors) < MAX_ERRORS_KEPT:
            summary.errors.append(result.document["error"] or status)
