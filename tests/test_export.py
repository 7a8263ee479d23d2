"""`export`: flat CSV / JSONL / XLSX files that keep the Thai values intact."""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from extract import commands
from extract.export import EVENT_COLUMNS, export, flat_event
from extract.runner import Options, run

REPO = Path(__file__).resolve().parents[1]
RAW = REPO / "data" / "raw"

PATTAYA = {
    "source": "000_e239ff99cf73e3c0.txt",
    "date_start": "2023-03-24",
    "venue": "ห้องประชุม ทัพพระยา ศาลาว่าการเมืองพัทยา",
    "province": "ชลบุรี",
    "online": "false",
    "officials": "พลเอกจิระ โกมุทพงศ์ (กรรมการ ป.ป.ท.) [attendee]; "
                 "นายอำนาจ เจริญศรี (รองผู้ว่าราชกาลจังหวัดชลบุรี) [attendee]; "
                 "นายปรเมศ งามพิเชษฐ์ (นายกเมืองพัทยา) [attendee]",
}


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("run")
    run([RAW], out, Options(workers=1))
    return out


def _row(rows: list[dict]) -> dict:
    return next(r for r in rows if r["source"] == PATTAYA["source"])


def test_csv_has_a_bom_and_round_trips_thai(out_dir, tmp_path):
    dest, n = export(out_dir, "csv", tmp_path / "events.csv")
    assert n == 5
    assert dest.read_bytes()[:3] == b"\xef\xbb\xbf"  # so Excel reads UTF-8
    with open(dest, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == list(EVENT_COLUMNS)
    row = _row(rows)
    assert {k: row[k] for k in PATTAYA} == PATTAYA
    assert row["agencies"].split("; ")[:2] == ["สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตในภาครัฐ", "เมืองพัทยา"]
    assert row["participants"] == "" and row["time_start"] == ""
    phuket = next(r for r in rows if r["province"] == "ภูเก็ต")
    assert phuket["participants"] == "250" and phuket["time_start"] == "09:00"


def test_jsonl_one_object_per_event(out_dir, tmp_path):
    dest, n = export(out_dir, "jsonl", tmp_path / "events.jsonl")
    lines = dest.read_text(encoding="utf-8").splitlines()
    assert n == len(lines) == 5
    assert "\\u0e" not in lines[0]  # Thai written as Thai, not escapes
    row = _row([json.loads(line) for line in lines])
    assert row["online"] is False and row["participants"] is None
    assert {k: row[k] for k in PATTAYA if k != "online"} == {k: v for k, v in PATTAYA.items() if k != "online"}


def test_xlsx_round_trips_thai_and_keeps_dates(out_dir, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    dest, n = export(out_dir, "xlsx", tmp_path / "events.xlsx")
    sheet = openpyxl.load_workbook(dest, read_only=True)["events"]
    values = list(sheet.iter_rows(values_only=True))
    header, rows = list(values[0]), [dict(zip(values[0], r, strict=True)) for r in values[1:]]
    assert header == list(EVENT_COLUMNS) and n == len(rows) == 5
    row = _row(rows)
    assert row["date_start"] == dt.datetime(2023, 3, 24)  # a real date cell, not text
    assert row["officials"] == PATTAYA["officials"] and row["province"] == "ชลบุรี" and row["online"] is False


def test_mentions_table_and_default_destination(out_dir):
    dest, n = export(out_dir, "csv", table="mentions")
    assert dest == out_dir / "mentions.csv"
    with open(dest, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == n > 50
    assert {"kind": "date", "text": "24 มีนาคม 2566", "value": "2023-03-24"} in [
        {k: r[k] for k in ("kind", "text", "value")} for r in rows]


@pytest.mark.parametrize(("official", "label"), [
    ({"name": "จิระ โกมุทพงศ์", "honorific": "พลเอก", "position": "กรรมการ ป.ป.ท."},
     "พลเอกจิระ โกมุทพงศ์ (กรรมการ ป.ป.ท.)"),
    ({"name": "อำนาจ เจริญศรี", "honorific": None, "position": None}, "อำนาจ เจริญศรี"),
])
def test_official_labels(official, label):
    assert flat_event({"officials": [official], "agencies": None})["officials"] == label


def test_agencies_named_once():
    ags = [{"name": "ปปท.", "canonical": "สำนักงาน ป.ป.ท."}, {"name": "ป.ป.ท.", "canonical": "สำนักงาน ป.ป.ท."},
           {"name": "กระทรวงมหาดไทย", "canonical": "กระทรวงมหาดไทย"}]
    assert flat_event({"agencies": ags})["agencies"] == "สำนักงาน ป.ป.ท.; กระทรวงมหาดไทย"


def test_export_command(out_dir, tmp_path):
    app = typer.Typer()
    app.command("export")(commands.export)
    app.command("noop")(lambda: None)
    runner = CliRunner()
    result = runner.invoke(app, ["export", str(out_dir), "--format", "jsonl", "--out", str(tmp_path / "e.jsonl")])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"5 events rows -> {tmp_path / 'e.jsonl'}"
    bad = runner.invoke(app, ["export", str(out_dir), "--format", "ods"])
    assert bad.exit_code == 2 and "unknown format 'ods'" in bad.output
    empty = runner.invoke(app, ["export", str(tmp_path)])
    assert empty.exit_code == 2 and "no events.parquet" in empty.output


def test_partitioned_output_reads_like_the_file(out_dir, tmp_path):
    """The Dask engine writes each table as a folder of parts; export reads it the same."""
    parted = tmp_path / "parted"
    (parted / "events.parquet").mkdir(parents=True)
    shutil.copy(out_dir / "events.parquet", parted / "events.parquet" / "part-0.parquet")
    _, n = export(parted, "jsonl")
    assert n == 5
    assert (parted / "events.jsonl").read_text(encoding="utf-8") == export(out_dir, "jsonl", tmp_path / "f.jsonl")[
        0].read_text(encoding="utf-8")


def test_csv_keeps_each_officials_role(out_dir, tmp_path):
    dest, _ = export(out_dir, "csv", tmp_path / "events.csv")
    with open(dest, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    officials = next(r for r in rows if r["source"] == "004_5dbed38c37cc912e.txt")["officials"].split("; ")
    assert officials[0].startswith("นายสุพจน์ ศรีงามเมือง") and officials[0].endswith("[chair]")
    assert _row(rows)["officials"].split("; ")[0] == "พลเอกจิระ โกมุทพงศ์ (กรรมการ ป.ป.ท.) [attendee]"


def test_events_carry_the_articles_publication_date(tmp_path):
    article = ("รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-ผู้ว่าฯ ประชุมคณะกรมการจังหวัด\n\nวันพฤหัสบดีที่ 25 กรกฎาคม 2562\n"
               "วันที่ 24 กรกฎาคม 2562 เวลา 09.00 น. ณ ห้องประชุมศาลากลางจังหวัดราชบุรี นายสมชาย ใจดี "
               "ผู้ว่าราชการจังหวัดราชบุรี เป็นประธานการประชุม\n")
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "sub" / "a.txt").write_text(article, encoding="utf-8")
    run([tmp_path / "in"], tmp_path / "out", Options(workers=1))
    _, n = export(tmp_path / "out", "csv", tmp_path / "e.csv")
    with open(tmp_path / "e.csv", encoding="utf-8-sig", newline="") as f:
        (row,) = list(csv.DictReader(f))
    assert (row["source"], row["published"], row["date_start"]) == ("sub/a.txt", "2019-07-25", "2019-07-24")
    import pyarrow.parquet as pq

    table = pq.read_table(tmp_path / "out" / "events.parquet")
    assert str(table.schema.field("published").type) == "date32[day]"
    assert table.column("published").to_pylist() == [dt.date(2019, 7, 25)]
