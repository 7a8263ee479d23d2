"""write: parts become tables in one commit; the previous rows are kept or replaced; the
schema is the contract; an interrupted commit is completed by the next reader."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pyarrow.parquet as pq

from extract import write


def _doc(doc_id: str, version: str = "0.1.0+test", status: str = "ok") -> dict:
    return {"doc_id": doc_id, "source": f"{doc_id}.txt", "status": status, "pipeline_version": version,
            "n_events": 1, "title": "นายกฯ เปิดงานวันเด็กแห่งชาติ", "published": dt.date(2024, 8, 8)}


def _event(doc_id: str) -> dict:
    return {"event_id": f"{doc_id}:0", "doc_id": doc_id, "event_index": 0, "date_start": dt.date(2023, 3, 16),
            "time_start": "09:00", "venue": "ห้องประชุมบางแก้ว", "province": "ชลบุรี", "province_code": "TH-20",
            "officials": [{"name": "สมชาย ใจดี", "honorific": "นาย", "position": "ผู้ว่าราชการจังหวัดชลบุรี",
                           "role": "chair", "start": 60, "end": 73}],
            "agencies": [], "evidence": [{"field": "date", "text": "16 มีนาคม 2566", "method": "rule",
                                          "start": 8, "end": 22, "confidence": 1.0}]}


def _mention(doc_id: str) -> dict:
    return {"doc_id": doc_id, "kind": "province", "text": "จังหวัดชลบุรี", "value": "ชลบุรี", "start": 80, "end": 93,
            "method": "lexicon", "confidence": 0.9}


def _batch(*ids: str) -> dict[str, list[dict]]:
    return {"documents": [_doc(i) for i in ids], "events": [_event(i) for i in ids],
            "mentions": [_mention(i) for i in ids]}


def _read(out: Path, name: str) -> list[dict]:
    return pq.read_table(write.table_path(out, name)).to_pylist()


def test_parts_are_committed_into_the_three_tables_in_order(tmp_path: Path) -> None:
    write.write_part(tmp_path, write.new_part_name(0), _batch("a", "b"))
    write.write_part(tmp_path, write.new_part_name(1), _batch("c"))
    write.commit(tmp_path)
    assert [d["doc_id"] for d in _read(tmp_path, "documents")] == ["a", "b", "c"]
    [event, *_] = _read(tmp_path, "events")
    assert event["officials"][0]["name"] == "สมชาย ใจดี" and event["date_start"] == dt.date(2023, 3, 16)
    assert event["agencies"] == [] and event["participants"] is None  # a column not given is null
    assert _read(tmp_path, "mentions")[0]["value"] == "ชลบุรี"
    assert not (tmp_path / write.PARTS).exists()
    for name, schema in write.SCHEMAS.items():
        assert pq.read_schema(write.table_path(tmp_path, name)).equals(schema, check_metadata=False)


def test_a_later_run_appends_and_a_forced_one_replaces(tmp_path: Path) -> None:
    write.write_part(tmp_path, write.new_part_name(0), _batch("a"))
    write.commit(tmp_path)
    write.write_part(tmp_path, write.new_part_name(0), _batch("b"))
    write.commit(tmp_path, keep_previous=True)
    assert [d["doc_id"] for d in _read(tmp_path, "documents")] == ["a", "b"]
    write.write_part(tmp_path, write.new_part_name(0), _batch("c"))
    write.commit(tmp_path, keep_previous=False)
    assert [d["doc_id"] for d in _read(tmp_path, "events")] == ["c"]


def test_done_documents_are_read_from_tables_and_unfinished_parts(tmp_path: Path) -> None:
    write.write_part(tmp_path, write.new_part_name(0), _batch("a"))
    write.commit(tmp_path)
    write.write_part(tmp_path, write.new_part_name(1), {"documents": [_doc("b", version="0.1.0+old")]})
    assert _done(tmp_path) == [("a", "0.1.0+test"), ("b", "0.1.0+old")]
    write.clear_parts(tmp_path)
    assert _done(tmp_path) == [("a", "0.1.0+test")]


def _done(out: Path) -> list[tuple[str, str]]:
    return [pair for t in write.iter_done(out) for pair in zip(t["doc_id"], t["pipeline_version"], strict=True)]


def test_a_commit_interrupted_after_its_manifest_is_completed_by_the_next_reader(tmp_path: Path) -> None:
    write.write_part(tmp_path, write.new_part_name(0), _batch("a"))
    write.commit(tmp_path)
    # A crash between writing the new table and swapping it in: the manifest names the swap.
    tmp = tmp_path / ".documents.parquet.999.tmp"
    pq.write_table(write.table(name="documents", rows=[_doc("a"), _doc("z")]), tmp)
    manifest = {"swaps": {str(tmp): str(write.table_path(tmp_path, "documents"))}, "parts": []}
    (tmp_path / write.COMMIT_MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    assert {doc_id for doc_id, _ in _done(tmp_path)} == {"a", "z"}
    assert not (tmp_path / write.COMMIT_MANIFEST).exists() and not tmp.exists()
