"""Input formats and limits: every record comes through, every bad one becomes an error Source."""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import zlib

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import zstandard

from extract.ingest import Source, html_text, iter_sources

# Sentences in the style of thaigov.go.th releases.
S1 = "วันนี้ (13 กันยายน 2559) เวลา 09.00 น. ณ ห้องประชุม 501 ตึกบัญชาการ 1 ทำเนียบรัฐบาล"
S2 = "พลเอก ประยุทธ์ จันทร์โอชา นายกรัฐมนตรี เป็นประธานการประชุมคณะรัฐมนตรี"
S3 = "ปลัดกระทรวงยุติธรรม ร่วมหารือการกำหนดแผนงานกับผู้ว่าราชการจังหวัดเชียงใหม่"


def sha16(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def read(path, **kw) -> list[Source]:
    return list(iter_sources([path], **kw))


def jsonl(records: list[dict]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


RECORDS = [{"id": "a1", "text": S1, "title": "t"}, {"text": S2}, {"id": 7, "text": S3}]


def test_jsonl_records_ids_and_doc_ids(tmp_path) -> None:
    (tmp_path / "news.jsonl").write_bytes(jsonl(RECORDS))
    got = read(tmp_path / "news.jsonl")
    assert [(s.source, s.text, s.error) for s in got] == [
        ("news.jsonl#a1", S1, None), ("news.jsonl#2", S2, None), ("news.jsonl#7", S3, None)]
    assert [s.doc_id for s in got] == [sha16(S1), sha16(S2), sha16(S3)]


@pytest.mark.parametrize(
    ("record", "kw", "text"),
    [
        ({"body": S2, "content": S1}, {}, S1),  # "content" comes before "body"
        ({"article": S3}, {}, S3),
        ({"text": S1, "body": S2}, {"text_field": "body"}, S2),
        ({"text": 2563}, {}, "2563"),
        ({"text": None}, {}, ""),
    ],
)
def test_text_field_choice(tmp_path, record: dict, kw: dict, text: str) -> None:
    (tmp_path / "r.ndjson").write_bytes(jsonl([record]))
    (src,) = read(tmp_path / "r.ndjson", **kw)
    assert (src.text, src.error) == (text, None)


def test_id_field_option(tmp_path) -> None:
    (tmp_path / "r.jsonl").write_bytes(jsonl([{"news_id": "n-9", "id": "x", "text": S1}]))
    assert read(tmp_path / "r.jsonl", id_field="news_id")[0].source == "r.jsonl#n-9"


def test_broken_json_lines_keep_the_good_ones(tmp_path) -> None:
    lines = [json.dumps({"id": "a", "text": S1}, ensure_ascii=False), '{"id": "b", "text": "ประชุม', "",
             json.dumps(["not", "an", "object"]), json.dumps({"id": "c", "text": S2}, ensure_ascii=False)]
    (tmp_path / "d.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    got = read(tmp_path / "d.jsonl")
    assert [s.source for s in got] == ["d.jsonl#a", "d.jsonl#2", "d.jsonl#4", "d.jsonl#c"]
    assert [s.text for s in got] == [S1, None, None, S2]
    assert got[1].error.startswith("d.jsonl#line 2: invalid JSON: Unterminated string")
    assert got[2].error == "d.jsonl#4: record is a list, not an object"


def test_missing_text_field_names_the_fields(tmp_path) -> None:
    (tmp_path / "m.jsonl").write_bytes(jsonl([{"id": "x1", "title": S1, "date": "2016-09-13"}]))
    assert read(tmp_path / "m.jsonl")[0].error == (
        "m.jsonl#x1: no text field 'text' or 'content' or 'body' or 'article' (fields: id, title, date)")
    assert read(tmp_path / "m.jsonl", text_field="headline")[0].error == (
        "m.jsonl#x1: no text field 'headline' (fields: id, title, date)")


def test_json_array_file(tmp_path) -> None:
    (tmp_path / "a.json").write_text(json.dumps(RECORDS[:2], ensure_ascii=False, indent=2), encoding="utf-8")
    assert [(s.source, s.text) for s in read(tmp_path / "a.json")] == [("a.json#a1", S1), ("a.json#2", S2)]


def csv_bytes(rows: list[list[str]], delimiter: str = ",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


MULTILINE = f'{S1}\n{S2}, "ณ ทำเนียบรัฐบาล"\n\n{S3}'
CSV_ROWS = [["id", "title", "text"], ["r1", "ประชุม", MULTILINE], ["", "ว่าง", S3]]


def test_csv_with_newlines_quotes_and_commas_in_fields(tmp_path) -> None:
    (tmp_path / "c.csv").write_text(csv_bytes(CSV_ROWS), encoding="utf-8", newline="")
    got = read(tmp_path / "c.csv")
    assert [(s.source, s.text) for s in got] == [("c.csv#r1", MULTILINE), ("c.csv#2", S3)]


def test_tsv(tmp_path) -> None:
    (tmp_path / "c.tsv").write_text(csv_bytes(CSV_ROWS, "\t"), encoding="utf-8", newline="")
    assert [s.text for s in read(tmp_path / "c.tsv")] == [MULTILINE, S3]


def test_csv_without_text_column_is_one_error(tmp_path) -> None:
    (tmp_path / "c.csv").write_text(csv_bytes([["id", "headline"], ["1", S1], ["2", S2]]), encoding="utf-8")
    assert [s.error for s in read(tmp_path / "c.csv")] == [
        "c.csv: no text column 'text' or 'content' or 'body' or 'article' (columns: id, headline)"]


@pytest.mark.parametrize("encoding", ["cp874", "tis-620", "utf-16", "utf-16-le", "utf-8-sig"])
def test_csv_in_thai_and_utf16_encodings(tmp_path, encoding: str) -> None:
    (tmp_path / "c.csv").write_bytes(csv_bytes(CSV_ROWS).encode(encoding))
    assert [s.text for s in read(tmp_path / "c.csv")] == [MULTILINE, S3]


def test_parquet(tmp_path) -> None:
    table = pa.table({"id": [101, None, 103], "content": [S1, S2, None], "date": ["2016-09-13"] * 3})
    pq.write_table(table, tmp_path / "p.parquet", row_group_size=2)
    got = read(tmp_path / "p.parquet")
    assert [(s.source, s.text) for s in got] == [("p.parquet#101", S1), ("p.parquet#2", S2), ("p.parquet#103", "")]
    assert read(tmp_path / "p.parquet", text_field="body")[0].error == (
        "p.parquet: no text column 'body' (columns: id, content, date)")


PAGE = f"""<!DOCTYPE html><html><head><meta charset="{{charset}}"><title>ข่าวทำเนียบรัฐบาล</title>
<style>p {{{{ color: red }}}}</style><script>var menu = "หน้าแรก";</script></head>
<body><header><a href="/">หน้าแรก</a></header><nav><ul><li>ข่าวสาร</li><li>ติดต่อเรา</li></ul></nav>
<div class="content"><h1>นายกรัฐมนตรีประชุมคณะรัฐมนตรี</h1>
<p>{S1}&nbsp;{S2}</p><p>ผู้เข้าร่วม <b>30</b>
คน</p><table><tr><td>วันที่</td><td>13 ก.ย. 59</td></tr></table></div>
<aside>ข่าวที่เกี่ยวข้อง</aside><form><input name="q">ค้นหา</form><footer>สงวนลิขสิทธิ์ 2559</footer></body></html>"""
PAGE_TEXT = f"นายกรัฐมนตรีประชุมคณะรัฐมนตรี\n{S1} {S2}\nผู้เข้าร่วม 30 คน\nวันที่ 13 ก.ย. 59"


@pytest.mark.parametrize(("charset", "encoding", "name"),
                         [("utf-8", "utf-8", "utf-8"), ("tis-620", "cp874", "cp874"), ("utf-16", "utf-16", "utf-16"),
                          ("utf-16", "utf-16-le", "utf-16")])
def test_html_article_text(tmp_path, charset: str, encoding: str, name: str) -> None:
    data = PAGE.format(charset=charset).encode(encoding)
    (tmp_path / "page.html").write_bytes(data)
    (src,) = read(tmp_path / "page.html")
    assert (src.source, src.text, src.error, src.encoding) == ("page.html", PAGE_TEXT, None, name)
    assert src.doc_id == hashlib.sha256(data).hexdigest()[:16]


def test_html_deeply_nested_and_unclosed() -> None:
    deep = "<div>" * 10_000 + "<p>ข้อความ</p>" + "</div>" * 10_000
    assert html_text(deep) == "ข้อความ"
    assert html_text("<span>" * 10_000 + S1) == S1
    # An unclosed <nav> ends with the body, not with the file.
    assert html_text(f"<body><nav>เมนู<p>{S1}</body><p>{S2}") == S2


def test_html_binary_is_an_error_with_the_byte_hash(tmp_path) -> None:
    data = b"\x89PNG\r\n\x1a\n" + bytes(100)
    (tmp_path / "x.htm").write_bytes(data)
    (src,) = read(tmp_path / "x.htm")
    assert src.error == "x.htm: binary file (PNG image), not text"
    assert src.doc_id == hashlib.sha256(data).hexdigest()[:16]


def zst(data: bytes) -> bytes:
    return zstandard.ZstdCompressor().compress(data)


@pytest.mark.parametrize(("name", "compress"), [("n.jsonl.zst", zst), ("n.jsonl.gz", gzip.compress),
                                                ("n.ndjson.zstd", zst)])
def test_compressed_jsonl(tmp_path, name: str, compress) -> None:
    (tmp_path / name).write_bytes(compress(jsonl(RECORDS)))
    assert [(s.source, s.text) for s in read(tmp_path / name)] == [
        (f"{name}#a1", S1), (f"{name}#2", S2), (f"{name}#7", S3)]


def test_concatenated_zstd_frames_and_gzip_members(tmp_path) -> None:
    parts = [jsonl(RECORDS[:1]), jsonl(RECORDS[1:])]
    (tmp_path / "a.jsonl.zst").write_bytes(b"".join(zst(p) for p in parts))
    (tmp_path / "b.jsonl.gz").write_bytes(b"".join(gzip.compress(p) for p in parts))
    for name in ("a.jsonl.zst", "b.jsonl.gz"):
        assert [s.text for s in read(tmp_path / name)] == [S1, S2, S3]


def test_compressed_csv_and_txt(tmp_path) -> None:
    (tmp_path / "c.csv.gz").write_bytes(gzip.compress(csv_bytes(CSV_ROWS).encode("cp874")))
    assert [s.text for s in read(tmp_path / "c.csv.gz")] == [MULTILINE, S3]
    raw = f"{S1}\n{S2}\n".encode("cp874")
    (tmp_path / "t.txt").write_bytes(raw)
    (tmp_path / "t.txt.gz").write_bytes(gzip.compress(raw))
    (plain,), (packed,) = read(tmp_path / "t.txt"), read(tmp_path / "t.txt.gz")
    assert (packed.source, packed.data) == ("t.txt.gz", raw)
    assert packed.doc_id == plain.doc_id


def unzst(data: bytes) -> bytes:
    return zstandard.ZstdDecompressor().decompressobj().decompress(data)


def ungz(data: bytes) -> bytes:
    return zlib.decompressobj(31).decompress(data)


@pytest.mark.parametrize(("name", "compress", "decompress"),
                         [("cut.jsonl.zst", zst, unzst), ("cut.jsonl.gz", gzip.compress, ungz)])
def test_truncated_archive_keeps_the_records_before_the_break(tmp_path, name: str, compress, decompress) -> None:
    records = [{"id": i, "text": f"{S1} ครั้งที่ {i}"} for i in range(20_000)]
    packed = compress(jsonl(records))
    cut = packed[: len(packed) // 2]
    (tmp_path / name).write_bytes(cut)
    complete_lines = decompress(cut).count(b"\n")
    got = read(tmp_path / name)
    good, last = got[:-1], got[-1]
    assert 5000 < len(good) == complete_lines
    assert [s.source for s in good] == [f"{name}#{i}" for i in range(len(good))]
    assert all(s.error is None for s in good)
    assert last.source == name and "truncated or corrupt archive" in last.error


def bomb(compressor, size: int, head: bytes) -> bytes:
    """``head`` then ``size`` zero bytes, compressed chunk by chunk (never held whole)."""
    out = [compressor.compress(head)]
    zeros = bytes(1024 * 1024)
    for _ in range(size // len(zeros)):
        out.append(compressor.compress(zeros))
    out.append(compressor.flush())
    return b"".join(out)


@pytest.mark.parametrize(("name", "make"), [
    ("bomb.jsonl.zst", lambda: zstandard.ZstdCompressor().compressobj()),
    ("bomb.jsonl.gz", lambda: zlib_gzip()),
    ("bomb.txt.gz", lambda: zlib_gzip()),
])
def test_decompression_bomb_is_refused(tmp_path, name: str, make) -> None:
    data = bomb(make(), 200 * 1024 * 1024, jsonl(RECORDS[:1]))
    assert len(data) < 300_000
    (tmp_path / name).write_bytes(data)
    got = read(tmp_path / name, max_decompressed=20 * 1024 * 1024)
    errors = [s.error for s in got if s.error]
    assert errors == [f"{name}: archive decompresses to over 20,971,520 bytes (max_decompressed); "
                      "rest of the archive skipped"]
    if name.endswith(".jsonl.zst") or name.endswith(".jsonl.gz"):
        assert got[0].text == S1


def zlib_gzip():
    return zlib.compressobj(6, zlib.DEFLATED, 31)  # wbits 31: gzip container


def test_five_megabyte_single_line(tmp_path) -> None:
    big = "ก" * 5_000_000
    (tmp_path / "one.txt").write_text(big, encoding="utf-8")
    (src,) = read(tmp_path / "one.txt")
    assert len(src.data) == 15_000_000 and src.error is None
    # ensure_ascii: 30 MB of \\u0e01 escapes on one line.
    (tmp_path / "one.jsonl").write_text(json.dumps({"id": "big", "text": big}) + "\n" + json.dumps({"text": S1}),
                                        encoding="utf-8")
    got = read(tmp_path / "one.jsonl")
    assert [(s.source, len(s.text)) for s in got] == [("one.jsonl#big", 5_000_000), ("one.jsonl#2", len(S1))]
    (tmp_path / "one.html").write_text(f"<p>{big}</p>", encoding="utf-8")
    assert len(read(tmp_path / "one.html")[0].text) == 5_000_000


def test_record_and_line_limits(tmp_path) -> None:
    long_text = "ประชุม" * 1000
    (tmp_path / "l.jsonl").write_text(
        "\n".join([json.dumps({"id": "long", "text": long_text}), json.dumps({"id": "ok", "text": S1},
                                                                             ensure_ascii=False)]), encoding="utf-8")
    got = read(tmp_path / "l.jsonl", max_record_chars=1000)
    # The line (36,000 characters of \\u escapes) is under the line limit: read, then refused on its text.
    assert got[0].error == "l.jsonl#long: text of 6,000 characters is over the 1,000-character limit (max_record_chars)"
    assert (got[1].source, got[1].text) == ("l.jsonl#ok", S1)


def test_a_line_over_the_line_limit_is_skipped_without_reading_it_whole(tmp_path) -> None:
    (tmp_path / "l.jsonl").write_bytes(b'{"text": "' + b"x" * 3_000_000 + b'"}\n' + jsonl(RECORDS[:1]))
    got = read(tmp_path / "l.jsonl", max_record_chars=100_000)  # line limit 6 * 100,000 + 1 MiB
    assert got[0].error == "l.jsonl#line 1: line over 1,648,576 bytes (max_record_chars), skipped"
    assert got[1].text == S1


def test_folder_walk_order_and_kinds(tmp_path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text(S1, encoding="utf-8")
    (tmp_path / "b" / "n.jsonl.zst").write_bytes(zst(jsonl(RECORDS[:2])))
    (tmp_path / "b" / "p.html").write_text(f"<p>{S2}</p>", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / "notes.gz").write_bytes(gzip.compress(b"x"))
    got = read(tmp_path)
    assert [s.source for s in got] == ["a.txt", "image.png", "notes.gz", "b/n.jsonl.zst#a1", "b/n.jsonl.zst#2",
                                       "b/p.html"]
    # files the pipeline does not read are not dropped silently: each is a Source marked unsupported
    assert [s.status for s in got] == [None, "unsupported", "unsupported", None, None, None]
    assert got[1].error.startswith("image.png: unsupported file type .png")
    assert got[2].error.startswith("notes.gz: unsupported file type .gz")
    assert got[1].doc_id != got[2].doc_id


def test_bulk_corpus_streams_with_its_ids(shared) -> None:
    bulk = shared / "corpus" / "bulk" / "thaigov_bulk.jsonl.zst"
    expected = []
    with bulk.open("rb") as f, zstandard.ZstdDecompressor().stream_reader(f) as r:
        for line in io.TextIOWrapper(r, encoding="utf-8"):
            expected.append(json.loads(line))
            if len(expected) == 50:
                break
    got = []
    for src in iter_sources([bulk]):
        got.append(src)
        if len(got) == 50:
            break
    assert [s.source for s in got] == [f"thaigov_bulk.jsonl.zst#{r['id']}" for r in expected]
    assert got[0].source == "thaigov_bulk.jsonl.zst#thaigov-v1_p0b76919a7152"
    assert [s.text for s in got] == [r["text"] for r in expected]
    assert [s.doc_id for s in got] == [sha16(r["text"]) for r in expected]


@pytest.mark.parametrize("cut", range(3))
def test_csv_longer_than_the_encoding_sample_with_a_character_across_its_end(tmp_path, cut: int) -> None:
    # A plain file's first read is 4 KiB or 8 KiB; a Thai character (3 bytes) cut there once
    # rejected the whole file as "invalid UTF-8 at byte 4094".
    prefix = "x" * cut
    rows = [["id", "text"]] + [[f"r{i}", f"{prefix}{S1} {S2} {i}"] for i in range(300)]
    (tmp_path / "c.csv").write_text(csv_bytes(rows), encoding="utf-8", newline="")
    got = read(tmp_path / "c.csv")
    assert [s.error for s in got if s.error] == []
    assert [s.text for s in got] == [r[1] for r in rows[1:]]


def test_lone_surrogates_in_text_and_id_are_kept_and_named(tmp_path) -> None:
    # json.loads accepts "\ud800": the text is not valid Unicode and cannot be hashed or written as is.
    lines = ['{"id": "a", "text": "' + S1 + ' \\ud800 ' + S2 + '"}', '{"id": "x\\udc80", "text": "' + S3 + '"}',
             '{"id": "c", "text": "' + S2 + '"}']
    (tmp_path / "s.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    got = read(tmp_path / "s.jsonl")
    assert [s.source for s in got] == ["s.jsonl#a", "s.jsonl#x\\udc80", "s.jsonl#c"]
    assert got[0].text == f"{S1} \ufffd {S2}"  # one character for one: offsets unchanged
    assert "lone surrogate" in (got[0].warning or "")
    assert got[1].text == S3 and got[2].warning is None
    for s in got:
        s.source.encode("utf-8")
        assert len(s.doc_id) == 16

