"""The inputs cut into shares, each read by one worker: the driver never parses a document.

A share is a few files read whole, a byte range of a JSON Lines file (cut at line ends), or
some row groups of a Parquet file. Cutting costs the driver a pass over JSON Lines bytes at
memchr speed (to find line ends and count lines, so records keep their line numbers) and a
read of Parquet footers. A compressed JSON Lines file over ``SPOOL_OVER`` bytes cannot be
cut where it lies: the driver decompresses it once into a spool file beside the parts and
cuts that; smaller compressed files are read whole by one worker.

:func:`read_share` yields exactly the documents, in the same order and with the same names,
as :func:`extract.ingest.iter_sources` over the same files.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from .ingest import (
    _ARCHIVE_ERRORS,
    _CHUNK,
    ID_FIELD,
    JSON_SUFFIXES,
    MAX_BYTES,
    MAX_DECOMPRESSED,
    MAX_RECORD_CHARS,
    PARQUET_SUFFIXES,
    Source,
    _json_records,
    _kind,
    _Limits,
    _open_stream,
    _parquet_records,
    _read_any,
    _TooBig,
    _walk,
    file_name,
    not_regular,
    unsupported,
)

SPOOL_OVER = 1024 * 1024  # compressed JSON Lines bytes above which a file is spooled and cut
MAX_RANGE_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Share:
    seq: int
    files: tuple[tuple[str, str], ...] = ()  # (path, source name), each read whole
    path: str | None = None  # a JSON Lines file (or its spool) or a Parquet file
    source: str | None = None
    start: int = 0  # JSON Lines: byte range [start, end), first line's number
    end: int = 0
    first: int = 1  # JSON Lines: number of the first line; Parquet: rows before the first row group
    row_groups: tuple[int, ...] = ()
    errors: tuple[Source, ...] = ()  # documents decided by the driver (a broken archive)
    lines: int = 0  # JSON Lines or Parquet rows in the share

    @property
    def estimate(self) -> int:
        """About how many documents the share holds (a CSV file counts one)."""
        return len(self.files) + self.lines + len(self.errors)


def limits_of(text_field: str | None = None, id_field: str | None = None, max_bytes: int = MAX_BYTES,
              max_record_chars: int = MAX_RECORD_CHARS, max_decompressed: int = MAX_DECOMPRESSED) -> _Limits:
    return _Limits(text_field, id_field or ID_FIELD, max_bytes, max_record_chars, max_decompressed)


def plan(inputs: Iterable[str | Path], spool_dir: Path, batch_size: int, limits: _Limits,
         skip: Iterable[str | Path] = ()) -> Iterator[Share]:
    """The shares of the inputs, in input order (files sorted, records in file order); folders in
    ``skip`` (the output folder) are not walked, as in :func:`extract.ingest.iter_sources`."""
    skipped = frozenset(Path(p).resolve() for p in skip)
    seq = 0
    files: list[tuple[str, str]] = []

    def flush() -> Iterator[Share]:
        nonlocal seq, files
        if files:
            yield Share(seq, files=tuple(files))
            seq, files = seq + 1, []

    for given in inputs:
        path = Path(given)
        named = _walk(path, skipped) if path.is_dir() else [path]
        for f in named:
            source = file_name(f.relative_to(path).as_posix() if path.is_dir() else path.name)
            fmt, compression = _kind(f)
            if path.is_dir() and fmt is None:
                files.append(("", source))  # a row saying the file type is not read
                if len(files) >= batch_size:
                    yield from flush()
                continue
            cuttable = fmt in JSON_SUFFIXES - {".json"} or fmt in PARQUET_SUFFIXES
            if not cuttable or not_regular(f, source) is not None or (
                    compression is not None and f.stat().st_size <= SPOOL_OVER):
                files.append((str(f), source))
                if len(files) >= batch_size:
                    yield from flush()
                continue
            yield from flush()
            cut = _parquet_shares if fmt in PARQUET_SUFFIXES else _jsonl_shares
            for share in cut(f, source, compression, spool_dir, batch_size, limits):
                yield replace(share, seq=seq)
                seq += 1
    yield from flush()


def _parquet_shares(path: Path, source: str, compression, spool_dir, batch_size: int,
                    limits: _Limits) -> Iterator[Share]:
    import pyarrow.parquet as pq

    try:
        meta = pq.ParquetFile(path).metadata
    except (OSError, ValueError):
        yield Share(0, files=((str(path), source),))  # the worker records why it cannot be read
        return
    groups: list[int] = []
    first = rows = 0
    for i in range(meta.num_row_groups):
        groups.append(i)
        rows += meta.row_group(i).num_rows
        if rows - first >= batch_size:
            yield Share(0, path=str(path), source=source, first=first, row_groups=tuple(groups), lines=rows - first)
            groups, first = [], rows
    if groups or meta.num_row_groups == 0:
        yield Share(0, path=str(path), source=source, first=first, row_groups=tuple(groups), lines=rows - first)


def _jsonl_shares(path: Path, source: str, compression: str | None, spool_dir: Path, batch_size: int,
                  limits: _Limits) -> Iterator[Share]:
    """Byte ranges of whole lines, each of about ``batch_size`` lines; ranges of blank lines dropped."""
    target = path
    spool = None
    if compression is not None:
        spool_dir.mkdir(parents=True, exist_ok=True)
        target = spool_dir / f"{len(list(spool_dir.iterdir())):06d}.jsonl"
        spool = target.open("wb")
    error = None
    start = offset = lines = 0
    first, nonblank = 1, False
    last_newline = 0
    with path.open("rb") as raw:
        stream = _open_stream(raw, compression, limits.max_decompressed) if compression else raw
        try:
            while chunk := stream.read(_CHUNK):
                if spool is not None:
                    spool.write(chunk)
                cut = chunk.rfind(b"\n")
                if cut < 0:
                    nonblank = nonblank or bool(chunk.strip())
                    offset += len(chunk)
                    continue
                head = chunk[: cut + 1]
                nonblank = nonblank or bool(head.strip())
                lines += head.count(b"\n")
                last_newline = offset + cut + 1
                if lines >= batch_size or last_newline - start >= MAX_RANGE_BYTES:
                    if spool is not None:
                        spool.flush()  # a worker may read the range at once
                    if nonblank:
                        yield Share(0, path=str(target), source=source, start=start, end=last_newline, first=first,
                                    lines=lines)
                    first, start, lines, nonblank = first + lines, last_newline, 0, False
                nonblank = nonblank or bool(chunk[cut + 1 :].strip())
                offset += len(chunk)
        except _TooBig:
            error = Source(source, error=f"{source}: archive decompresses to over {limits.max_decompressed:,} bytes "
                                         "(max_decompressed); rest of the archive skipped")
        except _ARCHIVE_ERRORS as e:
            error = Source(source, error=f"{source}: truncated or corrupt archive ({type(e).__name__}: {e}); "
                                         "records after the break are lost")
        finally:
            if spool is not None:
                spool.close()  # flushed before the last ranges are handed out
    # After a break, a line cut short is not a record: only whole lines are kept.
    end = last_newline if error is not None else offset
    if nonblank and end > start:
        yield Share(0, path=str(target), source=source, start=start, end=end, first=first, lines=max(1, lines))
    if error is not None:
        yield Share(0, errors=(error,))


def read_share(share: Share, limits: _Limits) -> Iterator[Source]:
    """The documents of one share, read by the worker that processes it."""
    for path, source in share.files:
        yield from _read_any(Path(path), source, limits) if path else [unsupported(source)]
    if share.path is not None:
        if Path(share.path).suffix.lower() in PARQUET_SUFFIXES and not share.end:
            yield from _parquet_records(Path(share.path), share.source or "", limits, list(share.row_groups),
                                        share.first)
        else:
            with open(share.path, "rb") as raw:
                raw.seek(share.start)
                stream = io.BufferedReader(_Slice(raw, share.end - share.start), buffer_size=_CHUNK)
                yield from _json_records(stream, share.source or "", limits, False, share.first)
    yield from share.errors


class _Slice(io.RawIOBase):
    """``n`` bytes of a file from its current position, read lazily (a long line is never held whole)."""

    def __init__(self, raw: BinaryIO, n: int) -> None:
        self._raw, self._left = raw, n

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        chunk = self._raw.read(min(len(buffer), self._left))
        self._left -= len(chunk)
        buffer[: len(chunk)] = chunk
        return len(chunk)
