"""Near-duplicate documents: the same press release republished, or repeated in one crawl.

MinHash over character shingles of the text with whitespace collapsed, estimated Jaccard
>= 0.8 counts as a duplicate; identical texts always match (exact digest). Everything is
computed with numpy integer arithmetic from fixed seeds, never Python's ``hash()`` (salted
per process), so a signature is the same in every process and every run.

:func:`signature` is pure and returns a small picklable value, so it can run in worker
processes; :class:`DuplicateIndex` lives in the one process that sees every document.

>>> a = signature("นายกรัฐมนตรีเป็นประธานการประชุมคณะรัฐมนตรี ณ ทำเนียบรัฐบาล วันที่ 8 ธันวาคม 2563")
>>> b = signature("นายกรัฐมนตรีเป็นประธานการประชุมคณะรัฐมนตรี  ณ ทำเนียบรัฐบาล\\nวันที่ 8 ธันวาคม 2563")
>>> index = DuplicateIndex()
>>> index.match_or_add("doc-a", a), index.match_or_add("doc-b", b)
(None, 'doc-a')
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np

SHINGLE = 7  # characters; Thai 5-grams are shared by too many unrelated releases
NUM_PERM = 128
BANDS, ROWS = 32, 4  # LSH: 32 bands of 4 values; pairs at Jaccard 0.8 become candidates with p > 0.9999
THRESHOLD = 0.8
_SEED = 20240501
_WS = re.compile(r"\s+")
_M64 = np.uint64(0xFFFFFFFFFFFFFFFF)


def _constants() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.Generator(np.random.PCG64(_SEED))  # fixed seed: the same permutations everywhere
    powers = rng.integers(1, 2**63, size=SHINGLE, dtype=np.uint64) | np.uint64(1)
    a = rng.integers(1, 2**63, size=NUM_PERM, dtype=np.uint64) | np.uint64(1)
    b = rng.integers(0, 2**63, size=NUM_PERM, dtype=np.uint64)
    return powers, a[:, None], b[:, None]


_POWERS, _A, _B = _constants()


@dataclass(frozen=True, slots=True)
class Signature:
    digest: bytes  # blake2b of the collapsed text: identical texts
    minhash: bytes  # NUM_PERM uint32 values, little-endian; empty when the text is empty

    def values(self) -> np.ndarray:
        return np.frombuffer(self.minhash, dtype="<u4")


def collapse(text: str) -> str:
    """Whitespace runs to one space, ends stripped: line breaks and indentation do not count."""
    return _WS.sub(" ", text).strip()


def _mix(h: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser: spreads the polynomial hash over all 64 bits."""
    h = h ^ (h >> np.uint64(30))
    h = h * np.uint64(0xBF58476D1CE4E5B9)
    h = h ^ (h >> np.uint64(27))
    h = h * np.uint64(0x94D049BB133111EB)
    return h ^ (h >> np.uint64(31))


def shingle_hashes(text: str) -> np.ndarray:
    """64-bit hashes of the distinct SHINGLE-character windows of the collapsed text."""
    codes = np.frombuffer(collapse(text).encode("utf-32-le"), dtype="<u4").astype(np.uint64)
    if codes.size == 0:
        return codes
    if codes.size < SHINGLE:  # a short text is its own single shingle
        codes = np.concatenate([codes, np.zeros(SHINGLE - codes.size, dtype=np.uint64)])
    n = codes.size - SHINGLE + 1
    h = np.zeros(n, dtype=np.uint64)
    for j in range(SHINGLE):
        h += codes[j : j + n] * _POWERS[j]  # wraps modulo 2**64, the same on every platform
    return np.unique(_mix(h))


def signature(text: str) -> Signature:
    """MinHash signature of a text; pure, deterministic across processes, picklable.

    >>> signature("ประชุม ครม.") == signature("ประชุม\\n  ครม.")
    True
    """
    digest = hashlib.blake2b(collapse(text).encode("utf-8"), digest_size=16).digest()
    hashes = shingle_hashes(text)
    if hashes.size == 0:
        return Signature(digest, b"")
    mins = (_A * hashes[None, :] + _B).min(axis=1)
    return Signature(digest, (mins >> np.uint64(32)).astype("<u4").tobytes())


def similarity(a: Signature, b: Signature) -> float:
    """Estimated Jaccard similarity of two texts' shingle sets (1.0 for identical texts)."""
    if a.digest == b.digest:
        return 1.0
    if not a.minhash or not b.minhash:
        return 0.0
    return float(np.mean(a.values() == b.values()))


class DuplicateIndex:
    """Documents seen so far, to find the first one a new document nearly duplicates.

    A duplicate is not added: every later copy matches the first one seen.
    """

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._exact: dict[bytes, str] = {}
        self._buckets: list[dict[bytes, list[int]]] = [{} for _ in range(BANDS)]
        self._ids: list[str] = []
        self._sigs: list[np.ndarray] = []

    def __len__(self) -> int:
        return len(self._exact)

    def match_or_add(self, doc_id: str, sig: Signature) -> str | None:
        """doc_id of the first document seen that ``sig`` nearly duplicates, else None (and ``sig`` is added)."""
        if (first := self._exact.get(sig.digest)) is not None:
            return first
        keys = [sig.minhash[i * ROWS * 4 : (i + 1) * ROWS * 4] for i in range(BANDS)] if sig.minhash else []
        candidates = sorted({i for band, key in zip(self._buckets, keys) for i in band.get(key, ())})
        if candidates:
            values = sig.values()
            for i in candidates:
                if np.count_nonzero(self._sigs[i] == values) >= self.threshold * NUM_PERM:
                    return self._ids[i]
        self._exact[sig.digest] = doc_id
        if keys:
            for band, key in zip(self._buckets, keys):
                band.setdefault(key, []).append(len(self._ids))
            self._ids.append(doc_id)
            self._sigs.append(sig.values())
        return None
