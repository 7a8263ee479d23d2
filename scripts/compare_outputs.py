"""Compare the three tables of two output folders row for row.

    python scripts/compare_outputs.py A_OUT B_OUT [--show 20]

For restructuring work: a change that should alter no output is checked by running the
pipeline before and after it and comparing. ``pipeline_version`` (a hash of the code) is left
out, as is the order of documents within the tables (rows are matched by their key). Prints
each difference and exits 1 when there is any, 0 when the outputs are the same.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pyarrow.dataset as ds

IGNORED = {"pipeline_version"}
# Columns that identify a row; the rest is compared. Mentions have no id: the whole row is the key
# and the comparison is of multisets.
KEYS = {"documents": ("doc_id",), "events": ("event_id",), "mentions": None}


def _rows(out_dir: Path, table: str) -> list[dict]:
    path = out_dir / f"{table}.parquet"
    if not path.exists():
        sys.exit(f"error: {path} does not exist")
    rows = ds.dataset(path, format="parquet").to_table().to_pylist()
    return [{k: v for k, v in r.items() if k not in IGNORED} for r in rows]


def _key(row: dict, cols: tuple[str, ...] | None) -> str:
    picked = row if cols is None else {c: row[c] for c in cols}
    return json.dumps(picked, ensure_ascii=False, sort_keys=True, default=str)


def compare_table(a_dir: Path, b_dir: Path, table: str) -> list[str]:
    """One line per difference between the two versions of ``table``."""
    cols = KEYS[table]
    a: dict[str, list[dict]] = {}
    b: dict[str, list[dict]] = {}
    for rows, index in ((_rows(a_dir, table), a), (_rows(b_dir, table), b)):
        for r in rows:
            index.setdefault(_key(r, cols), []).append(r)
    out = []
    for key in sorted(a.keys() | b.keys()):
        ra, rb = a.get(key, []), b.get(key, [])
        if cols is None:
            if len(ra) != len(rb):
                out.append(f"{table}: {key} x{len(ra)} in A, x{len(rb)} in B")
            continue
        if not rb:
            out.append(f"{table}: only in A: {key}")
        elif not ra:
            out.append(f"{table}: only in B: {key}")
        else:
            for col in ra[0]:
                va, vb = ra[0][col], rb[0].get(col)
                if va != vb:
                    out.append(f"{table}: {key} {col}: {json.dumps(va, ensure_ascii=False, default=str)}"
                               f" != {json.dumps(vb, ensure_ascii=False, default=str)}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("a", type=Path)
    ap.add_argument("b", type=Path)
    ap.add_argument("--show", type=int, default=20, help="differences printed per table")
    args = ap.parse_args(argv)
    total = 0
    for table in KEYS:
        diffs = compare_table(args.a, args.b, table)
        total += len(diffs)
        for line in diffs[: args.show]:
            print(line)
        if len(diffs) > args.show:
            print(f"{table}: ... {len(diffs) - args.show} more")
        print(f"{table}: {len(diffs)} difference(s)")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
