"""Near-duplicate detection: republished releases match, different releases do not, same everywhere."""

from __future__ import annotations

import itertools
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from extract.dedup import DuplicateIndex, Signature, signature, similarity
from extract.ingest import iter_sources

REPO = Path(__file__).resolve().parents[1]

BODY = """วันนี้ (13 กันยายน 2559) เวลา 09.00 น. ณ ห้องประชุม 501 ตึกบัญชาการ 1 ทำเนียบรัฐบาล พลเอก ประยุทธ์ จันทร์โอชา
นายกรัฐมนตรี เป็นประธานการประชุมคณะรัฐมนตรี โดยที่ประชุมได้พิจารณาเรื่องสำคัญหลายเรื่อง ได้แก่ ร่างพระราชบัญญัติ
การบริหารจัดการน้ำ มาตรการช่วยเหลือเกษตรกรผู้ปลูกข้าวในพื้นที่ประสบภัยแล้ง 24 จังหวัด และแผนการลงทุนโครงสร้างพื้นฐาน
ด้านคมนาคมขนส่งระยะเร่งด่วน ทั้งนี้ นายกรัฐมนตรีได้สั่งการให้กระทรวงเกษตรและสหกรณ์ร่วมกับกระทรวงมหาดไทย
เร่งสำรวจความเสียหายและจ่ายเงินช่วยเหลือให้ถึงมือเกษตรกรโดยเร็ว พร้อมทั้งรายงานความคืบหน้าต่อคณะรัฐมนตรีทุกสองสัปดาห์
นอกจากนี้ ที่ประชุมยังได้รับทราบผลการเดินทางเยือนสาธารณรัฐประชาชนจีนของรองนายกรัฐมนตรี ซึ่งได้หารือความร่วมมือ
ด้านการค้า การลงทุน และการท่องเที่ยว โดยทั้งสองฝ่ายตั้งเป้าเพิ่มมูลค่าการค้าระหว่างกันให้ถึง 1 แสนล้านดอลลาร์สหรัฐ"""
ARTICLE = "รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-สรุปข่าวการประชุมคณะรัฐมนตรี 13 กันยายน 2559\n\nวันอังคารที่ 13 กันยายน 2559\n\n" + BODY
REPUBLISHED = ("รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-นายกฯ สั่งเร่งช่วยเหลือเกษตรกรภัยแล้ง [สำนักโฆษก]\n\nวันพุธที่ 14 กันยายน 2559\n\n"
               + BODY.replace("\n", " "))
OTHER = """รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-ปลัดกระทรวงยุติธรรม ร่วมหารือการกำหนดแผนงานป้องกันยาเสพติด

วันจันทร์ที่ 31 กรกฎาคม 2560

ปลัดกระทรวงยุติธรรม เดินทางไปจังหวัดเชียงใหม่ เพื่อร่วมหารือกับผู้ว่าราชการจังหวัดเชียงใหม่และหน่วยงานที่เกี่ยวข้อง
ในการกำหนดแผนงานป้องกันและแก้ไขปัญหายาเสพติดในพื้นที่ชายแดน โดยเน้นการบูรณาการข้อมูลระหว่างหน่วยงานความมั่นคง
และการบำบัดฟื้นฟูผู้ติดยาเสพติดในชุมชน ทั้งนี้ ที่ประชุมเห็นชอบให้จัดตั้งศูนย์ปฏิบัติการร่วม ณ ศาลากลางจังหวัดเชียงใหม่
มีผู้เข้าร่วมประชุมประมาณ 120 คน"""


def test_republished_article_with_changed_header_is_flagged() -> None:
    index = DuplicateIndex()
    assert index.match_or_add("first", signature(ARTICLE)) is None
    assert index.match_or_add("other", signature(OTHER)) is None
    assert index.match_or_add("again", signature(REPUBLISHED)) == "first"
    assert len(index) == 2  # a duplicate is not added


@pytest.mark.parametrize(("a", "b", "low", "high"), [
    (ARTICLE, REPUBLISHED, 0.8, 1.0),
    (ARTICLE, OTHER, 0.0, 0.1),
    (ARTICLE, ARTICLE.replace("\n", "  \n "), 1.0, 1.0),  # whitespace does not count
])
def test_similarity_estimate(a: str, b: str, low: float, high: float) -> None:
    assert low <= similarity(signature(a), signature(b)) <= high


def test_identical_texts_always_match_and_first_seen_wins() -> None:
    index = DuplicateIndex(threshold=1.0)
    assert [index.match_or_add(d, signature(t)) for d, t in
            [("a", ARTICLE), ("b", ARTICLE), ("c", " " + ARTICLE + "\n"), ("e1", ""), ("e2", "  "), ("s", "ครม.")]] \
        == [None, "a", "a", None, "e1", None]


def test_short_different_texts_do_not_match() -> None:
    index = DuplicateIndex()
    assert [index.match_or_add(t, signature(t)) for t in ["ครม.", "ศบค.", "ครม"]] == [None, None, None]


def test_signature_is_small_and_picklable() -> None:
    sig = signature(ARTICLE)
    assert isinstance(sig, Signature) and len(sig.minhash) == 128 * 4 and len(sig.digest) == 16
    assert pickle.loads(pickle.dumps(sig)) == sig


def test_signature_is_the_same_in_another_process() -> None:
    code = ("import sys; from extract.dedup import signature; "
            "s = signature(sys.stdin.read()); print(s.digest.hex(), s.minhash.hex())")
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run([sys.executable, "-c", code], input=REPUBLISHED, capture_output=True, text=True,
                         cwd=REPO, env=env, check=True).stdout.split()
    sig = signature(REPUBLISHED)
    assert out == [sig.digest.hex(), sig.minhash.hex()]


# Pairs of the bulk corpus checked by eye: the same release republished (new title/page date,
# a sentence reworded, or only the source URL changed), and unrelated releases of the same days.
BULK_PAIRS = [
    ("thaigov-v1_1265", "thaigov-v1_1222", True),  # longer title, new page date, same body
    ("thaigov-v1_27226", "thaigov-v1_26396", True),  # republished a month later with a ministry tag
    ("thaigov-v1_7299", "thaigov-v1_7296", True),  # only the ที่มา URL differs
    ("thaigov-v1_1265", "thaigov-v1_7296", False),
    ("thaigov-v1_26396", "thaigov-v1_7299", False),
]


def test_bulk_republished_pairs(shared) -> None:
    bulk = shared / "corpus" / "bulk" / "thaigov_bulk.jsonl.zst"
    wanted = {i for a, b, _ in BULK_PAIRS for i in (a, b)}
    texts = {}
    for src in itertools.islice(iter_sources([bulk]), 4000):
        ident = src.source.split("#", 1)[1]
        if ident in wanted:
            texts[ident] = src.text
    assert set(texts) == wanted
    for a, b, duplicate in BULK_PAIRS:
        index = DuplicateIndex()
        index.match_or_add(b, signature(texts[b]))
        assert index.match_or_add(a, signature(texts[a])) == (b if duplicate else None), (a, b)
