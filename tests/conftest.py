from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import zstandard
from helpers import REPO, SHARED


@pytest.fixture
def shared() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared is not present")
    return SHARED


# The slowest modules, slowest first. xdist (--dist loadscope) hands out whole modules in
# collection order, so these start at once on the two workers instead of last on one of them.
SLOW_FIRST = ("test_runner_dask.py", "test_runner.py", "test_regex_safety.py", "test_reliability.py", "test_run.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {name: i for i, name in enumerate(SLOW_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(SLOW_FIRST)))


def _articles() -> list[str]:
    folder = SHARED / "corpus" / "dev" if (SHARED / "corpus" / "dev").is_dir() else REPO / "data" / "raw"
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))[:8]]


@pytest.fixture
def articles() -> list[str]:
    """Up to eight real articles (dev, or the seeds without ../shared)."""
    return _articles()


@pytest.fixture
def kill_after_first_part():
    """Start ``thai-extract run ARGS --out OUT`` in a session of its own and ``kill -9`` the whole
    session (driver, workers, a Dask cluster) as soon as its first part is on disk."""

    def start_and_kill(args: list[str], out: Path, timeout: float = 60) -> None:
        cmd = [sys.executable, "-c", "from extract.cli import main; main()", "run", *args, "--out", str(out),
               "--no-progress"]
        proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)
        parts = out / ".parts"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not (parts.is_dir() and any(
                not p.name.startswith(".") for p in parts.iterdir())):
            time.sleep(0.01)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()

    return start_and_kill


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """Articles as files, as JSON Lines (plain and compressed, with copies and near-copies) and Parquet."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    texts = _articles()
    folder = tmp_path / "in"
    folder.mkdir()
    for i, t in enumerate(texts[:3]):
        (folder / f"a{i}.txt").write_text(t, encoding="utf-8")
    (folder / "a9.txt").write_text(texts[0], encoding="utf-8")  # an exact copy under another name
    records = [{"id": f"r{i}", "text": t} for i, t in enumerate(texts)]
    records += [{"id": "near", "text": texts[1] + "\nเผยแพร่ซ้ำ"}, {"id": "copy", "text": texts[2]}, {"x": 1}]
    lines = b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in records)
    (folder / "b.jsonl").write_bytes(lines + b"\n\n")
    big = lines * 40  # over SPOOL_OVER compressed? no: cut by the batch size from a spool all the same
    (folder / "c.jsonl.zst").write_bytes(zstandard.ZstdCompressor().compress(big))
    pq.write_table(pa.table({"id": [f"p{i}" for i in range(len(texts))], "text": texts}), folder / "d.parquet",
                   row_group_size=3)
    return folder
