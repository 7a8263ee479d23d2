"""Decoding and bad input: every file gets a documents row, the batch goes on."""

from __future__ import annotations

import codecs

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from extract.cli import app
from extract.ingest import DecodeError, decode

THAI = "วันนี้ (18 ม.ค. 61) เวลา 09.00 น. ณ ห้องประชุม ทำเนียบรัฐบาล"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (THAI.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + THAI.encode("utf-8"), "utf-8-sig"),
        (THAI.encode("utf-16"), "utf-16"),  # with BOM
        (THAI.encode("utf-16-le"), "utf-16"),  # without BOM
        (THAI.encode("utf-16-be"), "utf-16"),
        (THAI.encode("cp874"), "cp874"),
        (THAI.encode("tis-620"), "cp874"),
    ],
)
def test_decode_encodings(data: bytes, encoding: str) -> None:
    assert decode(data) == (THAI, encoding)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)), "PDF document"),
        ("ประชุม".encode() + b"\xe0\xb8" + "วันที่".encode() + b"\x80\x81\x82", "invalid UTF-8"),
        (bytes(range(0, 32)) * 50, "binary file"),
    ],
)
def test_decode_rejects_with_reason(data: bytes, reason: str) -> None:
    with pytest.raises(DecodeError, match=reason):
        decode(data)


def test_bad_files_are_recorded_and_the_batch_goes_on(tmp_path) -> None:
    raw = tmp_path / "raw"
    (raw / "sub").mkdir(parents=True)
    (raw / "good.txt").write_text("วันที่ 16 มีนาคม 2566 เวลา 09.00 น. ประชุมเชิงปฏิบัติการ", encoding="utf-8")
    (raw / "empty.txt").write_bytes(b"")
    (raw / "blank.txt").write_text("  \n\t\n", encoding="utf-8")
    (raw / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (raw / "sub" / "broken.txt").write_bytes("ประชุม".encode() + b"\xff\xfe\xfd" + "ครั้งที่".encode() + b"\x81")
    (raw / "sub" / "tis.txt").write_bytes("วันที่ 8 ธันวาคม 2563".encode("cp874"))
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(raw), "--out", str(out)])
    assert result.exit_code == 0, result.output
    docs = {r["source"]: r for r in pq.read_table(out / "documents.parquet").to_pylist()}
    assert set(docs) == {"good.txt", "empty.txt", "blank.txt", "image.txt", "sub/broken.txt", "sub/tis.txt"}
    assert docs["good.txt"]["status"] == "ok" and docs["good.txt"]["n_events"] == 1
    assert docs["empty.txt"]["status"] == "empty"
    assert docs["blank.txt"]["status"] == "empty"
    assert docs["image.txt"]["status"] == "error" and "PNG image" in docs["image.txt"]["error"]
    assert docs["sub/broken.txt"]["status"] == "error" and "invalid UTF-8 at byte 18" in docs["sub/broken.txt"]["error"]
    assert docs["sub/tis.txt"]["encoding"] == "cp874"
    events = pq.read_table(out / "events.parquet").to_pylist()
    by_source = {e["source"]: e for e in events}
    assert str(by_source["good.txt"]["date_start"]) == "2023-03-16"
    assert by_source["good.txt"]["time_start"] == "09:00"


def test_fatal_errors_exit_non_zero(tmp_path) -> None:
    result = CliRunner().invoke(app, ["run", str(tmp_path / "missing")])
    assert result.exit_code == 2
    blocker = tmp_path / "file"
    blocker.write_text("x")
    (tmp_path / "a.txt").write_text("ประชุม", encoding="utf-8")
    result = CliRunner().invoke(app, ["run", str(tmp_path / "a.txt"), "--out", str(blocker / "out")])
    assert result.exit_code == 2
    assert "cannot write output" in result.output


def test_lone_surrogates_and_non_utf8_file_names_never_stop_the_batch(tmp_path) -> None:
    import os

    raw = tmp_path / "raw"
    raw.mkdir()
    day = "วันที่ 16 มีนาคม 2566 เวลา 09.00 น. ประชุมเชิงปฏิบัติการ"
    lines = ['{"id": "a", "text": "' + day + ' \\ud800"}', '{"id": "x\\udc80", "text": "' + day + ' ครั้งที่ 2"}']
    (raw / "s.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    try:
        (raw / os.fsdecode(b"news-\xe0.txt")).write_text(day + " ครั้งที่ 3", encoding="utf-8")
    except (OSError, UnicodeError):
        pytest.skip("this file system refuses non-UTF-8 names")
    out = tmp_path / "out"
    for _ in range(2):  # and the rerun does not trip over what the first run wrote
        result = CliRunner().invoke(app, ["run", str(raw), "--out", str(out), "--no-progress"])
        assert result.exit_code == 0, result.output
    docs = {r["source"]: r for r in pq.read_table(out / "documents.parquet").to_pylist()}
    assert set(docs) == {"s.jsonl#a", "s.jsonl#x\\udc80", "news-\\xe0.txt"}
    assert {d["status"] for d in docs.values()} == {"ok"}
    assert "lone surrogate" in docs["s.jsonl#a"]["error"]
    events = pq.read_table(out / "events.parquet").to_pylist()
    assert sorted(str(e["date_start"]) for e in events) == ["2023-03-16"] * 3
