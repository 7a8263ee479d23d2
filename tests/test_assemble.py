"""assemble: from every extractor's findings to the article's events, with the evidence of
each value. Findings are built from real Thai text; the choices are checked exactly."""

from __future__ import annotations

import datetime as dt

from extract.assemble import Found, build_events, choose_date, choose_venue
from extract.clean import Cleaned, clean
from extract.dates import find_dates, find_times
from extract.places import find_places
from extract.records import Count, Mention, Official

TEXT = ("ตามมติคณะรัฐมนตรีเมื่อวันที่ 3 มกราคม 2566 ให้จัดงานวันเด็ก\n"
        "วันนี้ (16 มีนาคม 2566) เวลา 09.00 น. ณ ห้องประชุมบางแก้ว ศาลากลางจังหวัดชลบุรี "
        "นายสมชาย ใจดี ผู้ว่าราชการจังหวัดชลบุรี เป็นประธาน มีผู้เข้าร่วมประมาณ 300 คน")
NO_HEADER = Cleaned(TEXT, None, None, None, None, 0)


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def test_the_cued_day_wins_over_a_cabinet_resolution_date() -> None:
    dates, times = find_dates(TEXT), find_times(TEXT)
    assert [d.date_start for d in dates] == [dt.date(2023, 1, 3), dt.date(2023, 3, 16)]
    choice = choose_date(dates, times, TEXT, NO_HEADER)
    assert choice.date.date_start == dt.date(2023, 3, 16) and choice.date.text == "16 มีนาคม 2566"
    assert choice.time.time_start == "09:00"


def test_today_without_a_day_is_the_page_date() -> None:
    page = ("รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-นายกฯ เปิดงานวันเด็กแห่งชาติ\nวันพฤหัสบดีที่ 8 สิงหาคม 2567\n"
            "เมื่อเวลา 09.00 น. นายกรัฐมนตรีเป็นประธานเปิดงานวันเด็กแห่งชาติ ณ ทำเนียบรัฐบาล")
    cleaned = clean(page)
    body = cleaned.text
    choice = choose_date(find_dates(body, cleaned.published), find_times(body), body, cleaned)
    assert (choice.date.date_start, choice.date.method, choice.date.confidence) == (dt.date(2024, 8, 8), "page-date", 0.7)
    assert choice.time.time_start == "09:00"


def test_a_confident_venue_near_the_date_is_the_events() -> None:
    date = choose_date(find_dates(TEXT), find_times(TEXT), TEXT, NO_HEADER).date
    weak = Mention("venue", "สำนักงาน", "สำนักงาน", 5, 13, confidence=0.5)
    s, e = _span(TEXT, "ห้องประชุมบางแก้ว")
    room = Mention("venue", "ห้องประชุมบางแก้ว", "ห้องประชุมบางแก้ว", s, e, confidence=0.9)
    assert choose_venue([weak, room], date, 0) is room
    assert choose_venue([weak], date, 0) is None  # below MIN_VENUE_CONFIDENCE: no venue at all


def test_the_main_event_takes_each_value_with_its_evidence() -> None:
    s, e = _span(TEXT, "นายสมชาย ใจดี")
    chair = Official("สมชาย ใจดี", "นาย", "ผู้ว่าราชการจังหวัดชลบุรี", "chair", s, e)
    cs, ce = _span(TEXT, "ประมาณ 300 คน")
    found = Found(dates=find_dates(TEXT), times=find_times(TEXT), places=find_places(TEXT), officials=[chair],
                  counts=[Count("ประมาณ 300 คน", 300, "approx", cs, ce)])
    [main] = build_events(TEXT, NO_HEADER, found)
    assert (main.event_index, main.date_start, main.date_end, main.time_start) == (0, dt.date(2023, 3, 16),
                                                                                  dt.date(2023, 3, 16), "09:00")
    assert main.venue == "ห้องประชุมบางแก้ว ศาลากลางจังหวัดชลบุรี"
    assert (main.province, main.province_code, main.online) == ("ชลบุรี", "TH-20", False)
    assert (main.participants, main.participants_qualifier) == (300, "approx")
    assert main.officials == [chair]
    assert [ev["field"] for ev in main.evidence] == ["date", "time", "venue", "province", "participants", "official"]
    for ev in main.evidence:
        assert TEXT[ev["start"] : ev["end"]] == ev["text"]
    assert main.evidence[-1]["text"] == "นายสมชาย ใจดี"


def test_found_says_every_finding_as_mention_rows() -> None:
    s, e = _span(TEXT, "นายสมชาย ใจดี")
    ps, pe = _span(TEXT, "ผู้ว่าราชการจังหวัดชลบุรี")
    chair = Official("สมชาย ใจดี", "นาย", "ผู้ว่าราชการจังหวัดชลบุรี", "chair", s, e, ps, pe)
    found = Found(dates=find_dates(TEXT), times=find_times(TEXT), officials=[chair])
    rows = [(m.kind, m.value, TEXT[m.start : m.end]) for m in found.mentions()]
    assert rows == [
        ("date", "2023-01-03", "3 มกราคม 2566"),
        ("date", "2023-03-16", "16 มีนาคม 2566"),
        ("time", "09:00", "09.00 น."),
        ("person", "นายสมชาย ใจดี", "นายสมชาย ใจดี"),
        ("position", "ผู้ว่าราชการจังหวัดชลบุรี", "ผู้ว่าราชการจังหวัดชลบุรี"),
    ]
