"""Property tests: random and mutated Thai text never crashes an extractor or moves an offset.

Seeds are real sentences (the articles in data/raw plus a few thaigov-style lines); hypothesis
mutates them the way scraped text is damaged: characters inserted, deleted or duplicated,
Thai digits, dates, honorifics, ณ/ที่, zero-width and bidi characters, very long runs.

Properties:

* analyse() and every extractor run without an exception;
* every span of an extractor satisfies ``text[start:end] == record text`` on the cleaned,
  normalised text the extractors receive (``analyse(text).cleaned.text``);
* mapped back through ``Normalised.span``, a span covers source characters that normalise
  to the same text, and process() rows point into the source: ``source[start:end] == text``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.agencies import find_agencies
from extract.analyse import analyse, process
from extract.counts import find_counts
from extract.dates import find_dates, find_times
from extract.ingest import Source
from extract.ner import recognise
from extract.normalise import normalise
from extract.people import find_officials
from extract.places import find_places

REPO = Path(__file__).resolve().parents[1]
FUZZ = settings(max_examples=150, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

LINES = [
    "วันนี้ (18 ม.ค. 61) เวลา 09.00 น. ณ ห้องประชุม 501 ตึกบัญชาการ 1 ทำเนียบรัฐบาล",
    "พลเอก ประยุทธ์ จันทร์โอชา นายกรัฐมนตรี เป็นประธานการประชุมคณะรัฐมนตรี",
    "ระหว่างวันที่ 1 - 3 กุมภาพันธ์ 2561 ณ ศาลากลางจังหวัดเชียงใหม่ มีผู้เข้าร่วมกว่า 200 คน",
    "นางสาวรัชดา ธนาดิเรก รองโฆษกประจำสำนักนายกรัฐมนตรี เปิดเผยว่า กรมทรัพยากรนํ้า (ทน.) จัดประชุม",
    "เมื่อวันที่ ๑๖ มีนาคม ๒๕๖๖ เวลา ๑๓.๓๐ - ๑๖.๓๐ น. ผ่านระบบ Zoom Meeting",
]
ALPHABET = ("กขคงจฉชซญดตถทธนบปผพฟภมยรลวศษสหอฮะาำิีึืุูเแโใไ่้๊๋็์ํ" "๐๑๒๓๔๕๖๗๘๙0123456789"
            " \n\t().-/:,ฯๆ\u200b\u200c\u200d\u200e\u200f\u202b\u202c\u00a0\ufeffABCMrs")
PIECES = ["ณ ", "ที่", "ณ", "นาย", "นาง", "นางสาว", "พลเอก ", "ดร.", "พล.ต.อ. ", "ม.ร.ว.", "วันที่ ", "เวลา ",
          " น.", "พ.ศ. ", "ม.ค.", "มีนาคม", "ธ.ค. ", " - ", "–", "ถึง", "จังหวัด", "กรุงเทพมหานคร", "กระทรวง",
          "สำนักงาน", "คน", "ราย", "กว่า ", "ประมาณ", "\u200b", "\u200f", "ํา", "ํ้า", "นํ้า", "e\u0301", "\n\n"]


@cache
def seeds() -> tuple[str, ...]:
    out = list(LINES)
    for path in sorted((REPO / "data" / "raw").glob("*.txt")):
        out += [line for line in path.read_text(encoding="utf-8").splitlines() if 20 <= len(line) <= 400]
    return tuple(out)


def _date() -> st.SearchStrategy[str]:
    months = ["มกราคม", "ก.พ.", "มี.ค.", "เมษายน", "พ.ค.", "มิ.ย.", "กรกฎาคม", "ส.ค.", "กันยายน", "ต.ค.",
              "พฤศจิกายน", "ธ.ค."]
    return st.builds(lambda d, m, y, thai: (f"{d} {m} {y}".translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
                                            if thai else f"{d} {m} {y}"),
                     st.integers(0, 40), st.sampled_from(months), st.sampled_from(["2566", "66", "2023", "25", "9999", ""]),
                     st.booleans())


@st.composite
def mutated(draw) -> str:
    text = draw(st.sampled_from(seeds()))
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["insert", "delete", "duplicate", "piece", "date", "run", "digits"]))
        i = draw(st.integers(0, len(text)))
        if op == "insert":
            text = text[:i] + draw(st.text(ALPHABET, min_size=1, max_size=8)) + text[i:]
        elif op == "delete":
            text = text[:i] + text[i + draw(st.integers(1, 10)):]
        elif op == "duplicate":
            j = draw(st.integers(i, min(len(text), i + 40)))
            text = text[:j] + text[i:j] * draw(st.integers(1, 5)) + text[j:]
        elif op == "piece":
            text = text[:i] + draw(st.sampled_from(PIECES)) + text[i:]
        elif op == "date":
            text = text[:i] + draw(_date()) + text[i:]
        elif op == "run":
            text = text[:i] + draw(st.sampled_from(PIECES + list("ก1 .(-"))) * draw(st.integers(50, 600)) + text[i:]
        else:
            text = text[:i] + draw(st.text("๐๑๒๓๔๕๖๗๘๙0123456789.,:/- ", min_size=1, max_size=12)) + text[i:]
    return text


TEXTS = st.one_of(mutated(), st.text(ALPHABET, max_size=300))


def _spans(body: str) -> list[tuple[str, int, int, str]]:
    """(kind, start, end, text) of every record each extractor returns on the cleaned text."""
    out = [("date", d.start, d.end, d.text) for d in find_dates(body)]
    out += [("time", t.start, t.end, t.text) for t in find_times(body)]
    places = find_places(body)
    out += [(m.kind, m.start, m.end, m.text) for m in (*places.venues, *places.provinces, *places.online,
                                                        *places.abroad)]
    out += [("agency", a.start, a.end, a.name) for a in find_agencies(body)]
    out += [("count", c.start, c.end, c.text) for c in find_counts(body)]
    return out


@FUZZ
@given(TEXTS)
def test_extractors_never_raise_and_offsets_hold(text: str) -> None:
    body = analyse(text).cleaned.text
    for kind, start, end, span_text in _spans(body):
        assert 0 <= start <= end <= len(body), (kind, start, end)
        assert body[start:end] == span_text, (kind, start, end, span_text)
    for o in find_officials(body):
        assert 0 <= o.start < o.end <= len(body)
        assert o.name.split()[0] in body[o.start : o.end], (o, body[o.start : o.end])
        if o.position_start is not None:
            assert body[o.position_start : o.position_end]


@FUZZ
@given(TEXTS)
def test_analyse_maps_every_span_back_to_the_source(text: str) -> None:
    a = analyse(text)
    f = a.found
    spans = [(d.start, d.end) for d in f.dates] + [(t.start, t.end) for t in f.times]
    spans += [(m.start, m.end) for m in (*f.places.venues, *f.places.provinces)]
    spans += [(x.start, x.end) for x in (*f.agencies, *f.counts, *f.officials)]
    for start, end in spans:
        s, e = a.norm.span(start, end)
        assert 0 <= s <= e <= len(text)
        # The source characters behind the span read, once normalised, as the span itself.
        assert normalise(text[s:e]).text == a.norm.text[start:end], (text[s:e], a.norm.text[start:end])
    for ev in a.events:
        for item in ev.evidence:
            assert a.cleaned.text[item["start"] : item["end"]] == item["text"], item


@FUZZ
@given(TEXTS)
def test_process_rows_point_into_the_source(text: str) -> None:
    result = process(Source("fuzz.txt", text=text))
    doc = result.document
    assert doc["status"] in ("ok", "empty"), doc["error"]
    for m in result.mentions:
        assert 0 <= m["start"] <= m["end"] <= len(text)
        assert text[m["start"] : m["end"]] == m["text"]
    for ev in result.events:
        for item in ev["evidence"]:
            assert text[item["start"] : item["end"]] == item["text"]
        for o in ev["officials"]:
            assert 0 <= o["start"] < o["end"] <= len(text)


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_ner_spans_hold(text: str) -> None:
    body = analyse(text).cleaned.text
    for e in recognise(body):
        assert body[e.start : e.end] == e.text, e


@pytest.mark.parametrize("text", [
    "นาย" * 2000,
    "ณ ที่" * 1000,
    "\u200b" * 3000 + "วันที่ 1 มกราคม 2566",
    "ํ้า" * 1000,
    "1 " * 3000,
    "(" * 2000 + "วันที่ 16 มีนาคม 2566",
])
def test_long_runs(text: str) -> None:
    result = process(Source("run.txt", text=text))
    assert result.document["status"] == "ok", result.document["error"]
    assert all(text[m["start"] : m["end"]] == m["text"] for m in result.mentions)
