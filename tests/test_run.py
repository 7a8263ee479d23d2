"""Whole runs: parallel workers, incremental re-runs, resuming a killed run, the Dask engine."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import REPO, SHARED, rows
from typer.testing import CliRunner

from extract import ner
from extract.cli import app
from extract.runner import Options, run

TABLES = ("documents", "events", "mentions")
RAW = REPO / "data" / "raw"



@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """The dev articles and the seeds (24 documents), or data/raw (5) where ../shared is absent."""
    folder = tmp_path / "in"
    folder.mkdir()
    if SHARED.exists():
        files = sorted((SHARED / "corpus" / "dev").glob("*.txt")) + sorted((SHARED / "seeds").glob("*.txt"))
    else:
        files = sorted(RAW.glob("*.txt"))
    for f in files:
        shutil.copy(f, folder / f.name)
    return folder


def size(corpus: Path) -> int:
    return len(list(corpus.iterdir()))


def test_workers_give_identical_tables(corpus: Path, tmp_path: Path) -> None:
    one = run([corpus], tmp_path / "one", Options(workers=1, batch_size=3))
    two = run([corpus], tmp_path / "two", Options(workers=2, batch_size=3))
    assert one.ok == two.ok == size(corpus)
    for name in TABLES:
        assert rows(tmp_path / "one", name) == rows(tmp_path / "two", name)


def test_second_run_processes_nothing_and_force_redoes_all(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run([corpus], out, Options(workers=1))
    before = {name: rows(out, name) for name in TABLES}
    again = run([corpus], out, Options(workers=1))
    assert (again.processed, again.skipped) == (0, size(corpus))
    assert {name: rows(out, name) for name in TABLES} == before
    forced = run([corpus], out, Options(workers=1, force=True))
    assert forced.processed == first.processed == size(corpus)
    assert {name: rows(out, name) for name in TABLES} == before


def test_new_files_are_added_to_the_output(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run([corpus], out, Options(workers=1))
    extra = tmp_path / "extra"
    extra.mkdir()
    shutil.copy(RAW / "000_e239ff99cf73e3c0.txt", extra / "copy-of-seed.txt")  # a seed, in both corpora
    (extra / "new.txt").write_text("วันนี้ (18 ม.ค. 61) เวลา 10.00 น. ณ ทำเนียบรัฐบาล นายกรัฐมนตรีเป็นประธาน", encoding="utf-8")
    summary = run([extra], out, Options(workers=1))
    # The copy has the bytes of a known document: a row of its own, a duplicate of the first.
    assert (summary.ok, summary.duplicate, summary.skipped) == (1, 1, 0)
    docs = rows(out, "documents")
    assert len(docs) == size(corpus) + 2 and docs[-1]["source"] == "new.txt"
    copy = next(d for d in docs if d["source"] == "copy-of-seed.txt")
    seed = next(d for d in docs if d["source"] == "000_e239ff99cf73e3c0.txt")
    assert (copy["status"], copy["duplicate_of"]) == ("duplicate", seed["doc_id"])
    assert "copy-of-seed.txt" not in {e["source"] for e in rows(out, "events")}
    again = run([corpus, extra], out, Options(workers=1))
    assert (again.processed, again.skipped) == (0, size(corpus) + 2)


def test_killed_run_resumes_to_the_clean_result(corpus: Path, tmp_path: Path, kill_after_first_part) -> None:
    clean, killed = tmp_path / "clean", tmp_path / "killed"
    run([corpus], clean, Options(workers=1, batch_size=2))
    kill_after_first_part([str(corpus), "--workers", "1", "--batch-size", "2"], killed)
    assert not (killed / "documents.parquet").exists(), "the run finished before it was killed"
    resumed = run([corpus], killed, Options(workers=1, batch_size=2))
    assert resumed.skipped >= 2 and resumed.processed < size(corpus)
    for name in TABLES:
        assert rows(killed, name) == rows(clean, name)


def test_dask_local_cluster_gives_the_same_rows(corpus: Path, tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    run([corpus], tmp_path / "local", Options(workers=1, batch_size=10))
    summary = run([corpus], tmp_path / "dask", Options(workers=2, batch_size=10, engine="dask"))
    assert summary.ok == size(corpus)
    assert (tmp_path / "dask" / "events.parquet").is_dir()  # a partitioned dataset
    for name in TABLES:
        assert rows(tmp_path / "dask", name) == rows(tmp_path / "local", name)


def test_republished_article_is_flagged_as_duplicate(tmp_path: Path, shared: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    original = (shared / "corpus" / "dev" / "thaigov-v2_86883.txt").read_text(encoding="utf-8")
    (folder / "a.txt").write_text(original, encoding="utf-8")
    # The same release republished a day later under another page date and footer.
    (folder / "b.txt").write_text(original.replace("วันพฤหัสบดีที่ 8 สิงหาคม 2567", "วันศุกร์ที่ 9 สิงหาคม 2567")
                                  + "\nเผยแพร่ซ้ำ", encoding="utf-8")
    (folder / "c.txt").write_text((shared / "seeds" / "000_e239ff99cf73e3c0.txt").read_text(encoding="utf-8"),
                                  encoding="utf-8")
    summary = run([folder], tmp_path / "out", Options(workers=1))
    assert (summary.ok, summary.duplicate) == (2, 1)
    docs = {d["source"]: d for d in rows(tmp_path / "out", "documents")}
    assert docs["b.txt"]["status"] == "duplicate"
    assert docs["b.txt"]["duplicate_of"] == docs["a.txt"]["doc_id"]
    assert {e["source"] for e in rows(tmp_path / "out", "events")} == {"a.txt", "c.txt"}


def test_a_model_that_does_not_load_stops_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "model.crfsuite"
    broken.write_bytes(b"not a CRF model")
    monkeypatch.setattr(ner, "MODEL_PATH", broken)
    ner.load_model.cache_clear()
    try:
        result = CliRunner().invoke(app, ["run", str(RAW), "--out", str(tmp_path / "out"), "--no-progress"])
    finally:
        ner.load_model.cache_clear()
    assert result.exit_code == 1
    assert "cannot start" in result.output and str(broken) in result.output
    assert not (tmp_path / "out" / "documents.parquet").exists()
