"""Bad and hostile input, end to end: every input gets a documents row, the run goes on.

test_ingest.py and test_formats.py check decoding and reading one format at a time; here a
whole folder of every kind of bad input goes through the CLI at once, and the run itself is
attacked: a document that hangs, record ids that look like paths, a crash while committing.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import threading
import time
import zlib
from pathlib import Path

import pytest
import zstandard
from helpers import REPO, SEED, invoke, rows

from extract import analyse, runner, write
from extract.ingest import Source, decode
from extract.runner import Options

# A thaigov-style release: a dated event with time, venue, official and count.
GOOD = ("นายกรัฐมนตรีเป็นประธานการประชุม\nวันนี้ (16 มีนาคม 2566) เวลา 09.00 น. ณ ห้องประชุม 501 ตึกบัญชาการ 1 "
        "ทำเนียบรัฐบาล พลเอก ประยุทธ์ จันทร์โอชา นายกรัฐมนตรี เป็นประธาน มีผู้เข้าร่วมกว่า 200 คน\n")
TIS = "วันที่ 8 ธันวาคม 2563 เวลา 10.00 น. ณ ศาลากลางจังหวัดเชียงใหม่ นายสมชาย ใจดี ผู้ว่าราชการจังหวัดเชียงใหม่ เปิดงาน"
U16 = "เมื่อวันที่ 13 กันยายน 2559 เวลา 13.30 น. ณ กระทรวงมหาดไทย ปลัดกระทรวงมหาดไทยประชุมหารือ"
# Unicode oddities: zero-width spaces inside words and dates, a combining accent, sara am
# written as nikhahit + sara aa ("นํ้า"), bidi marks around the date.
ODD = {
    "zwsp.txt": ("วัน\u200bที่ 1\u200b6 มี\u200bนาคม 25\u200b66 เวลา 09.00 น. ณ ห้อง\u200bประชุม กระทรวง\u200bมหาดไทย",
                 "2023-03-16"),
    "combining.txt": ("งาน Cafe\u0301 Thai วันที่ 2 เมษายน 2567 ณ ร้านกาแฟ บ้านสวน จังหวัดเชียงราย", "2024-04-02"),
    "sara_am.txt": ("กรมทรัพยากรนํ้า จัดประชุมเรื่องนํ้าท่วม วันที่ 5 มิถุนายน 2566 ณ จังหวัดน่าน มีผู้เข้าร่วม 50 คน",
                    "2023-06-05"),
    "rtl.txt": ("\u200fวันที่ 20 สิงหาคม 2566\u200e เวลา 14.00 น. \u202bณ\u202c ทำเนียบรัฐบาล นายกรัฐมนตรีแถลงข่าว",
                "2023-08-20"),
    "thai_digits.txt": ("วันที่ ๑๖ มี\u200bนาคม ๒๕๖๖ เวลา ๐๙.๐๐ น. ณ ห้องประชุมนํ้าพอง จังหวัดขอนแก่น", "2023-03-16"),
}
TABLES = ("documents", "events", "mentions")


def jsonl(records: list[dict]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")




def truncated(compress, records: list[dict]) -> tuple[bytes, int]:
    """An archive cut in half, and how many complete lines survive the cut."""
    packed = compress(jsonl(records))
    cut = packed[: len(packed) // 2]
    if compress is gzip.compress:
        whole = zlib.decompressobj(31).decompress(cut)
    else:
        whole = zstandard.ZstdDecompressor().decompressobj().decompress(cut)
    return cut, whole.count(b"\n")


def build_hostile(folder: Path) -> dict[str, str]:
    """Every kind of bad input in one folder; returns source -> expected status."""
    folder.mkdir()
    expect: dict[str, str] = {}

    def put(name: str, data: bytes, status: str) -> None:
        (folder / name).write_bytes(data)
        expect[name] = status

    put("good.txt", GOOD.encode(), "ok")
    put("zz_copy_of_good.txt", GOOD.encode(), "duplicate")
    put("empty.txt", b"", "empty")
    put("blank.txt", " \n\t\r\n\u3000\n".encode(), "empty")
    put("invalid_utf8.txt", "ประชุม".encode() + b"\xff\xfe\x80" + "วันที่ 1".encode(), "error")
    # Half UTF-8, half TIS-620: no single encoding reads it; the byte of the break is named.
    put("mixed_encodings.txt", GOOD.encode() + TIS.encode("cp874"), "error")
    put("tis620.txt", TIS.encode("tis-620"), "ok")
    put("utf16_bom.txt", U16.encode("utf-16"), "ok")
    put("utf16le_nobom.txt", U16.replace("13.30", "15.00").encode("utf-16-le"), "ok")
    put("utf16be_nobom.txt", TIS.replace("10.00", "11.00").encode("utf-16-be"), "ok")
    # 50 MB of real Thai text, one article: ~17.6 M characters, over MAX_DOC_CHARS.
    seed = SEED.read_bytes() if SEED.exists() else GOOD.encode()
    put("article_50mb.txt", seed * (50_000_000 // len(seed) + 1), "error")
    # 5 MB with no newline; a timeout or a result, but never a crash.
    # Another article than the 50 MB one, or it would be its near-duplicate.
    other = REPO / "data" / "raw" / "001_00ef7231d710a660.txt"
    one_line = (other.read_bytes() if other.exists() else TIS.encode()).replace(b"\n", b" ")
    put("line_5mb.txt", (one_line * (5_000_000 // len(one_line) + 1)).decode("utf-8", "ignore").encode(), "?")
    put("deep.html", ("<html><body>" + "<div>" * 10_000 + f"<p>{GOOD.replace('16 มีนาคม', '18 มีนาคม')}</p>" + "</div>" * 10_000 +
                      "</body></html>").encode(), "ok")
    for name, (text, _) in ODD.items():
        put(name, text.encode(), "ok")
    # JSON Lines: broken lines between good ones, ids that look like paths.
    lines = [json.dumps({"id": "a", "text": U16.replace("13 กันยายน", "14 กันยายน")}, ensure_ascii=False), '{"id": "b", "text": "ประชุม',
             json.dumps({"id": "../../etc/passwd", "text": TIS.replace("8 ธันวาคม", "9 ธันวาคม")},
                        ensure_ascii=False), "not json at all",
             json.dumps({"id": "/abs/path", "text": GOOD.replace("16 มีนาคม", "17 มีนาคม")}, ensure_ascii=False),
             json.dumps(["a", "list"]), json.dumps({"id": "c", "title": "no text field"})]
    put("records.jsonl", ("\n".join(lines) + "\n").encode(), "-")
    expect.pop("records.jsonl")
    expect.update({"records.jsonl#a": "ok", "records.jsonl#2": "error", "records.jsonl#../../etc/passwd": "ok",
                   "records.jsonl#4": "error", "records.jsonl#/abs/path": "ok", "records.jsonl#6": "error",
                   "records.jsonl#c": "error"})
    multiline = f'{TIS}\n\n"ข่าว" ประชาสัมพันธ์, จังหวัด\r\n{U16}'
    csv_text = 'id,title,text\r\nr1,ประชุม,"' + multiline.replace('"', '""') + '"\r\nr2,ว่าง,""\r\n'
    put("table.csv", csv_text.encode(), "-")
    expect.pop("table.csv")
    expect.update({"table.csv#r1": "ok", "table.csv#r2": "empty"})
    records = [{"id": f"n{i}", "text": f"{GOOD} ครั้งที่ {i}"} for i in range(3000)]
    for name, compress in (("cut.jsonl.zst", zstandard.ZstdCompressor().compress), ("cut.jsonl.gz", gzip.compress)):
        data, complete = truncated(compress, records)
        put(name, data, "error")
        # Near-duplicates of good.txt after the first: only their rows' existence is checked.
        expect.update({f"{name}#n{i}": "ok|duplicate" for i in range(complete)})
    return expect


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Path, dict[str, str], Path, object]:
    root = tmp_path_factory.mktemp("hostile")
    folder = root / "in"
    expect = build_hostile(folder)
    # Binary files named explicitly are read whatever their suffix.
    (root / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    (root / "report.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    expect.update({"scan.png": "error", "report.pdf": "error"})
    before = sorted(p.relative_to(root.parent) for p in root.parent.rglob("*"))
    out = root / "out"
    result = invoke(str(folder), str(root / "scan.png"), str(root / "report.pdf"), "--out", str(out),
                    "--workers", "1", "--doc-timeout", "5")
    after = sorted(p.relative_to(root.parent) for p in root.parent.rglob("*"))
    return out, expect, folder, (result, before, after, root)


def test_every_input_has_a_row_with_its_status(hostile) -> None:
    out, expect, _, (result, *_) = hostile
    assert result.exit_code == 0, result.output
    docs = {d["source"]: d for d in rows(out, "documents")}
    assert set(docs) == set(expect)
    for source, status in expect.items():
        if status == "?":
            assert docs[source]["status"] in ("ok", "error"), source
        else:
            assert docs[source]["status"] in status.split("|"), (source, docs[source])
    assert docs["zz_copy_of_good.txt"]["duplicate_of"] == docs["good.txt"]["doc_id"]


def test_every_error_is_one_readable_line_naming_the_input(hostile) -> None:
    out, *_ = hostile
    for d in rows(out, "documents"):
        if d["status"] in ("error", "empty"):
            error = d["error"]
            assert "\n" not in error and len(error) < 400, error
            assert error.startswith(f"{d['source'].split('#')[0]}"), error


@pytest.mark.parametrize(("source", "reason"), [
    ("empty.txt", "empty.txt: no text"),
    ("blank.txt", "blank.txt: no text"),
    ("scan.png", "scan.png: binary file (PNG image), not text"),
    ("report.pdf", "report.pdf: binary file (PDF document), not text"),
    ("invalid_utf8.txt", "invalid_utf8.txt: invalid UTF-8 at byte 18 (and not TIS-620/cp874 or UTF-16 text either)"),
    ("mixed_encodings.txt", f"mixed_encodings.txt: invalid UTF-8 at byte {len(GOOD.encode())} "
                            "(and not TIS-620/cp874 or UTF-16 text either)"),
    ("article_50mb.txt", "article_50mb.txt: 50,"),
    ("records.jsonl#2", "records.jsonl#line 2: invalid JSON: Unterminated string"),
    ("records.jsonl#4", "records.jsonl#line 4: invalid JSON: Expecting value"),
    ("records.jsonl#6", "records.jsonl#6: record is a list, not an object"),
    ("records.jsonl#c", "records.jsonl#c: no text field 'text' or 'content' or 'body' or 'article' (fields: id, title)"),
    ("table.csv#r2", "table.csv#r2: no text"),
])
def test_error_messages(hostile, source: str, reason: str) -> None:
    out, *_ = hostile
    docs = {d["source"]: d for d in rows(out, "documents")}
    assert docs[source]["error"].startswith(reason)


def test_oversized_article_names_the_limit(hostile) -> None:
    out, *_ = hostile
    (doc,) = [d for d in rows(out, "documents") if d["source"] == "article_50mb.txt"]
    assert doc["error"].endswith("bytes is over the 2,000,000-character limit for one document")
    # Refused from its size alone, before decoding: even at 4 bytes a character it is too long.
    assert int(doc["error"].split(": ")[1].split(" bytes")[0].replace(",", "")) > 4 * analyse.MAX_DOC_CHARS


def test_truncated_archives_keep_their_good_records(hostile) -> None:
    out, expect, *_ = hostile
    docs = {d["source"]: d for d in rows(out, "documents")}
    for name in ("cut.jsonl.zst", "cut.jsonl.gz"):
        assert "truncated or corrupt archive" in docs[name]["error"]
        good = [s for s in expect if s.startswith(f"{name}#")]
        assert len(good) > 1000
        assert all(docs[s]["status"] in ("ok", "duplicate") for s in good)


def test_encodings_are_decoded_and_reported(hostile) -> None:
    out, *_ = hostile
    docs = {d["source"]: d for d in rows(out, "documents")}
    assert {s: docs[s]["encoding"] for s in ("tis620.txt", "utf16_bom.txt", "utf16le_nobom.txt",
                                             "utf16be_nobom.txt", "good.txt")} == {
        "tis620.txt": "cp874", "utf16_bom.txt": "utf-16", "utf16le_nobom.txt": "utf-16",
        "utf16be_nobom.txt": "utf-16", "good.txt": "utf-8"}
    events = {e["source"]: e for e in rows(out, "events")}
    assert str(events["tis620.txt"]["date_start"]) == "2020-12-08"
    assert str(events["utf16_bom.txt"]["date_start"]) == str(events["utf16le_nobom.txt"]["date_start"]) == "2016-09-13"
    assert (events["utf16le_nobom.txt"]["time_start"], events["utf16be_nobom.txt"]["time_start"]) == ("15:00", "11:00")
    assert str(events["deep.html"]["date_start"]) == "2023-03-18"
    assert events["deep.html"]["time_start"] == "09:00"
    csv_doc = _doc_id(out, "table.csv#r1")
    csv_dates = {m["value"] for m in rows(out, "mentions") if m["doc_id"] == csv_doc and m["kind"] == "date"}
    assert csv_dates == {"2020-12-08", "2016-09-13"}  # both paragraphs of the quoted multi-line field
    assert str(events["records.jsonl#/abs/path"]["date_start"]) == "2023-03-17"


def _source_texts(folder: Path) -> dict[str, str]:
    """The decoded text of every plain-text input, as the offsets refer to it."""
    out = {}
    for p in folder.iterdir():
        if p.suffix == ".txt" and p.stat().st_size < 1_000_000:
            try:
                out[p.name] = decode(p.read_bytes())[0]
            except ValueError:
                pass
    return out


@pytest.mark.parametrize("name", list(ODD))
def test_unicode_oddities_keep_dates_and_offsets(hostile, name: str) -> None:
    out, _, folder, _ = hostile
    source = _source_texts(folder)[name]
    doc_id = _doc_id(out, name)
    mentions = [m for m in rows(out, "mentions") if m["doc_id"] == doc_id]
    dates = [m["value"] for m in mentions if m["kind"] == "date"]
    assert ODD[name][1] in dates
    assert mentions and all(source[m["start"] : m["end"]] == m["text"] for m in mentions)


def _doc_id(out: Path, source: str) -> str:
    return next(d["doc_id"] for d in rows(out, "documents") if d["source"] == source)


def test_every_offset_points_into_the_decoded_source(hostile) -> None:
    out, _, folder, _ = hostile
    texts = _source_texts(folder)
    by_id = {d["doc_id"]: d["source"] for d in rows(out, "documents") if d["status"] == "ok"}
    checked = 0
    for m in rows(out, "mentions"):
        source = by_id.get(m["doc_id"])
        if source in texts:
            assert texts[source][m["start"] : m["end"]] == m["text"], (source, m)
            checked += 1
    for e in rows(out, "events"):
        if e["source"] in texts:
            for ev in e["evidence"]:
                assert texts[e["source"]][ev["start"] : ev["end"]] == ev["text"], (e["source"], ev)
    assert checked > 30


def test_record_ids_never_become_paths(hostile) -> None:
    out, _, _, (_, before, after, root) = hostile
    created = set(after) - set(before)
    out_rel = out.relative_to(root.parent)
    assert created and all(p == out_rel or out_rel in p.parents for p in created), sorted(created)
    # the run's own files only (paths.py, link.py): no record id became a file name
    assert sorted(p.name for p in out.iterdir()) == [".inputs.json", "clusters.parquet", "documents.parquet",
                                                        "events.parquet", "mentions.parquet"]
    assert not Path("/abs/path").exists()


def small_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "small"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (folder / "c.txt").write_text(TIS, encoding="utf-8")
    (folder / "d.txt").write_text(U16, encoding="utf-8")
    return folder


def test_strict_exits_1_when_a_document_failed(tmp_path: Path) -> None:
    folder = small_folder(tmp_path)
    assert invoke(str(folder), "--out", str(tmp_path / "lenient"), "--workers", "1").exit_code == 0
    result = invoke(str(folder), "--out", str(tmp_path / "strict"), "--workers", "1", "--strict")
    assert result.exit_code == 1
    assert [d["status"] for d in rows(tmp_path / "strict", "documents")] == ["ok", "error", "ok", "ok"]


def test_fail_fast_stops_at_the_first_failure(tmp_path: Path) -> None:
    folder = small_folder(tmp_path)
    result = invoke(str(folder), "--out", str(tmp_path / "out"), "--workers", "1", "--batch-size", "1",
                    "--fail-fast")
    assert result.exit_code == 1
    assert "stopped at the first failed document (--fail-fast)" in result.output
    # The documents read before the stop are committed; c.txt and d.txt are never processed.
    assert [(d["source"], d["status"]) for d in rows(tmp_path / "out", "documents")] == [
        ("a.txt", "ok"), ("b.txt", "error")]


def _bomb(size: int, head: bytes) -> bytes:
    packer = zstandard.ZstdCompressor().compressobj()
    out = [packer.compress(head)]
    zeros = bytes(1024 * 1024)
    out += [packer.compress(zeros) for _ in range(size // len(zeros))]
    out.append(packer.flush())
    return b"".join(out)


def test_decompression_bomb_through_the_pipeline(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bomb.jsonl.zst").write_bytes(_bomb(64 * 1024 * 1024, jsonl([{"id": "first", "text": GOOD}])))
    (folder / "z_after.txt").write_text(TIS, encoding="utf-8")
    summary = runner.run([folder], tmp_path / "out",
                         Options(workers=1, source_options={"max_decompressed": 8 * 1024 * 1024}))
    assert (summary.ok, summary.failed) == (2, 1)
    docs = {d["source"]: d for d in rows(tmp_path / "out", "documents")}
    assert docs["bomb.jsonl.zst#first"]["status"] == "ok"
    assert docs["bomb.jsonl.zst"]["error"] == ("bomb.jsonl.zst: archive decompresses to over 8,388,608 bytes "
                                               "(max_decompressed); rest of the archive skipped")
    assert docs["z_after.txt"]["status"] == "ok"


# --- a document that hangs ------------------------------------------------------------

SLOW_MARK = "ข่าวช้ามาก"


@pytest.fixture
def slow_extractor(monkeypatch):
    real = analyse.find_dates

    def slow(text, *args, **kwargs):
        if SLOW_MARK in text:
            time.sleep(8)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(analyse, "find_dates", slow)


def _timeout_run(tmp_path: Path) -> tuple[dict[str, dict], float, object]:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_slow.txt").write_text(f"{SLOW_MARK} {GOOD}", encoding="utf-8")
    (folder / "b_fast.txt").write_text(TIS, encoding="utf-8")
    started = time.perf_counter()
    result = invoke(str(folder), "--out", str(tmp_path / "out"), "--workers", "1", "--doc-timeout", "1")
    seconds = time.perf_counter() - started
    return {d["source"]: d for d in rows(tmp_path / "out", "documents")}, seconds, result


def test_a_hanging_document_is_cut_and_the_next_one_is_fine(tmp_path: Path, slow_extractor) -> None:
    docs, seconds, result = _timeout_run(tmp_path)
    assert result.exit_code == 0
    assert seconds < 6  # the 8 s sleep was interrupted
    assert docs["a_slow.txt"]["status"] == "error"
    assert docs["b_fast.txt"]["status"] == "ok"
    (event,) = [e for e in rows(tmp_path / "out", "events") if e["source"] == "b_fast.txt"]
    assert str(event["date_start"]) == "2020-12-08"


def test_a_timeout_says_timed_out(tmp_path: Path, slow_extractor) -> None:
    docs, _, _ = _timeout_run(tmp_path)
    assert docs["a_slow.txt"]["error"] == "a_slow.txt: timed out after 1 s"


@pytest.fixture
def busy_extractor(monkeypatch):
    """A document that keeps the interpreter busy for 8 s (a sleep would hold off the watchdog)."""
    real = analyse.find_dates

    def busy(text, *args, **kwargs):
        end = time.monotonic() + 8 if SLOW_MARK in text else 0
        while time.monotonic() < end:
            pass
        return real(text, *args, **kwargs)

    monkeypatch.setattr(analyse, "find_dates", busy)


def test_a_timeout_in_a_worker_thread_cuts_only_the_slow_document(busy_extractor) -> None:
    # A Dask task runs in a thread, where no alarm fires: the watchdog cuts the document there.
    results = []

    def work():
        for name, text in (("a_slow.txt", f"{SLOW_MARK} {GOOD}"), ("b_fast.txt", TIS), ("c_fast.txt", GOOD)):
            started = time.monotonic()
            results.append((runner.process_with_timeout(Source(name, text=text), 1).document,
                            time.monotonic() - started))
        time.sleep(1.5)  # past the first document's deadline: nothing fires late
        results.append(runner.process_with_timeout(Source("d_fast.txt", text=TIS), 1).document)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(30)
    (slow, seconds), (fast, _), (good, _), late = results
    assert slow["error"] == "a_slow.txt: timed out after 1 s" and seconds < 6
    assert [fast["status"], good["status"], late["status"]] == ["ok", "ok", "ok"]


def test_a_five_megabyte_line_is_processed_in_time() -> None:
    seed = SEED.read_text(encoding="utf-8").replace("\n", " ")
    text = (seed * (1_750_000 // len(seed) + 1))[:1_750_000]  # 5 MB of UTF-8
    result = runner.process_with_timeout(Source("line.txt", text=text), 20)
    assert result.document["status"] == "ok", result.document["error"]


def test_fifty_megabyte_article_is_refused_without_blowing_memory(tmp_path: Path) -> None:
    seed = SEED.read_bytes()
    big = tmp_path / "big.txt"
    big.write_bytes(seed * (50_000_000 // len(seed) + 1))
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss across exec, so a child of a big pytest
    # process would report pytest's own peak.
    script = ("import sys\nfrom extract.cli import main\ntry:\n    main()\nexcept SystemExit as e:\n"
              "    code = e.code\nhwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0]\n"
              "print('RSS', hwm.split()[1])\n")
    proc = subprocess.run([sys.executable, "-c", script, "run", str(big), "--out", str(tmp_path / "out"),
                           "--workers", "1", "--no-progress"], cwd=REPO, capture_output=True, text=True,
                          timeout=120)
    assert "over the 2,000,000-character limit" in proc.stderr
    rss_mb = int(proc.stdout.split("RSS")[-1]) / 1024
    # Python + lexicons + the 50 MB of bytes and the decoded text: a few hundred MB, not ~18 x the file.
    assert rss_mb < 600, f"peak RSS {rss_mb:.0f} MB"


# --- a crash while committing ---------------------------------------------------------


def _two_runs(tmp_path: Path) -> tuple[Path, Path, Path]:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "a.txt").write_text(GOOD, encoding="utf-8")
    (second / "b.txt").write_text(TIS, encoding="utf-8")
    (second / "c.txt").write_text(U16, encoding="utf-8")
    return first, second, tmp_path / "out"


def _break_events(monkeypatch, how: str) -> None:
    if how == "replace":
        real = os.replace

        def replace(src, dst, *a, **kw):
            if Path(dst).name == "events.parquet":
                raise OSError(28, "No space left on device")
            return real(src, dst, *a, **kw)

        monkeypatch.setattr(write.os, "replace", replace)
    else:
        real_writer = write.pq.ParquetWriter

        class Writer(real_writer):
            def write_table(self, table, *a, **kw):
                if Path(str(self.where)).name.startswith(".events.parquet"):  # commit's tmp, not a part
                    raise OSError(5, "Input/output error")
                return super().write_table(table, *a, **kw)

        monkeypatch.setattr(write.pq, "ParquetWriter", Writer)


@pytest.mark.parametrize("how", ["replace", "writer"])
def test_crash_during_commit_leaves_the_previous_events_readable(tmp_path: Path, monkeypatch, how: str) -> None:
    first, second, out = _two_runs(tmp_path)
    assert invoke(str(first), "--out", str(out), "--workers", "1").exit_code == 0
    previous = (out / "events.parquet").read_bytes()
    _break_events(monkeypatch, how)
    result = invoke(str(second), "--out", str(out), "--workers", "1")
    assert result.exit_code == 2 and "cannot write output" in result.output
    assert (out / "events.parquet").read_bytes() == previous
    assert [e["source"] for e in rows(out, "events")] == ["a.txt"]


@pytest.mark.parametrize("how", ["replace", "writer"])
def test_a_rerun_after_a_failed_commit_gives_the_clean_tables(tmp_path: Path, monkeypatch, how: str) -> None:
    first, second, out = _two_runs(tmp_path)
    clean = tmp_path / "clean"
    invoke(str(first), "--out", str(clean), "--workers", "1")
    invoke(str(second), "--out", str(clean), "--workers", "1")
    invoke(str(first), "--out", str(out), "--workers", "1")
    with monkeypatch.context() as m:
        _break_events(m, how)
        invoke(str(second), "--out", str(out), "--workers", "1")
    assert invoke(str(second), "--out", str(out), "--workers", "1").exit_code == 0
    for name in TABLES:
        assert rows(out, name) == rows(clean, name), name
