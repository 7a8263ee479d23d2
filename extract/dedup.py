"""Near-duplicate documents: the same press release republished, or repeated in one crawl.

MinHash over the 7-character shingles of the text with whitespace collapsed: estimated
Jaccard >= 0.8 counts as a duplicate; identical texts always match (exact digest). The
MinHash is the one-permutation kind (Li, Owen & Zhang 2012; densified as in Shrivastava &
Li 2014): one hash per shingle, one sort, the minimum of each of 128 bins, about 20 times
faster than 128 separate permutations. LSH banding finds the candidates. Everything is
computed with numpy integer arithmetic from fixed constants, never Python's ``hash()`` (salted
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
from dataclasses import dataclass
from pathlib import Path

import numpy as np

SHINGLE = 7  # characters: about two Thai syllables
NUM_PERM = 128  # one-permutation MinHash: hash space cut into 128 bins, the minimum of each kept
BANDS, ROWS = 32, 4  # LSH: pairs at Jaccard 0.8 become candidates with p > 0.9999, then are checked
THRESHOLD = 0.8
_BIN_SHIFT = np.uint64(64 - 7)  # top 7 bits: the bin (NUM_PERM = 2**7)
_LOW = np.uint64((1 << 57) - 1)
_EMPTY = np.uint64(1 << 57)  # above every value: marks a bin no shingle fell in


def _constants() -> tuple[np.ndarray, np.uint64]:
    # Multilinear hashing (sum of random odd multipliers times characters, mod 2**64) is
    # universal in its high bits, which pick the bin. The "random" numbers come from SHA-256 of
    # fixed labels, not from numpy's generators, whose streams may change between numpy versions.
    def number(label: str) -> int:
        return int.from_bytes(hashlib.sha256(f"thai-extract dedup {label}".encode()).digest()[:8], "little")

    multipliers = np.array([number(f"multiplier {j}") | 1 for j in range(SHINGLE)], dtype=np.uint64)
    return multipliers, np.uint64(number("offset"))


_MULT, _OFFSET = _constants()


@dataclass(frozen=True, slots=True)
class Signature:
    digest: bytes  # blake2b of the collapsed text: identical texts
    minhash: bytes  # NUM_PERM uint32 values, little-endian; empty when the text is empty

    def values(self) -> np.ndarray:
        return np.frombuffer(self.minhash, dtype="<u4")


def collapse(text: str) -> str:
    """Whitespace runs to one space, ends stripped: line breaks and indentation do not count."""
    return " ".join(text.split())


def shingle_hashes(text: str) -> np.ndarray:
    """64-bit hashes of the SHINGLE-character windows of the collapsed text (repeats kept)."""
    codes = np.frombuffer(collapse(text).encode("utf-32-le"), dtype="<u4").astype(np.uint64)
    if codes.size == 0:
        return codes
    if codes.size < SHINGLE:  # a short text is its own single shingle
        codes = np.concatenate([codes, np.zeros(SHINGLE - codes.size, dtype=np.uint64)])
    n = codes.size - SHINGLE + 1
    h = np.full(n, _OFFSET, dtype=np.uint64)
    tmp = np.empty(n, dtype=np.uint64)
    for j in range(SHINGLE):
        np.multiply(codes[j : j + n], _MULT[j], out=tmp)  # wraps modulo 2**64, the same on every platform
        h += tmp
    return h


def _one_permutation_minhash(hashes: np.ndarray) -> np.ndarray:
    """Minimum of each of the NUM_PERM bins, empty bins filled from the next full one (densification)."""
    ordered = np.sort(hashes)
    bins = (ordered >> _BIN_SHIFT).astype(np.intp)
    first = np.flatnonzero(np.diff(bins, prepend=-1))
    mins = np.full(NUM_PERM, _EMPTY, dtype=np.uint64)
    mins[bins[first]] = ordered[first] & _LOW
    if first.size < NUM_PERM:
        # Rotation densification (Shrivastava & Li 2014): an empty bin borrows the value of the
        # next non-empty bin, tagged by the distance so that borrowed values rarely collide.
        full = np.flatnonzero(mins != _EMPTY)
        nxt = full[np.searchsorted(full, np.arange(NUM_PERM)) % full.size]
        distance = (nxt - np.arange(NUM_PERM)) % NUM_PERM
        mins = mins[nxt] + distance.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    return mins


def signature(text: str) -> Signature:
    """MinHash signature of a text; pure, deterministic across processes, picklable.

    >>> signature("ประชุม ครม.") == signature("ประชุม\\n  ครม.")
    True
    """
    digest = hashlib.blake2b(collapse(text).encode("utf-8"), digest_size=16).digest()
    hashes = shingle_hashes(text)
    if hashes.size == 0:
        return Signature(digest, b"")
    mins = _one_permutation_minhash(hashes)
    return Signature(digest, (mins >> np.uint64(25)).astype("<u4").tobytes())


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

    def exact(self, doc_id: str, sig: Signature) -> str | None:
        """Like :meth:`match_or_add`, but only an identical text matches."""
        if (first := self._exact.get(sig.digest)) is not None:
            return first
        self._exact[sig.digest] = doc_id
        return None

    def match_or_add(self, doc_id: str, sig: Signature) -> str | None:
        """doc_id of the first document seen that ``sig`` nearly duplicates, else None (and ``sig`` is added)."""
        if (first := self._exact.get(sig.digest)) is not None:
            return first
        exact_only = not sig.minhash  # the empty text: only the exact digest can match
        if not exact_only:
            keys = [sig.minhash[i * ROWS * 4 : (i + 1) * ROWS * 4] for i in range(BANDS)]
            values = sig.values()
            # Earliest candidate first: a document matches the first copy seen.
            for i in sorted({j for band, key in zip(self._buckets, keys, strict=True) for j in band.get(key, ())}):
                if np.count_nonzero(self._sigs[i] == values) >= self.threshold * NUM_PERM:
                    return self._ids[i]
        self._exact[sig.digest] = doc_id
        if not exact_only:
            for band, key in zip(self._buckets, keys, strict=True):
                band.setdefault(key, []).append(len(self._ids))
            self._ids.append(doc_id)
            self._sigs.append(sig.values())
        return None


# --- Resolving duplicates from signatures written by many workers -------------------------
#
# Workers sign their own documents and write one small table per share; a second cheap pass
# replays DuplicateIndex in input order, but only over the documents that share an exact digest
# or an LSH band with another one (found by sorting one band column at a time). A document that
# shares neither can match nothing and be matched by nothing, so leaving it out changes no answer.

_BAND_MULT = _MULT[:ROWS]


def band_hashes(minhashes: np.ndarray) -> np.ndarray:
    """(n, BANDS) uint32: equal band keys give equal hashes (unequal ones rarely collide; a collision
    only makes a candidate that the full comparison then rejects)."""
    v = minhashes.reshape(len(minhashes), BANDS, ROWS).astype(np.uint64)
    return ((v * _BAND_MULT).sum(axis=2, dtype=np.uint64) >> np.uint64(32)).astype(np.uint32)


def signature_table(rows: list[tuple[int, str, Signature, bool]]):
    """One share's signatures, (position, doc_id, signature, near-duplicate check) per document, as Arrow."""
    import pyarrow as pa

    sigs = [r[2] for r in rows]
    near = np.array([r[3] for r in rows], dtype=bool)
    mins = np.zeros((len(rows), NUM_PERM), dtype=np.uint32)
    for i, s in enumerate(sigs):
        if near[i]:
            mins[i] = s.values()
    bands = band_hashes(mins)
    digests = np.frombuffer(b"".join(s.digest for s in sigs), dtype="<u8").reshape(-1, 2) if rows else \
        np.zeros((0, 2), dtype=np.uint64)
    cols = {"pos": pa.array([r[0] for r in rows], pa.int32()), "doc_id": pa.array([r[1] for r in rows], pa.string()),
            "digest": pa.array([s.digest for s in sigs], pa.binary()),
            "minhash": pa.array([s.minhash for s in sigs], pa.binary()), "near": pa.array(near),
            "d0": pa.array(digests[:, 0]), "d1": pa.array(digests[:, 1])}
    cols.update({f"b{k}": pa.array(bands[:, k]) for k in range(BANDS)})
    return pa.table(cols)


def _pairs(values: np.ndarray) -> np.ndarray:
    """Indices of the values equal to another one."""
    order = np.argsort(values, kind="stable")
    same = values[order][1:] == values[order][:-1]
    return np.union1d(order[1:][same], order[:-1][same])


def resolve(paths: list[str], threshold: float = THRESHOLD) -> dict[tuple[int, int], str]:
    """(share, position) -> doc_id of the first document it duplicates, for the signature tables at
    ``paths`` (named ``<share>.parquet``, in input order): what DuplicateIndex over every document
    in order would answer."""
    import pyarrow.dataset as ds

    if not paths:
        return {}
    data = ds.dataset(paths, format="parquet")
    d = data.to_table(columns=["d0", "d1", "near"])
    d0, d1 = d.column("d0").to_numpy(), d.column("d1").to_numpy()
    near = np.flatnonzero(d.column("near").to_numpy(zero_copy_only=False))
    involved = np.zeros(len(d0), dtype=bool)
    order = np.lexsort((d1, d0))
    same = (d0[order][1:] == d0[order][:-1]) & (d1[order][1:] == d1[order][:-1])
    involved[order[1:][same]] = involved[order[:-1][same]] = True
    del d, d0, d1, order, same
    for k in range(BANDS):
        band = data.to_table(columns=[f"b{k}"]).column(0).to_numpy()[near]
        involved[near[_pairs(band)]] = True
    found: dict[tuple[int, int], str] = {}
    index = DuplicateIndex(threshold)
    at = 0
    for path in paths:
        t = ds.dataset(path, format="parquet").to_table(columns=["pos", "doc_id", "digest", "minhash", "near"])
        mine = np.flatnonzero(involved[at : at + t.num_rows])
        at += t.num_rows
        if not mine.size:
            continue
        share = int(Path(path).stem)
        t = t.take(mine).to_pydict()
        for pos, doc_id, digest, minhash, is_near in zip(t["pos"], t["doc_id"], t["digest"], t["minhash"], t["near"],
                                                       strict=True):
            sig = Signature(digest, minhash)
            first = index.match_or_add(doc_id, sig) if is_near else index.exact(doc_id, sig)
            if first is not None:
                found[(share, pos)] = first
    return found
