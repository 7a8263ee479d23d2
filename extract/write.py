"""The three output tables: their schema (a contract other tools read) and the store.

A run writes its results batch by batch as *parts* under ``OUT/.parts/`` (each part
renamed into place when complete, so a killed run keeps every finished batch). At the
end the previous tables and the parts are streamed, row group by row group, into new
``events.parquet``, ``documents.parquet`` and ``mentions.parquet`` that replace the old
ones atomically. Memory stays bounded by one batch; a crash leaves the previous output
readable.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

OFFICIAL = pa.struct([("name", pa.string()), ("honorific", pa.string()), ("position", pa.string()),
                      ("role", pa.string()), ("start", pa.int32()), ("end", pa.int32())])
AGENCY = pa.struct([("name", pa.string()), ("canonical", pa.string()), ("acronym", pa.string()),
                    ("kind", pa.string()), ("start", pa.int32()), ("end", pa.int32())])
EVIDENCE = pa.struct([("field", pa.string()), ("text", pa.string()), ("method", pa.string()),
                      ("start", pa.int32()), ("end", pa.int32()), ("confidence", pa.float32())])

EVENTS = pa.schema([
    ("event_id", pa.string()), ("doc_id", pa.string()), ("source", pa.string()),
    ("event_index", pa.int32()), ("title", pa.string()), ("published", pa.date32()), ("event_type", pa.string()),
    ("date_start", pa.date32()), ("date_end", pa.date32()),
    ("time_start", pa.string()), ("time_end", pa.string()),
    ("venue", pa.string()), ("province", pa.string()), ("province_code", pa.string()),
    ("online", pa.bool_()), ("participants", pa.int64()), ("participants_qualifier", pa.string()),
    ("officials", pa.list_(OFFICIAL)), ("agencies", pa.list_(AGENCY)), ("evidence", pa.list_(EVIDENCE)),
    ("cluster_id", pa.string()),  # set after the run by link.py: events reporting one occurrence share it
])
DOCUMENTS = pa.schema([
    ("doc_id", pa.string()), ("source", pa.string()), ("encoding", pa.string()), ("chars", pa.int64()),
    ("title", pa.string()), ("published", pa.date32()), ("status", pa.string()), ("error", pa.string()),
    ("n_events", pa.int32()), ("pipeline_version", pa.string()), ("duplicate_of", pa.string()),
])
MENTIONS = pa.schema([
    ("doc_id", pa.string()), ("kind", pa.string()), ("text", pa.string()), ("value", pa.string()),
    ("start", pa.int32()), ("end", pa.int32()), ("method", pa.string()), ("confidence", pa.float32()),
])
SCHEMAS = {"documents": DOCUMENTS, "events": EVENTS, "mentions": MENTIONS}
PARTS = ".parts"


def table(name: str, rows: list[dict]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=SCHEMAS[name])


def write_part(out_dir: Path, part_name: str, rows: dict[str, list[dict]]) -> Path:
    """Write one batch's three tables as a part; the rename makes it all-or-nothing."""
    parts = out_dir / PARTS
    final = parts / part_name
    tmp = parts / f".{part_name}.{os.getpid()}.tmp"
    tmp.mkdir(parents=True, exist_ok=True)
    for name in SCHEMAS:
        pq.write_table(table(name, rows.get(name, [])), tmp / f"{name}.parquet", compression="zstd")
    os.replace(tmp, final)
    return final


def part_name(run: str, seq: int, part: int = 0) -> str:
    """Sorted by name, parts keep their input order: runs in time order, shares, then batches."""
    return f"{run}-{seq:09d}-{part:06d}"


def new_part_name(seq: int) -> str:
    return part_name(f"{time.time_ns():020d}", seq)


def part_dirs(out_dir: Path) -> list[Path]:
    parts = out_dir / PARTS
    if not parts.is_dir():
        return []
    return sorted(p for p in parts.iterdir() if p.is_dir() and not p.name.startswith("."))


def table_path(out_dir: Path, name: str) -> Path:
    return out_dir / f"{name}.parquet"


def _conform(t: pa.Table, schema: pa.Schema) -> pa.Table:
    """Columns in schema order; a column an older version did not write becomes nulls."""
    cols = [t.column(f.name) if f.name in t.column_names else pa.nulls(t.num_rows, f.type) for f in schema]
    return pa.Table.from_arrays(cols, schema=schema)


def _tables(path: Path, schema: pa.Schema) -> Iterator[pa.Table]:
    if not path.exists():
        return
    for batch in ds.dataset(path, format="parquet").to_batches(batch_size=20_000):
        if batch.num_rows:
            yield _conform(pa.Table.from_batches([batch]), schema)


def commit(out_dir: Path, keep_previous: bool = True, partitioned: bool = False) -> None:
    """Stream the previous tables and every part into new tables, then swap them in.

    ``partitioned`` (the Dask engine) instead moves each part into a folder per table,
    ``events.parquet/part-*.parquet``, a dataset that pandas, pyarrow, DuckDB and Polars
    read exactly like the single file.
    """
    finish_commit(out_dir)
    parts = part_dirs(out_dir)
    if partitioned:
        _commit_partitioned(out_dir, parts, keep_previous)
        return
    swaps = {}
    # A document processed again (retried after an error, or at a new pipeline version) replaces its old rows.
    redone = pa.array(_part_doc_ids(parts), pa.string())
    # All three new tables are written before any is swapped in ...
    for name, schema in SCHEMAS.items():
        final = table_path(out_dir, name)
        tmp = out_dir / f".{name}.parquet.{os.getpid()}.tmp"
        with pq.ParquetWriter(tmp, schema, compression="zstd") as writer:
            if keep_previous:
                for t in _tables(final, schema):
                    if len(redone):
                        t = t.filter(pc.invert(pc.is_in(t.column("doc_id"), value_set=redone)))
                    writer.write_table(t)
            for part in parts:
                for t in _tables(part / f"{name}.parquet", schema):
                    writer.write_table(t)
        swaps[str(tmp)] = str(final)
    # ... and a manifest makes the swap all-or-nothing: a crash past this point is rolled
    # forward by the next run (finish_commit) instead of leaving tables that disagree.
    _swap(out_dir, swaps, parts)


def _part_doc_ids(parts: list[Path]) -> list[str]:
    """doc_ids processed again; a duplicate row (the same bytes under another name) replaces nothing."""
    ids: set[str] = set()
    for part in parts:
        path = part / "documents.parquet"
        if path.exists():
            t = pq.read_table(path, columns=["doc_id", "status"])
            t = t.filter(pc.not_equal(t.column("status"), "duplicate"))
            ids.update(t.column("doc_id").to_pylist())
    return sorted(ids)


COMMIT_MANIFEST = ".commit-pending.json"


def _swap(out_dir: Path, swaps: dict[str, str], parts: list[Path]) -> None:
    """Write the manifest of table swaps (atomically), then carry it out; a crash past the manifest
    is rolled forward by the next run's ``finish_commit``."""
    manifest = out_dir / COMMIT_MANIFEST
    tmp_manifest = manifest.with_suffix(".tmp")
    tmp_manifest.write_text(json.dumps({"swaps": swaps, "parts": [str(p) for p in parts]}), encoding="utf-8")
    os.replace(tmp_manifest, manifest)
    finish_commit(out_dir)


def finish_commit(out_dir: Path) -> None:
    """Complete a commit whose manifest was written: swap the tables in, drop the parts."""
    manifest = out_dir / COMMIT_MANIFEST
    if not manifest.exists():
        return
    plan = json.loads(manifest.read_text(encoding="utf-8"))
    for tmp, final in plan["swaps"].items():
        if Path(tmp).exists():
            if Path(final).is_dir() or (Path(tmp).is_dir() and Path(final).exists()):
                # A folder cannot be renamed over: the old one is moved aside, then dropped.
                old = Path(final).with_name(f".{Path(final).name}.old-{Path(tmp).name}")
                os.replace(final, old)
                os.replace(tmp, final)
                shutil.rmtree(old, ignore_errors=True) if old.is_dir() else old.unlink(missing_ok=True)
            else:
                os.replace(tmp, final)
    for part in plan["parts"]:
        shutil.rmtree(part, ignore_errors=True)
    shutil.rmtree(out_dir / PARTS, ignore_errors=True)
    manifest.unlink()


def _commit_partitioned(out_dir: Path, parts: list[Path], keep_previous: bool) -> None:
    """Each table a folder of parts, built beside the old one (hard links, no copy) and swapped in
    under the same manifest as the single-file commit: all three tables change, or none."""
    stamp = f"{time.time_ns():020d}"
    swaps = {}
    for name in SCHEMAS:
        final = table_path(out_dir, name)
        new = out_dir / f".{name}.parquet.new-{stamp}"
        new.mkdir()
        if keep_previous and final.is_dir():
            for f in sorted(final.iterdir()):
                _link(f, new / f.name)
        elif keep_previous and final.is_file():
            _link(final, new / "part-00000000000000000000-000000000.parquet")  # an earlier local run's table
        for part in parts:
            if (part / f"{name}.parquet").exists():
                _link(part / f"{name}.parquet", new / f"part-{part.name}.parquet")
        swaps[str(new)] = str(final)
    _swap(out_dir, swaps, parts)


def _link(src: Path, dst: Path) -> None:
    try:
        os.link(src, dst)
    except OSError:  # a file system without hard links
        shutil.copyfile(src, dst)


def iter_done(out_dir: Path) -> Iterator[dict[str, list]]:
    """source, doc_id, pipeline_version and status of every documents row (tables and parts),
    a batch at a time."""
    finish_commit(out_dir)
    sources = [table_path(out_dir, "documents")] + [p / "documents.parquet" for p in part_dirs(out_dir)]
    for path in sources:
        if path.exists():
            for batch in ds.dataset(path, format="parquet").to_batches(
                    columns=["source", "doc_id", "pipeline_version", "status"], batch_size=65536):
                yield batch.to_pydict()


def remove_stale(out_dir: Path) -> None:
    """Leftovers of a killed or failed run: temporary tables, half-written parts, old table folders.

    Called once no commit is pending, so nothing here is still needed; without it a disk left
    full by a failed merge stays full."""
    for pattern in (".*.parquet.*.tmp", ".*.parquet.new-*", ".*.parquet.old-*", ".*.parquet.*.part"):
        for p in out_dir.glob(pattern):
            shutil.rmtree(p, ignore_errors=True) if p.is_dir() else p.unlink(missing_ok=True)
    parts = out_dir / PARTS
    if parts.is_dir():
        for p in parts.iterdir():
            if p.name.startswith("."):
                shutil.rmtree(p, ignore_errors=True) if p.is_dir() else p.unlink(missing_ok=True)


def clear_parts(out_dir: Path) -> None:
    """Forget unfinished work of an earlier run (``--force``); the tables stay until the commit."""
    finish_commit(out_dir)
    shutil.rmtree(out_dir / PARTS, ignore_errors=True)
