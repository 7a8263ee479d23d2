"""The three output tables: schema (a contract other tools read) and atomic writers.

Rows are buffered and written as Parquet row groups, so memory stays bounded; each
table is written to a temporary file in the output directory and renamed into place
when the run completes, so a crash never leaves a half-written table behind.
"""

from __future__ import annotations

import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

OFFICIAL = pa.struct([("name", pa.string()), ("honorific", pa.string()), ("position", pa.string()),
                      ("role", pa.string()), ("start", pa.int32()), ("end", pa.int32())])
AGENCY = pa.struct([("name", pa.string()), ("canonical", pa.string()), ("acronym", pa.string()),
                    ("kind", pa.string()), ("start", pa.int32()), ("end", pa.int32())])
EVIDENCE = pa.struct([("field", pa.string()), ("text", pa.string()), ("method", pa.string()),
                      ("start", pa.int32()), ("end", pa.int32()), ("confidence", pa.float32())])

EVENTS = pa.schema([
    ("event_id", pa.string()), ("doc_id", pa.string()), ("source", pa.string()),
    ("event_index", pa.int32()), ("title", pa.string()), ("event_type", pa.string()),
    ("date_start", pa.date32()), ("date_end", pa.date32()),
    ("time_start", pa.string()), ("time_end", pa.string()),
    ("venue", pa.string()), ("province", pa.string()), ("province_code", pa.string()),
    ("online", pa.bool_()), ("participants", pa.int64()), ("participants_qualifier", pa.string()),
    ("officials", pa.list_(OFFICIAL)), ("agencies", pa.list_(AGENCY)), ("evidence", pa.list_(EVIDENCE)),
])
DOCUMENTS = pa.schema([
    ("doc_id", pa.string()), ("source", pa.string()), ("encoding", pa.string()), ("chars", pa.int64()),
    ("title", pa.string()), ("published", pa.date32()), ("status", pa.string()), ("error", pa.string()),
    ("n_events", pa.int32()), ("pipeline_version", pa.string()),
])
MENTIONS = pa.schema([
    ("doc_id", pa.string()), ("kind", pa.string()), ("text", pa.string()), ("value", pa.string()),
    ("start", pa.int32()), ("end", pa.int32()), ("method", pa.string()), ("confidence", pa.float32()),
])
SCHEMAS = {"events": EVENTS, "documents": DOCUMENTS, "mentions": MENTIONS}


class TableWriter:
    """Buffers rows of one table and writes them as row groups to ``<name>.parquet``."""

    def __init__(self, out_dir: Path, name: str, row_group_size: int = 5000):
        self.path = out_dir / f"{name}.parquet"
        self.tmp = out_dir / f".{name}.parquet.{os.getpid()}.tmp"
        self.schema = SCHEMAS[name]
        self.rows: list[dict] = []
        self.row_group_size = row_group_size
        self.writer = pq.ParquetWriter(self.tmp, self.schema, compression="zstd")

    def add(self, rows: list[dict]) -> None:
        self.rows.extend(rows)
        if len(self.rows) >= self.row_group_size:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            self.writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def close(self) -> None:
        self.flush()
        self.writer.close()
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        try:
            self.writer.close()
        finally:
            self.tmp.unlink(missing_ok=True)


class OutputWriter:
    """The three tables of one run, committed together by :meth:`close`."""

    def __init__(self, out_dir: Path, row_group_size: int = 5000):
        out_dir.mkdir(parents=True, exist_ok=True)
        self.tables = {name: TableWriter(out_dir, name, row_group_size) for name in SCHEMAS}

    def add(self, name: str, rows: list[dict]) -> None:
        self.tables[name].add(rows)

    def close(self) -> None:
        for t in self.tables.values():
            t.close()

    def abort(self) -> None:
        for t in self.tables.values():
            t.abort()
