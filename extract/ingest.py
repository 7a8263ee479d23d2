"""Finding input documents and decoding their bytes.

An input is a file or a folder (walked recursively, in sorted order). Every document is
yielded as a :class:`Source`, also the ones that cannot be read: those carry an
``error`` so the batch records them and goes on.
"""

from __future__ import annotations

import codecs
import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIXES = {".txt", ".md"}
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


class DecodeError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Source:
    source: str  # path relative to the input root, or "file#record"
    data: bytes | None = None  # raw bytes of a file
    text: str | None = None  # already-decoded text (records of JSONL/CSV/Parquet)
    error: str | None = None

    @property
    def doc_id(self) -> str:
        payload = self.data if self.data is not None else (self.text or "").encode("utf-8")
        return hashlib.sha256(payload).hexdigest()[:16]


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without BOM: Thai and ASCII put 0x0E or 0x00 in every other byte."""
    if len(data) < 4 or len(data) % 2:
        return None
    odd, even = data[1::2], data[0::2]
    for hi, enc in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if sum(b in (0x00, 0x0E) for b in hi) >= 0.9 * len(hi):
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                return None
    return None


def _looks_like_thai(text: str) -> bool:
    high = [c for c in text if ord(c) > 127]
    thai = sum("\u0e00" <= c <= "\u0e7f" for c in high)
    return bool(high) and thai >= 0.95 * len(high)


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


def _walk(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name


def iter_sources(inputs: Iterable[str | Path], max_bytes: int = MAX_BYTES) -> Iterator[Source]:
    """Every document under the inputs, in a stable order."""
    for given in inputs:
        path = Path(given)
        if path.is_dir():
            for f in _walk(path):
                if f.suffix.lower() in TEXT_SUFFIXES:
                    yield read_file(f, f.relative_to(path).as_posix(), max_bytes)
        else:
            yield read_file(path, path.name, max_bytes)


def read_file(path: Path, source: str, max_bytes: int = MAX_BYTES) -> Source:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return Source(source, error=f"{source}: file of {size:,} bytes is over the {max_bytes:,}-byte limit")
        return Source(source, data=path.read_bytes())
    except OSError as e:
        return Source(source, error=f"{source}: cannot read ({e.strerror or e})")
