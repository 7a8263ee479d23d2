"""Finding input documents and decoding their bytes.

An input is a file or a folder (walked recursively, in sorted order). Every document is
yielded as a :class:`Source`, also the ones that cannot be read: those carry an
``error`` so the batch records them and goes on.

Formats, by file suffix:

* ``.txt`` ``.md``: one document, raw bytes (decoded later by :func:`decode`);
* ``.html`` ``.htm``: one document, the article text (scripts, menus, headers, footers dropped);
* ``.jsonl`` ``.ndjson`` ``.json``: one document per line (a ``.json`` file holding one array
  or object is read whole);
* ``.csv`` ``.tsv``: one document per row, header on the first row;
* ``.parquet``: one document per row;
* any of the above but Parquet followed by ``.gz`` or ``.zst``: read as a stream.

Limits, so that one hostile file cannot exhaust the machine:

* ``max_bytes`` (64 MiB): size of one whole-file document (``.txt``, ``.html``, also decompressed);
* ``max_record_chars`` (10 M characters): text of one record, or one HTML page's text;
  the JSON line or CSV row holding it may be up to ``6 * max_record_chars + 1 MiB`` long
  (``\\uXXXX`` escapes take 6 characters), longer ones are skipped without being held in memory;
* ``max_decompressed`` (4 GiB): bytes out of one ``.gz``/``.zst`` archive; past it the
  archive is abandoned with one error (a decompression bomb).

>>> Source("a.jsonl#7", text="ประชุม").doc_id
'22c7578ca4743838'
"""

from __future__ import annotations

import codecs
import csv
import gzip
import hashlib
import io
import json
import os
import re
import stat
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import BinaryIO

from .thai import in_block

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".jsonl", ".ndjson", ".json"}
CSV_SUFFIXES = {".csv", ".tsv"}
PARQUET_SUFFIXES = {".parquet"}
COMPRESSED_SUFFIXES = {".gz", ".zst", ".zstd"}
STREAM_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | CSV_SUFFIXES
# Magic numbers of the binary files that end up in scraped folders.
MAGIC = {
    b"\x89PNG": "PNG image",
    b"%PDF": "PDF document",
    b"PK\x03\x04": "ZIP archive (or DOCX/XLSX)",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"\x7fELF": "executable",
    b"\x28\xb5\x2f\xfd": "zstd archive",
    b"\x1f\x8b": "gzip archive",
}
MAX_BYTES = 64 * 1024 * 1024
MAX_RECORD_CHARS = 10_000_000
MAX_DECOMPRESSED = 4 * 1024**3
# Text fields tried in order when none is given.
TEXT_FIELDS = ("text", "content", "body", "article")
ID_FIELD = "id"
_CHUNK = 1024 * 1024
_BLANK_LINES = re.compile(rb"(?:[ \t\r]*\n)+")


class DecodeError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Source:
    source: str  # path relative to the input root, or "file#record"
    data: bytes | None = None  # raw bytes of a file
    text: str | None = None  # already-decoded text (records of JSONL/CSV/Parquet, HTML pages)
    error: str | None = None
    # Identity of a document whose text was derived from other bytes (HTML): hash of those bytes.
    raw_hash: str | None = None
    encoding: str | None = None  # encoding of the bytes ``text`` was decoded from, when known
    warning: str | None = None  # what was repaired in the input (the document is still processed)
    status: str | None = None  # with ``error``: the status to record when it is not "error" ("unsupported")

    @property
    def doc_id(self) -> str:
        if self.raw_hash is not None:
            return self.raw_hash
        if self.data is None and self.text is None and self.error:
            # Nothing was read: named by where it is, so two unreadable files keep a row each.
            return _hash16(f"unread:{self.source}".encode("utf-8", "backslashreplace"))
        payload = self.data if self.data is not None else (self.text or "").encode("utf-8", "surrogatepass")
        return _hash16(payload)


# Lone surrogates: json.loads accepts "\ud800", but no UTF-8 writer (Parquet, a terminal) does.
_SURROGATE = re.compile("[\ud800-\udfff]")


def file_name(path: str) -> str:
    """A path as text that can be written anywhere: the bytes of a non-UTF-8 file name (which
    Python holds as surrogates) become backslash escapes.

    >>> file_name(os.fsdecode(b"news-\\xe0.txt"))
    'news-\\\\xe0.txt'
    """
    return path if _SURROGATE.search(path) is None else os.fsencode(path).decode("utf-8", "backslashreplace")


def record_id(ident: str) -> str:
    """A record id that can be written anywhere: a lone surrogate becomes its escape, "x\\udc80"."""
    return ident if _SURROGATE.search(ident) is None else ident.encode("utf-8", "backslashreplace").decode("utf-8")


def repair_text(text: str) -> tuple[str, str | None]:
    """Lone surrogates replaced by U+FFFD, one character for one (offsets stay valid), and a note."""
    found = _SURROGATE.findall(text)
    if not found:
        return text, None
    first = _SURROGATE.search(text).start()
    return _SURROGATE.sub("\ufffd", text), (f"{len(found)} lone surrogate(s) (first at character {first}) "
                                            "replaced with U+FFFD")


def _hash16(payload: bytes) -> str:
    return hashlib.sha256(payload).hexdigest()[:16]


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without BOM: Thai and ASCII put 0x0E or 0x00 in every other byte."""
    if (enc := _utf16_order(data)) is None:
        return None
    try:
        return data.decode(enc)
    except UnicodeDecodeError:
        return None


def _utf16_order(data: bytes) -> str | None:
    if len(data) < 4 or len(data) % 2:
        return None
    odd, even = data[1::2], data[0::2]
    for hi, enc in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if sum(b in (0x00, 0x0E) for b in hi) >= 0.9 * len(hi):
            return enc
    return None


def _looks_like_thai(text: str) -> bool:
    high = [c for c in text if ord(c) > 127]
    return bool(high) and sum(map(in_block, high)) >= 0.95 * len(high)


def decode(data: bytes) -> tuple[str, str]:
    """Text and encoding name of a document's bytes; :class:`DecodeError` says why not.

    >>> decode("ประชุม".encode("cp874"))
    ('ประชุม', 'cp874')
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as e:
            raise DecodeError(f"broken UTF-16 at byte {e.start}") from None
    for magic, what in MAGIC.items():
        if data.startswith(magic):
            raise DecodeError(f"binary file ({what}), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        utf8_error = f"invalid UTF-8 at byte {e.start} (and not TIS-620/cp874 or UTF-16 text either)"
        if (text16 := _utf16_without_bom(data)) is not None:
            return text16, "utf-16"
        try:
            text = data.decode("cp874")
        except UnicodeDecodeError:
            raise DecodeError(utf8_error) from None
        if not _looks_like_thai(text) or _control_ratio(text) > 0.01:
            raise DecodeError(utf8_error) from None
        return text, "cp874"
    if "\x00" in text:
        if (text16 := _utf16_without_bom(data)) is not None:
            return text16, "utf-16"
        raise DecodeError("binary file (NUL bytes), not text")
    if _control_ratio(text) > 0.05:
        raise DecodeError("binary file (control characters), not text")
    return text, "utf-8"


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for c in sample if ord(c) < 32 and c not in "\t\n\r\f\v")
    return bad / len(sample)


def _stream_encoding(head: bytes) -> str:
    """Codec for reading a stream incrementally, judged on its first bytes."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    for magic, what in MAGIC.items():
        if head.startswith(magic):
            raise DecodeError(f"binary file ({what}), not text")
    even = head[: len(head) - len(head) % 2]
    try:
        # An incremental decoder accepts a character cut at the end of the sample.
        text = codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError as e:
        if (enc := _utf16_order(even)) is not None:
            return enc
        sample = head.decode("cp874", errors="replace")
        if _looks_like_thai(sample) and _control_ratio(sample) <= 0.01:
            return "cp874"
        raise DecodeError(f"invalid UTF-8 at byte {e.start} (and not TIS-620/cp874 or UTF-16 text either)") from None
    if "\x00" in text:
        if (enc := _utf16_order(even)) is not None:
            return enc
        raise DecodeError("binary file (NUL bytes), not text")
    return "utf-8"


# --- Walking the inputs ---------------------------------------------------------------


def _walk(root: Path, skip: frozenset[Path] = frozenset()) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        # An output folder inside the input is never read back (skip holds resolved paths).
        dirnames[:] = sorted(d for d in dirnames if not skip or (Path(dirpath) / d).resolve() not in skip)
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name


def _kind(path: Path) -> tuple[str | None, str | None]:
    """Format suffix and compression suffix of a file name: ``a.jsonl.zst`` -> (".jsonl", ".zst")."""
    suffixes = [s.lower() for s in path.suffixes]
    if not suffixes:
        return None, None
    if suffixes[-1] in COMPRESSED_SUFFIXES:
        inner = suffixes[-2] if len(suffixes) > 1 else None
        return (inner, suffixes[-1]) if inner in STREAM_SUFFIXES else (None, suffixes[-1])
    known = STREAM_SUFFIXES | PARQUET_SUFFIXES
    return (suffixes[-1], None) if suffixes[-1] in known else (None, None)


def iter_sources(
    inputs: Iterable[str | Path],
    *,
    text_field: str | None = None,
    id_field: str | None = None,
    max_bytes: int = MAX_BYTES,
    max_record_chars: int = MAX_RECORD_CHARS,
    max_decompressed: int = MAX_DECOMPRESSED,
    skip: Iterable[str | Path] = (),
) -> Iterator[Source]:
    """Every document under the inputs, in a stable order (files sorted, records in file order).

    A folder yields the files whose suffix is known (see the module doc); a file named
    explicitly is always read, as plain text when its suffix is unknown. Folders in ``skip``
    (the output folder) are not walked.
    """
    skipped = frozenset(Path(p).resolve() for p in skip)
    limits = _Limits(text_field, id_field or ID_FIELD, max_bytes, max_record_chars, max_decompressed)
    for given in inputs:
        path = Path(given)
        if path.is_dir():
            for f in _walk(path, skipped):
                name = file_name(f.relative_to(path).as_posix())
                yield from _read_any(f, name, limits) if _kind(f)[0] is not None else [unsupported(name)]
        else:
            yield from _read_any(path, file_name(path.name), limits)


def unsupported(source: str) -> Source:
    """A file in an input folder that the pipeline does not read: a row saying so, never silence."""
    suffix = "".join(Path(source).suffixes[-2:]) or "without a suffix"
    readable = " ".join(sorted(STREAM_SUFFIXES | PARQUET_SUFFIXES))
    return Source(source, error=f"{source}: unsupported file type {suffix} (reads {readable}, and .gz/.zst of "
                                "all but .parquet)", status="unsupported", raw_hash=_hash16(source.encode()))


@dataclass(frozen=True, slots=True)
class _Limits:
    text_field: str | None
    id_field: str
    max_bytes: int
    max_record_chars: int
    max_decompressed: int

    @property
    def max_line(self) -> int:
        return 6 * self.max_record_chars + _CHUNK


def not_regular(path: Path, source: str) -> Source | None:
    """An ``unsupported`` row for a named pipe, socket or device: opening one could block for ever."""
    try:
        mode = os.stat(path).st_mode
    except OSError as e:
        return Source(source, error=f"{source}: cannot read ({e.strerror or e})")
    if stat.S_ISREG(mode):
        return None
    what = "named pipe" if stat.S_ISFIFO(mode) else "socket" if stat.S_ISSOCK(mode) else "device or special file"
    return Source(source, error=f"{source}: a {what}, not a regular file; not read", status="unsupported",
                  raw_hash=_hash16(f"unread:{source}".encode("utf-8", "backslashreplace")))


def _read_any(path: Path, source: str, limits: _Limits) -> Iterator[Source]:
    if (odd := not_regular(path, source)) is not None:
        yield odd
        return
    fmt, compression = _kind(path)
    if fmt is None or (fmt in TEXT_SUFFIXES and compression is None):
        yield read_file(path, source, limits.max_bytes)
        return
    if fmt in PARQUET_SUFFIXES:
        yield from _parquet_records(path, source, limits)
        return
    if fmt in HTML_SUFFIXES and compression is None:
        page = read_file(path, source, limits.max_bytes)
        yield page if page.error else html_source(page.data or b"", source, limits.max_record_chars)
        return
    try:
        raw = path.open("rb", buffering=_CHUNK)
    except OSError as e:
        yield Source(source, error=f"{source}: cannot read ({e.strerror or e})")
        return
    with raw:
        stream = _open_stream(raw, compression, limits.max_decompressed)
        try:
            yield from _stream_documents(stream, fmt, source, limits)
        except _TooBig:
            yield Source(source, error=f"{source}: archive decompresses to over {limits.max_decompressed:,} bytes "
                                       "(max_decompressed); rest of the archive skipped")
        except _ARCHIVE_ERRORS as e:
            if compression is None:
                yield Source(source, error=f"{source}: cannot read ({getattr(e, 'strerror', None) or e})")
            else:
                yield Source(source, error=f"{source}: truncated or corrupt archive ({type(e).__name__}: {e}); "
                                           "records after the break are lost")


def _stream_documents(stream: BinaryIO, fmt: str, source: str, limits: _Limits) -> Iterator[Source]:
    if fmt in JSON_SUFFIXES:
        yield from _json_records(stream, source, limits, whole_file=fmt == ".json")
    elif fmt in CSV_SUFFIXES:
        yield from _csv_records(stream, source, limits, delimiter="\t" if fmt == ".tsv" else ",")
    else:
        data = stream.read(limits.max_bytes + 1)
        if len(data) > limits.max_bytes:
            yield Source(source, error=f"{source}: decompressed file is over the {limits.max_bytes:,}-byte limit")
        elif fmt in HTML_SUFFIXES:
            yield html_source(data, source, limits.max_record_chars)
        else:
            yield Source(source, data=data)


def read_file(path: Path, source: str, max_bytes: int = MAX_BYTES) -> Source:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return Source(source, error=f"{source}: file of {size:,} bytes is over the {max_bytes:,}-byte limit")
        return Source(source, data=path.read_bytes())
    except OSError as e:
        return Source(source, error=f"{source}: cannot read ({e.strerror or e})")


# --- Decompression, bounded -------------------------------------------------------------


class _TooBig(Exception):
    pass


class _Truncated(EOFError):
    pass


def _archive_errors() -> tuple[type[BaseException], ...]:
    errors: list[type[BaseException]] = [EOFError, OSError, zlib.error]
    try:
        import zstandard

        errors.append(zstandard.ZstdError)
    except ImportError:  # pragma: no cover - zstandard is a dependency
        pass
    return tuple(errors)


_ARCHIVE_ERRORS = _archive_errors()


class _Capped(io.RawIOBase):
    """Raw stream over a ``read(n)`` function that refuses to deliver more than ``cap`` bytes."""

    def __init__(self, read: Callable[[int], bytes], cap: int) -> None:
        self._read, self._left = read, cap

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        chunk = self._read(len(buffer))
        if len(chunk) > self._left:
            raise _TooBig
        self._left -= len(chunk)
        buffer[: len(chunk)] = chunk
        return len(chunk)


class _ZstdReader:
    """zstd frames one after the other; unlike ``stream_reader`` it notices a cut last frame.

    Compressed bytes go in by small pieces: zstd expands up to ~32,000 times, so a piece
    of 1 KiB never yields more than ~32 MB at once, even from a bomb.
    """

    def __init__(self, raw: BinaryIO) -> None:
        import zstandard

        self._raw, self._dctx = raw, zstandard.ZstdDecompressor()
        self._obj, self._started = self._dctx.decompressobj(), False
        self._pending, self._at = b"", 0

    def read(self, n: int) -> bytes:
        while self._at >= len(self._pending):
            compressed = self._raw.read(1024)
            if not compressed:
                if self._started and not self._obj.eof:
                    raise _Truncated("compressed file ended before the end of the last zstd frame")
                return b""
            out = []
            while compressed:
                if self._obj.eof:
                    self._obj = self._dctx.decompressobj()
                self._started = True
                out.append(self._obj.decompress(compressed))
                # A new frame starts in the same piece: its bytes come back as unused_data.
                compressed = self._obj.unused_data if self._obj.eof else b""
            self._pending, self._at = b"".join(out), 0
        chunk = self._pending[self._at : self._at + n]
        self._at += len(chunk)
        return chunk


def _open_stream(raw: BinaryIO, compression: str | None, cap: int) -> BinaryIO:
    if compression is None:
        return raw
    if compression == ".gz":
        # read1: one step at a time, so the bytes before a break are delivered before the error.
        reader: Callable[[int], bytes] = gzip.GzipFile(fileobj=raw, mode="rb").read1
    else:
        reader = _ZstdReader(raw).read
    return io.BufferedReader(_Capped(reader, cap), buffer_size=_CHUNK)


def _bounded_lines(stream: BinaryIO, limit: int, number: int = 0) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) pairs, numbered after ``number``; a line over ``limit`` bytes comes as None,
    never held whole."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if not line.strip() and hasattr(stream, "peek"):
            # A run of blank lines is skipped a buffer at a time, not a line at a time.
            while (m := _BLANK_LINES.match(stream.peek(_CHUNK))) is not None:
                number += m.group().count(b"\n")
                stream.read(m.end())
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, line


# --- Records --------------------------------------------------------------------------


def _record_source(record: object, where: str, source: str, limits: _Limits) -> Source:
    """One JSON object or CSV row to a Source named ``source#id`` (or ``source#<where>``)."""
    if not isinstance(record, dict):
        return Source(f"{source}#{where}", error=f"{source}#{where}: record is a {type(record).__name__}, "
                                                 "not an object")
    ident = record.get(limits.id_field)
    name = f"{source}#{record_id(str(ident)) if ident not in (None, '') else where}"
    field = limits.text_field or next((f for f in TEXT_FIELDS if f in record), None)
    if field is None or field not in record:
        wanted = repr(limits.text_field) if limits.text_field else " or ".join(map(repr, TEXT_FIELDS))
        present = ", ".join(map(str, record)) or "none"
        return Source(name, error=f"{name}: no text field {wanted} (fields: {present})")
    return _text_source(name, record[field], field, limits)


def _text_source(name: str, value: object, field: str, limits: _Limits) -> Source:
    if value is None:
        value = ""
    elif isinstance(value, bytes):
        try:
            value = value.decode("utf-8")
        except UnicodeDecodeError as e:
            return Source(name, error=f"{name}: field {field!r} is not UTF-8 (byte {e.start})")
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    elif not isinstance(value, str):
        return Source(name, error=f"{name}: field {field!r} is a {type(value).__name__}, not text")
    if len(value) > limits.max_record_chars:
        return Source(name, error=f"{name}: text of {len(value):,} characters is over the "
                                  f"{limits.max_record_chars:,}-character limit (max_record_chars)")
    value, repaired = repair_text(value)
    return Source(name, text=value, warning=repaired and f"{name}: {repaired}")


def _json_records(stream: BinaryIO, source: str, limits: _Limits, whole_file: bool,
                  first_line: int = 1) -> Iterator[Source]:
    if whole_file:
        head = stream.peek(64)[:64] if hasattr(stream, "peek") else b""
        if head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"[":
            yield from _json_array(stream, source, limits)
            return
    for number, line in _bounded_lines(stream, limits.max_line, first_line - 1):
        where = f"line {number}"
        if line is None:
            yield Source(f"{source}#{number}", error=f"{source}#{where}: line over {limits.max_line:,} bytes "
                                                     "(max_record_chars), skipped")
            continue
        if number == 1 and line.startswith(codecs.BOM_UTF8):
            line = line[3:]
        line = line.rstrip(b"\r\n")
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except UnicodeDecodeError as e:
            yield Source(f"{source}#{number}", error=f"{source}#{where}: invalid UTF-8 ({e.reason})")
            continue
        except (ValueError, RecursionError) as e:
            yield Source(f"{source}#{number}", error=f"{source}#{where}: invalid JSON: {str(e)[:200]}")
            continue
        yield _record_source(record, str(number), source, limits)


def _json_array(stream: BinaryIO, source: str, limits: _Limits) -> Iterator[Source]:
    data = stream.read(limits.max_bytes + 1)
    if len(data) > limits.max_bytes:
        yield Source(source, error=f"{source}: JSON array file over the {limits.max_bytes:,}-byte limit; "
                                   "write it as JSON Lines")
        return
    try:
        records = json.loads(data)
    except (ValueError, RecursionError) as e:
        yield Source(source, error=f"{source}: invalid JSON: {str(e)[:200]}")
        return
    for number, record in enumerate(records, 1):
        yield _record_source(record, str(number), source, limits)


def _csv_records(stream: BinaryIO, source: str, limits: _Limits, delimiter: str) -> Iterator[Source]:
    # peek gives what is buffered, maybe only 4 KiB of a longer file: a character cut at the
    # end of the sample is not an error (a file that really ends mid-character fails when read).
    head = stream.peek(64 * 1024)[: 64 * 1024] if hasattr(stream, "peek") else b""
    try:
        encoding = _stream_encoding(head)
    except DecodeError as e:
        yield Source(source, error=f"{source}: {e}")
        return
    # csv needs newline="" so that newlines inside quoted fields stay in the field.
    text = io.TextIOWrapper(stream, encoding=encoding, newline="")
    csv.field_size_limit(max(csv.field_size_limit(), limits.max_line))
    lines = _text_lines(text, limits.max_line)
    reader = csv.reader(lines, delimiter=delimiter)
    row_number = 0
    try:
        header = next(reader, None)
        if header is None:
            return
        field = limits.text_field or next((f for f in TEXT_FIELDS if f in header), None)
        if field is None or field not in header:
            wanted = repr(limits.text_field) if limits.text_field else " or ".join(map(repr, TEXT_FIELDS))
            yield Source(source, error=f"{source}: no text column {wanted} (columns: {', '.join(header)})")
            return
        text_at = header.index(field)
        id_at = header.index(limits.id_field) if limits.id_field in header else None
        for row in reader:
            row_number += 1
            if not row:
                continue
            ident = row[id_at] if id_at is not None and id_at < len(row) else ""
            name = f"{source}#{record_id(ident) or row_number}"
            value = row[text_at] if text_at < len(row) else ""
            yield _text_source(name, value, field, limits)
    except _LineTooLong:
        yield Source(f"{source}#{row_number + 1}", error=f"{source}#row {row_number + 1}: line over "
                                                         f"{limits.max_line:,} characters; rest of file skipped")
    except csv.Error as e:
        yield Source(f"{source}#{row_number + 1}", error=f"{source}#row {row_number + 1}: bad CSV ({e}); "
                                                         "rest of file skipped")
    except UnicodeDecodeError as e:
        yield Source(f"{source}#{row_number + 1}", error=f"{source}#row {row_number + 1}: invalid {encoding} "
                                                         f"({e.reason}); rest of file skipped")
    finally:
        text.detach()


class _LineTooLong(Exception):
    pass


def _text_lines(text: io.TextIOBase, limit: int) -> Iterator[str]:
    while line := text.readline(limit + 1):
        if len(line) > limit and not line.endswith(("\n", "\r")):
            raise _LineTooLong
        yield line


def _parquet_records(path: Path, source: str, limits: _Limits, row_groups: list[int] | None = None,
                     first_row: int = 0) -> Iterator[Source]:
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
        names = pf.schema_arrow.names
        field = limits.text_field or next((f for f in TEXT_FIELDS if f in names), None)
        if field is None or field not in names:
            wanted = repr(limits.text_field) if limits.text_field else " or ".join(map(repr, TEXT_FIELDS))
            yield Source(source, error=f"{source}: no text column {wanted} (columns: {', '.join(names)})")
            return
        columns = [field] + ([limits.id_field] if limits.id_field in names and limits.id_field != field else [])
        row_number = first_row
        for batch in pf.iter_batches(batch_size=256, columns=columns, row_groups=row_groups):
            texts = batch.column(0).to_pylist()
            ids = batch.column(1).to_pylist() if len(columns) > 1 else [None] * len(texts)
            for value, ident in zip(texts, ids, strict=True):
                row_number += 1
                name = f"{source}#{record_id(str(ident)) if ident not in (None, '') else row_number}"
                yield _text_source(name, value, field, limits)
    except (OSError, ValueError) as e:  # pyarrow's ArrowInvalid is a ValueError, ArrowIOError an OSError
        yield Source(source, error=f"{source}: cannot read Parquet ({type(e).__name__}: {str(e)[:200]})")


# --- HTML -------------------------------------------------------------------------------

# Elements whose content is never article text.
DROP_TAGS = frozenset({"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template",
                       "head", "svg", "iframe", "object", "button", "select", "textarea", "canvas"})
DROP_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "menu", "menubar", "complementary"})
BLOCK_TAGS = frozenset({"p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
                        "table", "tr", "thead", "tbody", "tfoot", "caption", "section", "article", "main",
                        "blockquote", "pre", "figure", "figcaption", "address", "hr", "body", "center",
                        "details", "summary", "fieldset", "legend"})
CELL_TAGS = frozenset({"td", "th"})
VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                       "source", "track", "wbr"})
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_SPACES = re.compile(r"[ \t\f\v\r\u00a0]+")


class _ArticleText(HTMLParser):
    """Text of the page outside dropped elements, one line per block.

    Nesting is tracked with counters, never recursion, so 10,000 nested tags cost nothing.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_tag: str | None = None  # dropped element being skipped
        self._skip_depth = 0
        self._pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip_tag is not None:
            if tag == self._skip_tag and tag not in VOID_TAGS:
                self._skip_depth += 1
            return
        attr = dict(attrs)
        if tag in DROP_TAGS or (attr.get("role") or "").lower() in DROP_ROLES or "hidden" in attr:
            if tag not in VOID_TAGS:
                self._skip_tag, self._skip_depth = tag, 1
            return
        if tag == "pre":
            self._pre += 1
        if tag in BLOCK_TAGS:
            self.parts.append("\n")
        elif tag in CELL_TAGS:
            self.parts.append("\t")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip_tag is None and tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self._skip_tag is not None:
            if tag == self._skip_tag:
                self._skip_depth -= 1
                if self._skip_depth == 0:
                    self._skip_tag = None
            elif tag in ("body", "html"):  # an unclosed <nav> must not swallow the page to its end
                self._skip_tag = None
            return
        if tag == "pre" and self._pre:
            self._pre -= 1
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._skip_tag is None:
            self.parts.append(data if self._pre else _SPACES.sub(" ", data.replace("\n", " ")))

    def text(self) -> str:
        lines = (_SPACES.sub(" ", line).strip() for line in "".join(self.parts).split("\n"))
        return "\n".join(line for line in lines if line)


def html_text(html: str) -> str:
    """Article text of an HTML page: scripts, menus, headers, footers, forms dropped; blocks on their own line.

    >>> html_text("<nav>หน้าแรก</nav><h1>ประชุม ครม.</h1><p>วันที่ 8&nbsp;ธันวาคม <b>2563</b></p><script>x=1</script>")
    'ประชุม ครม.\\nวันที่ 8 ธันวาคม 2563'
    """
    parser = _ArticleText()
    parser.feed(html)
    parser.close()
    return parser.text()


def _decode_html(data: bytes) -> tuple[str, str]:
    try:
        return decode(data)
    except DecodeError:
        # Last resort: the charset the page declares (decode() already tried UTF-8, UTF-16, TIS-620).
        if (m := _META_CHARSET.search(data[:4096])) is not None:
            name = m.group(1).decode("ascii")
            try:
                return data.decode(name), codecs.lookup(name).name
            except (LookupError, UnicodeDecodeError):
                pass
        raise


def html_source(data: bytes, source: str, max_record_chars: int = MAX_RECORD_CHARS) -> Source:
    """An HTML page as a Source: its article text, identified by the hash of its bytes."""
    raw_hash = _hash16(data)
    try:
        html, encoding = _decode_html(data)
    except DecodeError as e:
        return Source(source, error=f"{source}: {e}", raw_hash=raw_hash)
    text = html_text(html)
    if len(text) > max_record_chars:
        return Source(source, error=f"{source}: text of {len(text):,} characters is over the "
                                    f"{max_record_chars:,}-character limit (max_record_chars)", raw_hash=raw_hash)
    return Source(source, text=text, raw_hash=raw_hash, encoding=encoding)
