"""Scaling benchmark: the bulk set with 1, 2 ... N workers (N = cores) and the Dask engine.

Every run starts from an empty output (``--force``) in a fresh process. Prints, per run:
wall time, documents/s, speedup and parallel efficiency over one worker, the driver's own CPU
time as a share of the run's total CPU (driver plus every worker), and the peak RSS of the
driver and of the largest worker. Checks that every run wrote the same event rows.

    python bench/scale.py                       # ../shared/corpus/bulk/thaigov_bulk.jsonl.zst
    python bench/scale.py --workers 1 2 --dask 2
    python bench/scale.py --copies 4 --workers 2 --dask 0   # driver RSS on 4 copies (new ids)
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BULK = REPO.parent / "shared" / "corpus" / "bulk" / "thaigov_bulk.jsonl.zst"


def _one(args: argparse.Namespace) -> None:
    """Child mode: one run in this process; prints its own and its workers' usage as JSON."""
    sys.path.insert(0, str(REPO))
    from extract.runner import Options, run

    started = time.perf_counter()
    summary = run([args.input], args.out, Options(workers=args.workers, engine=args.engine, force=True))
    wall = time.perf_counter() - started
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"wall": wall, "documents": summary.documents, "ok": summary.ok,
                      "duplicate": summary.duplicate, "driver_cpu": me.ru_utime + me.ru_stime,
                      "driver_rss_mb": _peak_rss_mb(), "worker_rss_mb": kids.ru_maxrss / 1024}))


def _peak_rss_mb() -> float:
    """This process's own peak RSS. Not ru_maxrss: Linux carries it across exec, so a child of a
    large benchmark process would report the parent's peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(input_path: Path, out: Path, workers: int, engine: str) -> dict:
    cmd = [sys.executable, __file__, "--one", "--input", str(input_path), "--out", str(out),
           "--engine", engine, "--workers", str(workers)]
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    stdout = proc.stdout.read() if proc.stdout else ""
    _, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        raise SystemExit(f"{engine} --workers {workers} failed: {stdout[-2000:]}")
    result = json.loads(stdout.strip().splitlines()[-1])
    # wait4: the driver plus every descendant it reaped (pool workers, Dask nannies and workers).
    result["total_cpu"] = usage.ru_utime + usage.ru_stime
    return result


def event_rows(out: Path) -> list:
    import pyarrow.dataset as ds

    return ds.dataset(out / "events.parquet", format="parquet").to_table().to_pylist()


def copies(source: Path, n: int, folder: Path) -> Path:
    """``n`` copies of a JSON Lines archive in one file, ids changed (``ID-c2`` ...)."""
    import zstandard

    target = folder / f"copies{n}.jsonl.zst"
    with source.open("rb") as raw, target.open("wb") as out:
        data = zstandard.ZstdDecompressor().stream_reader(raw).read()
        writer = zstandard.ZstdCompressor().stream_writer(out)
        for k in range(n):
            for line in io.BytesIO(data):
                if line.strip():
                    record = json.loads(line)
                    record["id"] = f"{record.get('id')}-c{k}"
                    writer.write(json.dumps(record, ensure_ascii=False).encode() + b"\n")
        writer.flush(zstandard.FLUSH_FRAME)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", type=Path, default=BULK)
    parser.add_argument("--workers", type=int, nargs="*", default=None, help="worker counts (default 1..cores)")
    parser.add_argument("--dask", type=int, default=None, help="Dask workers (default: cores; 0 = no Dask run)")
    parser.add_argument("--copies", type=int, default=0, help="run on this many copies of the input, ids changed")
    parser.add_argument("--keep", type=Path, help="write the outputs here (kept) instead of a temporary folder")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--engine", default="local", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        args.workers = args.workers[0]
        _one(args)
        return
    if not args.input.exists():
        raise SystemExit(f"no input {args.input}")
    cores = os.cpu_count() or 1
    counts = args.workers or list(range(1, cores + 1))
    dask = cores if args.dask is None else args.dask
    runs = [("local", w) for w in counts] + ([("dask", dask)] if dask else [])
    with tempfile.TemporaryDirectory(prefix="scale-") as scratch:
        tmp = str(args.keep or scratch)
        input_path = copies(args.input, args.copies, Path(tmp)) if args.copies else args.input
        print(f"input {input_path.name}; load average before: {os.getloadavg()[0]:.1f} on {cores} cores")
        print(f"{'engine':<7}{'workers':>8}{'wall s':>9}{'docs/s':>8}{'speedup':>9}{'effic.':>8}"
              f"{'driver CPU':>12}{'driver RSS':>12}{'worker RSS':>12}  events")
        base = None
        reference = None
        for engine, workers in runs:
            out = Path(tmp) / f"{engine}{workers}"
            r = measure(input_path, out, workers, engine)
            rate = r["documents"] / r["wall"]
            base = base or (r["wall"] if workers == 1 and engine == "local" else None)
            speedup = base / r["wall"] if base else float("nan")
            rows = event_rows(out)
            reference = reference if reference is not None else rows
            same = "identical" if rows == reference else "DIFFERENT"
            print(f"{engine:<7}{workers:>8}{r['wall']:>9.1f}{rate:>8.0f}{speedup:>9.2f}{speedup / workers:>8.2f}"
                  f"{100 * r['driver_cpu'] / r['total_cpu']:>11.1f}%{r['driver_rss_mb']:>10.0f}MB"
                  f"{r['worker_rss_mb']:>10.0f}MB  {len(rows)} {same}", flush=True)
        print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
