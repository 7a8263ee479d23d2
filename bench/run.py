"""Throughput benchmark: the whole pipeline over the bulk corpus, against tokenisation alone.

    python bench/run.py [--input ../shared/corpus/bulk/thaigov_bulk.jsonl.zst] [--workers 2] [--limit N]

Prints articles/s, chars/s, peak RSS (driver and worker), and the ratio to nlpo3
tokenisation alone measured in the same run on the same texts (one core).
"""

from __future__ import annotations

import argparse
import io
import itertools
import json
import os
import platform
import resource
import shutil
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO.parent / "shared" / "corpus" / "bulk" / "thaigov_bulk.jsonl.zst"


def read_texts(path: Path, limit: int | None) -> list[str]:
    import zstandard

    with open(path, "rb") as f:
        stream = io.TextIOWrapper(zstandard.ZstdDecompressor().stream_reader(f), encoding="utf-8")
        return [json.loads(line)["text"] for line in itertools.islice(stream, limit)]


def tokenise_only(texts: list[str]) -> float:
    from extract.tokenise import tokenize

    tokenize("warm up")
    started = time.perf_counter()
    for t in texts:
        tokenize(t)
    return time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", type=Path, default=DEFAULT)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    args = ap.parse_args()

    from extract.runner import Options, run

    texts = read_texts(args.input, args.limit)
    chars = sum(len(t) for t in texts)
    tmp = Path(tempfile.mkdtemp(prefix="thai-extract-bench-"))
    try:
        source = args.input
        if args.limit:
            source = tmp / "input.jsonl"
            with open(source, "w", encoding="utf-8") as f:
                for i, t in enumerate(texts):
                    f.write(json.dumps({"id": str(i), "text": t}, ensure_ascii=False) + "\n")
        started = time.perf_counter()
        summary = run([source], tmp / "out", Options(workers=args.workers, force=True))
        seconds = time.perf_counter() - started
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    tok_seconds = tokenise_only(texts)
    rss_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rss_workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"machine        {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"articles       {summary.documents:,} ({summary.ok:,} ok, {summary.failed} failed, "
          f"{summary.duplicate} duplicate), {chars / 1e6:.1f} M chars, {summary.events:,} events")
    print(f"pipeline       {seconds:.1f} s with {args.workers} workers: {summary.documents / seconds:.0f} articles/s, "
          f"{chars / seconds / 1e6:.2f} M chars/s")
    print(f"tokenise only  {tok_seconds:.1f} s on 1 core: {chars / tok_seconds / 1e6:.2f} M chars/s")
    print(f"ratio          pipeline ({args.workers} workers) takes {seconds / tok_seconds:.1f}x the time of "
          f"tokenisation alone (1 core)")
    print(f"peak RSS       driver {rss_self:.0f} MB, largest worker {rss_workers:.0f} MB")


if __name__ == "__main__":
    main()
