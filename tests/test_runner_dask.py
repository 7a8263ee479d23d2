"""The Dask engine: a real scheduler and workers, timeouts in Dask, atomic partitioned commits and
resume after kill -9. Apart from tests/test_runner.py so that the two test workers share the load."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import REPO, SEED, invoke, rows

from extract import write
from extract.runner import Options, run

TABLES = ("documents", "events", "mentions")




def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_dask_partitioned_commit_rolls_forward_after_a_crash(tmp_path: Path, articles: list[str]) -> None:
    pytest.importorskip("dask.distributed")
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / "a.txt")
    out = tmp_path / "out"
    run([folder], out, Options(workers=1))
    (folder / "b.txt").write_text(articles[1], encoding="utf-8")
    # A commit that stops right after writing its manifest (the point where a kill hurt before).
    real = write.finish_commit
    calls = []

    def stop_once(out_dir):
        if (Path(out_dir) / write.COMMIT_MANIFEST).exists() and not calls:
            calls.append(1)
            raise KeyboardInterrupt
        return real(out_dir)

    write.finish_commit = stop_once
    try:
        with pytest.raises(KeyboardInterrupt):
            run([folder], out, Options(workers=1, engine="dask"))
    finally:
        write.finish_commit = real
    assert (out / write.COMMIT_MANIFEST).exists()
    again = run([folder], out, Options(workers=2, engine="dask"))
    assert again.skipped == 2 and again.processed == 0
    assert [d["source"] for d in rows(out, "documents")] == ["a.txt", "b.txt"]
    assert {e["source"] for e in rows(out, "events")} == {"a.txt", "b.txt"}


def test_dask_engine_honours_the_document_timeout(tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    folder = tmp_path / "in"
    folder.mkdir()
    seed = SEED.read_text(encoding="utf-8")
    (folder / "a_long.txt").write_text((seed * (1_900_000 // len(seed) + 1))[:1_900_000], encoding="utf-8")
    # A short article: milliseconds, well inside the limit even on a busy machine.
    (folder / "b.txt").write_text("วันที่ 8 ธันวาคม 2563 เวลา 10.00 น. ณ ศาลากลางจังหวัดเชียงใหม่ นายสมชาย ใจดี "
                                  "ผู้ว่าราชการจังหวัดเชียงใหม่ เปิดงาน", encoding="utf-8")
    started = time.monotonic()
    run([folder], tmp_path / "out", Options(workers=1, engine="dask", doc_timeout=2))
    docs = {d["source"]: d for d in rows(tmp_path / "out", "documents")}
    assert docs["a_long.txt"]["error"] == "a_long.txt: timed out after 2 s"
    assert docs["b.txt"]["status"] == "ok"
    assert time.monotonic() - started < 300


def test_a_real_dask_scheduler_and_two_workers(mixed: Path, tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    dask = shutil.which("dask", path=str(Path(sys.executable).parent))
    if dask is None:
        pytest.skip("no dask command")
    from dask.distributed import Client

    address = f"tcp://127.0.0.1:{_free_port()}"
    env = {**os.environ, "PYTHONPATH": str(REPO)}  # the workers import this checkout
    procs = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1],
                               "--no-dashboard"], env=env, cwd=tmp_path, start_new_session=True,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        for _ in range(2):
            procs.append(subprocess.Popen([dask, "worker", address, "--nthreads", "1", "--nworkers", "1",
                                           "--host", "127.0.0.1", "--no-dashboard"], env=env, cwd=tmp_path,
                                          start_new_session=True, stdout=subprocess.DEVNULL,
                                          stderr=subprocess.DEVNULL))
        with Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=120)
        run([mixed], tmp_path / "local", Options(workers=1, batch_size=5))
        result = invoke(str(mixed), "--out", str(tmp_path / "dask"), "--engine", "dask", "--scheduler", address,
                        "--batch-size", "5")
        assert result.exit_code == 0, result.output
        assert (tmp_path / "dask" / "events.parquet").is_dir()
        for name in TABLES:
            assert rows(tmp_path / "dask", name) == rows(tmp_path / "local", name), name
    finally:
        for p in procs:
            try:
                os.killpg(p.pid, signal.SIGKILL)  # each command with its nanny, worker and child
            except ProcessLookupError:
                pass
        for p in procs:
            p.wait(timeout=30)


def test_dask_run_killed_with_sigkill_resumes_to_the_clean_result(mixed: Path, tmp_path: Path,
                                                                   kill_after_first_part) -> None:
    pytest.importorskip("dask.distributed")
    clean, killed = tmp_path / "clean", tmp_path / "killed"
    run([mixed], clean, Options(workers=1, batch_size=5))
    # The driver, its cluster and the workers' children go together.
    kill_after_first_part([str(mixed), "--workers", "2", "--batch-size", "5", "--engine", "dask"], killed, 120)
    assert not (killed / "documents.parquet").exists(), "the run finished before it was killed"
    resumed = run([mixed], killed, Options(workers=2, batch_size=5, engine="dask"))
    assert resumed.skipped >= 1
    key = lambda r: json.dumps(r, sort_keys=True, default=str, ensure_ascii=False)  # noqa: E731
    for name in TABLES:
        # Shares finished out of order before the kill come first: the same rows, maybe in another order.
        assert sorted(map(key, rows(killed, name))) == sorted(map(key, rows(clean, name))), name
