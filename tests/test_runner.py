"""The runner without a serial driver: shares, exact duplicates across workers and share sizes, FIFOs,
stale temporary files, bounded memory, workers that die with their driver (Dask: test_runner_dask.py)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.dataset as ds
import pytest
import zstandard
from helpers import REPO, SEED, invoke, rows

from extract import shares
from extract.ingest import iter_sources
from extract.runner import Options, run

TABLES = ("documents", "events", "mentions")




def test_shares_read_the_same_documents_as_one_reader(mixed: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(shares, "SPOOL_OVER", 0)  # the compressed file is spooled and cut too
    limits = shares.limits_of()
    plan = list(shares.plan([mixed], tmp_path / "spool", 5, limits))
    assert len(plan) > 5 and [s.seq for s in plan] == list(range(len(plan)))
    cut = [(s.source, s.doc_id, s.error) for share in plan for s in shares.read_share(share, limits)]
    whole = [(s.source, s.doc_id, s.error) for s in iter_sources([mixed])]
    assert cut == whole


@pytest.mark.parametrize("batch_size", [1, 7, 200])
def test_duplicates_do_not_depend_on_workers_or_share_size(mixed: Path, tmp_path: Path, batch_size: int) -> None:
    one = run([mixed], tmp_path / "one", Options(workers=1, batch_size=200))
    two = run([mixed], tmp_path / "two", Options(workers=2, batch_size=batch_size))
    assert one.duplicate == two.duplicate > 40
    for name in TABLES:
        assert rows(tmp_path / "one", name) == rows(tmp_path / "two", name), name
    docs = {d["source"]: d for d in rows(tmp_path / "two", "documents")}
    assert docs["a9.txt"]["status"] == "duplicate" and docs["a9.txt"]["duplicate_of"] == docs["a0.txt"]["doc_id"]
    assert docs["b.jsonl#near"]["duplicate_of"] == docs["a1.txt"]["doc_id"]


def test_resumed_run_flags_the_same_duplicates(mixed: Path, tmp_path: Path) -> None:
    clean = tmp_path / "clean"
    run([mixed], clean, Options(workers=1))
    out = tmp_path / "out"
    first = [p for p in sorted(mixed.iterdir()) if p.suffix == ".txt"]
    for p in first:
        (tmp_path / "part1").mkdir(exist_ok=True)
        shutil.copy(p, tmp_path / "part1" / p.name)
    run([tmp_path / "part1"], out, Options(workers=1))
    again = run([mixed], out, Options(workers=2, batch_size=5))
    assert again.skipped == len(first)
    key = lambda r: (r["source"], r["doc_id"], r["status"], r["duplicate_of"])  # noqa: E731
    assert sorted(map(key, rows(out, "documents"))) == sorted(map(key, rows(clean, "documents")))


def test_fifo_gets_an_unsupported_row_and_does_not_hang(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / "a.txt")
    os.mkfifo(folder / "pipe.txt")
    os.mkfifo(folder / "pipe.jsonl")
    started = time.monotonic()
    result = invoke(str(folder), "--out", str(tmp_path / "out"), "--workers", "1")
    assert time.monotonic() - started < 60 and result.exit_code == 0
    docs = {d["source"]: d for d in rows(tmp_path / "out", "documents")}
    assert docs["a.txt"]["status"] == "ok"
    assert docs["pipe.txt"]["status"] == docs["pipe.jsonl"]["status"] == "unsupported"
    assert docs["pipe.txt"]["error"] == "pipe.txt: a named pipe, not a regular file; not read"


def test_stale_temporary_files_are_removed(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / "a.txt")
    out = tmp_path / "out"
    out.mkdir()
    stale = [out / ".events.parquet.4242.tmp", out / ".documents.parquet.4242.tmp"]
    for p in stale:
        p.write_bytes(b"x" * 1000)
    (out / ".parts" / ".000-1.4242.tmp").mkdir(parents=True)
    assert invoke(str(folder), "--out", str(out), "--workers", "1").exit_code == 0
    assert not any(p.exists() for p in stale)
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")] and not (out / ".parts").exists()


def test_millions_of_bad_lines_and_blank_lines_stay_small(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "blank.jsonl.zst").write_bytes(zstandard.ZstdCompressor().compress(b"\n" * 50_000_000))
    (folder / "empty.jsonl.zst").write_bytes(zstandard.ZstdCompressor().compress(b"{}\n" * 100_000))
    started = time.monotonic()
    summary = run([folder], tmp_path / "out", Options(workers=2, batch_size=5000))
    assert time.monotonic() - started < 300  # minutes before, most of them on the newlines
    assert summary.failed == 100_000 and len(summary.errors) == 20
    docs = ds.dataset(tmp_path / "out" / "documents.parquet").to_table(columns=["status"])
    assert docs.num_rows == 100_000


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_die_with_a_killed_driver(tmp_path: Path, articles: list[str]) -> None:
    """``kill -9`` of the driver alone (not its process group, as a user or an OOM killer does):
    its workers stop at once instead of finishing their share and writing parts behind the back
    of the next run."""
    texts = articles
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(600):  # distinct articles in shares of 200: each worker is mid-share when killed
        (folder / f"a{i:03d}.txt").write_text(texts[i % len(texts)] + f"\nฉบับที่ {i}", encoding="utf-8")
    cmd = [sys.executable, "-c", "from extract.cli import main; main()", "run", str(folder), "--out",
           str(tmp_path / "out"), "--workers", "2", "--batch-size", "200", "--no-progress"]
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        listing = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(listing.read_text().split()) < 2:
            time.sleep(0.05)
        children = [int(p) for p in listing.read_text().split()]
        assert len(children) >= 2, "the run had no worker processes"
        time.sleep(3)  # warmed up, into their first share
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        # Workers poll for their parent every 0.5 s; 10 s leaves room for a loaded machine, and a
        # worker that went on with its share instead would have written a part by then.
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(Path(f"/proc/{c}").exists() for c in children):
            time.sleep(0.05)
        assert not any(Path(f"/proc/{c}").exists() for c in children), "a worker outlived its driver"
        assert not list((tmp_path / "out" / ".parts").glob("*.parquet")), "a part was written after the kill"
    finally:
        subprocess.run(["pkill", "-9", "-s", str(proc.pid)], check=False)  # whatever is left of the session


POOL_SCRIPT = """
import gc, multiprocessing
from extract.runner import die_with_parent

def same(x):
    return x

if __name__ == "__main__":
    for _ in range(5):
        pool = multiprocessing.get_context("fork").Pool(2, initializer=die_with_parent, maxtasksperchild=1)
        assert list(pool.imap(same, range(20))) == list(range(20))
        pool.close()
        pool.join()
        del pool
        gc.collect()
    print("exited")
"""


def test_a_pool_that_replaces_its_workers_still_exits(tmp_path: Path) -> None:
    # Replacement workers are forked by the pool's handler thread; a death signal tied to that
    # thread (PR_SET_PDEATHSIG) killed them at close() while one held the task queue's lock, and
    # the pool's finalizer then waited for ever (a 60,000-document run never exited).
    script = tmp_path / "pool.py"
    script.write_text(POOL_SCRIPT, encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script)], cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)},
                          capture_output=True, text=True, timeout=120)
    assert proc.stdout.strip() == "exited", proc.stderr
