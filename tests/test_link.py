"""Linking events across articles: person names, pairwise decisions, clusters, stable ids."""

from __future__ import annotations

import io
import json
import re
from dataclasses import replace
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from extract import write
from extract.link import Item, cluster, grams, link_output, same_occurrence
from extract.names import normalise_name, person_key, split_titles
from extract.plans import announced, plan_cue
from extract.runner import Options, run

# --- Names ------------------------------------------------------------------------------


@pytest.mark.parametrize(("written", "normalised"), [
    ("พล.อ. ประยุทธ์ จันทร์โอชา", "พลเอกประยุทธ์ จันทร์โอชา"),
    ("พลเอกประยุทธ์ จันทร์โอชา", "พลเอกประยุทธ์ จันทร์โอชา"),
    ("พลเอก  ประยุทธ์   จันทร์โอชา", "พลเอกประยุทธ์ จันทร์โอชา"),
    ("น.ส. แพทองธาร ชินวัตร", "นางสาวแพทองธาร ชินวัตร"),
    ("ผศ.ดร.สมชาย ใจดี", "ผู้ช่วยศาสตราจารย์ดอกเตอร์สมชาย ใจดี"),
    ("พล.ต.อ. ต่อศักดิ์ สุขวิมล", "พลตำรวจเอกต่อศักดิ์ สุขวิมล"),
    ("ว่าที่ ร.ต. สมศักดิ์ ดีมาก", "ว่าที่ร้อยตรีสมศักดิ์ ดีมาก"),
    ("นายอนุทิน\u200b ชาญวีรกูล", "นายอนุทิน ชาญวีรกูล"),
])
def test_names_are_normalised(written: str, normalised: str) -> None:
    assert normalise_name(written) == normalised


@pytest.mark.parametrize(("name", "honorific", "key"), [
    ("ประยุทธ์ จันทร์โอชา", "พล.อ.", "ประยุทธ์ จันทร์โอชา"),
    ("ประยุทธ์ จันทร์โอชา", "พลเอก", "ประยุทธ์ จันทร์โอชา"),
    ("พลเอก ประยุทธ์ จันทร์โอชา", None, "ประยุทธ์ จันทร์โอชา"),
    ("เศรษฐา  ทวีสิน", "นาย", "เศรษฐา ทวีสิน"),
    ("เฉลิมชัย ศรีอ่อน", "ดร.", "เฉลิมชัย ศรีอ่อน"),
    ("อานนท์ สนิทวงศ์ ณ อยุธยา", "นาย", "อานนท์ สนิทวงศ์ ณ อยุธยา"),
    ("", "นาย", ""),
])
def test_person_key_drops_every_title(name: str, honorific: str | None, key: str) -> None:
    assert person_key(name, honorific) == key


def test_a_bare_title_is_no_name() -> None:
    assert split_titles("ดร.") == ("", "ดร.")
    assert split_titles("พล.อ. (พิเศษ) สมชาย ใจดี") == ("พลเอก(พิเศษ)", "สมชาย ใจดี")


# --- Pairwise decisions -----------------------------------------------------------------

DAY = 738_706  # 2023-07-04 as an ordinal


def item(doc: str, minute: int | None, venue: str, people: set[str], agencies: set[str] = frozenset(),
         day: int = DAY, published: int | None = DAY, index: int = 0) -> Item:
    return Item(f"{doc}:{index}", doc, day, day, minute, venue, "meeting", frozenset(people), frozenset(agencies),
                published, row=int(doc[1:]) * 10 + index)


PM = {"เศรษฐา ทวีสิน"}
HALL = "บริเวณโถงกลาง ตึกบัญชาการ 1 ทำเนียบรัฐบาล"
T_WATER = grams("นายกฯ เผย ครม. มอบหมาย มท.-ผู้ว่าการ กปภ. ทบทวนปรับแผนการผลิตน้ำประปา")
T_DUST = grams("นายกฯ กำชับยกระดับการปฏิบัติการ การแก้ไขฝุ่นละออง PM 2.5 ในช่วงสถานการณ์วิกฤต")


def test_one_press_interview_split_by_topic_links() -> None:
    a = item("d1", 11 * 60 + 20, HALL, PM, {"คณะรัฐมนตรี", "กระทรวงมหาดไทย"})
    b = item("d2", 11 * 60 + 20, "โถงกลาง ตึกบัญชาการ 1 ทำเนียบรัฐบาล", PM, {"คณะรัฐมนตรี"})
    assert same_occurrence(a, b, T_WATER, T_DUST) > 0


def test_same_cabinet_meeting_reported_twice_links() -> None:
    venue = "ตึกภักดีบดินทร์ ทำเนียบรัฐบาล"
    committee = "คณะกรรมการรัฐมนตรีเศรษฐกิจ"
    a = item("d1", 12 * 60 + 15, venue, {"ประยุทธ์ จันทร์โอชา", "อุตตม สาวนายน"}, {committee, "คณะรัฐมนตรี"})
    b = item("d2", 9 * 60 + 30, venue, {"ประยุทธ์ จันทร์โอชา"}, {committee})
    title_a = grams("ครม. เศรษฐกิจ เห็นชอบมาตรการช่วยเหลือผู้ประกอบการ และประชาชน ที่ได้รับผลกระทบจากโควิด-19")
    title_b = grams("นายกฯ ประชุมครม.เศรษฐกิจ พิจารณามาตรการช่วยเหลือประชาชน ที่ได้รับผลกระทบจากโควิด-19")
    # The meeting at 09.30 and the press briefing after it at 12.15: far apart in time, so
    # only the named committee links them; similar headlines alone do not.
    assert same_occurrence(a, b, title_a, title_b, rare=frozenset({committee})) > 0
    assert same_occurrence(a, b, title_a, title_b) == 0
    other = grams("นายกรัฐมนตรีเยี่ยมชมนิทรรศการก่อนการประชุมคณะรัฐมนตรี")
    assert same_occurrence(a, b, title_a, other, rare=frozenset({committee})) > 0


def test_same_minister_same_day_different_events_do_not_link() -> None:
    room = "ห้องประชุม ชั้น 8 กระทรวง พม. สะพานขาว"
    minister = {"อดุลย์ แสงสิงแก้ว", "ณรงค์ คงคำ"}
    a = item("d1", 7 * 60 + 30, room, minister, {"กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์"})
    b = item("d2", 13 * 60, room, minister, {"กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์"})
    title_a = grams("รมว.พม. กำชับ จนท. เร่งเยียวยาสภาพจิตใจหญิงชราวัย 75 ปี")
    title_b = grams("พม. สานความร่วมมือ สกว. พัฒนาระบบฐานข้อมูลงานวิจัย")
    assert same_occurrence(a, b, title_a, title_b) == 0
    # Without times, one room and one minister are still not enough ...
    a0, b0 = item("d1", None, room, minister), item("d2", None, room, minister)
    assert same_occurrence(a0, b0, title_a, title_b) == 0
    # ... and in different rooms at the same hour never.
    c = item("d3", 7 * 60 + 30, "ห้องประชุมราชบพิธ อาคารดำรงราชานุสรณ์ กระทรวงมหาดไทย", minister)
    assert same_occurrence(a, c, title_a, title_a) == 0


def test_an_announcement_is_not_the_event() -> None:
    venue = "ตึกสันติไมตรี ทำเนียบรัฐบาล"
    title = grams("พม. จัดงานวันต่อต้านการค้ามนุษย์ 2565 NO VICTIMS NO TEARS")
    event = item("d1", 9 * 60, venue, {"ประยุทธ์ จันทร์โอชา"})
    plan = item("d2", 9 * 60, venue, {"ประยุทธ์ จันทร์โอชา"}, published=DAY - 6)
    assert same_occurrence(event, plan, title, title) == 0
    late = item("d3", 9 * 60, venue, {"ประยุทธ์ จันทร์โอชา"}, published=DAY + 30)
    assert same_occurrence(event, late, title, title) == 0


# Leads from the bulk corpus: an itinerary published on the morning of the visit (9827), a
# spokesman's "tomorrow" (89605), and reports of the day (9882, 17332, 24050).
@pytest.mark.parametrize(("lead", "cue"), [
    ("ในวันที่ 5 กุมภาพันธ์ 2561 พลอากาศเอก ประจิน จั่นตอง รองนายกรัฐมนตรีและรัฐมนตรีว่าการกระทรวงยุติธรรม "
     "ได้กำหนดเดินทางไปประชุมและตรวจเยี่ยมพื้นที่ภารกิจของหน่วยงานในกำกับที่จังหวัดชลบุรี ระยอง และจันทบุรี ดังนี้",
     "ได้กำหนดเดินทาง"),
    ("โฆษกประจำสำนักนายกรัฐมนตรี เปิดเผยว่าในวันพรุ่งนี้ 29 ตุลาคม 2567 เวลา 9 นาฬิกา นางสาวแพทองธาร ชินวัตร "
     "นายกรัฐมนตรี จะเป็นประธานเปิดแคมเปญ กระตุ้นการท่องเที่ยว", "จะเป็นประธาน"),
    ("ในวันจันทร์ที่ ๕ กุมภาพันธ์ ๒๕๖๑ เวลา ๐๘.๓๐ น. พลอากาศเอก ประจิน จั่นตอง รองนายกรัฐมนตรี "
     "นำคณะผู้บริหารกระทรวงยุติธรรม ตรวจเยี่ยมอุทยานรังสรรค์นวัตกรรมอวกาศ (SPACE INSPIRIUM)", None),
    ("วันนี้ (5 ธันวาคม 2561) นายพสุ โลหารชุน ปลัดกระทรวงอุตสาหกรรม ร่วมถวายพานพุ่ม เนื่องในวันคล้ายวันเฉลิม"
     "พระชนมพรรษา โดยมีพล.อ.ประยุทธ์ จันทร์โอชา นายกรัฐมนตรี เป็นประธาน ณ ท้องสนามหลวง", None),
    # Others who will travel, a decree: no plan of the event itself.
    ("วันที่ 25 ตุลาคม 2562 เลขานุการรัฐมนตรีว่าการกระทรวงแรงงาน เป็นประธานกล่าวให้โอวาทแก่แรงงานที่จะเดินทาง"
     "ไปทำงานต่างประเทศ ณ ห้องอบรมคนหางาน", None),
    ("เมื่อวันที่ 13 พฤษภาคม 2561 พระราชกำหนดการประกอบธุรกิจสินทรัพย์ดิจิทัล พ.ศ. 2561 ได้ประกาศในราชกิจจานุเบกษา",
     None),
])
def test_a_lead_that_schedules_its_event_is_a_plan(lead: str, cue: str | None) -> None:
    date = next(re.finditer(r"\d+ \S+ \d{4}|[๐-๙]+ \S+ [๐-๙]{4}", lead))
    m = plan_cue(lead, date.start(), date.end())
    assert (m.group() if m else None) == cue


def test_a_headline_that_schedules_is_a_plan() -> None:
    text = "นายกรัฐมนตรีมีกำหนดการลงพื้นที่ตรวจราชการจังหวัดลำพูน ร่วมรณรงค์ส่งเสริมการท่องเที่ยวในเมืองรอง\nเนื้อข่าว"
    plan = announced(text, (0, text.index("\n")), None)
    assert plan is not None and (plan["field"], plan["text"]) == ("announced", "มีกำหนดการลงพื้นที่")
    assert text[plan["start"]:plan["end"]] == plan["text"]
    for other in ("พระราชกำหนดการประกอบธุรกิจสินทรัพย์ดิจิทัล พ.ศ. 2561",  # a decree
                  "โฆษกกระทรวงการท่องเที่ยวและกีฬาแจงหลักเกณฑ์การขอรับเงินคืน ในกรณีไม่ประสงค์จะเดินทางท่องเที่ยว"):
        assert announced(other, (0, len(other)), None) is None


def test_a_planned_event_never_links_with_the_reported_one() -> None:
    # Same day, hour, place and minister (bulk 9827 against 9882): only the plan cue differs.
    venue = "อุทยานรังสรรค์นวัตกรรมอวกาศ"
    title = grams("รองนายกรัฐมนตรีลงพื้นที่จังหวัดในภาคตะวันออก")
    report = item("d1", 8 * 60 + 30, venue, {"ประจิน จั่นตอง"})
    plan = item("d2", 8 * 60 + 30, venue, {"ประจิน จั่นตอง"})
    assert same_occurrence(report, plan, title, title) > 0
    assert same_occurrence(report, replace(plan, planned=True), title, title) == 0


def test_similar_headlines_hours_apart_are_two_ceremonies() -> None:
    # Bulk 35961 / 35963: one minister at Sanam Luang on 13 Oct 2020, a wreath at 08.30 and
    # candles at 20.15; the headlines share the anniversary's boilerplate, not the story.
    minister = {"อิทธิพล คุณปลื้ม", "ประยุทธ์ จันทร์โอชา"}
    wreath = grams("รมว.วธ.ร่วมพิธีวางพวงมาลา และถวายบังคมเนื่องในวันคล้ายวันสวรรคตพระบาทสมเด็จพระบรมชนกาธิเบศร "
                   "มหาภูมิพลอดุลยเดชมหาราช บรมนาถบพิตร")
    candles = grams("รมว.วธ.ร่วมพิธีจุดเทียนน้อมรำลึกในพระมหากรุณาธิคุณ เนื่องในวันคล้ายวันสวรรคตพระบาทสมเด็จพระบรม"
                    "ชนกาธิเบศร มหาภูมิพลอดุลยเดชมหาราช บรมนาถบพิตร")
    morning = item("d1", 8 * 60 + 30, "ท้องสนามหลวง", minister)
    evening = item("d2", 20 * 60 + 15, "มณฑลพิธีท้องสนามหลวง", minister)
    assert same_occurrence(morning, evening, wreath, candles) == 0
    # Without a time on one side the same story still links (bulk 17331 / 17332: one
    # almsgiving at Sanam Luang on 5 Dec 2018, reported by the minister's and his deputy's office).
    assert same_occurrence(morning, replace(evening, minute=None), wreath, candles) > 0
    # Hours apart, the same committee still does (one economic cabinet sitting, 09.30 and 12.15).
    committee = "คณะกรรมการรัฐมนตรีเศรษฐกิจ"
    assert same_occurrence(replace(morning, agencies=frozenset({committee})),
                           replace(evening, agencies=frozenset({committee})), wreath, candles,
                           frozenset({committee})) > 0


def test_two_events_of_one_article_never_share_a_cluster() -> None:
    # d2 matches both of d1's events; the chain d1:0 - d2 - d1:1 must not form.
    venue = "ศูนย์นิทรรศการและการประชุมไบเทค"
    people = {"ณัฐพล รังสิตพล"}
    items = [item("d1", 9 * 60 + 30, venue, people), item("d1", 9 * 60 + 30, venue, people, index=1),
             item("d2", 9 * 60 + 30, venue, people)]
    ids = cluster(items, [(3.5, 0, 2), (3.2, 1, 2)])
    assert ids == {"d1:0": "d1:0", "d2:0": "d1:0", "d1:1": "d1:1"}


# --- Whole runs -------------------------------------------------------------------------

# Bulk articles: one press interview after the cabinet meeting of 9 Apr 2024 in two releases
# (81541, 81552), the PM's briefing of 4 Jul 2017 in two releases (4997, 5002), and one
# minister's two different meetings on 31 Oct 2017 (7702, 7713).
FIRST = ["thaigov-v1_4997", "thaigov-v1_7702", "thaigov-v2_81552"]
LATER = ["thaigov-v1_5002", "thaigov-v1_7713", "thaigov-v2_81541"]
# The deputy PM's itinerary for 5 Feb 2018, published that morning, and the report of the visit.
ITINERARY = ["thaigov-v1_9827", "thaigov-v1_9882"]


@pytest.fixture(scope="module")
def bulk_records(tmp_path_factory) -> dict[str, str]:
    import zstandard

    path = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bulk" / "thaigov_bulk.jsonl.zst"
    if not path.exists():
        pytest.skip("../shared is not present")
    wanted, found = set(FIRST + LATER + ITINERARY), {}
    with open(path, "rb") as f:
        for line in io.TextIOWrapper(zstandard.ZstdDecompressor().stream_reader(f), encoding="utf-8"):
            if any(w in line[:80] for w in wanted):
                record = json.loads(line)
                if record["id"] in wanted:
                    found[record["id"]] = line
    return found


def write_records(path: Path, records: dict[str, str], ids: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(records[i] for i in ids), encoding="utf-8")


def clusters_by_article(out: Path) -> dict[str, str]:
    t = ds.dataset(out / "events.parquet", format="parquet").to_table(columns=["source", "event_index", "cluster_id"])
    return {f"{s.rsplit('#', 1)[1]}:{i}": c for s, i, c in zip(*(t.column(n).to_pylist() for n in t.column_names),
                                                                strict=True)}


def test_clusters_and_ids_agree_across_clean_resumed_and_incremental_runs(tmp_path: Path, bulk_records: dict[str, str],
                                                                            monkeypatch) -> None:
    inputs = tmp_path / "in"
    write_records(inputs / "a.jsonl", bulk_records, FIRST)
    write_records(inputs / "b.jsonl", bulk_records, LATER)

    clean = tmp_path / "clean"
    run([inputs], clean, Options(workers=1))
    ids = clusters_by_article(clean)
    assert ids["thaigov-v1_4997:0"] == ids["thaigov-v1_5002:0"] == "thaigov-v1_4997:0".replace(
        "thaigov-v1_4997", _doc_id(clean, "thaigov-v1_4997"))
    assert ids["thaigov-v2_81541:0"] == ids["thaigov-v2_81552:0"]
    assert ids["thaigov-v1_7702:0"] != ids["thaigov-v1_7713:0"]

    # Killed after the first share (one part per document), then run again.
    resumed = tmp_path / "resumed"
    written = []

    def stop(*args, **kwargs):
        if written:  # the first part is on disk: the kill comes now
            raise KeyboardInterrupt
        written.append(real(*args, **kwargs))

    real = write.write_part
    monkeypatch.setattr(write, "write_part", stop)
    with pytest.raises(KeyboardInterrupt):
        run([inputs], resumed, Options(workers=1, batch_size=1))
    monkeypatch.setattr(write, "write_part", real)
    assert not (resumed / "events.parquet").exists()
    run([inputs], resumed, Options(workers=1, batch_size=1))
    assert clusters_by_article(resumed) == ids

    # The first file alone, then the second added: the new articles join the clusters.
    incremental = tmp_path / "incremental"
    write_records(tmp_path / "inc" / "a.jsonl", bulk_records, FIRST)
    run([tmp_path / "inc"], incremental, Options(workers=1))
    before = clusters_by_article(incremental)
    write_records(tmp_path / "inc" / "b.jsonl", bulk_records, LATER)
    run([tmp_path / "inc"], incremental, Options(workers=1))
    after = clusters_by_article(incremental)
    assert after == ids
    assert all(after[k] == v for k, v in before.items())

    table = ds.dataset(clean / "clusters.parquet", format="parquet").to_table().to_pylist()
    assert len(table) == len(set(ids.values()))
    briefing = next(r for r in table if r["cluster_id"] == ids["thaigov-v1_4997:0"])
    assert (briefing["n_articles"], briefing["n_sources"]) == (2, 2)
    assert str(briefing["date_start"]) == "2017-07-04" and briefing["time_start"] == "15:00"
    pm = next(o for o in briefing["officials"] if o["key"] == "ประยุทธ์ จันทร์โอชา")
    assert pm["n_articles"] == 2 and pm["name"] == "พลเอกประยุทธ์ จันทร์โอชา"


def _doc_id(out: Path, article: str) -> str:
    t = ds.dataset(out / "events.parquet", format="parquet").to_table(columns=["source", "doc_id"]).to_pylist()
    return next(r["doc_id"] for r in t if r["source"].endswith("#" + article))


def test_linking_again_changes_nothing(tmp_path: Path, bulk_records: dict[str, str]) -> None:
    write_records(tmp_path / "in" / "a.jsonl", bulk_records, FIRST + LATER)
    out = tmp_path / "out"
    run([tmp_path / "in"], out, Options(workers=1))
    ids = clusters_by_article(out)
    assert link_output(out) == 2  # two occurrences reported by two articles each
    assert clusters_by_article(out) == ids

    # The clusters as a flat file: one row per occurrence, its officials with their article counts.
    from extract.export import export

    dest, n = export(out, "jsonl", tmp_path / "clusters.jsonl", table="clusters")
    rows = [json.loads(line) for line in dest.read_text(encoding="utf-8").splitlines()]
    assert n == len(rows) == len(set(ids.values()))
    briefing = next(r for r in rows if r["cluster_id"] == ids["thaigov-v1_4997:0"])
    assert (briefing["date_start"], briefing["n_articles"]) == ("2017-07-04", 2)
    assert "พลเอกประยุทธ์ จันทร์โอชา (2)" in briefing["officials"].split("; ")
    assert len(briefing["event_ids"].split("; ")) == 2


def test_an_itinerary_is_not_linked_with_the_report_of_the_visit(tmp_path: Path,
                                                                 bulk_records: dict[str, str]) -> None:
    write_records(tmp_path / "in" / "a.jsonl", bulk_records, ITINERARY)
    out = tmp_path / "out"
    run([tmp_path / "in"], out, Options(workers=1))
    rows = ds.dataset(out / "events.parquet", format="parquet").to_table(
        columns=["source", "event_index", "time_start", "evidence", "cluster_id"]).to_pylist()
    plan = [r for r in rows if r["source"].endswith("9827")]
    report = [r for r in rows if r["source"].endswith("9882")]
    assert plan[0]["time_start"] == report[0]["time_start"] == "08:30"
    cue = [(e["text"], e["method"]) for e in plan[0]["evidence"] if e["field"] == "announced"]
    assert cue == [("ได้กำหนดเดินทาง", "plan-cue")]
    assert all(any(e["field"] == "announced" for e in r["evidence"]) for r in plan)
    assert not any(e["field"] == "announced" for r in report for e in r["evidence"])
    assert not {r["cluster_id"] for r in plan} & {r["cluster_id"] for r in report}


def test_report_and_show_name_the_other_articles(tmp_path: Path, bulk_records: dict[str, str]) -> None:
    from extract.link import other_articles
    from extract.report import build_report

    write_records(tmp_path / "in" / "a.jsonl", bulk_records, FIRST + LATER)
    out = tmp_path / "out"
    run([tmp_path / "in"], out, Options(workers=1))
    doc = _doc_id(out, "thaigov-v1_4997")
    assert other_articles(out, doc) == {0: ["a.jsonl#thaigov-v1_5002"]}
    page, _ = build_report(out, [tmp_path / "in"])
    section = page.split("Occurrences reported by several articles", 1)[1].split("</table>", 1)[0]
    assert "<p>2 occurrences.</p>" in section
    assert f'<a href="#doc-{doc}">a.jsonl#thaigov-v1_4997</a>' in section
    assert "a.jsonl#thaigov-v1_5002" in section and "a.jsonl#thaigov-v1_7702" not in section


def test_report_counts_people_not_spellings() -> None:
    from extract.report import charts

    events = [{"doc_id": "d1", "officials": [{"name": "ประยุทธ์ จันทร์โอชา", "honorific": "พล.อ."}]},
              {"doc_id": "d2", "officials": [{"name": "ประยุทธ์  จันทร์โอชา", "honorific": "พลเอก"}]},
              {"doc_id": "d3", "officials": [{"name": "ประยุทธ์ จันทร์โอชา", "honorific": None}]}]
    html = charts(events)
    assert "<title>พลเอกประยุทธ์ จันทร์โอชา: 3</title>" in html


def test_an_output_without_events_gets_an_empty_clusters_table(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text("  \n", encoding="utf-8")
    run([tmp_path / "in"], tmp_path / "out", Options(workers=1))
    clusters = ds.dataset(tmp_path / "out" / "clusters.parquet", format="parquet").to_table()
    assert clusters.num_rows == 0 and "n_articles" in clusters.column_names
    assert "cluster_id" in ds.dataset(tmp_path / "out" / "events.parquet", format="parquet").schema.names


def test_a_chain_of_close_times_does_not_join_its_ends() -> None:
    # Pre-cabinet stops in one hall, each five minutes after the last: every neighbour links,
    # the first and last do not, so the last stays apart.
    hall = "โถงกลาง ตึกสันติไมตรี ทำเนียบรัฐบาล"
    pm = {"ประยุทธ์ จันทร์โอชา"}
    items = [item("d1", 8 * 60 + 30, hall, pm), item("d2", 8 * 60 + 35, hall, pm), item("d3", 8 * 60 + 40, hall, pm)]
    ids = cluster(items, [(3.0, 0, 1), (3.0, 1, 2)])
    assert ids["d1:0"] == ids["d2:0"] != ids["d3:0"]
