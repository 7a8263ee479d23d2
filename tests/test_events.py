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
