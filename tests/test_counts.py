"""Participant counts on real press-release sentences (seeds, dev and bulk corpora)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.counts import best_count, find_counts

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def best(text: str) -> tuple[int, str] | None:
    count = best_count(find_counts(text))
    return (count.value, count.qualifier) if count else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # seeds: organisations (แห่ง) first, then the total of people
        (
            "ผู้เข้าร่วมประชุมจากองค์กรปกครองส่วนท้องถิ่น จำนวน 83 แห่ง รวมจำนวนทั้งสิ้น 250 คน ประกอบด้วย คณะผู้บริหาร",
            (250, "exact"),
        ),
        (
            "เทศบาลตำบล จำนวน 2 แห่ง องค์การบริหารส่วนตำบล จำนวน 7 แห่ง รวมผู้เข้าร่วมกิจกรรมผ่านระบบ Zoom Webinar "
            "จำนวนทั้งสิ้น 94 คน\n\nมีผู้อ่านข่าวนี้แล้ว 1604 ครั้ง",
            (94, "exact"),
        ),
        # dev: the cue is far before the total
        (
            "โดยผู้เข้าร่วมประชุม ประกอบด้วย ข้าราชการ/เจ้าหน้าที่ของกรม หน่วยงานรัฐวิสาหกิจในสังกัดกระทรวงมหาดไทย "
            "กรุงเทพมหานคร และหน่วยงานในสังกัดสำนักงานปลัดกระทรวงมหาดไทย จำนวนทั้งสิ้น 70 คน",
            (70, "exact"),
        ),
        # dev: the verb after the count says they took part
        (
            "นักเรียนทุนพระราชทานในโครงการทุนพระราชทาน ม.ท.ศ. และประชาชนในจังหวัดพระนครศรีอยุธยา รวมจำนวนกว่า 200 คน "
            "เข้าร่วมในพิธีเปิดโครงการฯ",
            (200, "at_least"),
        ),
        (
            "โดยมีประชาชนกลุ่มผู้รับประโยชน์จากโครงการก่อสร้างฝายชั่วคราวกั้นแม่น้ำปิง (โครงการหนองขวัญ) "
            "จำนวนกว่า 1,500 คน ให้การต้อนรับนายกรัฐมนตรีและคณะอย่างอบอุ่น",
            (1500, "at_least"),
        ),
        (
            "นายกรัฐมนตรี ได้เยี่ยมเยียนพบปะกับประชาชนในพื้นที่ จำนวน  800 ราย โดยมอบเงินกองทุนเงินทดรองราชการ",
            (800, "exact"),
        ),
        (
            "ระดมความคิดเห็นจากผู้แทนสำนักงานอุตสาหกรรมจังหวัด ที่รับผิดชอบภารกิจด้านการพิจารณาอนุมัติ อนุญาตฯ "
            "จำนวนรวม 37 คน โดยมี นางสาวทัศนีย์",
            (37, "exact"),
        ),
        # bulk
        (
            "โดยมีผู้เข้าร่วมกิจกรรมในครั้งนี้ จํานวนประมาณ 230 คน",
            (230, "approx"),
        ),
        (
            "ผู้บริหารจากทุกภาคส่วนและประชาชนเข้าร่วมงานกว่า 2,500 คน",
            (2500, "at_least"),
        ),
        (
            "ปลัดจังหวัด นายอำเภอ และบุคลากรที่เกี่ยวข้อง รวมจำนวนทั้งสิ้น 1,142 คน ร่วมรับฟัง",
            (1142, "exact"),
        ),
        (
            "ผู้ประกอบการ OTOP จำนวน 52 ราย / 40 บูธ เข้าร่วมจำหน่ายสินค้า",
            (52, "exact"),
        ),
    ],
)
def test_real_sentences(text: str, expected: tuple[int, str]) -> None:
    assert best(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("มีผู้เข้าร่วมประชุมประมาณ 1,000 คน", (1000, "approx")),
        ("ผู้เข้าร่วมราว 400 คน", (400, "approx")),
        ("ผู้เข้าร่วมกิจกรรมกว่า 300 คน", (300, "at_least")),
        ("มีผู้เข้าร่วมประชุม 300 กว่าคน", (300, "at_least")),
        ("ผู้เข้าร่วมงานมากกว่า 500 คน", (500, "at_least")),
        ("ผู้เข้ารับการอบรมไม่น้อยกว่า 60 คน", (60, "at_least")),
        ("ผู้เข้าร่วม 20 คนขึ้นไป", (20, "at_least")),
        ("ผู้เข้าร่วมอบรม จำนวน 90 คน", (90, "exact")),
        ("ประชาชนกว่า 1 พันราย เข้าร่วมงาน", (1000, "at_least")),
    ],
)
def test_qualifiers(text: str, expected: tuple[int, str]) -> None:
    assert best(text) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ผู้เข้าร่วมสองร้อยห้าสิบคน", 250),
        ("มีผู้เข้าร่วมประชุมห้าสิบคน", 50),
        ("ผู้เข้าร่วมอบรมหนึ่งพันสองร้อยคน", 1200),
        ("ผู้เข้าร่วมสัมมนายี่สิบเอ็ดคน", 21),
    ],
)
def test_thai_number_words(text: str, value: int) -> None:
    assert best(text) == (value, "exact")


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("ข้าราชการตำรวจ จำนวน 50 นาย เข้าร่วมพิธี", "นาย"),
        ("ผู้บริหารเข้าร่วม 15 ท่าน", "ท่าน"),
        ("ผู้ประกอบการเข้าร่วม 40 ราย", "ราย"),
    ],
)
def test_people_units(text: str, unit: str) -> None:
    count = best_count(find_counts(text))
    assert count is not None and count.text.endswith(unit)


@pytest.mark.parametrize(
    "text",
    [
        # organisations, views, provinces, money, ages, percentages, times: no people classifier
        "หน่วยงานเข้าร่วม 25 แห่ง",
        "มีผู้อ่านข่าวนี้แล้ว 1604 ครั้ง",
        "ทั้งนี้ จังหวัดชลบุรี เป็น 1ใน24 จังหวัด นำร่องเป้าหมาย",
        "ค่าตอบแทนคนละ 500 บาท",
        "มีรายได้กระจายสู่ชุมชนกว่า 310 ล้านบาท",
        "ผู้สูงอายุ อายุ 60 ปีขึ้นไป",
        "ผู้เข้าร่วมร้อยละ 80 มีความพึงพอใจ",
        "ตั้งแต่เวลา 09.00 – 15.00 น.",
        "ผู้เข้าร่วมประชุมจำนวน 3 รูปแบบ",
        "ประชาชนหลายร้อยคนเข้าร่วม",
        # "นับพัน" is "thousands", not a number one could write (GUIDE: "หลายร้อย" is null)
        "ประชาชนนับพันคนเข้าร่วมงาน",
        "มีผู้ชุมนุมนับหมื่นคน",
        "วันที่ 25 กุมภาพันธ์ 2568 นายศุภกิจ บุญศิริ รองปลัดกระทรวงอุตสาหกรรม",
        "ผลิตภัณฑ์ต่าง ๆ กว่า 240 รายการ มาจัดแสดง",
    ],
)
def test_not_a_people_count(text: str) -> None:
    assert find_counts(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # awards
        'มอบโล่เชิดชูเกียรติ "เพ็ชรนทีศรีวัฒนธรรม" ให้กับเครือข่ายสภาวัฒนธรรมเมืองพัทยา จำนวน 80 คน ทั้งนี้',
        # population
        "แบ่งเขตการปกครองออกเป็น 7 หมู่บ้าน มีประชากรรวมทั้งสิ้น 14,860 คน (ไม่นับรวมประชากรแฝงและนักท่องเที่ยว)",
        # cases
        "โดยสามารถให้การดูแลผู้ติดเชื้อโควิด – 19 จำนวนทั้งสิ้น 620 ราย ซึ่งมากที่สุดในจังหวัด",
        "ราษฎรได้รับความเดือดร้อน 20,009 ครัวเรือน 78,894 ราย มีผู้เสียชีวิต 4 ราย",
        # aid recipients
        "นำสิ่งของไปมอบให้แก่ผู้ด้อยโอกาส คนพิการ และผู้สูงอายุ จำนวน 10 ราย ในพื้นที่ตำบลหันตรา",
        "ซึ่งวันนี้มีประชาชน จำนวน 1,081 คน ได้รับมอบสัญญาเช่าที่ดิน",
        # enrolment in a programme, not attendance
        "ขณะนี้มีเกษตรกรและผู้ประกอบการสมัครเข้าร่วมจำนวน 20 ราย จาก 11 จังหวัด",
        # rates
        "จำกัดจำนวนคนไม่ให้แออัด (1คนต่อ 4 ตารางเมตร)",
    ],
)
def test_people_who_are_not_participants(text: str) -> None:
    counts = find_counts(text)
    assert counts and all(c.confidence < 0.5 for c in counts)
    assert best_count(counts) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # an earlier figure loses to this event's
        (
            "ผลการจับตั๊กแตนที่ผ่านมา มีเกษตรกรเข้าร่วมจับตั๊กแตน จำนวน 155 คน สามารถจับตั๊กแตนได้ทั้งหมด 346 กิโลกรัม "
            "โดยมีทีมจับตั๊กแตน ซึ่งเป็นหน่วยเคลื่อนที่เร็วจำนวน 50 ราย มาร่วมรณรงค์การจับตั๊กแตน",
            50,
        ),
        # a programme-wide figure over 12 provinces loses to today's trainees
        (
            "ดำเนินการทั้งสิ้น 12 จังหวัด มีผู้ประกอบการเข้าร่วมกว่า 480 คน โดยจังหวัดอุตรดิตถ์ เป็นหนึ่งใน 12 จังหวัด\n"
            "โดยผู้เข้าร่วมอบรมฯ ในวันนี้ ประกอบด้วย ผู้ประกอบการชุมชน จำนวน 40 ราย เข้ารับการถ่ายทอดองค์ความรู้",
            40,
        ),
    ],
)
def test_event_count_beats_background(text: str, value: int) -> None:
    count = best_count(find_counts(text))
    assert count is not None and count.value == value


def test_bare_count_is_not_chosen() -> None:
    counts = find_counts("เด็กวัยเรียน จำนวน 2,223 คน วัยรุ่น จำนวน 1,265 คน")
    assert [c.value for c in counts] == [2223, 1265]
    assert best_count(counts) is None


def test_offsets_point_into_the_text() -> None:
    text = "วันนี้ มีผู้เข้าร่วมประชุมประมาณ 1,000 คน และเจ้าหน้าที่ตำรวจ 20 นาย"
    counts = find_counts(text)
    assert [(c.text, c.value) for c in counts] == [("ประมาณ 1,000 คน", 1000), ("20 นาย", 20)]
    assert all(text[c.start : c.end] == c.text for c in counts)


def test_best_count_of_nothing() -> None:
    assert best_count([]) is None


def _gold_main_participants(shared: Path, gold: str, folder: str):
    for line in (shared / "gold" / gold).read_text(encoding="utf-8").splitlines():
        if line.strip():
            doc = json.loads(line)
            raw = (shared / folder / doc["doc"]).read_text(encoding="utf-8-sig")
            yield doc["doc"], raw.translate(THAI_DIGITS), doc["events"][0].get("participants")


@pytest.mark.parametrize(("gold", "folder"), [("seeds.jsonl", "seeds"), ("dev.jsonl", "corpus/dev")])
def test_gold_main_event_participants(shared: Path, gold: str, folder: str) -> None:
    wrong = []
    for name, text, expected in _gold_main_participants(shared, gold, folder):
        count = best_count(find_counts(text))
        if (count.value if count else None) != expected:
            wrong.append(name)
    assert wrong == []


@pytest.mark.parametrize(
    "text",
    [
        # drug users, inmates, patients: a client noun before the count wins over the verb after it
        "ผู้เสพยาเสพติด 110 คน เข้ารับการบำบัด",
        "และส่งผู้เสพยาเสพติดเข้ารับการบำบัดรักษา จำนวน 110 ราย\" ผวจ.สุรินทร์ กล่าวเน้นย้ำ",
        "ปีนี้ได้จัดอบรมในเรือนจำและทัณฑสถาน รวมทั้งสิ้น 12 แห่ง มีผู้ต้องขังเข้าอบรมรวมกว่า 1,200 คน ร่วมโครงการ",
        "ซึ่งมีผู้เข้ารับการบำบัดรักษา จำนวน 39 คน เพื่อฟื้นฟูสภาพจิตใจ ฟื้นฟูสภาพร่างกาย",
        "มีพนักงานเข้ารับการตรวจจำนวน 85 ราย แยกเป็นชาย จำนวน 35 ราย เป็นหญิง 50 ราย",
        "ผู้ป่วยติดเตียงและญาติ จำนวน 30 คน เข้าร่วมกิจกรรม",
        # vaccinees, registrations, insured people visited
        "ซึ่งวันนี้ มีกลุ่มเปราะบางเข้ารับการฉีดวัคซีนจำนวน 740 ราย ทั้งนี้ กลุ่มเปราะบางและประชาชน",
        "โดยมียอดผู้ลงทะเบียนเข้าร่วมสัมมนาแบบ on site ประมาณ 500 คน และมีผู้ลงทะเบียนติดตามผ่าน Facebook Live",
        "ได้ไปเยี่ยมให้กำลังใจผู้ประกันตนทุพพลภาพ จำนวน 2 ราย และร่วมเดินรณรงค์เผยแพร่ประชาสัมพันธ์",
        # people who receive something
        "ในการประชุมครั้งนี้ ผู้เข้าร่วมประชุมได้รับทราบว่า เกษตรกร จำนวน 1,250 ราย ได้รับการชดเชยแล้ว",
        # graduates, award winners, scholarship holders
        "มหาวิทยาลัยราชภัฏมหาสารคาม ประจำปีการศึกษา 2563-2564 เข้ารับพระราชทานปริญญาบัตร ระดับปริญญาตรี "
        "จำนวน 1,288 คน ระดับปริญญาโท 72 คน และระดับปริญญาเอก 45 คน รวมทั้งสิ้น 1,405 คน",
        "ในพิธีพระราชทานปริญญาบัตร มีผู้สำเร็จการศึกษา จำนวน 1,405 คน เข้ารับพระราชทานปริญญาบัตร",
        "รมว.ทส. ได้กล่าวแสดงความยินดีกับผู้สำเร็จการศึกษาอบรม ทั้ง 70 ท่าน โดยหวังเป็นอย่างยิ่งว่า",
        "ผู้ได้รับรางวัลเข้าร่วมพิธี จำนวน 25 คน",
        "โดยมีนักเรียนทุนพระราชทาน จำนวน 30 คน ได้รับทุนการศึกษาต่อเนื่อง",
        # a quota per group, not people present
        "มีผู้แทนทั้งฝ่ายลูกจ้าง นายจ้าง และภาครัฐ ฝ่ายละ 5 คน โดยมีผู้ทรงคุณวุฒิด้านต่างๆ",
        "ผู้เข้าร่วมโครงการฯประกอบด้วยเยาวชนจากประเทศสมาชิกอาเซียนและประเทศติมอร์ เลสเต ประเทศละ 2 คน "
        "เพื่อเข้าร่วมกิจกรรมแลกเปลี่ยนเรียนรู้",
        # an earlier figure
        "มีผู้ประกอบการ - ร้านค้าที่เคยเข้าร่วมในโครงการนี้ มากกว่า 7,000 ราย",
    ],
)
def test_clients_graduates_and_quotas_are_not_participants(text: str) -> None:
    assert best(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a delegation followed by a visit verb
        (
            "นายกสมาคมสื่อมวลชนเพื่อการท่องเที่ยว นำคณะอนุกรรมการและสมาชิกรวม 50 คน เข้าเยี่ยมคารวะ "
            "เพื่อขอแนะนำตัวและรับนโยบายจากรัฐบาล",
            (50, "exact"),
        ),
        ("นำคณะผู้แทนสภาธุรกิจ รวม 13 คน เข้าเยี่ยมคารวะนายกรัฐมนตรี", (13, "exact")),
        (
            "นำคณะนักร้องประสานเสียงสวนพลูและคณะผู้ฝึกสอน จำนวน 41 คน เข้าพบนายกรัฐมนตรี",
            (41, "exact"),
        ),
        (
            "ประธานกลุ่มบูรณาการแรงงานสตรี และคณะ รวม 9 คน ที่เข้าพบ เพื่อรับทราบนโยบายของรัฐบาล",
            (9, "exact"),
        ),
        (
            "นำศิลปินแห่งชาติ พุทธศักราช 2563 ทั้ง 12 คน เข้าเฝ้าฯ สมเด็จพระเจ้าอยู่หัว",
            (12, "exact"),
        ),
        ("พร้อมด้วยคณะผู้บริหาร จำนวน 25 คน ร่วมเดินทาง", (25, "exact")),
        # people who provide a service are not its clients
        ("ผู้ประกอบธุรกิจที่ให้บริการจัดส่งอาหารและพัสดุ 20 ราย ร่วมหารือเกี่ยวกับการดำเนินมาตรการ", (20, "exact")),
        # "ได้รับเกียรติ", "ได้รับความรู้" open another clause
        (
            "นครปฐม กาญจนบุรี และสุพรรณบุรี ผู้เข้าร่วมอบรม รวมประมาณ 300 คน โดยได้รับเกียรติจากนายสมชาย บำรุงทรัพย์",
            (300, "approx"),
        ),
    ],
)
def test_visits_and_other_clauses(text: str, expected: tuple[int, str]) -> None:
    assert best(text) == expected


# bulk: a total after its sub-counts, the participation verb after the total
HELD_TOTAL = (
    "นายวิเชียร ทองด้วง อุตสาหกรรมจังหวัดปราจีนบุรี เจ้าหน้าที่จากสำนักงานอุตสาหกรรมจังหวัด (สอจ.) จำนวน 41 คน "
    "และเจ้าหน้าที่จากกรมโรงงานอุตสาหกรรม (กรอ.) จำนวน 11 คน รวมทั้งสิ้น 52 คน และเจ้าหน้าที่ที่เกี่ยวข้อง "
    "เข้าร่วม ณ โรงแรมซันธารา เวลเนส รีสอร์ท แอนด์ โฮเทล จังหวัดฉะเชิงเทรา"
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (HELD_TOTAL, 52),
        # the participation cue before the parts
        (
            "โดยมีผู้เข้าร่วมประชุม ประกอบด้วย ผู้แทนจากส่วนราชการ จำนวน 41 คน และผู้แทนภาคเอกชน จำนวน 11 คน "
            "รวมทั้งสิ้น 52 คน",
            52,
        ),
        (
            "เข้าร่วมแบบ on site  1,500 คน และเข้าร่วมผ่านระบบ online ทั้ง 13 อำเภอ อีก 6,500 คน รวมทั้งสิ้น 8,000 คน",
            8000,
        ),
    ],
)
def test_total_after_parts_wins(text: str, value: int) -> None:
    counts = find_counts(text)
    count = best_count(counts)
    assert count is not None and count.value == value and count.confidence >= 0.7
    assert all(c.confidence < 0.5 for c in counts if c is not count)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a fair's attendance in passing loses; the event's own count wins
        ("ตลอดระยะเวลาการจัดงาน มีผู้เข้าชมงานกว่า 220,945 คน สร้างรายได้หมุนเวียนกว่า 300 ล้านบาท", None),
        (
            "โดยคาดการณ์ผู้เข้าร่วมงานและผู้ให้ความสนใจตลอดระยะเวลาจัดงานกว่า 280,000 คน "
            "แยกเป็นมาร่วมภายในงานกว่า 80,000 คน และผู้ให้ความสนใจทางสื่อออนไลน์ภายนอกกว่า 2 แสนคน",
            None,
        ),
        (
            "โดยสำหรับยอดรวมประชาชนที่เดินทางเข้าร่วมตอบคำถาม 4 ข้อของนายกรัฐมนตรี ระหว่างวันที่ 12-14 มิถุนายน "
            "มีทั้งสิ้น 27,804 ราย",
            None,
        ),
        (
            "โดยมีผู้เข้าร่วมพิธีเปิด จำนวน 500 คน\nตลอดระยะเวลาการจัดงาน มีผู้เข้าชมงานกว่า 220,945 คน",
            (500, "exact"),
        ),
        # a participation word right by a large number keeps it
        ("ความสำเร็จของงานครั้งนี้ มีผู้เข้าร่วมงานกว่า 60,000 คน จากทั้งในและต่างประเทศ", (60000, "at_least")),
        ("ประชาชนกว่า 30,000 คน เข้าร่วมพิธี", (30000, "at_least")),
    ],
)
def test_large_attendance(text: str, expected: tuple[int, str] | None) -> None:
    assert best(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "(จ) การถ่ายทำรายการโทรทัศน์ ให้กองถ่ายทำรวมทุกแผนกไม่เกิน 150 คน และมีผู้เข้าชมไม่เกิน 50 คน",
    ],
)
def test_caps_are_not_counts(text: str) -> None:
    assert find_counts(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # protest sizes, as news writes them (GUIDE, news-style articles)
        ("ผู้ชุมนุมราว 2,000 คน ได้เคลื่อนขบวนไปยังหน้าทำเนียบรัฐบาล", (2000, "approx")),
        ("บริเวณหน้ากระทรวงแรงงาน มีผู้ชุมนุมกว่าพันคน ปักหลักรอฟังคำตอบ", (1000, "at_least")),
        ("คืนนี้มีผู้ชุมนุมประมาณ 1.2 หมื่นคน", (12000, "approx")),
        # a verb after the count says the people came: to rally, to wait, to hand in a letter (bulk)
        (
            "ลูกจ้าง บริษัท บริลเลียนท์ อัลไลแอนซ์ ไทย โกลบอล จำกัด จำนวน 200 คน เดินทางมาร่วมชุมนุมบริเวณถนนพิษณุโลก",
            (200, "exact"),
        ),
        (
            "ผู้บริหารท้องถิ่น ข้าราชการและประชาชน กว่า 20,000 คน มารอให้การต้อนรับ",
            (20000, "at_least"),
        ),
        ("กรณีที่มีแรงงานต่างด้าว สัญชาติเมียนมา จำนวนกว่า 400 คน รวมตัวกันหน้า บริษัท", (400, "at_least")),
        ("ชาวบ้านกว่า 300 คน มายื่นหนังสือถึงนายกรัฐมนตรี", (300, "at_least")),
        # dev2: victims who come to welcome the prime minister are the crowd he meets
        (
            "ตรวจสภาพความเสียหายบริเวณแหลมตะลุมพุก โดยมีผู้ประสบภัยมาให้การต้อนรับกว่า 3,000 คน",
            (3000, "at_least"),
        ),
        # dev2: a ministry's name (แรงงาน) far back does not make the count someone else's
        (
            "รมว.แรงงาน เปิดโครงการปฐมนิเทศยุวแรงงาน โดยกรมพัฒนาฝีมือแรงงาน เป็นหน่วยเตรียมความพร้อมก่อนเข้าทำงาน "
            "การปฐมนิเทศวันนี้มีเยาวชนเข้าร่วมกว่า 500 คน",
            (500, "at_least"),
        ),
        # police deployed to control a protest are not its participants
        ("ผู้ชุมนุมราว 300 คน โดยมีกำลังตำรวจ 500 นาย ดูแลความปลอดภัย", (300, "approx")),
        # listeners, ceremony-goers, marchers and competitors (bulk)
        (
            "ผู้บริหารองค์กรปกครองส่วนท้องถิ่น และภาคีเครือข่าย ร่วมรับฟังกว่า 2,100 คน",
            (2100, "at_least"),
        ),
        ("ราคาประเมินรวม 902,627,367.68 บาท มีผู้สนใจเข้าฟังการขายทอดตลาด ประมาณ 2,000 คน", (2000, "approx")),
        ("เป็นประธานฝ่ายฆราวาส และมีผู้ร่วมพิธีกว่า 1,000 คน อาทิ นายอดิเทพ กมลเวชช์", (1000, "at_least")),
        ("การแสดงศิลปวัฒนธรรมประจำริ้วขบวน มีผู้เข้าร่วมขบวน 620 คน ขบวนเรือ 123 ลำ", (620, "exact")),
        ("โดยทีมไทยส่งนักกีฬาเข้าแข่งขัน 846 คน ซึ่งกีฬาบางประเภทได้เริ่มทำการแข่งขันไปบ้างแล้ว", (846, "exact")),
        ("ลูกจ้างกว่า 300 คน ประท้วงหน้าโรงงาน", (300, "at_least")),
        ("ประชาชนกว่า 5,000 คน เฝ้ารอรับเสด็จ", (5000, "at_least")),
        # the audience of an address (dev2 gov, bulk: 10 of 10 such counts are the audience)
        (
            "ให้โอวาทคณาจารย์จากมหาวิทยาลัยหัวเฉียวเฉลิมพระเกียรติ และคณะนักศึกษาจากประเทศจีนจำนวน 60 คน",
            (60, "exact"),
        ),
        (
            "ประชุมมอบนโยบายกระทรวงสาธารณสุข พ.ศ. 2567 แก่ผู้บริหารระดับสูงกระทรวงสาธารณสุข"
            "ทั้งส่วนกลางและส่วนภูมิภาค จำนวน 500 คน",
            (500, "exact"),
        ),
    ],
)
def test_crowds_and_protests(text: str, expected: tuple[int, str]) -> None:
    assert best(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # figures about other occasions (GUIDE), averages (bulk: 63 of 63 "เฉลี่ย ... N คน" are averages)
        "ที่ผ่านมามีการชุมนุมหลายครั้ง เฉลี่ยชุมนุมแต่ละครั้ง 1.2 หมื่นคน",
        "บริการผู้ป่วยนอกเฉลี่ย 220 คนต่อวัน",
        # police and soldiers deployed
        "ได้จัดกำลังตำรวจควบคุมฝูงชน 500 นาย บริเวณรอบทำเนียบรัฐบาล",
        "ได้จัดกำลังพล เข้าปฏิบัติหน้าที่แล้ว จำนวนกว่า 500 นาย พร้อมยุทโธปกรณ์",
        # curfew offenders (bulk), not a rally
        "มีการดำเนินคดีจากเหตุออกนอกเคหสถาน 666 คน และดำเนินคดีจากเหตุการชุมนุมมั่วสุม 129 คน",
        # targets and forecasts
        "คาดว่าจะมีผู้เข้าร่วมประมาณ 5,000 คน",
        "โดยมีกลุ่มเป้าหมายเข้าร่วมโครงการ จำนวน 300 คน",
        # a per-unit ratio
        "อัตราส่วนอาสาสมัคร 1 คน ต่อ 10 หลังคาเรือน",
    ],
)
def test_other_occasions_forces_targets_ratios(text: str) -> None:
    assert best(text) is None


@pytest.mark.parametrize(
    "text",
    [
        # bulk: a date's two-digit year, an item number or a district before a man's name
        "วันที่ 15 ต.ค. 66 นายชัย วัชรงค์ โฆษกประจำสำนักนายกรัฐมนตรี เปิดเผยว่า",
        "เมื่อวันที่ 21 เม.ย. 67 นายเจษฎา จิตรัตน์ ผู้ว่าราชการจังหวัดสุราษฎร์ธานี",
        "1.4 นายสมพร ไหมบุญแก้ว ผู้แทนองค์กรสาธารณประโยชน์",
        "สมาชิกสภาผู้แทนราษฎรจังหวัดชัยภูมิ เขต 1 นายสัมฤทธิ์ แทนทรัพย์",
    ],
)
def test_title_before_a_name_is_not_a_count(text: str) -> None:
    assert find_counts(text) == []


def test_report_after_a_year_is_not_a_count() -> None:
    # dev2 web: the tokenizer splits "รายงานการ" as ราย|งานการ
    assert find_counts("ห้วงเดือนมกราคม 2568 รายงานการเบิกจ่ายงบประมาณและภาวะเศรษฐกิจ") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a linking word between the count and its verb
        ("ตนหวังว่าเยาวชนพิการไทย ทั้ง 8 คน ที่เข้าร่วมการแข่งขันความท้าทายทางเทคโนโลยี", (8, "exact")),
        ("อดีตลูกจ้าง JSL จำนวน 25 คน เตรียมเข้าอบรมบาริสตามืออาชีพ", (25, "exact")),
        # news: villagers rallying (dev2 nnt) and a governor leading a rally (bulk)
        (
            "พร้อมด้วยกำนัน ผู้ใหญ่บ้าน ผู้ช่วยผู้ใหญ่บ้าน ในจังหวัดตรัง กว่า 800 คน รวมพลังมาให้กำลังใจ นายธีระยุทธ",
            (800, "at_least"),
        ),
        ("ผู้ว่าฯ น่าน นำพสกนิกรกว่า 5,000 คน รวมพลังปกป้องแสดงความจงรักภักดี", (5000, "at_least")),
        # news (written for the test): motion words before a crowd's verb
        ("ชาวบ้านกว่า 200 คน ออกมาชุมนุมหน้าที่ว่าการอำเภอ", (200, "at_least")),
        ("แกนนำกลุ่มนำสมาชิก 30 คน เข้ายื่นหนังสือถึงผู้ว่าราชการจังหวัด", (30, "exact")),
        ("ชาวบ้านกว่า 300 คน ต่างพากันมารอรับเสด็จ", (300, "at_least")),
        ("ประชาชนกว่า 1,000 คน ยืนรอรับเสด็จ", (1000, "at_least")),
    ],
)
def test_verb_after_a_linking_word(text: str, expected: tuple[int, str]) -> None:
    assert best(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # bulk: the participation verb is glued into another clause ("ร่วม" = about, together with)
        "ประชาชนลงทะเบียนแล้ว 1.2 แสนราย ไกล่เกลี่ยสำเร็จแล้ว 1.8 พันราย มูลหนี้ลดลงร่วม 297 ล้านบาท",
        "นโยบายส่งเสริมให้คนไทยทุกครอบครัวมีหมอประจำตัว 3 คน โดยทำงานร่วมกับหมอคนที่ 2 และ 3",
        "ปัจจุบันมีสมาชิก 64 ราย มีพื้นที่เข้าร่วมโครงการ 1,200 ไร่",
    ],
)
def test_verb_of_another_clause_is_not_attendance(text: str) -> None:
    assert best(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # bulk: an audience from several provinces is not a figure summed over them
        (
            "โดยมีผู้บริหาร ศึกษานิเทศก์ ข้าราชการ และบุคลากรทางการศึกษาจาก 25 จังหวัดภาคกลางและกรุงเทพมหานคร "
            "เข้าร่วมกว่า 1,200 คน ณ โรงแรมเซ็นทรา",
            (1200, "at_least"),
        ),
        (
            "และผู้เข้ารับการศึกษาอบรมจากจังหวัด 4 จังหวัด ได้แก่ เพชรบุรี ประจวบคีรีขันธ์ ราชบุรี และสมุทรสงคราม "
            "รวมกว่า 84 คน ร่วมรับฟัง",
            (84, "at_least"),
        ),
    ],
)
def test_audience_from_several_provinces(text: str, expected: tuple[int, str]) -> None:
    assert best(text) == expected


def test_figure_summed_over_provinces_is_not_attendance() -> None:
    assert best("ดำเนินการทั้งสิ้น 12 จังหวัด มีผู้เข้าร่วม 480 คน") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # bulk: people from all over the country attend this event
        (
            "โดยมีผู้บริหารและคณะครูกลุ่มโรงเรียนกาญจนาภิเษกวิทยาลัยทั่วประเทศ เข้าร่วมรับฟังกว่า 650 คน",
            (650, "at_least"),
        ),
        (
            "โดยมีพยาบาลที่ปฏิบัติงานในโรงพยาบาลทุกระดับทั่วประเทศและผู้เกี่ยวข้องร่วมประชุม จำนวน 600 คน",
            (600, "exact"),
        ),
    ],
)
def test_attendees_from_all_over_the_country(text: str, expected: tuple[int, str]) -> None:
    assert best(text) == expected


def test_nationwide_figure_is_not_attendance() -> None:
    # a programme's figure summed nationwide: no participation word between ทั่วประเทศ and the count
    assert best("มีผู้เข้าร่วมโครงการทั่วประเทศ 12,000 คน") is None


# Sentences nobody tuned the rules on (issue 15: news wording from ThaiNER 1.5's train file, tags
# removed, and thaigov bulk releases), one or more per phrase class of the GUIDE.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # attendance after an attendance verb or noun, "เข้าร่วม ... จำนวน N คน" (bulk)
        (
            "ครูพี่เลี้ยง บุคลากรทางการศึกษาในเขตพัฒนาพิเศษเฉพาะกิจจังหวัดชายแดนภาคใต้ เข้าร่วมการประชุมครั้งนี้จำนวน 320 คน",
            (320, "exact"),
        ),
        ("ร่วมพิธีเปิด และมีผู้เข้าร่วมการประชุมสัมมนาฯ จำนวน 100 คน ประกอบด้วย บุคลากรผู้รับผิดชอบงานด้านกฎหมาย",
         (100, "exact")),
        ("โดยมีผู้เข้าร่วมงานจากหน่วยงานที่เกี่ยวข้อง จำนวน 300 คน ประกอบด้วย กระทรวง พม. สมาคมกรีฑาผู้สูงอายุ",
         (300, "exact")),
        # crowds and protests in news ledes, digits glued to the words as ThaiNER's news writes them
        ("ดีเอสไอเผยมีผู้ชุมนุมกว่า1หมื่นคนรอนิรโทษกรรม", (10000, "at_least")),
        (
            "ขณะเดียวกันบริเวณด้านหน้ารัฐสภามีตัวแทนเครือข่ายรณรงค์ต้านภัยเครื่องดื่มแอลกอฮอล์200องค์กรกว่า3,000คน"
            "มาชุมนุมเพื่อรอฟังผลประชุมครั้งนี้",
            (3000, "at_least"),
        ),
        (
            "ผู้สื่อข่าวรายงานว่า เครือข่ายแผงลอยไทยเพื่อการพัฒนาที่ยั่งยืน จำนวนกว่า 200 คน "
            "ได้รวมตัวกันชุมนุมบริเวณหน้าองค์การสหประชาชาติ",
            (200, "at_least"),
        ),
        ("นักศึกษาพยาบาลของมหาวิทยาลัยคริสเตียน จำนวน 50 คน รวมตัวกันยื่นหนังสือร้องเรียนขอความเป็นธรรม", (50, "exact")),
        ("กลุ่มตัวแทนจำหน่ายเหล้าขาวและเบียร์ช้างอาชาเขตภาคกลางกว่า20คนได้รวมตัวกันไปยื่นหนังสือทวงถามบริษัท",
         (20, "at_least")),
    ],
)
def test_unseen_attendance_and_crowds(text: str, expected: tuple[int, str]) -> None:
    assert best(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # beneficiaries (bulk)
        "รัฐบาลก็ให้เงินสนับสนุนตามโครงการฯ แล้วกลุ่มละ 50,000 บาท มีผู้ได้รับประโยชน์ 3,015 คน เป็นต้น",
        "วางเป้าหมายพื้นที่การเกษตรกว่า 21 ล้านไร่ และเกษตรกรผู้ได้รับประโยชน์กว่า 600,000 ราย ทั่วประเทศ",
        # a quota per cohort (bulk: 13 "รุ่นละ N คน")
        "มัคคุเทศก์ และผู้ประกอบการ ตลอดจนผู้เกี่ยวข้อง จำนวน 2 รุ่น รุ่นละ 40 คน ณ อุทยานแห่งชาติสิรินาถ จ.ภูเก็ต",
        "จะดำเนินการอบรมให้ความรู้ด้านการวางแผนการเงินร่วมกับ กอช. ทั้งสิ้น จำนวน 5 รุ่น รุ่นละ 2,000 คน",
        # a forecast and a legal cap (ThaiNER news)
        "และคาดว่าจะมีประชาชนชาวออสเตรเลีย และนักท่องเที่ยว เข้าร่วมงานดังกล่าวไม่ต่ำกว่า 30,000-50,000 คน",
        "หากไม่คลายล็อคเรื่องการห้ามชุมนุมเกิน 5 คนไม่สามารถทำสิ่งเหล่านี้ได้",
        # a running, nationwide total (bulk)
        "ซึ่งขณะนี้มีผู้เข้าร่วมกิจกรรมจิตอาสาประดิษฐ์ดอกไม้จันทน์ในส่วนภูมิภาค จำนวน 1,030,281 คน",
    ],
)
def test_unseen_beneficiaries_quotas_forecasts(text: str) -> None:
    assert best(text) is None


@pytest.mark.parametrize(
    "text",
    [
        # a capacity is not attendance (bulk)
        "พื้นที่ 710 ตร.ม. รองรับผู้ชุมนุมได้ประมาณ 100 - 200 คน ซึ่งเป็นไปตามประกาศกรุงเทพมหานคร",
        "ศูนย์ฝึกอบรมหนองจอก (รองรับได้ 50 คน) ค่ายลูกเสือ (รองรับได้ 50 คน)",
        "ซึ่งสามารถรองรับผู้อพยพได้ราว 4,000 คน และได้เตรียมแผนรองรับเพิ่มเติม",
        # a group sent to another occasion (bulk)
        "ทั้งนี้ ประเทศไทยได้จัดส่งนักกีฬาเข้าร่วมการแข่งขันดังกล่าว จำนวน 85 คน จาก 11 ชนิดกีฬา",
        "กระทรวงแรงงาน ส่งแรงงานเพิ่ม 413 คน บินทำงาน ไต้หวัน ญี่ปุ่น สิงคโปร์",
        # enrolment in a measure, people entitled to a scheme (bulk)
        "มีเกษตรกรที่ได้รับสิทธิ์ในการเข้าร่วมมาตรการดังกล่าว จำนวนกว่า 46,000 ราย",
        "มีผู้ประกอบธุรกิจสินเชื่อพิโกไฟแนนซ์แจ้งเข้าร่วมมาตรการ จำนวนทั้งสิ้น 288 ราย",
        "ณ วันสิ้นสุดการลงทะเบียนดังกล่าวมีประชาชนได้รับสิทธิเพิ่มเติมจำนวน 822,188 คน",
    ],
)
def test_capacity_sent_groups_entitled_are_not_attendance(text: str) -> None:
    assert best(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # bulk: the target group named before the count, the participation verb after it
        (
            "โดยมีกลุ่มเป้าหมายรับมอบนโยบาย ประกอบด้วย ผู้ว่าราชการจังหวัด ปลัดจังหวัด นายอำเภอ และกำนัน รวม 327 คน "
            "ร่วมรับฟังที่ห้องประชุม",
            (327, "exact"),
        ),
        (
            "ผู้บริหารกรมการพัฒนาชุมชน พัฒนาการจังหวัด หัวหน้าคณะทำงานขับเคลื่อนกองทุนพัฒนาบทบาทสตรีทุกจังหวัดเป็น"
            "กลุ่มเป้าหมาย รวมจำนวนกว่า 500 คน ร่วมรับฟัง",
            (500, "at_least"),
        ),
        # a send-off ceremony's group is not a group sent elsewhere
        ("ณ ท่าเรือ เป็นประธานในพิธีส่งคณะเยาวชนโครงการเรือเยาวชน จำนวน 330 คน ร่วมพิธี", (330, "exact")),
    ],
)
def test_target_group_that_took_part(text: str, expected: tuple[int, str]) -> None:
    assert best(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a target exceeded is no audience, whatever verb follows (bulk)
        "สถานประกอบกิจการที่พัฒนาทักษะลูกจ้างของตนเองเกินเป้าหมายและศูนย์ทดสอบมาตรฐานที่ดำเนินการทดสอบมาตรฐาน"
        "ฝีมือแรงงานแห่งชาติครบ 100 คน ร่วมฝ่าวิกฤตโควิด-19",
        # people trained by a programme, no one taking part in this event (bulk)
        "ไปยังหน่วยงานภาครัฐ จำนวน 200 หน่วยงาน อบรมบุคลากร 2,000 คน และระยะที่ 2 ดำเนินการส่งเสริม",
        "กรมสวัสดิการและคุ้มครองแรงงาน (กสร.) จัดอบรม จป. ฟรี! 10,000 คน และโครงการเงินกู้สร้างสุข",
        "ทั้งนี้ กระทรวง พม. ได้เพิ่มพนักงานเจ้าหน้าที่ที่ขาดแคลนและอบรมให้ความรู้ จำนวน 1,194 คน",
    ],
)
def test_target_met_and_people_trained_are_not_attendance(text: str) -> None:
    assert best(text) is None
