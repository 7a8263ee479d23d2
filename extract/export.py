"""`export`: the output tables as flat files for spreadsheets (CSV, JSON Lines, Excel).

Events lose their nesting: officials become "honorific+name (position) [role]" and agencies their
canonical names, each list joined with "; ". CSV is UTF-8 with a BOM so Excel shows Thai.

>>> flat_event({"event_id": "d:0", "date_start": None, "online": False, "evidence": [],
...             "officials": [{"name": "จิระ โกมุทพงศ์", "honorific": "พลเอก", "position": "กรรมการ ป.ป.ท.",
...                            "role": "chair"}],
...             "agencies": [{"name": "ปปท.", "canonical": "สำนักงาน ป.ป.ท."}]})["officials"]
'พลเอกจิระ โกมุทพงศ์ (กรรมการ ป.ป.ท.) [chair]'
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import pyarrow.dataset as ds

from .review import agency_label, items, official_label

FORMATS = ("csv", "jsonl", "xlsx")
TABLES = ("events", "documents", "mentions", "clusters")
SEPARATOR = "; "
# Columns of the flat events table, in order; evidence stays in the Parquet table (offsets are for programs).
EVENT_COLUMNS = ("event_id", "doc_id", "source", "event_index", "title", "published", "event_type", "date_start", "date_end",
                 "time_start", "time_end", "venue", "province", "province_code", "online", "participants",
                 "participants_qualifier", "officials", "agencies", "cluster_id")


class NoTable(FileNotFoundError):
    pass


def table_path(out_dir: Path, name: str) -> Path:
    """``OUT/<name>.parquet`` (a file, or a partitioned folder written by the Dask engine)."""
    path = Path(out_dir) / f"{name}.parquet"
    if not path.exists():
        raise NoTable(f"no {name} table in {out_dir} (expected {path}; run `thai-extract run ... --out {out_dir}`)")
    return path


def row_count(out_dir: Path, name: str, status: str | None = None) -> int:
    """Rows of one output table (0 when there is none); with ``status``, documents rows of that status."""
    path = Path(out_dir) / f"{name}.parquet"
    if not path.exists():
        return 0
    dataset = ds.dataset(path, format="parquet")
    return dataset.count_rows(filter=None if status is None else ds.field("status") == status)


def iter_rows(out_dir: Path, name: str, columns: list[str] | None = None) -> Iterator[dict]:
    """Rows of one output table as dicts, streamed batch by batch."""
    dataset = ds.dataset(table_path(out_dir, name), format="parquet")
    present = None if columns is None else [c for c in columns if c in dataset.schema.names]
    for batch in dataset.to_batches(columns=present, batch_size=10_000):
        yield from batch.to_pylist()


def flat_event(row: Mapping) -> dict:
    """One events row with its lists joined into strings."""
    out = {c: row.get(c) for c in EVENT_COLUMNS}
    out["officials"] = SEPARATOR.join(official_label(o, role=True) for o in items(row.get("officials")))
    agencies = dict.fromkeys(agency_label(a) for a in items(row.get("agencies")))
    out["agencies"] = SEPARATOR.join(a for a in agencies if a)
    return out


def flat_cluster(row: Mapping) -> dict:
    """One clusters row with its lists joined: "name (n articles)", event ids and sources.

    >>> flat_cluster({"officials": [{"key": "k", "name": "นายอุตตม สาวนายน", "n_articles": 2}],
    ...               "agencies": [{"canonical": "กระทรวงอุตสาหกรรม", "n_articles": 2}],
    ...               "participants": [{"doc_id": "d", "source": "a.txt", "participants": 500, "qualifier": "exact"}],
    ...               "event_ids": ["d1:0", "d2:0"]})["officials"]
    'นายอุตตม สาวนายน (2)'
    """
    out = dict(row)
    out["officials"] = SEPARATOR.join(f"{o['name']} ({o['n_articles']})" for o in items(row.get("officials")))
    out["agencies"] = SEPARATOR.join(f"{a['canonical']} ({a['n_articles']})" for a in items(row.get("agencies")))
    out["participants"] = SEPARATOR.join(f"{p['participants']} ({p['source']})" for p in items(row.get("participants")))
    for name in ("event_ids", "sources"):
        out[name] = SEPARATOR.join(items(row.get(name)))
    return out


def flat_rows(out_dir: Path, table: str = "events") -> Iterator[dict]:
    rows = iter_rows(out_dir, table)
    flat = {"events": flat_event, "clusters": flat_cluster}.get(table)
    return (flat(r) for r in rows) if flat else rows


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _json_value(value):
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def columns_of(table: str) -> list[str]:
    from .link import CLUSTERS
    from .write import SCHEMAS

    if table == "clusters":
        return CLUSTERS.names
    return list(EVENT_COLUMNS) if table == "events" else SCHEMAS[table].names


def write_csv(rows: Iterable[dict], path: Path, columns: list[str], sheet: str = "") -> int:  # noqa: ARG001
    n = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in columns])
            n += 1
    return n


def write_jsonl(rows: Iterable[dict], path: Path, columns: list[str], sheet: str = "") -> int:  # noqa: ARG001
    n = 0
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps({c: _json_value(row.get(c)) for c in columns}, ensure_ascii=False) + "\n")
            n += 1
    return n


def write_xlsx(rows: Iterable[dict], path: Path, columns: list[str], sheet: str = "events") -> int:
    try:
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font
    except ImportError as e:
        raise ImportError("xlsx export needs openpyxl: pip install 'thai-extract[xlsx]'") from e
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet)
    ws.freeze_panes = "A2"
    header = []
    for name in columns:
        cell = WriteOnlyCell(ws, value=name)
        cell.font = Font(bold=True)
        header.append(cell)
    ws.append(header)
    n = 0
    for row in rows:
        # Dates stay dates (Excel sorts and filters them); lists are already strings.
        values = (row.get(c) for c in columns)
        ws.append([v if v is None or isinstance(v, (int, float, bool, dt.date)) else str(v) for v in values])
        n += 1
    wb.save(path)
    return n


WRITERS = {"csv": write_csv, "jsonl": write_jsonl, "xlsx": write_xlsx}


def export(out_dir: Path, fmt: str, dest: Path | None = None, table: str = "events") -> tuple[Path, int]:
    """Write one table of a run's output as ``fmt``; returns the file written and its row count.

    The default destination is ``OUT_DIR/<table>.<fmt>``.
    """
    if fmt not in WRITERS:
        raise ValueError(f"unknown format {fmt!r}: use {', '.join(FORMATS)}")
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}: use {', '.join(TABLES)}")
    dest = Path(dest) if dest is not None else Path(out_dir) / f"{table}.{fmt}"
    rows = flat_rows(Path(out_dir), table)
    return dest, WRITERS[fmt](rows, dest, columns_of(table), sheet=table)
