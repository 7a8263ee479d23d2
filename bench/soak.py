"""Soak test (not in CI): the same run three times must give the same tables and stable memory.

    python bench/soak.py [--input ../shared/corpus/bulk/thaigov_bulk.jsonl.zst] [--workers 2]
                         [--runs 3] [--limit N] [--keep DIR]

Each run is ``thai-extract run INPUT --workers W --force --no-progress`` in a fresh process,
into its own folder. The script then compares the three outputs table by table (rows sorted
by their keys: doc_id for documents, event_id for events, doc_id/kind/start/end for
mentions), and reports each run's wall time and peak RSS: of the driver and of the largest
worker (``resource.getrusage(RUSAGE_CHILDREN)`` measured inside the run's process). Memory
is called stable when no run's peak is more than 10 % above the first run's.

``--limit N`` first writes the first N records to a temporary JSONL and soaks that instead
(a quick check that the script works: ``--limit 2000``). Exit code 1 when the outputs differ
or memory grew.
"""

from __future__ import annotations

import argparse
import io
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO.parent / "shared" / "corpus" / "bulk" / "thaigov_bulk.jsonl.zst"
KEYS = {"documents": ["doc_id"], "events": ["event_id"], "mentions": ["doc_id", "kind", "start", "end", "method"]}
GROWTH = 1.10

# Run inside the child: the CLI, then the peak RSS of this process and of its workers, in KiB.
CHILD = """
import resource, sys
from extract.cli import main
code = 0
try:
    main()
except SystemExit as e:
    code = e.code or 0
self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"SOAK-RSS {self_kb} {child_kb}", file=sys.stderr)
sys.exit(code)
"""


def write_sample(source: Path, limit: int, folder: Path) -> Path:
    """The first ``limit`` records of a (zstd) JSONL file as a plain JSONL."""
    import zstandard

    out = folder / "sample.jsonl"
    with source.open("rb") as f, out.open("w", encoding="utf-8") as w:
        stream = f if source.suffix != ".zst" else zstandard.ZstdDecompressor().stream_reader(f)
        for line in itertools.islice(io.TextIOWrapper(stream, encoding="utf-8"), limit):
            w.write(json.dumps(json.loads(line), ensure_ascii=False) + "\n")
    return out


def one_run(source: Path, out: Path, workers: int) -> dict:
    cmd = [sys.executable, "-c", CHILD, "run", str(source), "--out", str(out), "--workers", str(workers),
           "--force", "--no-progress"]
    started = time.perf_counter()
    proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    seconds = time.perf_counter() - started
    rss = next((line.split()[1:] for line in proc.stderr.splitlines() if line.startswith("SOAK-RSS")), ["0", "0"])
    if proc.returncode != 0:
        print(proc.stderr[-2000:], file=sys.stderr)
    return {"seconds": seconds, "driver_mb": int(rss[0]) / 1024, "worker_mb": int(rss[1]) / 1024,
            "exit": proc.returncode, "summary": proc.stdout.strip().splitlines()[-1:] or [""]}


def sorted_table(out: Path, name: str):
    import pyarrow.dataset as ds

    table = ds.dataset(out / f"{name}.parquet", format="parquet").to_table()
    return table.sort_by([(k, "ascending") for k in KEYS[name]])


def differences(first: Path, other: Path) -> list[str]:
    diffs = []
    for name in KEYS:
        a, b = sorted_table(first, name), sorted_table(other, name)
        if a.num_rows != b.num_rows:
            diffs.append(f"{name}: {a.num_rows} rows vs {b.num_rows}")
        elif not a.equals(b):
            bad = [c for c in a.column_names if not a.column(c).equals(b.column(c))]
            diffs.append(f"{name}: columns differ: {', '.join(bad)}")
    return diffs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", type=Path, default=DEFAULT)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--limit", type=int, default=None, help="soak only the first N records")
    ap.add_argument("--keep", type=Path, default=None, help="write the outputs here and keep them")
    args = ap.parse_args()
    if not args.input.exists():
        print(f"no such input: {args.input}", file=sys.stderr)
        return 2
    work = args.keep or Path(tempfile.mkdtemp(prefix="thai-extract-soak-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        source = write_sample(args.input, args.limit, work) if args.limit else args.input
        results = []
        for i in range(args.runs):
            r = one_run(source, work / f"run{i + 1}", args.workers)
            results.append(r)
            print(f"run {i + 1}: exit {r['exit']}, {r['seconds']:.1f} s, peak RSS driver {r['driver_mb']:.0f} MB, "
                  f"largest worker {r['worker_mb']:.0f} MB | {r['summary'][0]}", flush=True)
        diffs = [f"run {i + 1}: {d}" for i in range(1, args.runs) for d in differences(work / "run1", work / f"run{i + 1}")]
        first = results[0]
        grew = [i + 1 for i, r in enumerate(results[1:], 1)
                if r["driver_mb"] > GROWTH * first["driver_mb"] or r["worker_mb"] > GROWTH * first["worker_mb"]]
        print("outputs identical" if not diffs else "outputs DIFFER:\n  " + "\n  ".join(diffs))
        print("memory stable (every run within 10 % of the first)" if not grew
              else f"memory GREW in run(s) {grew} (over 10 % above run 1)")
        ok = not diffs and not grew and all(r["exit"] == 0 for r in results)
        return 0 if ok else 1
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
