"""What several test modules share: the repo's paths and how to run the CLI and read its output."""

from __future__ import annotations

from pathlib import Path

import pyarrow.dataset as ds
from typer.testing import CliRunner

from extract.cli import app

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = REPO / "data" / "raw" / "000_e239ff99cf73e3c0.txt"


def rows(out: Path, name: str) -> list[dict]:
    """The rows of one output table (a Parquet file or a partitioned folder) as dicts."""
    return ds.dataset(out / f"{name}.parquet", format="parquet").to_table().to_pylist()


def invoke(*args: str):
    """`thai-extract run ARGS` in process, without the progress bar."""
    return CliRunner().invoke(app, ["run", *args, "--no-progress"], catch_exceptions=False)
