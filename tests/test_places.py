"""Venue, province, online and abroad extraction on real press-release sentences."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from extract.lexicons import pattern_path, rows
from extract.places import Mention, Places, event_province, find_places, province_code

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def first_venue(text: str) -> str | None:
    """The best venue candidate: highest confidence, earliest first."""
    venues = find_places(text).venues
    return max(venues, key=lambda m: (m.confidence, -m.start)).value if venues else None


def chosen_province(text: str) -> str | None:
    p = find_places(text)
    venue = max(p.venues, key=lambda m: (m.confidence, -m.start)) if p.venues else None
    hit = event_province(p, venue)
    return hit[0] if hit else None


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        # room + building, stopping before the date in brackets
        (
            "ที่ห้องประชุม ทัพพระยา ศาลาว่าการเมืองพัทยา (24 มีนาคม 2566) จังหวัดชลบุรีจัดการประชุม",
            "ห้องประชุม ทัพพระยา ศาลาว่าการเมืองพัทยา",
        ),
        # room + hotel, stopping before อำเภอ
        (
            "เมื่อวันที่ 25 พฤษภาคม 2558 เวลา 09.00 น. ที่ห้องแกรนด์บอลรูม โรงแรมรอยัลภูเก็ตซิตี้ อำเภอเมือง จังหวัดภูเก็ต นายไพบูลย์",
            "ห้องแกรนด์บอลรูม โรงแรมรอยัลภูเก็ตซิตี้",
        ),
        # hotel with a transliterated name in several words
        (
            "ส่งสัญญาณจาก โรงแรมบัดดี้ โอเรียนทอล ริเวอร์ไซด์ อำเภอปากเกร็ด จังหวัดนนทบุรี ซึ่งมีวัตถุประสงค์",
            "โรงแรมบัดดี้ โอเรียนทอล ริเวอร์ไซด์",
        ),
        # room, floor and building, stopping before the person
        (
            "วันนี้ (25 ก.ค. 62) เวลา 09.15 น. ณ ห้องประชุมอัษฏางค์ ชั้น 5 อาคารดำรงราชานุสรณ์ กระทรวงมหาดไทย นายสุธี ทองแย้ม",
            "ห้องประชุมอัษฏางค์ ชั้น 5 อาคารดำรงราชานุสรณ์ กระทรวงมหาดไทย",
        ),
        # government house, parenthesis kept, stopping before the honorific
        (
            "วันนี้ (18 ธันวาคม 2560) เวลา 09.00 น. ณ ตึกสันติไมตรี (หลังใน) ทำเนียบรัฐบาล พลเอก ประวิตร วงษ์สุวรรณ",
            "ตึกสันติไมตรี (หลังใน) ทำเนียบรัฐบาล",
        ),
        # school hall, stopping before ตำบล
        (
            "เวลา 09.20 น. ณ หอประชุมโรงเรียนจุฬาภรณราชวิทยาลัยตรัง ตำบลบางรัก อำเภอเมือง จังหวัดตรัง",
            "หอประชุมโรงเรียนจุฬาภรณราชวิทยาลัยตรัง",
        ),
        # บริเวณ kept as part of the venue
        (
            'เป็นประธานเปิดงาน "ไทยเพลิน เดิน ชม ชิม" ณ บริเวณชายหาดแยกพัทยากลาง จังหวัดชลบุรี โดยมี นายสนธยา',
            "บริเวณชายหาดแยกพัทยากลาง",
        ),
        # temple
        ("พิธีทอดกฐินสามัคคี ณ วัดพระธาตุไชยา อำเภอไชยา จังหวัดสุราษฎร์ธานี", "วัดพระธาตุไชยา"),
        # hospital, stopping before the abbreviation ต.
        (
            "ตรวจเยี่ยมแนวทางการพัฒนาชุมชนเข้มแข็ง ณ โรงพยาบาลบึงนาราง ต.บึงนาราง อ.บึงนาราง จ.พิจิตร ต้นแบบ",
            "โรงพยาบาลบึงนาราง",
        ),
        # province written inside the name of the town hall stays in the venue
        ("วันที่ 23 เมษายน 2567 ที่ห้องประชุมศาลากลางจังหวัดนครปฐม นายสุพจน์", "ห้องประชุมศาลากลางจังหวัดนครปฐม"),
        # a bare head word takes its name from the next word; village with its number
        (
            "เป็นประธานในพิธี ณ หมู่ที่ 8 บ้านอุดมสุข ตำบลบ้านใหม่คลองเคียน อำเภอบ้านไร่ จังหวัดอุทัยธานี โดยมี",
            "หมู่ที่ 8 บ้านอุดมสุข",
        ),
        # a connective glued to the venue ends it
        ("ณ ห้องประชุมกระทรวงเกษตรและสหกรณ์โดยมีผู้บริหารเข้าร่วม", "ห้องประชุมกระทรวงเกษตรและสหกรณ์"),
    ],
)
def test_venue_as_written(text: str, venue: str) -> None:
    assert first_venue(text) == venue


@pytest.mark.parametrize(
    "text",
    [
        "ผลการดำเนินงานที่ผ่านมา ทุกหน่วยงานที่เกี่ยวข้อง",
        "ยุทธศาสตร์ที่ 1 การขับเคลื่อน",
        "ดำเนินการแก้ไขปัญหาที่ดินจังหวัดสุราษฎร์ธานีให้โดยด่วน",
        "ผู้สนใจสามารถสอบถามข้อมูลได้ที่สำนักงานปศุสัตว์ในพื้นที่",
        "ร่างพระราชบัญญัติ ตามที่สำนักงานกิจการยุติธรรมเสนอ",
        "ภาษีเงินได้ ณ วันที่ 1 มกราคม 2567",
        "นายชวลิต ณ นคร รองนายก อบจ.ภูเก็ต",
        "หน่วยงานในพื้นที่ ณ ขณะนี้",
    ],
)
def test_no_venue(text: str) -> None:
    assert find_places(text).venues == []


def test_relative_clause_after_glued_ti_is_weak() -> None:
    """ที่ + an office glued to the word before is mostly "that the office ..."."""
    venues = find_places("ตามมาตรการที่ศูนย์ปฏิบัติการ ศูนย์บริหารสถานการณ์โควิด-19 กำหนด").venues
    assert [v.confidence for v in venues] == [0.4]


def test_cut_headline_repeat_ranks_below_full_venue() -> None:
    text = "ครั้งที่ 1 ประจำปี 2563 ณ ห้องประชุมชัยนา\nครั้งที่ 1 ณ ห้องประชุมชัยนาทนเรนทร สำนักงานปลัดกระทรวงสาธารณสุข จังหวัดนนทบุรี โดยมี"
    assert first_venue(text) == "ห้องประชุมชัยนาทนเรนทร สำนักงานปลัดกระทรวงสาธารณสุข"
    assert chosen_province(text) == "นนทบุรี"


@pytest.mark.parametrize(
    ("text", "province"),
    [
        # cities and districts resolving to their province
        ("ณ ศาลาว่าการเมืองพัทยา นายปรเมศ", "ชลบุรี"),
        ("ที่ห้องประชุม โรงแรมฮิลตัน หัวหิน รีสอร์ทแอนด์สปา", "ประจวบคีรีขันธ์"),
        ("ณ โรงแรมริชมอนด์ อำเภอปากเกร็ด", "นนทบุรี"),
        ("ที่ห้องบุษบงกช โรงแรม เดอะ รอยัล ริเวอร์ เขตบางพลัด กรุงเทพฯ นายฉัตรชัย", "กรุงเทพมหานคร"),
        ("ณ โรงแรมต้นทอง ตำบลบ้านเกาะ อำเภอเมืองอุตรดิตถ์ จังหวัดอุตรดิตถ์", "อุตรดิตถ์"),
        ("ณ องค์การบริหารส่วนตำบลไสไทย อำเภอเมืองกระบี่", "กระบี่"),
        # short forms
        ("ณ ฝายชั่วคราวกั้นแม่น้ำปิง (โครงการหนองขวัญ) จ.กำแพงเพชร โดยมีประชาชน", "กำแพงเพชร"),
        ("ที่กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์ สะพานขาว กทม. นายวราวุธ ศิลปอาชา", "กรุงเทพมหานคร"),
        # well-known national venues and ministries' head offices
        ("ณ ห้องสีฟ้า ตึกสันติไมตรี ทำเนียบรัฐบาล พลเอก ประยุทธ์", "กรุงเทพมหานคร"),
        ("ผ่านระบบ Zoom ณ ห้องประชุมศูนย์ปฏิบัติการโสมสวลี ชั้น 11 สำนักงานปลัดกระทรวงพาณิชย์ โดยเป็นการลงนาม", "นนทบุรี"),
        # province after ณ beats a province in an official's position
        ("นายเกียรติศักดิ์ จันทรา ผู้ว่าราชการจังหวัดสระแก้ว เดินทางไปตรวจราชการ ณ จังหวัดสระบุรี", "สระบุรี"),
        # the venue's own province beats a governor's province named earlier
        (
            "รองผู้ว่าราชการจังหวัดกาฬสินธุ์ เป็นประธาน ณ ศูนย์พัฒนาการจัดสวัสดิการสังคม อำเภอนครหลวง จังหวัดพระนครศรีอยุธยา",
            "พระนครศรีอยุธยา",
        ),
    ],
)
def test_event_province(text: str, province: str) -> None:
    assert chosen_province(text) == province


@pytest.mark.parametrize(
    ("text", "confidence"),
    [
        ("ณ จังหวัดสระบุรี", 0.85),
        ("ผู้ว่าราชการจังหวัดชลบุรี", 0.45),  # an official's province
        ("มาตรการ Bubble and Sealed ในจังหวัดสมุทรสาคร", 0.4),
        ("นายกรัฐมนตรีลงพื้นที่ จ.ตรัง เพื่อบรรเทา", 0.85),
        ("มอบถุงยังชีพแก่ผู้ประสบอุทกภัย จ.ตรัง เพื่อบรรเทา", 0.7),
    ],
)
def test_province_confidence_reflects_context(text: str, confidence: float) -> None:
    (m,) = find_places(text).provinces
    assert m.confidence == confidence


@pytest.mark.parametrize(
    "text",
    [
        "อำเภอตากใบ จังหวัดนราธิวาส",  # ตาก is a province, ตากใบ a district of นราธิวาส
        "กรมประชาสัมพันธ์เผยแพร่ข่าว",  # แพร่ glued inside เผยแพร่
        "ห้องประชุมชัยนาทนเรนทร",  # ชัยนาท inside a room's name
    ],
)
def test_false_friends(text: str) -> None:
    values = {m.value for m in find_places(text).provinces}
    assert values <= {"นราธิวาส"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("กำหนดจัดกิจกรรมประชุมเชิงปฏิบัติการ ผ่านระบบ Zoom Webinar ระหว่างวันที่ 8 – 9 กรกฏาคม 2564", "Zoom"),
        ("ถ่ายทอดสดผ่าน Facebook Live เพจไทยคู่ฟ้า", "Facebook Live"),
        ("ผ่านสื่ออิเล็กทรอนิกส์ (Zoom Meeting) ซึ่งเป็นการระดมความคิดเห็น", "ออนไลน์"),
        ("ประชุมผ่านระบบ Microsoft Teams", "Microsoft Teams"),
        ("ผ่านระบบการประชุมทางไกล (VDO Conference) ไปยังศาลากลางจังหวัด", "VDO Conference"),
    ],
)
def test_online_cues(text: str, value: str) -> None:
    online = find_places(text).online
    assert online and online[0].value == value and online[0].confidence == 1.0


def test_online_word_alone_is_weak() -> None:
    (m,) = find_places("ใช้ช่องทางการเจรจาทำความตกลงการซื้อขายผ่านออนไลน์").online
    assert m.confidence == 0.5


def test_broadcast_place_is_the_venue_of_an_online_event() -> None:
    text = "ผ่านระบบ Zoom Webinar ระหว่างวันที่ 8 – 9 กรกฏาคม 2564 ส่งสัญญาณจาก โรงแรมบัดดี้ โอเรียนทอล ริเวอร์ไซด์ อำเภอปากเกร็ด จังหวัดนนทบุรี ซึ่งมี"
    assert first_venue(text) == "โรงแรมบัดดี้ โอเรียนทอล ริเวอร์ไซด์"
    assert chosen_province(text) == "นนทบุรี"


@pytest.mark.parametrize(
    "text",
    [
        "ณ ห้องประชุม 1 ชั้น 31 โรงแรม LOTTE กรุงโซล สาธารณรัฐเกาหลี โดยมี",
        "การประชุมรัฐมนตรีอาเซียน ณ กรุงโตเกียว ประเทศญี่ปุ่น นายกรัฐมนตรีกล่าว",
        "ที่อาคาร Europa กรุงบรัสเซลส์ ราชอาณาจักรเบลเยียม",
    ],
)
def test_events_abroad_have_no_province(text: str) -> None:
    p = find_places(text)
    assert p.abroad
    assert chosen_province(text) is None


def test_foreign_name_inside_an_agency_is_not_abroad() -> None:
    assert find_places("ณ สถานเอกอัครราชทูตญี่ปุ่นประจำประเทศไทย กรุงเทพฯ").abroad == []


def test_offsets_point_into_the_text() -> None:
    text = "วันนี้\u200b ณ ห้องประชุม ทัพพระยา ศาลาว่าการเมืองพัทยา จังหวัดชลบุรี โดยมี Zoom"
    p = find_places(text)
    assert isinstance(p, Places)
    for m in [*p.venues, *p.provinces, *p.online, *p.abroad]:
        assert isinstance(m, Mention) and text[m.start : m.end] == m.text


def test_all_77_provinces_load_with_unique_iso_codes() -> None:
    provinces = rows("provinces.csv")
    assert len(provinces) == 77
    assert len({r["iso"] for r in provinces}) == 77
    assert province_code("กรุงเทพมหานคร") == "TH-10"
    assert province_code("บึงกาฬ") == "TH-38"
    assert province_code("จังหวัดชลบุรี") == "TH-20"
    assert province_code("กทม.") == "TH-10"
    assert province_code("โตเกียว") is None


def test_data_files_name_their_source() -> None:
    for name in (
        "provinces.csv",
        "places.csv",
        "known_places.csv",
        "province_aliases.csv",
        "foreign_countries.txt",
        "foreign_cities.txt",
        "venue_words.tsv",
        "venue_stops.tsv",
        "online_cues.csv",
    ):
        assert pattern_path(name).read_text(encoding="utf-8").startswith("# source:"), name


def test_gazetteer_names_resolve_to_one_province() -> None:
    with open(pattern_path("places.csv"), encoding="utf-8") as f:
        rows = list(csv.reader(line for line in f if not line.startswith("#")))[1:]
    seen: dict[tuple[str, str], str] = {}
    for name, province, kind in rows:
        assert seen.setdefault((name, kind), province) == province
    assert seen[("บางละมุง", "district")] == "ชลบุรี"


@pytest.mark.skipif(not (SHARED / "gold" / "seeds.jsonl").exists(), reason="shared gold files absent")
def test_seed_articles_venue_and_province() -> None:
    digits = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
    for line in open(SHARED / "gold" / "seeds.jsonl", encoding="utf-8"):
        gold = json.loads(line)
        text = (SHARED / "seeds" / gold["doc"]).read_text(encoding="utf-8-sig").translate(digits)
        event = gold["events"][0]
        assert chosen_province(text) == event["province"], gold["doc"]
        venue = first_venue(text)
        assert venue is not None and venue.replace(" ", "") in event["venue"].replace(" ", ""), gold["doc"]


# ---------------------------------------------------------------- held-out sample fixes


def venue_at(text: str, index: int = 0) -> Mention:
    return find_places(text).venues[index]


def test_venue_after_na_at_a_line_break() -> None:
    text = "การพัฒนาพื้นที่ก่อสร้างที่ทำการด่านชายแดน CIQ ณ\nจุดผ่านแดนถาวรบ้านฮวก อำเภอภูซาง จังหวัดพะเยา"
    p = find_places(text)
    assert [v.value for v in p.venues] == ["จุดผ่านแดนถาวรบ้านฮวก"]
    assert event_province(p, p.venues[0]) == ("พะเยา", "TH-56")


def test_na_at_a_line_break_before_no_place_is_no_venue() -> None:
    assert find_places("มูลค่าการส่งออก ณ\nวันที่ 1 มกราคม 2567 เพิ่มขึ้น").venues == []


@pytest.mark.parametrize(
    "text",
    [
        "ขณะที่นายกัลยาณะ วิภัติภูมิประเทศ เอกอัครราชทูต ณ กรุงออตาวา แคนาดา กล่าวว่า ปัจจุบันมีเส้นทางการบินตรง",
        "ด้านนางสาววิมลพัชระ รักษาเกียรติ เอกอัครราชทูต ณ ซันติอาโก ประเทศชิลี กล่าวถึงโอกาสของซอฟต์พาวเวอร์ไทย",
        "โดยมีนายสมชาย กงสุลใหญ่ ณ นครเซี่ยงไฮ้ ร่วมหารือ",
        "ผู้แทนถาวรไทยประจำสหประชาชาติ ณ นครเจนีวา ได้กล่าวถ้อยแถลง",
        "ประสานกับสถานเอกอัครราชทูต ณ กรุงวอชิงตัน เพื่อดูแลคนไทย",
    ],
)
def test_na_completing_a_title_is_a_posting_not_a_venue(text: str) -> None:
    p = find_places(text)
    assert p.venues == [] and p.abroad == []


def test_embassy_as_venue_keeps_its_city_abroad() -> None:
    text = "ณ หอประชุมใหญ่ สถานเอกอัครราชทูตไทย ณ กรุงโตเกียว ประเทศญี่ปุ่น โดยมี นายสมชาย"
    p = find_places(text)
    assert [v.value for v in p.venues] == ["หอประชุมใหญ่ สถานเอกอัครราชทูตไทย"]
    assert [a.value for a in p.abroad][:1] == ["กรุงโตเกียว"] and p.abroad[0].confidence == 0.95
    assert event_province(p, p.venues[0]) is None


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        (
            "วันนี้ (29 พฤศจิกายน 2567) ที่ข่วงประตูท่าแพ จังหวัดเชียงใหม่ นายสมศักดิ์ เทพสุทิน",
            "ข่วงประตูท่าแพ",
        ),
        ("เป็นประธานในพิธี ณ ฐานทัพเรือสัตหีบ อำเภอสัตหีบ จังหวัดชลบุรี", "ฐานทัพเรือสัตหีบ"),
        ("ณ ท่าเทียบเรือประมงชุมพร ตำบลปากน้ำ อำเภอเมืองชุมพร จังหวัดชุมพร นายอนุชา", "ท่าเทียบเรือประมงชุมพร"),
        ("ณ พิพิธภัณฑสถานแห่งชาติศรีเทพ อำเภอศรีเทพ จังหวัดเพชรบูรณ์", "พิพิธภัณฑสถานแห่งชาติศรีเทพ"),
        ("ณ วนอุทยานถ้ำหลวง-ขุนน้ำนางนอน อำเภอแม่สาย จังหวัดเชียงราย เมื่อวันที่", "วนอุทยานถ้ำหลวง-ขุนน้ำนางนอน"),
        ("ที่พระอุโบสถวัดปรมัยยิกาวาส วรวิหาร อำเภอปากเกร็ด จังหวัดนนทบุรี นายสุทธิพงษ์", "พระอุโบสถวัดปรมัยยิกาวาส วรวิหาร"),
        # an address after the name ends the venue
        ("ประธานกรรมการ บริษัท แอสเซท จำกัด กล่าวต้อนรับ ณ สโมสรทหารบก ถนนวิภาวดีรังสิต", "สโมสรทหารบก"),
        (
            "ณ ห้องพาโนราม่า ชั้น 14 โรงแรมดิเอมเมอรัลด์ ถนนรัชดาภิเษก เขตดินแดง กรุงเทพฯ นายสมชาย",
            "ห้องพาโนราม่า ชั้น 14 โรงแรมดิเอมเมอรัลด์",
        ),
        ("ณ วัดเศวตวันวนาราม บ้านโนนสำราย หมู่ที่ 1 ตำบลโนนสำราย", "วัดเศวตวันวนาราม บ้านโนนสำราย"),
        # a ")" closing a bracket the venue was written in
        ("พิธีเปิดงาน (ณ ศูนย์ประชุมกระทรวงวัฒนธรรม) โดยมีผู้บริหาร", "ศูนย์ประชุมกระทรวงวัฒนธรรม"),
    ],
)
def test_venue_heads_and_extent(text: str, venue: str) -> None:
    assert first_venue(text) == venue


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("สามารถชำระได้ ณ สาขาธนาคารอาคารสงเคราะห์ทั่วประเทศ ตั้งแต่วันนี้", "สาขาธนาคารอาคารสงเคราะห์"),
        ("เปิดให้ลงทะเบียน ณ ศาลากลางจังหวัด ทั้ง 3 แห่ง ระหว่างวันที่", "ศาลากลางจังหวัด"),
        ("ให้บริการ ณ โรงพยาบาลชุมชนในสังกัด กระทรวงสาธารณสุข", "โรงพยาบาลชุมชน"),
    ],
)
def test_venue_standing_for_many_places_is_weak(text: str, venue: str) -> None:
    v = venue_at(text)
    assert (v.value, v.confidence) == (venue, 0.5)


@pytest.mark.parametrize(
    "text",
    [
        "ณ สโมสรทหารบก ถนนวิภาวดีรังสิต",  # รังสิต in the road's name
        "ณ โรงแรมเดอะพาลาสโซ ถนน เพชรบุรี",  # a province name as a road's name
        "การจัดการจราจรทางน้ำในเขตท่าเรือ การตรวจสอบเรือในน่านน้ำไทย",  # a port zone, not อำเภอท่าเรือ
        "การตรวจราชการในเขตสุขภาพที่ 1",
    ],
)
def test_road_and_zone_false_friends(text: str) -> None:
    values = {m.value for m in find_places(text).provinces}
    assert values <= {"กรุงเทพมหานคร"}


def test_weak_province_alone_places_no_event() -> None:
    # glued to a plain word, a province says nothing of where the event is
    assert chosen_province("สธ. ย้ำมาตรการ Bubble and Sealed ในจังหวัดสมุทรสาคร ได้ผล") is None
    assert chosen_province("ผู้ว่าราชการจังหวัดสระบุรี ลงพื้นที่ จ.ลพบุรี") == "ลพบุรี"


@pytest.mark.parametrize(
    ("text", "province"),
    [
        # an official's or an office's province places the event when nothing else does
        ("นายวัฒนา พุฒิชาติ ผู้ว่าราชการจังหวัดอุดรธานี ได้เป็นประธานพิธีเปิดโครงการปลูกต้นไม้", "อุดรธานี"),
        # a municipality and a district chief: subdistrict and district names unique nationwide
        ("เทศบาลตำบลบัลลังก์ ได้จัดงานโครงการวันผู้สูงอายุ โดยมีนายวิสูตร ชัชวาลวงศ์ นายอำเภอโนนไทย ประธานในพิธี",
         "นครราชสีมา"),
        # an education area office ends in a bare province name
        ("นายวินัย แป้นน้อย รองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาลำพูน เขต 1 ประชุมทางไกล", "ลำพูน"),
        ("นายสมคิด จันทมฤก ผู้ว่าราชการจังหวัดปทุมธานี นายชาญ พวงเพ็ชร์ นายกองค์การบริหารส่วนจังหวัดปทุมธานี "
         "และผู้ว่าราชการจังหวัดนนทบุรี", "ปทุมธานี"),
        # two offices' provinces named equally often: unknown
        ("สำนักประชาสัมพันธ์เขต 1 ผู้ว่าราชการจังหวัดขอนแก่น และผู้ว่าราชการจังหวัดสงขลา ร่วมลงนาม", None),
        # a stronger mention wins over the official's province
        ("ผู้ว่าราชการจังหวัดสระบุรี ร่วมประชุม ณ ห้องประชุม ศาลากลางจังหวัดลพบุรี", "ลพบุรี"),
    ],
)
def test_office_province_places_event_without_other_evidence(text: str, province: str | None) -> None:
    assert chosen_province(text) == province


def test_place_name_that_is_a_common_word_after_a_space() -> None:
    # a subdistrict in น่าน is named และ; after "ตำบล " it is the connective
    assert find_places("ผ่านโรงพยาบาลส่งเสริมสุขภาพตำบล และโรงเรียน").provinces == []
    assert [m.value for m in find_places("ณ ที่ว่าการอำเภอ ฝาง").provinces] == ["เชียงใหม่"]


@pytest.mark.parametrize(
    ("text", "province"),
    [
        # a department's head office beats a district named in a later sentence
        (
            "วันนี้ (31 ต.ค. 61) เวลา 10.00 น. ที่ห้องประชุม 1 ชั้น 5 กรมป้องกันและบรรเทาสาธารณภัย นายพรพจน์ เพ็ญพาส "
            "รองปลัดกระทรวงมหาดไทย เป็นประธานในพิธีเปิดโครงการศึกษาอบรม หลักสูตรนายอำเภอ ใช้ระยะเวลาการอบรม 10 วัน "
            "ระหว่างวันที่ 31 ตุลาคม – 9 พฤศจิกายน 2561 ณ วิทยาลัยมหาดไทย อำเภอบางละมุง จังหวัดชลบุรี",
            "กรุงเทพมหานคร",
        ),
        ("ณ ห้องประชุม 1 อาคาร 1 ชั้น 2 กรมควบคุมโรค นายแพทย์โอภาส การย์กวินพงศ์", "นนทบุรี"),
        # a bare province right after the venue places it
        ("ณ ห้องประชุมองค์การสะพานปลา กรุงเทพมหานคร โดยมี นายอำพันธุ์ ที่ท่าเทียบเรือประมงสตูล", "กรุงเทพมหานคร"),
    ],
)
def test_first_venue_province(text: str, province: str) -> None:
    p = find_places(text)
    assert event_province(p, p.venues[0])[0] == province


@pytest.mark.parametrize(
    "text",
    [
        "จำนวนเงินคงค้าง ณ 30 กันยายน 2566 ตามนโยบายรัฐบาล",
        "ขยายตัวร้อยละ 3 ณ ราคาคงที่",
        "ภาษีหัก ณ ที่จ่ายของเงินได้พึงประเมิน",
        "ตลาดอื่น ๆ ที่บริษัทฯ ส่งออกจากไทย เช่น ฮ่องกง",
        "จัดกิจกรรม ณ โรงเรียนต่างๆ ในพื้นที่",  # a bare head word once the quantifier is cut
    ],
)
def test_no_venue_after_na_or_ti(text: str) -> None:
    assert [v for v in find_places(text).venues if v.confidence >= 0.6] == []


def venues_of(text: str) -> list[tuple[str, float]]:
    return [(v.value, v.confidence) for v in find_places(text).venues]


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        # news places without ณ/ที่: in front of or around a building, after a gathering verb
        ("กลุ่มเกษตรกรปักหลักชุมนุมหน้ากระทรวงเกษตรและสหกรณ์ เพื่อเรียกร้องให้รัฐบาลแก้หนี้",
         "หน้ากระทรวงเกษตรและสหกรณ์"),
        ("ผู้ชุมนุมราว 200 คน รวมตัวบริเวณหน้า สน.ชนะสงคราม เมื่อเวลา 10.00 น.", "บริเวณหน้า สน.ชนะสงคราม"),
        ("ผู้ชุมนุมประมาณ 300 คน พร้อมรถกระบะเครื่องขยายเสียง เดินเท้าออกมาที่เกาะกลางหน้ากระทรวงศึกษาธิการ",
         "หน้ากระทรวงศึกษาธิการ"),
        ("เครือข่ายผู้ปกครอง รวมตัวกัน หน้าศาลากลางจังหวัดเชียงใหม่ เพื่อยื่นหนังสือ", "หน้าศาลากลาง"),
        ("ชาวบ้านกว่า 100 คน ปักหลักชุมนุมอยู่หน้ากระทรวงมหาดไทย ตั้งแต่เช้า", "หน้ากระทรวงมหาดไทย"),
        # a courtroom needs no ณ
        ("ศาลนัดฟังคำพิพากษา ห้องพิจารณาคดี 704 ศาลอาญา ถนนรัชดาภิเษก", "ห้องพิจารณาคดี 704 ศาลอาญา"),
        # a trip's stop named right after the visit verb
        ("จากนั้นเดินทางไปตรวจเยี่ยมโรงพยาบาลบึงนาราง อำเภอบึงนาราง จังหวัดพิจิตร", "โรงพยาบาลบึงนาราง"),
        ("จากนั้นเดินทางต่อไปยังวัดโบสถ์ล่าง อำเภอเสนา จังหวัดพระนครศรีอยุธยา", "วัดโบสถ์ล่าง"),
    ],
)
def test_news_and_visit_venues_without_na_or_thi(text: str, venue: str) -> None:
    values = [v for v, conf in venues_of(text) if conf >= 0.6]
    assert values and values[0].startswith(venue)


@pytest.mark.parametrize(
    "text",
    [
        "นางพรรณวิภา ปิยัมปุตระ หัวหน้าสำนักงานจังหวัดนนทบุรี นายปริญ นิทัศน์เอก นายอำเภอไทรน้อย",  # a chief
        "พร้อมติดตามความก้าวหน้าศูนย์การเปลี่ยนแปลงสภาพภูมิอากาศของแต่ละจังหวัด",  # progress
        "เจ้าหน้าที่ทำการตรวจสอบเอกสาร",  # officials at work, not หน้า + ที่ทำการ
        "ยังคงต้องเดินหน้ากระทรวง พม. ให้ความสำคัญกับปัญหาการค้ามนุษย์",  # push forward
        "อ่านต่อหน้า 5",  # a page
        "การติดตั้ง QR Code หน้าโรงงาน เปิดเผยข้อมูลพื้นฐานของโรงงาน",  # no gathering: a thing's place
        "จุดบริการที่ 6 หน้าโรงละครแห่งชาติ",  # a list item
        "ป้ายโฆษณาตั้งอยู่หน้าโรงเรียนบ้านหนองบัว",  # a thing's place, no gathering
        "ข้อมูลการลงพื้นที่โรงเรียนขนาดกลาง ขนาดเล็ก",  # visits in general
        "ลงพื้นที่จังหวัดตรัง เพื่อติดตามสถานการณ์",  # a province is no venue
        "ตรวจเยี่ยมโครงการชลประทาน",  # a project is no building
    ],
)
def test_no_news_or_visit_venue(text: str) -> None:
    assert [v for v, conf in venues_of(text) if conf >= 0.6] == []


def test_schools_counted_in_places_are_no_one_venue() -> None:
    text = "รัฐมนตรีตรวจเยี่ยมโรงเรียนคุณธรรม 2แห่งที่จังหวัดพระนครศรีอยุธยา"
    assert venues_of(text) == [("โรงเรียนคุณธรรม", 0.5)]


@pytest.mark.parametrize(
    ("text", "province"),
    [
        ("ผู้ชุมนุมรวมตัวหน้ากระทรวงศึกษาธิการ", "กรุงเทพมหานคร"),
        ("ศาลนัดฟังคำพิพากษา ห้องพิจารณาคดี 704 ศาลอาญา", "กรุงเทพมหานคร"),
    ],
)
def test_news_venue_places_its_province(text: str, province: str) -> None:
    assert chosen_province(text) == province


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        # a hotel's name ends in its city when more of the name follows
        ("ณ โรงแรมโฟร์ซีซั่นส์ กรุงเทพฯ ริมแม่น้ำเจ้าพระยา โดยมีผู้แทน", "โรงแรมโฟร์ซีซั่นส์ กรุงเทพฯ ริมแม่น้ำเจ้าพระยา"),
        ("ณ โรงแรมโซฟิเทล พนมเปญ โพคีธารา ณ กรุงพนมเปญ ราชอาณาจักรกัมพูชา", "โรงแรมโซฟิเทล พนมเปญ โพคีธารา"),
        # not when a clause, a person or another body follows
        ("ณ โรงแรมเดอะพาลาสโซ กรุงเทพฯ นายสุรศักดิ์ พันธ์เจริญวรกุล", "โรงแรมเดอะพาลาสโซ"),
        ("ณ โรงแรมคาเพลลา กรุงเทพ เมื่อวันที่ 7 มิถุนายน", "โรงแรมคาเพลลา"),
        ("ณ โรงแรมบางกอก พาเลส กรุงเทพฯ กรมกิจการเด็กและเยาวชน จัดประชุม", "โรงแรมบางกอก พาเลส"),
    ],
)
def test_hotel_name_with_its_city(text: str, venue: str) -> None:
    assert find_places(text).venues[0].value == venue


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        # news and local pages: a police headquarters, a landmark
        ("วันนี้ (30 ต.ค. 68) ที่ตำรวจภูธรจังหวัดตรัง อำเภอเมือง จังหวัดตรัง นายทรงกลด สว่างวงศ์", "ตำรวจภูธรจังหวัดตรัง"),
        ("วันนี้(14 ตุลาคม 2561) ที่แลนด์มาร์ค เทอร์โมมิเตอร์ยักษ์ บ้านหนองบง อำเภอภูเรือ จังหวัดเลย",
         "แลนด์มาร์ค เทอร์โมมิเตอร์ยักษ์ บ้านหนองบง"),
        # a trip's first stop after ลงพื้นที่ไปยัง
        ("โดยในจุดที่ 1 คณะได้ลงพื้นที่ไปยังโรงเรียนปางหัดสหศาสตร์ ต.ปอ อ.เวียงแก่น จ.เชียงราย", "โรงเรียนปางหัดสหศาสตร์"),
    ],
)
def test_more_venue_heads_and_visit_forms(text: str, venue: str) -> None:
    assert find_places(text).venues[0].value == venue


def test_visit_stop_is_as_sure_as_na() -> None:
    text = "จากนั้นเดินทางไปตรวจเยี่ยมสถานีวิทยุกระจายเสียงแห่งประเทศไทย จ.เชียงราย (สวท.เชียงราย)"
    assert venues_of(text) == [("สถานีวิทยุกระจายเสียงแห่งประเทศไทย", 0.9)]


@pytest.mark.parametrize(
    ("text", "venue", "province"),
    [
        # news datelines: a building or office, a day and month, a dash
        ("รัฐสภา 19 ก.ค.- นายชวน หลีกภัย ประธานรัฐสภา เป็นประธานการประชุมร่วมกันของรัฐสภา", "รัฐสภา", "กรุงเทพมหานคร"),
        ("ข่าวการเมือง\nศาลอาญา 3 ธ.ค.- ศาลนัดฟังคำพิพากษาคดีชุมนุม", "ศาลอาญา", "กรุงเทพมหานคร"),
        ("กระทรวงอุตสาหกรรม 3 ก.ย.62 - รัฐมนตรีว่าการกระทรวงอุตสาหกรรม แถลงข่าว", "กระทรวงอุตสาหกรรม",
         "กรุงเทพมหานคร"),
    ],
)
def test_dateline_place_is_a_venue(text: str, venue: str, province: str) -> None:
    assert venues_of(text)[0] == (venue, 0.6)
    assert chosen_province(text) == province


@pytest.mark.parametrize(
    "text",
    [
        "ท้องสนามหลวง ตั้งแต่วันที่ 5 ธ.ค. 67 – 14 ธ.ค. 67",  # a period, not a dateline
        "ดูจำนวนนักท่องเที่ยวในช่วงวันหยุดยาว 31 ก.ค. - 6 ส.ค. 66",
        "วันที่ 28 พ.ค. – 10 มิ.ย.",
    ],
)
def test_no_dateline_venue(text: str) -> None:
    assert venues_of(text) == []


@pytest.mark.parametrize(
    ("text", "province", "confidence"),
    [
        # local governments named after a unique subdistrict or district
        ("อบต.ไสไทย จัดกิจกรรมปลูกป่าชายเลน", "กระบี่", 0.45),
        ("เทศบาลเมืองบ้านบึง จัดงานวันผู้สูงอายุ", "ชลบุรี", 0.45),
        ("โครงการผันน้ำ มาลงหน้า อบต.ยางซ้าย เพื่อนำน้ำมาใช้ในหน้าแล้ง", "สุโขทัย", 0.45),
        ("ณ อบต.ไสไทย", "กระบี่", 0.95),  # the venue's own place
        # a province name after เทศบาลนคร: the office's province
        ("นายกเทศมนตรีเทศบาลนครขอนแก่น กล่าวว่า", "ขอนแก่น", 0.45),
    ],
)
def test_local_government_places_its_province(text: str, province: str, confidence: float) -> None:
    (m,) = find_places(text).provinces
    assert (m.value, m.confidence) == (province, confidence)


@pytest.mark.parametrize(
    "text",
    [
        "ซึ่งตั้งอยู่ใน อบต.และเทศบาลทั่วประเทศ",  # a subdistrict named และ is not meant
        "ที่ย่านบางกะปิ กทม. และกรณีเด็กชาย",  # กทม. is no ทม.
    ],
)
def test_local_government_false_friends(text: str) -> None:
    assert {m.value for m in find_places(text).provinces} <= {"กรุงเทพมหานคร"}


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        # a visit verb makes a village, a community or a plot a place; a project only as a structure
        ("ร่วมกับสภาองค์การบริหารส่วนจังหวัดสงขลา ลงพื้นที่ชุมชนบาลาเซาะห์เก้าแสน (เก้าเส้ง)",
         "ชุมชนบาลาเซาะห์เก้าแสน"),
        ("คณะทำงานกรมวิชาการเกษตร ลงพื้นที่ตัดสิน และตรวจเยี่ยมแปลงพืชอินทรีย์ของคุณเมธี บุญรักษ์",
         "แปลงพืชอินทรีย์ของคุณเมธี"),
        ("นายกฯ ลงพื้นที่ จ.อุดรธานี ตรวจเยี่ยมโครงการอ่างเก็บน้ำห้วยปากแบ่ง ย้ำรัฐบาลให้ความสำคัญ",
         "โครงการอ่างเก็บน้ำห้วยปากแบ่ง"),
    ],
)
def test_visit_to_a_village_plot_or_structure(text: str, venue: str) -> None:
    (v,) = find_places(text).venues
    assert v.value.startswith(venue) and v.confidence == 0.8


def test_visit_to_a_programme_is_no_venue() -> None:
    assert venues_of("นรม. ตรวจเยี่ยมโครงการพัฒนาคุณภาพชีวิตโรงเรียนวัดเกาะ พร้อมร่วมทานข้าว") == []


@pytest.mark.parametrize(
    ("text", "method"),
    [
        ("จากนั้นเดินทางไปตรวจเยี่ยมโรงพยาบาลบึงนาราง อำเภอบึงนาราง", "visit"),
        ("กลุ่มเกษตรกรปักหลักชุมนุมหน้ากระทรวงเกษตรและสหกรณ์", "front"),
        ("รัฐสภา 19 ก.ค.- นายชวน หลีกภัย", "dateline"),
        ("ณ ห้องประชุม ทัพพระยา ศาลาว่าการเมืองพัทยา", "rule"),
    ],
)
def test_venue_method_says_what_introduced_it(text: str, method: str) -> None:
    assert find_places(text).venues[0].method == method


@pytest.mark.parametrize(
    ("text", "province"),
    [
        # a national office named by its acronym in the venue: its head office
        ("บ่ายวันนี้ (10 กันยายน 2555)เวลา 15.00 น. ณ ห้องประชุม กปส. ชั้น 2ห้อง211Aซึ่งนายเสมอ นิ่มเงิน", "กรุงเทพมหานคร"),
        # a district health office shares no acronym with a national one
        ("ณ ห้องประชุม สสอ.เมือง โดยมีสาธารณสุขอำเภอ", None),
    ],
)
def test_national_office_acronym_in_venue(text: str, province: str | None) -> None:
    assert chosen_province(text) == province


@pytest.mark.parametrize(
    ("text", "province"),
    [
        # two provinces standing alone, equally often: no one event's place
        ("สำนักประชาสัมพันธ์เขต 1 ขอนแก่น และสำนักประชาสัมพันธ์เขต 6 สงขลา ร่วมกิจกรรมสร้างเครือข่าย", None),
        # the one named more often wins
        ("น้ำท่วม อ.แม่สาย จ.เชียงราย ส่วน จังหวัดพระนครศรีอยุธยา เฝ้าระวัง ที่ ต.แม่สาย", "เชียงราย"),
        # a cue makes one stronger than the other
        ("นายกรัฐมนตรีลงพื้นที่ จ.ตรัง พร้อมรับฟังปัญหาชาวประมง จ.สตูล", "ตรัง"),
    ],
)
def test_equally_strong_provinces(text: str, province: str | None) -> None:
    assert chosen_province(text) == province


def test_headline_venue_cut_by_the_line_end_gives_way() -> None:
    text = ("ทรงเปิดการประชุมคณะกรรมการควบคุมโรคขาดสารไอโอดีนแห่งชาติ ครั้งที่ 1 ประจำปี 2563 ณ ห้องประชุมชัยนา\n"
            "วันนี้ (31 กรกฎาคม 2563) เสด็จพระราชดำเนินมาทรงเปิดการประชุม ณ ห้องประชุมชัยนาทนเรนทร "
            "สำนักงานปลัดกระทรวงสาธารณสุข จังหวัดนนทบุรี")
    assert venues_of(text) == [("ห้องประชุมชัยนา", 0.5), ("ห้องประชุมชัยนาทนเรนทร สำนักงานปลัดกระทรวงสาธารณสุข", 0.9)]


@pytest.mark.parametrize(
    "text",
    [
        "อบต.บ้านใหม่ จัดกิจกรรมวันเด็ก",  # บ้านใหม่ is a subdistrict in many provinces
        "ณ หมู่ที่ 3 ตำบลบ้านใหม่ อำเภอเมือง",  # so is เมือง a district
        "นายกเทศมนตรีตำบลหนองบัว กล่าวต้อนรับ",
    ],
)
def test_ambiguous_local_name_sets_no_province(text: str) -> None:
    assert find_places(text).provinces == []
    assert chosen_province(text) is None


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        # piers, squares, temple halls after ที่
        ("เวลา 15.00 น. ที่ท่าน้ำนนทบุรี ผู้ว่าราชการจังหวัดนนทบุรี ปล่อยขบวนเรือ", "ท่าน้ำนนทบุรี"),
        ("ที่จัตุรัสเมืองใหม่ กลุ่มผู้ชุมนุมจุดเทียน", "จัตุรัสเมืองใหม่"),
        ("ที่ศาลาการเปรียญวัดพระธาตุ นายอำเภอเป็นประธาน", "ศาลาการเปรียญวัดพระธาตุ"),
    ],
)
def test_piers_squares_and_temple_halls(text: str, venue: str) -> None:
    assert find_places(text).venues[0].value == venue


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # glued บริเวณ after a gathering verb, before a named place
        ("นายกรัฐมนตรี เดินทางพบปะกลุ่มสมัชชาคนจนที่รวมตัวกันบริเวณถนนลูกหลวง ข้างกระทรวงศึกษาธิการ โดยได้รับรายงาน",
         [("บริเวณถนนลูกหลวง ข้างกระทรวงศึกษาธิการ", 0.6)]),
        ("ปล่อยพันธุ์ปลาบริเวณโรงงาน", []),  # no gathering: the area of something
        # a visit to a spot of the event itself is no new place
        ("เสด็จไปยังบริเวณการจัดนิทรรศการ ทอดพระเนตรนิทรรศการ", []),
        ("จากนั้น นายกรัฐมนตรีเดินทางไปยังบริเวณท่าน้ำหน้าวัด เพื่อถวายพวงมาลัย", [("บริเวณท่าน้ำหน้าวัด", 0.9)]),
    ],
)
def test_glued_boriwen(text: str, expected: list) -> None:
    assert venues_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # abbreviated heads, as news writes them
        ("วันนี้ (27 ตุลาคม 2564) ที่ รพ.ปากพนัง จ.นครศรีธรรมราช ดร.สาธิต ปิตุเตชะ", [("รพ.ปากพนัง", 0.8)]),
        ("ผู้ป่วยจะเข้ารับการรักษาที่ รพ. ที่มีศักยภาพด้านมะเร็ง", []),  # a bare head and a relative clause
        ("ให้กำลังใจ อสม. และเจ้าหน้าที่ รพ.สต.คลองหลวง พร้อมมอบอุปกรณ์", []),  # เจ้าหน้าที่, no ที่
    ],
)
def test_abbreviated_heads(text: str, expected: list) -> None:
    assert venues_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a work being inspected names its site
        ("วันนี้ (18 กุมภาพันธ์ 2567) นายกรัฐมนตรีได้ตรวจเยี่ยมการก่อสร้างโรงพยาบาลพระอาจารย์มั่น ภูริทัตโต "
         "อ.บ้านม่วง จ.สกลนคร", [("โรงพยาบาลพระอาจารย์มั่น ภูริทัตโต", 0.9)]),
        ("พร้อมติดตามความคืบหน้าการก่อสร้างท่าเทียบเรือประมงพื้นบ้าน อ.กุยบุรี จ.ประจวบคีรีขันธ์",
         [("ท่าเทียบเรือประมงพื้นบ้าน", 0.9)]),
        # a place already named ("ดังกล่าว") or a kind of place is no stop
        ("โอกาสนี้ ได้เยี่ยมชมศูนย์ดังกล่าวและพบปะพูดคุยกับเจ้าหน้าที่", []),
        ("พร้อมเดินตรวจเยี่ยมภายในโรงพยาบาลที่รับผู้ป่วยนอก", []),
        # ที่ starting a word is no relative clause: สำนักงานที่ดิน
        ("มท.2 ลงพื้นที่ตรวจเยี่ยมสำนักงานที่ดินจังหวัดเชียงใหม่", [("สำนักงานที่ดินจังหวัดเชียงใหม่", 0.9)]),
    ],
)
def test_visit_to_a_work_site_and_generic_places(text: str, expected: list) -> None:
    assert venues_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # news: a trip written "เดินทางมาที่/มายัง/มาถึง" (ThaiNER news, bulk)
        ("นายสมคิด จาตุศรีพิทักษ์ รองนายกรัฐมนตรี เดินทางมาที่กระทรวงมหาดไทย ในเวลา 14.00 น. ประชุมชี้แจงแนวทางแก้ไข",
         [("กระทรวงมหาดไทย", 0.9)]),
        ("จากนั้น นายกรัฐมนตรีพร้อมคณะเดินทางมายังตลาดกิมหยง เทศบาลหาดใหญ่ พบปะให้กำลังใจผู้ค้า",
         [("ตลาดกิมหยง เทศบาลหาดใหญ่", 0.9)]),
        ("นายกรัฐมนตรีและคู่สมรสเดินทางมาถึงวัดราชบพิธสถิตมหาสีมาราม ได้วางพวงมาลัย", [("วัดราชบพิธสถิตมหาสีมาราม", 0.9)]),
        # a trip saved or a commuter's trip names no event's place
        ("เนื่องจากมีความสะดวกไม่ต้องเดินทางมาที่สำนักงานขนส่ง อยู่ที่ไหนก็สามารถชำระภาษีได้", []),
        ("ข้าราชการ ญาติผู้ป่วยที่เดินทางมาโรงพยาบาลบ้านไผ่ และอพาร์ทเม้นท์รองรับคน", []),
        # caves and mountains as sites
        ("พลเอกประยุทธ์ จันทร์โอชา นายกรัฐมนตรี ลงพื้นที่ ถ้ำหลวง ให้กำลังใจครอบครัว 13 ชีวิต", [("ถ้ำหลวง", 0.9)]),
        ("กีฬาวิ่งเทรลภูเขาชิงแชมป์โลก ครั้งที่ 1 ณ ดอยสุเทพ จังหวัดเชียงใหม่ ซึ่งได้รับความ", [("ดอยสุเทพ", 0.9)]),
        # a ที่ left before the place words is no part of the name (bulk headline); a body whose name
        # ends in การ before the verb is no "การตรวจเยี่ยม" (visits in general)
        ("รมช.ศธ.\"พล.อ.สุรเชษฐ์\" ตรวจเยี่ยมศูนย์ประสานงานการผลิตและพัฒนากำลังคนอาชีวศึกษา "
         "เขตเศรษฐกิจพิเศษภาคตะวันออกฯ ที่ จ.ชลบุรี",
         [("ศูนย์ประสานงานการผลิตและพัฒนากำลังคนอาชีวศึกษา เขตเศรษฐกิจพิเศษภาคตะวันออกฯ", 0.9)]),
        ("รัฐมนตรีช่วยว่าการกระทรวงศึกษาธิการ ตรวจเยี่ยมศูนย์ประสานงานการผลิตและพัฒนากำลังคนอาชีวศึกษา "
         "จังหวัดฉะเชิงเทรา", [("ศูนย์ประสานงานการผลิตและพัฒนากำลังคนอาชีวศึกษา", 0.9)]),
        # news without spaces: the time glued after the place ends it
        ("รัฐบาลร่วมกับกทม.จัดงานดังกล่าวขึ้นที่ท้องสนามหลวงในวันเสาร์ที่ 7 ก.พ.นี้ ตั้งแต่ 16.00น.",
         [("ท้องสนามหลวง", 0.8)]),
    ],
)
def test_news_trips_sites_and_glued_times(text: str, expected: list) -> None:
    assert venues_of(text) == expected


@pytest.mark.parametrize(
    ("text", "province"),
    [
        # a bare province glued to the verb that goes there (bulk headlines, ThaiNER news)
        ("ผู้ตรวจฯ เศรษฐรัชต์ ลงพื้นที่นครนายก  ตรวจราชการรอบ 2 เน้นย้ำ", "นครนายก"),
        ("\"รมว.นฤมล\" เยือนขอนแก่น พบปะเกษตรกร พร้อมสั่งอธิบดี", "ขอนแก่น"),
        ("พลเอกประยุทธ์ จันทร์โอชา นายกรัฐมนตรี ลงพื้นที่เชียงราย ให้กำลังใจครอบครัวทีมหมูป่า", "เชียงราย"),
        ("นายกรัฐมนตรีเดินทางมาที่กระทรวงมหาดไทย ในเวลา 14.00 น.", "กรุงเทพมหานคร"),
        # a national body's forward office is not its head office (bulk)
        ("เมื่อคณะของรองนายกรัฐมนตรีเดินทางไปถึงอาคารสำนักงานกระทรวงศึกษาธิการ (ส่วนหน้า) "
         "ค่ายสมเด็จพระสุริโยทัย จังหวัดปัตตานี เพื่อเป็นประธาน", "ปัตตานี"),
        ("ณ ห้องประชุม 1 อาคารสำนักงานกระทรวงศึกษาธิการ นายสมชาย", "กรุงเทพมหานคร"),
        # a short name glued on is a word ("ลงพื้นที่เลย": right away); พื้นที่ is no cue
        ("นายอำเภอสั่งให้ลงพื้นที่เลย ไม่ต้องรอ", None),
        ("ได้รับรายงานผู้ป่วยในพื้นที่กรุงเทพฯ เพิ่มขึ้น", None),
    ],
)
def test_province_glued_to_a_place_verb(text: str, province: str | None) -> None:
    assert chosen_province(text) == province


def test_thi_before_a_bare_province() -> None:
    # ที่ standing as a word: as weak as a bare name alone (bulk); glued to a noun, no place at all
    p = find_places("พิธีรำลึกคุรุวีรชนชายแดนใต้ ครั้งที่ 8 ที่ปัตตานี\nพล.อ.สุรเชษฐ์ ชัยวงศ์")
    assert [(m.value, m.confidence) for m in p.provinces] == [("ปัตตานี", 0.6)]
    assert find_places("อยู่ระหว่างดำเนินการจัดตั้งสำนักงานสาขาที่กรุงเทพฯ (CAS Innovation)").provinces == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a national venue with no head word after a ที่ standing as a word (bulk, ThaiNER news)
        ("วันนี้ (24 มี.ค. 68) เวลา 15.30 น. ที่รัฐสภา นายอนุทิน ชาญวีรกูล รองนายกรัฐมนตรี", [("รัฐสภา", 0.7)]),
        ("เมื่อวันที่ 26 มกราคม 2566 ที่รัฐสภา นายจุติ ไกรฤกษ์ รัฐมนตรีว่าการ", [("รัฐสภา", 0.7)]),
        ("เมื่อวันที่31สิงหาคมเวลา13.45 น.ที่รัฐสภามีการประชุมคณะกรรมาธิการวิสามัญ", [("รัฐสภา", 0.7)]),
        # glued ที่ or ตามที่: the body acts ("ก่อนที่สภาผู้แทนราษฎรจะลงมติ")
        ("ให้คณะรัฐมนตรีพิจารณาก่อนที่สภาผู้แทนราษฎรจะพิจารณารับหลักการร่างพระราชบัญญัติ", []),
        ("ประจำปีครั้งที่ 2 ให้เป็นไปตามที่สภาผู้แทนราษฎรกำหนด", []),
        # a department named after ที่ is mostly a body acting, not a place (bulk)
        ("โดยเฉพาะในสัปดาห์หน้า ที่กรมอุตุนิยมวิทยาพยากรณ์ว่า จะมีฝนตกอย่างต่อเนื่องทั่วประเทศ", []),
        ("น้ำมันชนิดอื่นๆ ที่กรมสรรพสามิตได้มีการจัดเก็บภาษีอยู่ในปัจจุบัน ดังนั้น", []),
    ],
)
def test_parliament_after_thi(text: str, expected: list) -> None:
    assert venues_of(text) == expected


@pytest.mark.parametrize(
    ("text", "province"),
    [
        # a police station places its event: สน. is Bangkok's, สภ. + a unique district (bulk, ThaiNER)
        ("นายอานนท์ นำมวลชนชุมนุมบริเวณหน้า สน.ชนะสงคราม เพื่อให้กำลังใจ", "กรุงเทพมหานคร"),
        ("ได้ควบคุมตัวส่งพนักงานสอบสวน สน. ห้วยขวาง ดำเนินคดีข้อหาเป็นผู้ค้า", "กรุงเทพมหานคร"),
        ("อายุเกิน 18 ปี ถูกควบคุมตัวที่ สภ.บ้านกรวด ล่าสุดยังไม่มีญาติมาเยี่ยม", "บุรีรัมย์"),
        # สน. in other abbreviations and the Mekong river units
        ("กองร้อยอาสารักษาดินแดนจังหวัด (ร้อย อส.จ.สน.ที่ 1) บูรณาการร่วมกับสำนักงาน", None),
        ("หน่วยเฉพาะกิจ (นรข.เขตนครพนม) (สน.เรือมุกดาหาร) และหน่วยงานค", None),
    ],
)
def test_police_station_places_its_province(text: str, province: str | None) -> None:
    assert chosen_province(text) == province


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        # a later chunk with a verb glued in is the next clause's subject (silver news, bulk)
        (
            "วันที่ 24 ก.ค. บริเวณหน้าพระบรมราชานุสาวรีย์รัชกาลที่ 5 หน้าศาลากลางจังหวัดชัยนาท "
            "ศูนย์ปรองดองสมานฉันท์เพื่อการปฏิรูปจังหวัดชัยนาทได้จัดโครงการปรองดอง",
            "บริเวณหน้าพระบรมราชานุสาวรีย์รัชกาลที่ 5 หน้าศาลากลางจังหวัดชัยนาท",
        ),
        (
            "ณ ห้องประชุม 301 ตึกบัญชาการ ทำเนียบรัฐบาลที่ประชุมได้พิจารณาโครงการและกิจกรรม",
            "ห้องประชุม 301 ตึกบัญชาการ",
        ),
        # "รายได้" is a noun, not a verb: the name goes on
        (
            "ณ ห้องประชุม กรมสรรพากร ศูนย์ส่งเสริมรายได้ชุมชน อำเภอเมือง",
            "ห้องประชุม กรมสรรพากร ศูนย์ส่งเสริมรายได้ชุมชน",
        ),
        # จ. after a leading vowel is an initial of the name, not จังหวัด
        ("ผู้จัดการโรงแรม ณ โรงแรม เจ.บี.หาดใหญ่ โดยมีผู้เข้าร่วม", "โรงแรม เจ.บี.หาดใหญ่"),
        # a number in brackets inside the name does not end it; a date in brackets does
        (
            "(25 เม.ย. 63) เวลา 11.30 น. ณ ศูนย์บริหารสถานการณ์การแพร่ระบาดของโรคติดเชื้อไวรัสโคโรนา 2019 "
            "(โควิด-19) (ศบค.) โถงกลาง ตึกสันติไมตรี ทำเนียบรัฐบาล นายแพทย์ทวีศิลป์ วิษณุโยธิน โฆษก",
            "ศูนย์บริหารสถานการณ์การแพร่ระบาดของโรคติดเชื้อไวรัสโคโรนา 2019 (โควิด-19) (ศบค.) โถงกลาง ตึกสันติไมตรี ทำเนียบรัฐบาล",
        ),
        # a monument takes the royal name after it (a bracket after the last name is left out)
        (
            "กำลังพลสังกัดสำนักงานปลัดกระทรวงกลาโหม ณ ลานด้านหน้าพระบรมราชานุสาวรีย์ "
            "พระบาทสมเด็จพระจุลจอมเกล้าเจ้าอยู่หัว ตึกบัญชาการ สำนักงานปลัดกระทรวงกลาโหม (ศรีสมาน) เมื่อวันที่",
            "ลานด้านหน้าพระบรมราชานุสาวรีย์ พระบาทสมเด็จพระจุลจอมเกล้าเจ้าอยู่หัว ตึกบัญชาการ "
            "สำนักงานปลัดกระทรวงกลาโหม",
        ),
        # without a monument a royal title still opens the next clause
        (
            "ณ ห้องประชุมใหญ่ ศาลากลางจังหวัดน่าน พระบาทสมเด็จพระเจ้าอยู่หัวทรงพระกรุณา",
            "ห้องประชุมใหญ่ ศาลากลางจังหวัดน่าน",
        ),
    ],
)
def test_news_venue_extent(text: str, venue: str) -> None:
    assert first_venue(text) == venue


def test_covid_centre_venue_places_the_event_in_bangkok() -> None:
    text = (
        "ณ ศูนย์บริหารสถานการณ์การแพร่ระบาดของโรคติดเชื้อไวรัสโคโรนา 2019 (โควิด-19) (ศบค.) "
        "โถงกลาง ตึกสันติไมตรี ทำเนียบรัฐบาล นายแพทย์ทวีศิลป์ กล่าวถึงผู้ป่วยในจังหวัดสงขลา"
    )
    assert chosen_province(text) == "กรุงเทพมหานคร"


@pytest.mark.parametrize(
    ("text", "venue", "province"),
    [
        # a protest site and a campus place name that every reader places in Bangkok (silver news)
        (
            "12 ม.ค.2557 ที่บริเวณสนามฟุตบอล มหาวิทยาลัยธรรมศาสตร์ ท่าพระจันทร์ "
            "กลุ่มนักศึกษาธรรมศาสตร์ในนามสภานักศึกษา มหาวิทยาลัยธรรมศาสตร์ จัดกิจกรรมรณรงค์",
            "บริเวณสนามฟุตบอล มหาวิทยาลัยธรรมศาสตร์ ท่าพระจันทร์",
            "กรุงเทพมหานคร",
        ),
        ("ผู้ชุมนุมกว่า 500 คน รวมตัวกันบริเวณสะพานมัฆวานรังสรรค์ ก่อนเคลื่อนขบวน", "บริเวณสะพานมัฆวานรังสรรค์", "กรุงเทพมหานคร"),
        # a rail station with the prefixes news writes (bulk)
        ("เมื่อวันที่ 5 ต.ค. ณ สถานีรถไฟฟ้าบีทีเอสสยาม นายสุรพงษ์ กล่าวว่า", "สถานีรถไฟฟ้าบีทีเอสสยาม", "กรุงเทพมหานคร"),
        ("ณ สถานีรถไฟฟ้าเตาปูน โดยมีผู้บริหาร", "สถานีรถไฟฟ้าเตาปูน", "กรุงเทพมหานคร"),
        # a campus named after its town places the event outside Bangkok
        ("ณ มหาวิทยาลัยเกษตรศาสตร์ วิทยาเขตศรีราชา โดยมีนักศึกษาเข้าร่วม", "มหาวิทยาลัยเกษตรศาสตร์ วิทยาเขตศรีราชา", "ชลบุรี"),
    ],
)
def test_well_known_sites_place_the_event(text: str, venue: str, province: str) -> None:
    assert first_venue(text) == venue
    assert chosen_province(text) == province


def test_station_names_shared_with_a_province_place_nothing() -> None:
    # "สถานีบางจาก" is also a Bangchak petrol station anywhere: not listed, it places nothing
    assert chosen_province("ณ สถานีบางจาก โดยมีผู้โดยสาร") is None
    assert chosen_province("ณ สถานีรถไฟฟ้าบางจาก โดยมีผู้โดยสาร") is None


@pytest.mark.parametrize(
    ("text", "venue", "province"),
    [
        # ที่ glued on, a national site named in full is where (NNER, bulk)
        (
            "นายกรัฐมนตรีมีกำหนดเชิญบรรดาคอลัมนิสต์ ร่วมรับประทานอาหารกลางวันที่บ้านพิษณุโลก ทั้งนี้การนัด",
            "บ้านพิษณุโลก",
            "กรุงเทพมหานคร",
        ),
        ("ในการตอบกระทู้ถามทั่วไปที่รัฐสภา เมื่อวันที่ 16 มกราคม 2568 ว่า", "รัฐสภา", "กรุงเทพมหานคร"),
        # a press club after ที่ (NNER)
        ("เมื่อวันที่ 8 ต.ค.49 ที่สมาคมนักข่าว นางดาวัลย์ จันทรหัสดี แกนนำชาวบ้าน", "สมาคมนักข่าว", "กรุงเทพมหานคร"),
        # ที่ opens the head word of a district office (NNER)
        ("เมื่อเวลา 10.30 น. วันที่ 9 สิงหาคม 2548 ที่ว่าการอำเภอจะแนะ จังหวัดนราธิวาส", "ที่ว่าการอำเภอจะแนะ", "นราธิวาส"),
    ],
)
def test_news_places_without_a_spaced_cue(text: str, venue: str, province: str) -> None:
    assert first_venue(text) == venue
    assert chosen_province(text) == province


@pytest.mark.parametrize(
    "text",
    [
        "ก่อนที่สภาผู้แทนราษฎรจะลงมติในวาระที่สอง",  # a relative clause glues its verb on
        "เจ้าหน้าที่ทำการตรวจยึดไม้หวงห้าม",  # ที่ + a verb, no office
        "ผลการตรวจสอบที่ว่าการดำเนินการดังกล่าวเป็นการสร้างต้นทุน",
        "ที่ทำการปกครองอำเภอเมืองอุตรดิตถ์ได้ประสานงานไปยังหน่วยงาน",  # the office acting
    ],
)
def test_no_venue_from_ti_and_a_verb(text: str) -> None:
    assert first_venue(text) is None


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        # a court holding a hearing is where it is held (NNER, ThaiNER)
        (
            "ในวันที่ 12 พฤษภาคม 2557 นี้ เวลา 13.30 น. ศาลจังหวัดเพชรบุรีนัดนายชัยวัฒน  ลิ้มลิขิตอักษร หัวหน้าอุทยาน",
            "ศาลจังหวัดเพชรบุรี",
        ),
        ("ศาลจังหวัดขอนแก่นเลื่อนอ่านคำพิพากษาคดีฆ่าหั่นศพ", "ศาลจังหวัดขอนแก่น"),
        # news writes a space before the hearing verb, and sets its date first (ThaiNER)
        (
            "วันนี้ (20 ส.ค.61) ผู้สือข่าวรายงานว่า ศาลจังหวัดกาญจนบุรี นัดไต่สวนมูลฟ้องคดีสลากกินแบ่งรัฐบาล 30 ล้านบาท",
            "ศาลจังหวัดกาญจนบุรี",
        ),
        (
            "วันที่ 7 มี.ค. เวลา 15.00 น. ศาลรัฐธรรมนูญ กำหนดนัดอ่านคำวินิจฉัยกรณีคณะกรรมการการเลือกตั้ง (กกต.)",
            "ศาลรัฐธรรมนูญ",
        ),
        # a verdict reported from elsewhere, or a petition to a court, names no place
        ("เมื่อวันที่ 27 พฤษภาคม 2563 ศาลล้มละลายกลางมีคำสั่งรับคำร้องขอฟื้นฟูกิจการ", None),
        ("ได้ยื่นคำร้องขอให้ศาลจังหวัดเพชรบุรีเพื่อขอไต่สวนกรณีการหายตัวไป", None),
        ("ศาลรัฐธรรมนูญ มีมติ ยุบพรรคไทยรักษาชาติ", None),
        ("ขอให้ศาลรัฐธรรมนูญพิจารณาวินิจฉัยเพื่อมีคำสั่งยุบพรรค", None),
    ],
)
def test_court_hearing_is_its_place(text: str, venue: str | None) -> None:
    assert first_venue(text) == venue


def test_list_of_provinces_each_named_once_places_no_event() -> None:
    text = (
        "รัฐบาลส่ง 4 รัฐมนตรีลงพื้นที่ 4 จังหวัด\n"
        "-รัฐมนตรีว่าการกระทรวงการคลัง (นางสาวจิราพร สินธุไพร) ลงพื้นที่จังหวัดสุรินทร์\n"
        "-รัฐมนตรีว่าการกระทรวงการท่องเที่ยวและกีฬา (นายสรวงศ์ เทียนทอง) ลงพื้นที่จังหวัดบุรีรัมย์\n"
        "-รัฐมนตรีว่าการกระทรวงยุติธรรม (พันตำรวจเอก ทวี สอดส่อง) ลงพื้นที่จังหวัดศรีสะเกษ\n"
    )
    assert chosen_province(text) is None
    # two cued provinces, or one named twice, still place it
    assert chosen_province(text.rsplit("-", 1)[0]) == "สุรินทร์"
    assert chosen_province(text + "โดยจังหวัดสุรินทร์ ณ จังหวัดสุรินทร์ จัดประชุม") == "สุรินทร์"


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        # ที่ + a name with a verb glued after it is a relative clause or a place in general (bulk)
        ("สำหรับมาตรการที่กระทรวงการคลังได้เปิดให้ประชาชนลงทะเบียน", None),
        ("ผู้ป่วยสามารถรับบริการที่โรงพยาบาลได้ทันที", None),
        # after ณ the name is cut before the verb
        ("ณ ห้องประชุมกรมชลประทานได้มีการประชุมคณะกรรมการ", "ห้องประชุมกรมชลประทาน"),
    ],
)
def test_verb_glued_after_a_venue_name(text: str, venue: str | None) -> None:
    assert first_venue(text) == venue


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        # a verb of the event after a space opens the next clause: the venue ends before it (ThaiNER, bulk)
        (
            "นายทรงพล ทิมาศาสตร์ ผวจ. สุพรรณบุรี เดินทางไปที่ศูนย์วิจัยพืชไร่สุพรรณบุรี เรียกประชุมเจ้าหน้าที่จากกรมปศุสัตว์ กรมวิชาการเกษตร และกรมประมง",
            "ศูนย์วิจัยพืชไร่สุพรรณบุรี",
        ),
        ("ลงพื้นที่ตรวจเยี่ยม ณ ตลาดใต้สะพานเพลินจิต สั่งการผู้ว่าฯ กทม. เร่งแก้ไข", "ตลาดใต้สะพานเพลินจิต"),
        ("ณ ห้องประชุม ชี้แจงผลการดำเนินงาน", None),
        # a name going on after a space is kept
        ("ณ ห้องประชุม ทัพพระยา ศาลาว่าการเมืองพัทยา จังหวัดชลบุรี โดยมี", "ห้องประชุม ทัพพระยา ศาลาว่าการเมืองพัทยา"),
    ],
)
def test_event_verb_after_a_space_ends_the_venue(text: str, venue: str | None) -> None:
    assert first_venue(text) == venue


@pytest.mark.parametrize(
    ("text", "province"),
    [
        # ณ + a province after a person's name is a surname of royal lineage (bulk, ThaiNER)
        ("ซิป้าร่วมแสดงความยินดี นายมีธรรม ณ ระนอง รองผู้อำนวยการฯคนใหม่", None),
        ("โดยมี นางยุถิกา อิศรางกูร ณ อยุธยา รองปลัดกระทรวงวัฒนธรรม เป็นประธาน", None),
        # a member of parliament's constituency says whose member, not where (ThaiNER, bulk)
        ("แต่นายวราวุธ ศิลปอาชา ส.ส.สุพรรณบุรี พรรคชาติไทย กล่าวว่า", None),
        ("นายไชยชนก ชิดชอบ สส.บุรีรัมย์ เขต 2 พรรคภูมิใจไทย ร่วมหารือ", None),
        # ณ + a province with no name before it, and a province after a place cue, still place
        ("จัดประชุมสัมมนา ณ ระนอง เมื่อวันที่ 5", "ระนอง"),
        ("นายวราวุธ ศิลปอาชา ส.ส.สุพรรณบุรี ลงพื้นที่จังหวัดชัยนาท", "ชัยนาท"),
    ],
)
def test_surnames_and_constituencies_place_nothing(text: str, province: str | None) -> None:
    assert chosen_province(text) == province
