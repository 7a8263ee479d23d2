"""Event assembly on real multi-event articles of the dev corpus (answers from ../shared/gold/dev.jsonl)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from extract.analyse import extract_events

D = dt.date


def events_of(shared: Path, name: str):
    return extract_events((shared / "corpus" / "dev" / name).read_text(encoding="utf-8-sig"))


def test_closing_ceremony_of_a_fair_and_the_next_fair(shared: Path) -> None:
    # Main event: the closing ceremony (23 Dec 2016, 12:00); then the fair it closes and the
    # fair announced for January 2017, each a multi-day period of its own.
    events = events_of(shared, "thaigov-v1_1097.txt")
    assert [(e.date_start, e.date_end) for e in events] == [
        (D(2016, 12, 23), D(2016, 12, 23)),
        (D(2016, 12, 1), D(2016, 12, 23)),
        (D(2017, 1, 9), D(2017, 1, 29)),
    ]
    assert events[0].time_start == "12:00" and events[0].event_type == "ceremony"
    assert {e.province for e in events} == {"กรุงเทพมหานคร"}


def test_second_stop_of_a_visit_has_its_own_venue(shared: Path) -> None:
    events = events_of(shared, "thaigov-v2_64345.txt")
    assert [(e.date_start, e.venue) for e in events] == [
        (D(2023, 1, 30), "โรงพยาบาลบึงนาราง"),
        (D(2023, 1, 30), "โรงพยาบาลบางมูลนาก"),
    ]
    assert events[0].time_start == "15:00" and events[1].time_start is None
    assert [e.province for e in events] == ["พิจิตร", "พิจิตร"]


def test_opening_ceremony_inside_a_four_day_fair(shared: Path) -> None:
    events = events_of(shared, "thaigov-v2_36950.txt")
    assert [(e.date_start, e.date_end, e.time_start) for e in events] == [
        (D(2020, 11, 19), D(2020, 11, 19), "17:00"),
        (D(2020, 11, 19), D(2020, 11, 22), None),
    ]
    assert events[0].province == "ชลบุรี"


@pytest.mark.parametrize("name", ["thaigov-v1_8842.txt", "thaigov-v2_86883.txt", "thaigov-v2_94103.txt"])
def test_single_event_articles_give_one_event(shared: Path, name: str) -> None:
    # Background dates (earlier meetings, the page date, a later deadline) open no event.
    assert len(events_of(shared, name)) == 1


def dev2_events(shared: Path, name: str):
    return extract_events((shared / "corpus" / "dev2" / name).read_text(encoding="utf-8-sig"))


def test_trip_with_stops_opened_by_time_and_travel_verbs(shared: Path) -> None:
    # dev2 gov_05: three stops on 5 Feb 2018, the first and second named right after ตรวจเยี่ยม / ณ,
    # the third ("ต่อจากนั้น เวลา ๑๔.๓๐ น. ... ณ ห้องประชุม...") in another province, each with its people.
    events = dev2_events(shared, "gov_05.txt")
    assert [(e.date_start, e.venue, e.province) for e in events[:3]] == [
        (D(2018, 2, 5), "อุทยานรังสรรค์นวัตกรรมอวกาศ", "ชลบุรี"),
        (D(2018, 2, 5), "วิทยาลัยเทคนิคสัตหีบ", "ชลบุรี"),
        (D(2018, 2, 5), "ห้องประชุมภักดีศรีสงคราม ศาลากลางจังหวัดระยอง", "ระยอง"),
    ]
    assert [e.time_start for e in events[:3]] == ["08:30", "11:00", "14:30"]
    assert {o.name for o in events[1].officials} == {"ประจิน จั่นตอง", "สุทัศน์ กาญจนานนท์กุล", "สุเทพ ชิตยวงษ์"}
    assert "สุรศักดิ์ เจริญศิริโชติ" in {o.name for o in events[2].officials}
    assert "สุรศักดิ์ เจริญศิริโชติ" not in {o.name for o in events[0].officials}


def test_numbered_points_of_a_flood_visit(shared: Path) -> None:
    # dev2 gov_18: "โดยในจุดที่ 1 ... ไปยังโรงเรียน...", "ต่อมา เวลาประมาณ 14.45 น. ... จุดที่ 2 ณ บ้านป่าข่า"
    # (one stop, not two), "จากนั้น ... ตรวจเยี่ยมสถานีวิทยุ...".
    events = dev2_events(shared, "gov_18.txt")
    assert [e.venue for e in events] == ["โรงเรียนปางหัดสหศาสตร์", "บ้านป่าข่า", "สถานีวิทยุกระจายเสียงแห่งประเทศไทย"]
    assert {e.date_start for e in events} == {D(2024, 8, 30)}


@pytest.mark.parametrize("text", [
    # thaigov-v2_61760: a speech goes on, no new place
    "วันนี้ (16 พฤศจิกายน 2565) เวลา 10.00 น. ณ ศูนย์การประชุมแห่งชาติสิริกิติ์ นายกรัฐมนตรีพบหารือกับผู้แทน ABAC\n"
    "จากนั้น นายกรัฐมนตรีกล่าวขอบคุณ ABAC สำหรับรายงานที่มีข้อเสนอแนะที่สร้างสรรค์และปฏิบัติได้จริง\n",
    # thaigov-v2_88363: history told with ต่อมา
    "วันนี้ (5 มีนาคม 2567) ณ ทำเนียบรัฐบาล นายกรัฐมนตรีเป็นประธานการประชุม\n"
    "ต่อมาคณะรัฐมนตรีได้มีมติ (27 กุมภาพันธ์ 2567) เห็นชอบกรอบวงเงินการจัดสรรงบประมาณ\n",
])
def test_an_opener_without_a_time_or_a_trip_is_no_stop(text: str) -> None:
    assert len(extract_events(text)) == 1


def test_an_event_announced_for_a_later_day_is_an_event_of_its_own() -> None:
    # dev2 nnt_08: a planning meeting for the anniversary "ซึ่งจะจัดขึ้นในวันที่ 13 สิงหาคม 2564 นี้"
    text = ("สำนักประชาสัมพันธ์เขต 4 ประชุมติดตามความคืบหน้าการจัดงานครบรอบ 35 ปี\n\n"
            "วันนี้ (2 สิงหาคม 2564) เวลา 13.30 น. ณ ห้องประชุมรวมใจภักดิ์ สปข.4 นายสุริน รักษาแก้ว "
            "ผู้อำนวยการสถานีวิทยุโทรทัศน์แห่งประเทศไทย จังหวัดพิษณุโลก เป็นประธานการประชุมติดตามความคืบหน้า"
            "การจัดงานครบรอบ 35 ปี การก่อตั้งสำนักประชาสัมพันธ์เขต 4 ซึ่งจะจัดขึ้นในวันที่ 13 สิงหาคม 2564 นี้\n")
    assert [e.date_start for e in extract_events(text)] == [D(2021, 8, 2), D(2021, 8, 13)]


def test_a_holiday_season_is_no_period_event() -> None:
    # dev2 gov_12 (thaigov-v2_41795 alike): a road opened for use "ในช่วงเทศกาลสงกรานต์ ระหว่างวันที่ 9 - 19 เมษายนนี้"
    text = ("วันนี้ (7 เมษายน 2564) เวลา 10.00 น. ณ บริเวณจุดตัดกับถนนมิตรภาพ นายกรัฐมนตรีเป็นประธานพิธีเปิดทางหลวง\n"
            "โครงการพร้อมที่จะเปิดให้ประชาชนใช้งานเป็นการชั่วคราว ในช่วงเทศกาลสงกรานต์ ระหว่างวันที่ 9 - 19 เมษายนนี้\n")
    assert [e.date_start for e in extract_events(text)] == [D(2021, 4, 7)]


def test_stops_named_by_a_time_of_day_or_a_work_site(shared: Path) -> None:
    # dev thaigov-v2_71344: "จากนั้น นายกรัฐมนตรีออกเดินทางจาก... ไปยังอุโมงค์มวกเหล็ก" (a tunnel, no ณ)
    events = events_of(shared, "thaigov-v2_71344.txt")
    assert "อุโมงค์มวกเหล็ก" in [e.venue for e in events]
    # dev thaigov-v2_60514: "จากนั้น ช่วงบ่าย รองนายกรัฐมนตรีจะลงพื้นที่ติดตามโครงการ..."
    events = events_of(shared, "thaigov-v2_60514.txt")
    assert [e.date_start for e in events] == [D(2022, 10, 17), D(2022, 10, 17)]


def test_attendance_in_the_lead_counts_when_the_date_is_a_footer_line() -> None:
    # bulk thaigov-v1_26679 (shortened): the main date is taken from the closing line, the count
    # stands in the lead paragraph above it.
    text = (
        "รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-อนุทิน ขึ้นเวที TEAM KORAT ถอดบทเรียนเหตุการณ์ ส่งแรงใจ คืนรอยยิ้มให้ชาวโคราช\n\n"
        "วันอาทิตย์ที่ 23 กุมภาพันธ์ 2563\n\n"
        "รองนายกรัฐมนตรีและรัฐมนตรีว่าการกระทรวงสาธารณสุขเปิดกิจกรรม TEAM KORAT หนึ่งในกลไกเยียวยาสภาพจิตใจระยะกลาง\n"
        "นายอนุทิน ชาญวีรกูล รองนายกรัฐมนตรีและรัฐมนตรีว่าการกระทรวงสาธารณสุข เป็นประธานเปิดกิจกรรม ทีมโคราช "
        "ที่ลานกิจกรรมด้านหน้าห้างสรรพสินค้า Terminal 21 จังหวัดนครราชสีมา โดยมี นายแพทย์เกียรติภูมิ วงศ์รจิต "
        "อธิบดีกรมสุขภาพจิต ผู้บริหารจากทุกภาคส่วนและประชาชนเข้าร่วมงานกว่า 2,500 คน\n"
        "นายอนุทินกล่าวว่า จากเหตุการณ์ที่ผ่านมาทำให้เห็นถึงพลังความร่วมมือร่วมใจของเจ้าหน้าที่ตำรวจ ทหาร ข้าราชการ และประชาชน\n"
        "****************************  23 กุมภาพันธ์ 2563\n"
    )
    main = extract_events(text)[0]
    assert main.date_start == D(2020, 2, 23)
    assert (main.participants, main.participants_qualifier) == (2500, "at_least")


def test_the_chair_not_the_spokesperson_goes_along_to_a_later_stop(shared: Path) -> None:
    # dev2 gov_15: the spokesperson (อนุชา) reports first; the prime minister travels on to the university.
    events = dev2_events(shared, "gov_15.txt")
    assert events[1].venue == "มหาวิทยาลัยนราธิวาสราชนครินทร์"
    assert [o.name for o in events[1].officials] == ["ประยุทธ์ จันทร์โอชา"]


def test_ceremony_before_the_meeting(shared: Path) -> None:
    # dev2 nnt_15: "โดยก่อนการประชุมได้มีพิธีมอบเครื่องหมายรักษาดินแดนยิ่งชีพแก่ข้าราชการ ... จำนวน 3 ราย"
    events = dev2_events(shared, "nnt_15.txt")
    assert [(e.event_type, e.date_start) for e in events] == [("meeting", D(2020, 2, 27)), ("ceremony", D(2020, 2, 27))]
    assert [o.name for o in events[1].officials] == ["อารีย์ โรจน์วัฒนบูลย์", "อรุณ ดีวังพล", "คณิต คงช่วย"]


def test_no_ceremony_without_one_before_the_meeting() -> None:
    text = "วันนี้ (5 มีนาคม 2567) ณ ทำเนียบรัฐบาล นายกรัฐมนตรีเป็นประธานการประชุม ก่อนการประชุมได้หารือกับผู้ว่าราชการจังหวัด\n"
    assert len(extract_events(text)) == 1


# A further stop named by a trip verb after an opener and its subject, with no ณ/ที่ venue
# (bulk thaigov-v2_66052 and thaigov-v2_55597, shortened).
TRIP_LEAD = ("วันนี้ (13 มีนาคม 2566) เวลา 10.00 น. ณ ศาลาอเนกประสงค์พรุเฉวง จังหวัดสุราษฎร์ธานี "
             "พลเอก ประวิตร วงษ์สุวรรณ รองนายกรัฐมนตรี ลงพื้นที่ติดตามสถานการณ์น้ำท่วม\n")


@pytest.mark.parametrize("stop", [
    "ต่อจากนั้นได้ลงพื้นที่ ติดตามโครงการก่อสร้าง ระบบป้องกันน้ำท่วมพื้นที่ชุมชนบางรัก จังหวัดสุราษฎร์ธานี\n",
    "ต่อมาได้นำคณะเข้าพบหารือกับผู้ประกอบการโรงคัดบรรจุผลไม้ ดราก้อน เฟรชฟรุ๊ต อ.มะขาม จ.จันทบุรี\n",
    "จากนั้น รองนายกรัฐมนตรีและคณะได้เดินทางไปเยี่ยมชมพื้นที่ก่อสร้างอุโมงค์ส่งน้ำช่วงแม่แตง-แม่งัดฯ\n",
])
def test_a_trip_verb_after_an_opener_is_a_stop_without_a_venue(stop: str) -> None:
    events = extract_events(TRIP_LEAD + stop)
    assert [e.date_start for e in events] == [D(2023, 3, 13), D(2023, 3, 13)]
    assert events[0].venue == "ศาลาอเนกประสงค์พรุเฉวง"
    assert [o.name for o in events[1].officials] == ["ประวิตร วงษ์สุวรรณ"]


@pytest.mark.parametrize("tail", [
    # bulk thaigov-v2_85117: the trip is spoken of, not made
    "จากนั้น นายกฯ กล่าวถึงการลงพื้นที่จังหวัดร้อยเอ็ดครั้งนี้มีจุดประสงค์เพื่อดูแลเรื่องยาเสพติด\n",
    # bulk thaigov-v2_84533: a plan of the relay, not a stop of this report
    "จากนั้นจะเคลื่อนขบวนเพื่อเดินทางไปยังอำเภอเมืองเพชรบูรณ์ ต่อไป\n",
    # walking round the same site is no trip (bulk thaigov-v2_87633)
    "จากนั้น รองนายกรัฐมนตรีตรวจเยี่ยมโรงครัว พบปะประชาชน และมอบถุงยังชีพ จำนวน 200 ชุด\n",
])
def test_no_stop_where_the_trip_is_spoken_of_planned_or_on_the_same_site(tail: str) -> None:
    assert len(extract_events(TRIP_LEAD + tail)) == 1


@pytest.mark.parametrize("stop", [
    # silver gov sg_22 (bulk thaigov release, shortened): a second site of the same day's trip
    "นอกจากนี้ นายกรัฐมนตรีและคณะ ได้ลงพื้นที่โครงการก่อสร้างรถไฟความเร็วสูงไทย - จีน ระยะที่ 1 "
    "สัญญาที่ 3-2 งานอุโมงค์มวกเหล็กและลำตะคอง ณ อุโมงค์มวกเหล็ก ซึ่งมีระยะทางรวม 250.77 กิโลเมตร\n",
    # bulk thaigov-v1_11659
    "นอกจากนี้ ได้เดินทางไปร่วมพิธีเปิด \"มหกรรมวิทย์สร้างอาชีพ ยกระดับภูมิภาค\" ของกระทรวงวิทยาศาสตร์และเทคโนโลยี อีกด้วย\n",
])
def test_a_trip_after_nok_jak_nee_is_a_further_stop(stop: str) -> None:
    events = extract_events(TRIP_LEAD + "ทั้งนี้ ได้มอบถุงยังชีพให้แก่ผู้ประสบภัย\n" + stop)
    assert [e.date_start for e in events] == [D(2023, 3, 13), D(2023, 3, 13)]
    assert events[0].venue == "ศาลาอเนกประสงค์พรุเฉวง"
    assert [o.name for o in events[1].officials][:1] == ["ประวิตร วงษ์สุวรรณ"]


@pytest.mark.parametrize("tail", [
    # bulk: staff sent, not a trip of the report's actor
    "นอกจากนี้ ยังได้ส่งเจ้าหน้าที่กรมชลประทานและกรมทรัพยากรน้ำลงพื้นที่ให้คำแนะนำด้านเทคนิค\n",
    # bulk thaigov-v2_96681: a relative clause about the main event's chair
    "นอกจากนี้ นายพรหมินทร์ เลิศสุริย์เดช เลขาธิการนายกรัฐมนตรี ซึ่งเดินทางมาเป็นประธานในพิธีเปิดโครงการดังกล่าว "
    "ได้เน้นย้ำถึงความสำคัญของกลไกการประสานงาน\n",
    # an addition with no trip at all
    "นอกจากนี้ รองนายกรัฐมนตรียังได้มอบนโยบายให้จังหวัดเร่งซ่อมแซมถนนที่เสียหาย\n",
])
def test_nok_jak_nee_without_a_trip_of_the_actor_is_no_stop(tail: str) -> None:
    assert len(extract_events(TRIP_LEAD + tail)) == 1


def test_nok_jak_nee_to_a_building_stays_on_the_site(shared: Path) -> None:
    # "นอกจากนี้ได้ลงพื้นที่ตรวจเยี่ยมชมผลงานศิลปกรรมของสำนักช่างสิบหมู่ ณ อาคารศูนย์ศิลปะการช่างไทย": the works
    # shown in a building of the office visited are the same visit (gold: one event, 7 Aug 2024).
    events = events_of(shared, "thaigov-v2_86883.txt")
    assert [e.date_start for e in events] == [D(2024, 8, 7)]


def test_an_opening_written_with_its_range_is_a_one_day_event_and_the_period_its_own() -> None:
    # bulk thaigov-v1_882 (shortened): the opening of a four-day fair, dated only by the fair's range
    text = ("รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-เกษตรฯ เปิดงานวันอาหารโลก ประจำปี 2559\n\n"
            "พลเอกฉัตรชัย สาริกัลยะ รัฐมนตรีว่าการกระทรวงเกษตรและสหกรณ์ เปิดเผยภายหลังเป็นประธานพิธีเปิดงาน"
            "วันอาหารโลก ประจำปี 2559 ซึ่งจัดขึ้นในระหว่างวันที่ 24-27 พ.ย.2559 ณ ศูนย์การค้าเซ็นทรัลพลาซา "
            "แจ้งวัฒนะ ว่า องค์การอาหารและเกษตรแห่งสหประชาชาติกำหนดให้วันที่ 16 ตุลาคมของทุกปีเป็นวันอาหารโลก\n")
    events = extract_events(text)
    assert [(e.date_start, e.date_end) for e in events] == [(D(2016, 11, 24), D(2016, 11, 24)),
                                                          (D(2016, 11, 24), D(2016, 11, 27))]
    assert events[1].venue == events[0].venue


@pytest.mark.parametrize("lead", [
    # the whole seminar is reported, nobody opens it (bulk thaigov-v2_47736 alike)
    "ระหว่างวันที่ 27-28 ตุลาคม 2564 เลขาธิการ คปภ. พร้อมคณะผู้แทนได้เข้าร่วมการประชุมสัมมนาประกันภัย ณ โรงแรมเซ็นทารา\n",
    # an opening to come is a plan, the range stays the event's (bulk thaigov-v2_84332 alike)
    "นายกรัฐมนตรีจะเป็นประธานเปิดงาน JOB EXPO THAILAND 2024 มหกรรมหางาน ระหว่างวันที่ 28 – 30 มิถุนายน 2567 ณ ศูนย์ประชุม\n",
])
def test_a_range_not_opened_stays_one_event(lead: str) -> None:
    events = extract_events(lead)
    assert len(events) == 1 and events[0].date_end > events[0].date_start


def test_two_sites_of_one_visit_named_together_are_two_events(shared: Path) -> None:
    # dev2 gov_02: "ลงพื้นที่ติดตาม... ที่โรงเรียนมาลาอีสงเคราะห์ อำเภอลาดบัวหลวง และโรงเรียนเจ้าฟ้าสร้าง อำเภอบางปะอิน"
    events = dev2_events(shared, "gov_02.txt")
    assert [(e.date_start, e.venue, e.province) for e in events] == [
        (D(2016, 12, 11), "โรงเรียนมาลาอีสงเคราะห์", "พระนครศรีอยุธยา"),
        (D(2016, 12, 11), "โรงเรียนเจ้าฟ้าสร้าง", "พระนครศรีอยุธยา"),
    ]


def test_two_sites_named_together_outside_a_visit_are_no_second_event() -> None:
    # bulk thaigov-v1_32637 alike: where a service is given, not where anyone went
    text = ("วันนี้ (22 มิถุนายน 2563) ณ ศาลากลางจังหวัดพังงา ผู้ว่าราชการจังหวัดพังงาแถลงข่าวสถานการณ์โควิด-19 "
            "โดยมีห้องปฏิบัติการตรวจวิเคราะห์เชื้อไวรัสอยู่ที่โรงพยาบาลพังงา และโรงพยาบาลตะกั่วป่า\n")
    assert len(extract_events(text)) == 1


def test_a_visit_to_two_temples_named_together() -> None:
    # bulk thaigov-v2_60241 (shortened)
    text = ("วันนี้ (7 ตุลาคม 2565) นายกรัฐมนตรี พร้อมด้วยรัฐมนตรีว่าการกระทรวงศึกษาธิการ "
            "เยี่ยมให้กำลังใจครอบครัวผู้เสียชีวิต ณ วัดเทพมงคลพิชัย ตำบลด่านช้าง และวัดศรีอุทัย ตำบลอุทัยสวรรค์ "
            "อำเภอนากลาง จังหวัดหนองบัวลำภู\n")
    events = extract_events(text)
    assert [e.venue for e in events] == ["วัดเทพมงคลพิชัย", "วัดศรีอุทัย"]
    assert {e.date_start for e in events} == {D(2022, 10, 7)}


def test_a_second_activity_at_a_second_place_in_the_lead_sentence() -> None:
    # bulk thaigov-v2_71926 (shortened): "... ณ เทศบาลตำบลพรหมโลก ... และเยี่ยมชมจุดรับซื้อมังคุด ณ สหกรณ์..."
    text = ("วันนี้ (2 กันยายน 2566) ร้อยเอก ธรรมนัส พรหมเผ่า รัฐมนตรีว่าการกระทรวงเกษตรและสหกรณ์ "
            "ลงพื้นที่ติดตามสถานการณ์การผลิตสินค้าเกษตร ณ เทศบาลตำบลพรหมโลก ตำบลพรหมโลก อำเภอพรหมคีรี "
            "จังหวัดนครศรีธรรมราช และเยี่ยมชมจุดรับซื้อมังคุด ณ สหกรณ์กองทุนสวนยางบ้านวังลุง จำกัด\n")
    events = extract_events(text)
    assert [(e.date_start, e.venue) for e in events] == [(D(2023, 9, 2), "เทศบาลตำบลพรหมโลก"),
                                                         (D(2023, 9, 2), "สหกรณ์กองทุนสวนยางบ้านวังลุง")]
    assert events[1].province == "นครศรีธรรมราช"


def test_a_second_activity_at_the_same_place_is_no_second_event() -> None:
    text = ("วันนี้ (2 กันยายน 2566) ผู้ว่าราชการจังหวัดเป็นประธานการประชุม ณ ห้องประชุมศาลากลางจังหวัดตรัง "
            "และมอบนโยบายแก่ข้าราชการ ณ ห้องประชุมศาลากลางจังหวัดตรัง\n")
    assert len(extract_events(text)) == 1


def test_each_day_of_a_programme_written_on_its_own_line_is_an_event() -> None:
    # bulk thaigov-v1_486 (shortened): the prime minister's week at the UN, a line per day
    text = ("วันนี้ (18 กันยายน 2559) เวลา 15.00 น. ณ โรงแรมเดอะ เพนนินซูล่า นครนิวยอร์ก "
            "พลเอก ประยุทธ์ จันทร์โอชา นายกรัฐมนตรี พบหารือกับนักธุรกิจสหรัฐอเมริกา\n"
            "วันอังคารที่ 20 กันยายน 2559 เวลา 08.00 น. นายกรัฐมนตรีและภริยา เข้าร่วมงาน Welcoming Reception "
            "โดยเลขาธิการสหประชาชาติและภริยาเป็นเจ้าภาพ\n"
            "วันศุกร์ที่ 23 กันยายน 2559 เวลา 10.00 น. เป็นประธานการประชุม G-77 Ministerial Meeting "
            "โดยนายกรัฐมนตรีกล่าวเปิดประชุม\n")
    events = extract_events(text)
    assert [(e.date_start, e.time_start) for e in events] == [
        (D(2016, 9, 18), "15:00"), (D(2016, 9, 20), "08:00"), (D(2016, 9, 23), "10:00")]


@pytest.mark.parametrize("line", [
    # a timeline of a patient (bulk thaigov-v2_41241 alike): written "- วันที่ ..."
    "- วันที่ 17 เมษายน 2564 เวลา 12.30 น. นายสมชาย ใจดี พนักงานขับรถโดยสาร มีไข้และเดินทางไปพบแพทย์\n",
    # a road closure (bulk thaigov-v1_7905): no actor
    "วันพฤหัสบดีที่ 20 เมษายน 2564 เวลา 08.00 - 22.00 น. เบี่ยงการจราจร บริเวณ กม. 7+200 ขาเข้า\n",
])
def test_a_dated_line_without_an_actor_is_no_event(line: str) -> None:
    text = ("วันนี้ (18 เมษายน 2564) เวลา 10.00 น. ณ ทำเนียบรัฐบาล นายกรัฐมนตรีเป็นประธานการประชุม "
            "ศูนย์บริหารสถานการณ์โควิด-19\n" + line)
    assert len(extract_events(text)) == 1


SIGN_LEAD = ("วันนี้ (25 ส.ค.2560) ณ โรงแรมโซฟิเทล พนมเปญ โพคีธารา พลเอก อนุพงษ์ เผ่าจินดา รัฐมนตรีว่าการกระทรวงมหาดไทย "
             "เป็นประธานการประชุมคณะผู้ว่าราชการจังหวัดชายแดนไทย-กัมพูชา\n")


@pytest.mark.parametrize("tail", [
    # bulk thaigov-v1_6235 (dev2 gov_04)
    "ในโอกาสนี้ ได้มีพิธีลงนามบันทึกการประชุมคณะผู้ว่าราชการจังหวัดชายแดนไทย-กัมพูชา\n",
    # bulk thaigov-v2_82235 (silver gov sg_23)
    "ผู้สื่อข่าวรายงานว่า ภายหลังการประชุม ยังได้มีการลงนามระหว่าง นายสมบูรณ์ นิรุตติเมธี กับตัวแทนหมู่บ้าน\n",
    # bulk thaigov-v2_58958
    "ภายหลังการประชุมฯ ประธานร่วมฝ่ายไทยและฝ่ายออสเตรเลีย ได้ลงนามในเอกสารถ้อยแถลงร่วม (Joint Statement)\n",
])
def test_a_signing_on_the_occasion_of_a_meeting_is_an_event_of_its_own(tail: str) -> None:
    events = extract_events(SIGN_LEAD + tail)
    assert len(events) == 2 and events[0].venue and events[0].date_start == D(2017, 8, 25)
    assert (events[1].event_type, events[1].date_start, events[1].venue) == ("signing", D(2017, 8, 25), events[0].venue)
    assert events[1].officials[0].name == "อนุพงษ์ เผ่าจินดา"


@pytest.mark.parametrize("tail", [
    # bulk thaigov-v1_27998: speech about a decree signed earlier
    "ภายหลังการประชุมนายจุรินทร์ กล่าวว่า ภายหลังจากที่ได้ลงนามในประกาศห้ามส่งออกไข่ไก่\n",
    # bulk thaigov-v2_89576: a visitors' book
    "หลังเสร็จสิ้นการประชุม รองนายกรัฐมนตรี ได้ลงนามในสมุดตรวจเยี่ยม และพบปะสื่อมวลชน\n",
    # bulk thaigov-v1_4841: the public invited to sign a pledge
    "ในโอกาสนี้ ขอเชิญชวนประชาชนร่วมลงนามปฏิญาณตนงดเหล้าเข้าพรรษา\n",
    # bulk thaigov-v2_88903: a request that a deal be signed
    "ในโอกาสเดียวกันนี้ IFAD ได้ร้องขอให้มีการลงนามเอกสารข้อตกลง HCA\n",
])
def test_no_signing_event_from_speech_a_visitors_book_or_a_request(tail: str) -> None:
    assert len(extract_events(SIGN_LEAD + tail)) == 1
