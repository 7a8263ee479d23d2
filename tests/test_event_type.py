"""Event type from real thaigov.go.th headlines and leads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.event_type import classify_event


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("ปปท.จัดประชุมเชิงปฏิบัติการแลกเปลี่ยนเรียนรู้การเสริมสร้างธรรมาภิบาลและต่อต้านการทุจริตประพฤติมิชอบเมืองพัทยา", "workshop"),
        ("มท. จัดประชุม Work Shop แผนบริหารความเสี่ยงการทุจริตหน่วยงานในสังกัด", "workshop"),
        ("รองปลัดฯ ศุภกิจ นำทีมระดมความคิด สร้างธรรมาภิบาล วางแนวทางป้องกันการทุจริตฯ", "workshop"),
        ("นครปฐม-เปิดการประชุมติดตามฯการต่อต้านการทุจริตและประพฤติมิชอบ", "meeting"),
        ("รอง นรม. พลเอก ประวิตรฯ เป็นประธานการประชุมคณะกรรมการขับเคลื่อนและปฏิรูปการบริหารราชการแผ่นดิน", "meeting"),
        ("ปลัดฯ ณัฐพล เปิดการฝึกอบรมเชิงปฏิบัติการ ภายใต้โครงการพัฒนานักธุรกิจเกษตรอุตสาหกรรม", "training"),
        ("คปภ. ติวเข้มบริษัทประกันภัยเตรียมรับมือมาตรฐานการรายงานทางการเงินระหว่างประเทศชุดใหม่", "training"),
        ("กระทรวงเกษตรฯ ทบทวนแผนยุทธศาสตร์การบริหารจัดการทรัพยากรน้ำ ในงานสัมมนา “ยุทธศาสตร์การบริหารจัดการน้ำ", "seminar"),
        ('ผู้ช่วยรมว.วธ.เป็นประธานเปิดงาน "ไทยเพลิน เดิน ชม ชิม" ณ บริเวณชายหาดแยกพัทยากลาง จังหวัดชลบุรี', "ceremony"),
        ("รมว.พม. ลงพื้นที่ จ.กระบี่ เปิดศูนย์ช่วยเหลือสังคมตำบลแห่งแรก จับมือภาคีเครือข่ายช่วยกลุ่มเปราะบางแบบครบวงจร", "ceremony"),
        ("“ปลัดพาณิชย์”เป็นสักขีพยานในพิธีลงนามการเชื่อมโยงส่งออกผลไม้ไทยจากพาณิชย์จังหวัดสู่ตลาดฮ่องกง", "signing"),
        ("“รมช.มนัญญา” เปิดงานรณรงค์กำจัดตั๊กแตนในแปลงอ้อย ชูแนวคิด“อุทัยธานีโมเดล”", "campaign"),
        ("นายกฯ ตรวจเยี่ยมการบริหารจัดการน้ำ โครงการก่อสร้างฝ่ายชั่วคราวกั้นแม่น้ำปิง (โครงการหนองขวัญ)", "inspection"),
        ("รัฐมนตรีว่าการกระทรวงวัฒนธรรมลงพื้นที่ตรวจติดตามการซ่อม สร้างงานศิลปกรรม", "inspection"),
        ("นายกรัฐมนตรีลงพื้นที่ตรวจติดตามสถานการณ์อุทกภัย พร้อมมอบเงินช่วยเหลือและถุงยังชีพแก่ผู้ประสบอุทกภัย จ.ตรัง", "visit"),
        ("รองนายกฯ พล.อ.ประวิตร ลงพื้นที่สุราษฎร์ธานีติดตามสถานการณ์น้ำ พร้อมแผนการรับมืออุทกภัยในพื้นที่", "visit"),
        ("นายกรัฐมนตรีเดินทางไปเยือนสาธารณรัฐประชาธิปไตยประชาชนลาวอย่างเป็นทางการ", "visit"),
        ("ก.อุตฯ ร่วมกับ จ.อยุธยา จัดแสดงนิทรรศการ", "exhibition"),
        ("จีดีพีภาคการเกษตรขยับร้อยละ 7.7 สูงสุดในรอบ 20 ไตรมาส", "other"),
    ],
)
def test_headlines(title: str, expected: str) -> None:
    assert classify_event(title, "") == expected


def test_venue_word_is_not_a_meeting() -> None:
    dateline = "ฉะเชิงเทรา / พฤหัสบดีที่ 16 มีนาคม 2566 เวลา 09.00 – 15.00 น. ณ ห้องประชุมบางแก้ว"
    lead = "ขบวนองค์กรชุมชนจังหวัดฉะเชิงเทรา ร่วมจัดเวที เวทีการประชุมเชิงปฏิบัติการ การส่งเสริมการมีส่วนร่วม"
    assert classify_event(dateline, lead) == "workshop"


def test_lead_is_read_when_the_headline_has_no_cue() -> None:
    assert classify_event("หนองคายพร้อมรับมือน้ำหลาก", "นายอำเภอเป็นประธานในพิธีเปิดศูนย์ช่วยเหลือผู้ประสบภัย") == "ceremony"


def test_headline_outweighs_lead() -> None:
    assert classify_event("รมว.อว. ประชุมหารือบทบาทของสำนักงานนวัตกรรมแห่งชาติ", "ก่อนการประชุมมีพิธีมอบรางวัล") == "meeting"


def test_empty() -> None:
    assert classify_event("", "") == "other"


def test_gold_main_event_types(shared: Path) -> None:
    """23 of 24 gold main events (the miss: a headline naming a study visit of a training)."""
    right = total = 0
    for gold, folder in (("seeds.jsonl", "seeds"), ("dev.jsonl", "corpus/dev")):
        for line in (shared / "gold" / gold).read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            raw = (shared / folder / doc["doc"]).read_text(encoding="utf-8-sig")
            lines = [x.strip() for x in raw.splitlines() if x.strip()]
            title = lines[0].split("ข่าวทำเนียบรัฐบาล-")[-1]
            total += 1
            right += classify_event(title, "\n".join(lines[1:])) == doc["events"][0]["event_type"]
    assert right / total >= 0.9
