"""normalise: what a reader would not see is dropped or composed, and every span maps back
to the exact characters of the source."""

from __future__ import annotations

from extract.normalise import normalise


def test_thai_digits_and_no_break_spaces_change_one_for_one() -> None:
    n = normalise("วันที่ ๑๖ มีนาคม ๒๕๖๖ จำนวน\u00a0๑,๒๐๐ คน")
    assert n.text == "วันที่ 16 มีนาคม 2566 จำนวน 1,200 คน"
    assert n.starts is None  # no map needed: offsets are the source's
    assert n.span(7, 9) == (7, 9)


def test_a_zero_width_space_is_dropped_and_spans_map_past_it() -> None:
    source = "นาย\u200bสมชาย ใจดี"
    n = normalise(source)
    assert n.text == "นายสมชาย ใจดี"
    s, e = n.span(3, 8)
    assert (s, e) == (4, 9) and source[s:e] == "สมชาย"
    assert n.span(0, len(n.text)) == (0, len(source))


def test_a_decomposed_sara_am_is_composed_with_its_tone_mark_first() -> None:
    source = "น\u0e4d\u0e49\u0e32ท่วม"  # nikhahit, mai tho, sara aa: "น้ำ" typed in three keys
    n = normalise(source)
    assert n.text == "น\u0e49\u0e33ท่วม" == "น้ำท่วม"
    assert n.span(0, 3) == (0, 4)  # น้ำ covers the four source characters
    assert n.span(3, 7) == (4, 8) and source[4:8] == "ท่วม"


def test_a_latin_letter_and_its_combining_accent_become_one_character() -> None:
    source = "Cafe\u0301 ๑๐\u00a0คน"
    n = normalise(source)
    assert n.text == "Café 10 คน"
    assert n.span(0, 4) == (0, 5) and source[0:5] == "Cafe\u0301"


def test_a_span_at_the_end_maps_to_the_end() -> None:
    source = "ประชุม\u200b"
    n = normalise(source)
    assert n.text == "ประชุม"
    assert n.span(6, 6) == (7, 7) == (len(source), len(source))
