"""clean: boilerplate blanked in place (same length, same offsets), the title and the page
date read from the header, page furniture and a repeated title blanked."""

from __future__ import annotations

import datetime as dt

from extract.clean import clean, mask_boilerplate

PAGE = ("รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-นายกฯ เปิดงานวันเด็กแห่งชาติ\n"
        "วันพฤหัสบดีที่ 8 สิงหาคม 2567\n"
        "16/08/2566\n"
        "พิมพ์\n"
        "นายกฯ เปิดงานวันเด็กแห่งชาติ\n"
        "วันนี้ (8 ส.ค. 67) เวลา 09.00 น. ณ ทำเนียบรัฐบาล\n"
        "มีผู้อ่านข่าวนี้แล้ว 25 ครั้ง\n"
        "จบข่าว")


def test_title_and_page_date_come_from_the_header() -> None:
    c = clean(PAGE)
    assert c.title == "นายกฯ เปิดงานวันเด็กแห่งชาติ"  # the site prefix is not part of it
    assert PAGE[c.title_span[0] : c.title_span[1]] == c.title and c.title_span == (28, 56)
    assert c.published == dt.date(2024, 8, 8)
    assert PAGE[c.published_span[0] : c.published_span[1]] == "8 สิงหาคม 2567"
    assert c.body_start == PAGE.index("\n16/08/2566")


def test_furniture_repeated_title_and_reader_counter_are_blanked_in_place() -> None:
    c = clean(PAGE)
    assert len(c.text) == len(PAGE)
    lines = c.text.split("\n")
    assert [line.strip() for line in lines[2:5]] == ["", "", ""]  # 16/08/2566, พิมพ์, the title again
    assert lines[5] == "วันนี้ (8 ส.ค. 67) เวลา 09.00 น. ณ ทำเนียบรัฐบาล"
    assert lines[6].strip() == "" and len(lines[6]) == len("มีผู้อ่านข่าวนี้แล้ว 25 ครั้ง")
    assert lines[7] == "จบข่าว"


def test_a_date_inside_a_sentence_is_no_page_date() -> None:
    text = "ผู้ว่าฯ ตรวจน้ำท่วม\nเมื่อวันที่ 16 มีนาคม 2566 ผู้ว่าราชการจังหวัดชลบุรีลงพื้นที่ตรวจน้ำท่วมอำเภอบางละมุง\nเนื้อข่าว"
    c = clean(text)
    assert c.title == "ผู้ว่าฯ ตรวจน้ำท่วม"
    assert c.published is None and c.published_span is None
    assert c.body_start == text.index("\n")


def test_text_without_boilerplate_is_returned_unchanged() -> None:
    text = "วันนี้ (16 มี.ค. 66) เวลา 09.00 น. ณ ห้องประชุมบางแก้ว"
    assert mask_boilerplate(text) is text
