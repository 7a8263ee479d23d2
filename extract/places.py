"""Places: the venue as written, the province, online and abroad cues.

``find_places(text)`` returns every candidate in text order with a confidence; the
assembler picks one venue per event, and ``event_province`` ranks the provinces.

Example::

    >>> p = find_places("วันนี้ ณ ห้องประชุม ทัพพระยา ศาลาว่าการเมืองพัทยา จังหวัดชลบุรี โดยมี นายก")
    >>> p.venues[0].value, p.provinces[0].value
    ('ห้องประชุม ทัพพระยา ศาลาว่าการเมืองพัทยา', 'ชลบุรี')

Confidence of a province mention says how strongly it places the event:
  0.95  inside a venue or in the place words right after it ("ณ ... อำเภอเมือง จังหวัดภูเก็ต")
  0.85  right after a place cue: ณ, ที่, ลงพื้นที่, ในพื้นที่, เยือน ("ณ จังหวัดสระบุรี")
  0.7   standing alone ("จ.ตรัง", a dateline "นครปฐม-เปิดการประชุม")
  0.45  glued into an office's or an official's name (patterns/province_offices.txt:
        "ผู้ว่าราชการจังหวัดชลบุรี", "สำนักงานพาณิชย์จังหวัดสระแก้ว", "เทศบาลตำบลบัลลังก์")
  0.4   glued to another word before ("ในจังหวัดสมุทรสาคร", "ชาวจังหวัดอุดรธานี"): weak evidence.
Bare names and aliases (no จังหวัด/จ.) count only as whole words and lose 0.1, unless they
are a venue's place words. Without a venue that places it, the event's province is the strongest
mention of at least 0.5 (``MIN_EVENT_PROVINCE``); with none, the province most named in
officials' positions and offices (0.45), if one is named more often than any other.
Road names ("ถนนวิภาวดีรังสิต") and เขต + a name that is no Bangkok district ("เขตท่าเรือ",
a port zone) place nothing.
``method`` says how the name was resolved: gazetteer (province name or alias),
district (a district/subdistrict name unique nationwide), city (พัทยา, หัวหิน),
venue (a national venue or a ministry's head office named in the venue).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

import ahocorasick

from extract import lexicons
from extract.lexicons import province_forms
from extract.records import Mention
from extract.thai import COMBINING_RE, LETTER, LETTER_RE, alternation

from .tuning import MAX_PENDING_CHUNKS, MAX_VENUE_CHUNKS, MIN_EVENT_PROVINCE, OFFICE_PROVINCE

# Zero-width spaces (U+200B) separate words in many web pages: they count as spaces.
_CHUNK = re.compile(r"\([^()\n]*\)|[^\s\u200b(]+(?:\([^()\n]*\))?|\(")
_MARKERS = {  # marker word -> kind of name after it
    "จังหวัด": "province",
    "จ.": "province",
    "อำเภอ": "district",
    "อ.": "district",
    "เขต": "district",
    "ตำบล": "subdistrict",
    "ต.": "subdistrict",
    "แขวง": "subdistrict",
}
_MARKER_RE = re.compile("|".join(re.escape(m) for m in sorted(_MARKERS, key=len, reverse=True)))
# Visits: the place a trip goes to is named right after the verb ("เดินทางไปตรวจเยี่ยมโรงพยาบาล...").
# A work being followed names the place after it: "ตรวจเยี่ยมการก่อสร้างโรงพยาบาล...".
_WORK = r"(?:ความคืบหน้า)?การ(?:ก่อสร้าง|ซ่อมแซม|ปรับปรุง)"
# "เดินทางมาที่/มายัง/มาถึง" as news writes a visit; a bare "เดินทางมา<place>" is mostly a
# commuter or a tourist ("ผู้ป่วยที่เดินทางมาโรงพยาบาล").
_VISIT = (r"(?:(?:เดินทาง(?:ต่อ)?|เสด็จ(?:พระราชดำเนิน)?)(?:ไป(?:ถึง)?(?:ยัง|ที่)?|มา(?:ถึง(?:ยัง|ที่)?|ยัง|ที่))"
          r"|ตรวจเยี่ยม|เยี่ยมชม"
          r"|ลงพื้นที่(?:ไป(?:ยัง|ที่)?|ตรวจ(?:เยี่ยม|ราชการ|ติดตาม)?|ติดตาม(?:งาน)?)?)"
          rf"(?:{_WORK})?|(?:ตรวจ)?ติดตาม{_WORK}")
# News places without ณ/ที่: in front of or around a building ("หน้ากระทรวง...", "บริเวณด้านหน้า สน.").
_FRONT = r"บริเวณ\s?(?:ด้าน)?(?:หน้า|หลัง|ข้าง|รอบ|ริม)|(?:ด้าน)?หน้า"
# A court holding a hearing is where it is held, as news writes it without ณ/ที่: "เวลา 13.30 น.
# ศาลจังหวัดเพชรบุรีนัดนาย...", "ศาลจังหวัดขอนแก่นเลื่อนอ่านคำพิพากษา". Only hearing verbs: a verdict
# (พิพากษา, มีคำสั่ง) is as often reported long after, from elsewhere. News puts a space before the
# verb and sets the date first: "ศาลจังหวัดกาญจนบุรี นัดไต่สวน", "ศาลรัฐธรรมนูญ กำหนดนัดอ่านคำวินิจฉัย".
_COURT = (r"(?<![^\s\u200b])ศาล(?:จังหวัด|อาญา|แพ่ง|ปกครอง|แขวง|ฎีกา|อุทธรณ์|รัฐธรรมนูญ|เยาวชน|ทหาร|แรงงาน)[ก-๙]{0,30}?"
          r"(?=\s?(?:ได้)?(?:กำหนด)?(?:นัด|เรียก|ไต่สวน|สืบพยาน|อ่านคำ(?:พิพากษา|วินิจฉัย)|เลื่อนอ่าน|เลื่อนนัด))")
_COURT_RE = re.compile(_COURT)
_TRIGGERS = re.compile(
    rf"{_COURT}|ส่งสัญญาณ(?:ออกอากาศ)?จาก|จัดขึ้น\s*(?:ณ|ที่)|ณ(?:\s*ที่(?!ว่าการ|ทำการ|พัก))?"
    rf"|{_VISIT}|ห้องพิจารณา|{_FRONT}|ที่|บริเวณ"
)
_VISIT_RE = re.compile(_VISIT)
# After a head word, these glued words make it a kind of place or one already named, not a
# place's name: "ตรวจเยี่ยมภายในโรงพยาบาลที่รับผู้ป่วยนอก", "เยี่ยมชมการดำเนินงานของศูนย์ดังกล่าว".
_NOT_A_NAME = re.compile(r"ที่(?:มี|ได้|จะ|เป็น|รับ|อยู่|ให้|ใช้)|ซึ่ง|ของ|และ|ต่าง|ใน|ดังกล่าว|แห่งนี้|นี้|นั้น")
_FRONT_RE = re.compile(_FRONT)
# ที่ opening an office's head word, which the ที่ trigger would split ("ที่ว่าการอำเภอจะแนะ"); only
# with the office named after it: "ที่ทำการตรวจยึด", "ที่ว่าการดำเนินการ" are ที่ + a verb.
_OFFICE_AT = re.compile(
    r"ที่ว่าการ(?:กิ่ง)?(?:อำเภอ|เขต)|ที่ทำการ\s?(?:ไปรษณีย์|ปกครอง|กำนัน|ผู้ใหญ่บ้าน|พรรค|องค์การบริหาร|อบต|เทศบาล"
    r"|มูลนิธิ|สมาคม|ชมรม|สหกรณ์|สหภาพ|อุทยาน|หน่วย|สำนักงาน|กลุ่ม|เครือข่าย)"
)
# Nouns ending in ที่ ("area", "place", "duty", "officer") and "ตามที่" (as proposed by),
# "ได้ที่" (contact ... at): their ที่ is no venue.
_NOT_AT = ("พื้น", "สถาน", "หน้า", "ผู้", "ครั้ง", "ตาม", "ได้", "ได้ ")
_PLACE_CUES = re.compile(r"(?:ณ|ที่|ลงพื้นที่|ในพื้นที่|พื้นที่|เยือน|เดินทางไป(?:ยัง)?|ส่งสัญญาณจาก|จัดขึ้น(?:ณ|ที่)?)\s*$")
_FOREIGN_PREFIX = re.compile(
    r"(?:ประเทศ|สาธารณรัฐ(?:ประชาชน|สังคมนิยม|ประชาธิปไตยประชาชน)?|ราชอาณาจักร|สหพันธรัฐ|กรุง|นคร|เมือง)?"
)
_FOREIGN_PREFIX_BEFORE = re.compile(r"(?:ประเทศ|สาธารณรัฐ\S*|ราชอาณาจักร|สหพันธรัฐ|กรุง|นคร|เมือง)$")
_DATE_PAREN = re.compile(r"\(\s*\d")
# After a leading vowel จ. is an initial of a name, not จังหวัด: "โรงแรม เจ.บี.หาดใหญ่".
_GLUED_JOR = re.compile(rf"(?<=[{LETTER}])(?<![เแโใไ])จ\.")
# A parenthesis that dates or times the event ends a venue ("(25 เม.ย. 63)", "(วันที่ 5)");
# one with a number inside a name does not ("โคโรนา 2019 (โควิด-19) (ศบค.)").
_DATE_IN_PAREN = re.compile(r"\(\s*(?:\d|วันที่|วัน|เวลา|ระหว่าง|ตั้งแต่)|\d\s*(?:น\.|[ก-ฮ]\.[ก-ฮ]\.|มกรา|กุมภา|มีนา|เมษา|พฤษภา|มิถุนา|กรกฎา|สิงหา|กันยา|ตุลา|พฤศจิกา|ธันวา)")
# A later chunk with a verb glued into it is the subject of the next clause, not more of the
# venue's name: "...หน้าศาลากลางจังหวัดชัยนาท ศูนย์ปรองดอง...ได้จัดโครงการ", "...ทำเนียบรัฐบาล
# สำนักงานพระพุทธศาสนาแห่งชาติได้รายงาน" ("รายได้" is a noun).
_SUBJECT_VERB = re.compile(rf"(?<=[{LETTER}])(?<!ราย)(?:ได้|จึง)")
# A monument's head takes the royal name after it, although a royal title opens a clause
# elsewhere: "ลานด้านหน้าพระบรมราชานุสาวรีย์ พระบาทสมเด็จพระจุลจอมเกล้าเจ้าอยู่หัว ตึกบัญชาการ".
_MONUMENTS = ("นุสาวรีย์", "พระบรมรูป", "พระรูป")  # อนุสาวรีย์, พระบรมราชานุสาวรีย์
_ROYAL = ("พระบาทสมเด็จ", "สมเด็จ", "พระ", "รัชกาล")
_NUMBER = re.compile(r"[\d/.-]+")
_ALL_NUMBER = re.compile(r"ทั้ง\s*\d|(?<!\d)\d+\s*แห่ง")  # "ทั้ง 3 แห่ง", "โรงเรียนคุณธรรม 2แห่ง"
_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux-]+[:)]")
_SPACES = re.compile(r"(?:[^\S\n]|\u200b)*")  # spaces, zero-width ones included, up to a line break
_TRAIL = ".,:;\"'“”‘’"


@dataclass(frozen=True, slots=True)
class Places:
    """Candidates in text order: ``venues`` (kind venue, value = the venue text; method says
    what introduced it: "rule" ณ/ที่/บริเวณ/a courtroom, "visit" a visit verb
    ("เดินทางไปตรวจเยี่ยม<place>", a trip's stop), "front" a news place in front of or around a
    building, "dateline" a news dateline), ``provinces`` (kind province, value = Thai province name), ``online`` (kind online,
    value = platform), ``abroad`` (kind abroad, value = a foreign country or city given
    as the place of the event)."""

    venues: list[Mention]
    provinces: list[Mention]
    online: list[Mention]
    abroad: list[Mention]


@dataclass(frozen=True, slots=True)
class _Venue:
    start: int
    end: int
    tail_end: int  # end of the place words after the venue (อำเภอ..., จังหวัด...)
    confidence: float
    how: str = "rule"  # what introduced it: rule (ณ/ที่/บริเวณ...), visit, front, dateline


# ---------------------------------------------------------------- lexicons


@cache
def _places() -> dict[str, dict[str, str]]:
    """kind (district, subdistrict, city, venue) -> name -> province."""
    out: dict[str, dict[str, str]] = {"district": {}, "subdistrict": {}, "city": {}, "venue": {}}
    for name, province, kind in lexicons.columns("places.csv", "name", "province", "kind"):
        out[kind][name] = province
    for name, province, kind in lexicons.columns("known_places.csv", "name", "province", "kind"):
        out[kind][name] = province
        if kind == "venue" and name.startswith("สถานี") and not name.startswith(("สถานีรถไฟ", "สถานีกลาง")):
            for prefix in _RAIL_PREFIXES:  # "สถานีสุทธิสาร" is also "สถานีรถไฟฟ้าใต้ดินสุทธิสาร"
                out[kind][prefix + name.removeprefix("สถานี")] = province
    return out


# How news writes a rail station before its name (patterns/known_places.csv lists "สถานี<name>").
_RAIL_PREFIXES = (
    "สถานีรถไฟฟ้า", "สถานีรถไฟฟ้าบีทีเอส", "สถานีรถไฟฟ้าใต้ดิน", "สถานีรถไฟฟ้ามหานคร", "สถานีรถไฟฟ้าเอ็มอาร์ที",
    "สถานีรถไฟฟ้าแอร์พอร์ตลิงก์", "สถานีรถไฟฟ้า BTS ", "สถานีรถไฟฟ้า MRT ", "สถานีบีทีเอส", "สถานีเอ็มอาร์ที",
    "สถานี BTS ", "สถานี MRT ",
)


@cache
def _foreign() -> tuple[str, ...]:
    return lexicons.words("foreign_countries.txt") + lexicons.words("foreign_cities.txt")


@cache
def _name_before() -> re.Pattern[str]:
    """An honorific and a name just before: "นายชวลิต ณ นคร" holds a surname, not a venue."""
    return re.compile(rf"(?:{alternation(f for (f,) in lexicons.columns('honorifics.csv', 'form'))})\S+\s*$")


@cache
def _kind_words(kind: str) -> tuple[str, ...]:
    """Names of one kind: province (names and aliases), district, subdistrict, city, venue,
    known (venues and cities), foreign."""
    if kind == "province":
        return tuple(province_forms())
    if kind == "known":
        return tuple(_places()["venue"]) + tuple(_places()["city"])
    if kind == "foreign":
        return _foreign()
    return tuple(_places()[kind])


@cache
def _names_re(kind: str) -> re.Pattern[str]:
    """Longest-first pattern over one kind of name (see ``_kind_words``)."""
    return re.compile(alternation(_kind_words(kind)))


_SCANNED = ("province", "city", "venue", "foreign")


@cache
def _automaton() -> ahocorasick.Automaton:
    """One automaton over every name that is searched for in running text, each word
    carrying the kinds it belongs to: one pass finds them all."""
    kinds: dict[str, list[str]] = {}
    for kind in _SCANNED:
        for w in set(_kind_words(kind)):
            kinds.setdefault(w, []).append(kind)
    auto = ahocorasick.Automaton()
    for w, ks in kinds.items():
        auto.add_word(w, (len(w), tuple(ks)))
    auto.make_automaton()
    return auto


def _scan(text: str) -> dict[str, list[tuple[int, int]]]:
    """kind -> (start, end) of its names in ``text``, as ``_names_re(kind).finditer`` finds
    them: leftmost, the longest at a start, none overlapping another of the same kind."""
    longest: dict[str, dict[int, int]] = {k: {} for k in _SCANNED}
    for last, (n, kinds) in _automaton().iter(text):
        start, end = last + 1 - n, last + 1
        for k in kinds:
            if longest[k].get(start, -1) < end:
                longest[k][start] = end
    out: dict[str, list[tuple[int, int]]] = {}
    for k, ends in longest.items():
        spans, pos = [], 0
        for start in sorted(ends):
            if start >= pos:
                spans.append((start, ends[start]))
                pos = ends[start]
        out[k] = spans
    return out


@cache
def _venue_words() -> dict[str, str]:
    return {w: k for w, k in lexicons.columns("venue_words.tsv", "word", "kind")}


@cache
def _head_re() -> re.Pattern[str]:
    # Heads are read from at most 24 letters of a chunk: a longer "head" is a name, not a head.
    return re.compile(alternation(tuple(w for w in _venue_words() if len(w) <= 24)))


@cache
def _stops(kind: str) -> tuple[str, ...]:
    return tuple(w for k, w in lexicons.columns("venue_stops.tsv", "kind", "word") if k == kind)


@cache
def _stop_re(kind: str) -> re.Pattern[str]:
    return re.compile(alternation(_stops(kind)))


@cache
def _online_cues() -> tuple[tuple[re.Pattern[str], re.Pattern[str] | None, str, float], ...]:
    """(cue, folded cue, value, weight). Python's regex engine cannot skip ahead to a
    case-insensitive pattern's first letter, so a "(?i)" cue written in lower case is also
    compiled without the flag, to run on the case-folded text: the same matches, much faster."""
    return tuple((re.compile(rx), _folded_cue(rx), value, float(w)) for rx, value, w in lexicons.columns("online_cues.csv", "regex", "value", "weight"))


def _folded_cue(rx: str) -> re.Pattern[str] | None:
    body = rx.removeprefix("(?i)")
    # Only a whole-pattern (?i) with every letter already folded ("\S" is no folded "\s").
    if body == rx or body != body.casefold() or _INLINE_FLAGS.search(body):
        return None
    return re.compile(body)


def province_code(name: str) -> str | None:
    """ISO 3166-2 code of a province name or alias: "ชลบุรี" -> "TH-20", "กทม." -> "TH-10"."""
    hit = province_forms().get(name.strip().removeprefix("จังหวัด"))
    return hit[1] if hit else None


# ---------------------------------------------------------------- small helpers


def _whole_word_end(text: str, end: int) -> bool:
    return end >= len(text) or not COMBINING_RE.match(text[end])


def _standalone(text: str, start: int, end: int) -> bool:
    """A name standing as a word of its own: no Thai letter glued on either side."""
    before = start == 0 or not LETTER_RE.match(text[start - 1])
    after = end >= len(text) or not LETTER_RE.match(text[end])
    return before and after


def _longest(pattern: re.Pattern[str], text: str, pos: int) -> re.Match[str] | None:
    m = pattern.match(text, pos)
    return m if m and _whole_word_end(text, m.end()) else None


def _head_kind(chunk: str) -> str | None:
    """Kind of the venue head word opening ``chunk`` (longest head wins), or None."""
    m = _head_re().match(chunk)
    if m:
        return _venue_words()[m.group()]
    for prep in ("ด้านหน้า", "ด้านข้าง", "ข้าง", "หน้า", "ภายใน", "ริม", "ใกล้"):
        if chunk.startswith(prep) and len(chunk) > len(prep):
            kind = _head_kind(chunk[len(prep) :])
            if kind:
                return kind
    return None


def _known_venue(chunk: str) -> bool:
    return _names_re("known").match(chunk) is not None


def _national_venue(chunk: str) -> bool:
    """A national venue's written name without a head word opens ``chunk`` ("รัฐสภา",
    "ราชมังคลากีฬาสถาน"); not an acronym (after ที่, "ที่ สศช. เสนอ" is a body acting) nor a city."""
    m = _names_re("venue").match(chunk)
    # A name opening with a head word read as weak ("กรมสรรพสามิต") is a body, mostly acting:
    # "ที่กรมอุตุนิยมวิทยาพยากรณ์ว่า".
    # A site (a bridge, a junction, a residence: "บ้านพิษณุโลก") or a press club under a weak or lead
    # head is a place, not a body.
    return m is not None and "." not in m.group() and not m.group().isascii() and (
        _head_kind(m.group()) in (None, "lead") or (_head_kind(m.group()) == "weak" and not m.group().startswith("กรม"))
    )


def _whole_national_venue(chunk: str) -> bool:
    """The chunk is a national venue's name and nothing more: glued to a word before, "ที่" then
    names where ("รับประทานอาหารกลางวันที่บ้านพิษณุโลก ทั้งนี้"), while a relative clause glues its
    verb on ("ก่อนที่สภาผู้แทนราษฎรจะลงมติ")."""
    m = _names_re("venue").match(chunk)
    return m is not None and chunk[m.end() :].strip(_TRAIL) == ""


def _is_location(text: str, pos: int) -> bool:
    """A place word starts at ``pos``: a district/province marker, a province, a foreign place.

    "อำเภอเมือง" stops a venue although "เมือง" alone names no district; "เขต" counts only
    with a district name after it ("เขตบางพลัด", not "เขต 2").
    """
    m = _MARKER_RE.match(text, pos)
    if m:
        if m.group() != "เขต":
            return True
        return _bangkok_district(text, m.end()) is not None
    if _longest(_names_re("province"), text, pos):
        return True
    return _foreign_at(text, pos) is not None


def _bangkok_district(text: str, pos: int) -> re.Match[str] | None:
    """A district name after เขต: only Bangkok's districts are เขต; elsewhere "เขต" is a zone
    ("เขตท่าเรือ" the port area, not อำเภอท่าเรือ; "เขตสุขภาพที่ 1")."""
    while pos < len(text) and text[pos] == " ":
        pos += 1
    m = _longest(_names_re("district"), text, pos)
    return m if m and _places()["district"][m.group()] == "กรุงเทพมหานคร" else None


def _is_address(chunk: str) -> bool:
    """A road or house address ("ถนนวิภาวดีรังสิต", "ซอย 5", "เลขที่ 88/8", "ม.3")."""
    return _stop_re("address").match(chunk) is not None


def _on_road(text: str, start: int) -> bool:
    """The name at ``start`` is part of a road's name: "ถนนวิภาวดีรังสิต", "ถนน เพชรบุรี"."""
    # The nearest space first: a line break or zero-width space before it cannot be the nearest.
    space = text.rfind(" ", 0, start)
    brk = text.rfind("\n", max(space, 0), start)
    zws = text.rfind("\u200b", max(space, brk, 0), start)
    line_start = max(space, brk, zws) + 1
    if _stop_re("road").match(text, line_start) and line_start < start:
        return True
    before = text[max(0, start - 12) : start].rstrip(" ")
    return before != text[max(0, start - 12) : start] and before.endswith(_stops("road"))


def _title_before(text: str, pos: int) -> bool:
    """ณ at ``pos`` follows a title or office that it completes: "เอกอัครราชทูต ณ กรุงออตาวา",
    "ผู้แทนถาวรไทยประจำสหประชาชาติ ณ นครเจนีวา": the place is the posting, not a venue."""
    words = text[max(0, pos - 80) : pos].split()
    if not words:
        return False
    last = words[-1]
    if last.startswith("ประจำ") and len(words) > 1:
        last = words[-2] + last
    return any(t in last for t in _stops("title"))


def _foreign_at(text: str, pos: int) -> re.Match[str] | None:
    """A foreign place at ``pos``, with or without ประเทศ/กรุง/นคร/เมือง before it."""
    names = _names_re("foreign")
    return _longest(names, text, pos) or _longest(names, text, _FOREIGN_PREFIX.match(text, pos).end())


# ---------------------------------------------------------------- venues


def _chunks(text: str, pos: int, limit: int):
    """Space-separated chunks on the same line from ``pos`` (a parenthesis is one chunk)."""
    # the search stops at ``limit``: read to the line's end, one long line made this quadratic
    line_end = text.find("\n", pos, limit)
    line_end = min(len(text), limit) if line_end < 0 else line_end
    for m in _CHUNK.finditer(text, pos, line_end):
        yield m.start(), m.end()


def _first_chunk(text: str, pos: int) -> str:
    """The first of ``_chunks(text, pos, pos + 60)``, or ""."""
    line_end = text.find("\n", pos, pos + 60)
    line_end = min(len(text), pos + 60) if line_end < 0 else line_end
    m = _CHUNK.search(text, pos, line_end)
    return m.group() if m else ""


def _cut_glued(text: str, start: int, end: int) -> int:
    """End of a chunk, cut before a connective glued inside it ("...รัฐบาลโดยมี")."""
    chunk = text[start:end]
    glued = _stop_re("glued").search(chunk, 1)
    date = _DATE_PAREN.search(chunk, 1)
    # "...กระทรวงสาธารณสุขจ.นนทบุรี": the abbreviation จ. never belongs to a name.
    jor = _GLUED_JOR.search(chunk, 1)
    verb = _SUBJECT_VERB.search(chunk, 1)  # "ท้องสนามหลวงช่วงบ่ายได้เริ่มขึ้นแล้ว"
    cuts = [m.start() for m in (glued, date, jor, verb) if m]
    # A ")" without its "(" closes a bracket the venue was written in: "(ณ ห้องประชุม 1 กระทรวงแรงงาน)".
    close = chunk.find(")")
    if close > 0 and "(" not in chunk[:close]:
        cuts.append(close)
    return start + min(cuts) if cuts else end


_HOTELS = ("โรงแรม", "รีสอร์ท", "รีสอร์ต")


def _city_chunk(text: str, start: int, end: int) -> bool:
    """The chunk is a bare province or foreign city name, no marker word ("กรุงเทพฯ", "พนมเปญ")."""
    if _MARKER_RE.match(text, start):
        return False
    for kind in ("province", "foreign"):
        m = _longest(_names_re(kind), text, start)
        if m and m.end() == end:
            return True
    return False


def _name_goes_on(text: str, pos: int) -> bool:
    """A chunk after ``pos`` on the same line that may continue a name: no clause word, place
    word, address or date ("กรุงเทพฯ ริมแม่น้ำเจ้าพระยา", not "กรุงเทพฯ นายสุรศักดิ์")."""
    start = _skip_spaces(text, pos)
    nxt = _first_chunk(text, start)
    if not nxt or start == pos or nxt[0].isdigit() or nxt.startswith(("(", "ณ")):
        return False
    if _head_re().match(nxt):
        return False  # another building or body begins: "กรุงเทพฯ กรมกิจการเด็กและเยาวชน"
    return not (nxt.startswith(_stops("clause")) or _is_location(text, start) or _is_address(nxt))


def _venue_extent(text: str, pos: int) -> tuple[int, int]:
    """(end, tail_end) of a venue starting at ``pos``; tail_end closes the place words after it.

    Chunks are taken while they open with a venue head word ("โรงแรม...", "ชั้น 5"), name a
    bare head word before them ("ห้องประชุม ทัพพระยา"), or are a parenthesis without digits
    ("(หลังใน)"). Up to three other chunks are kept only when a head word or a place word
    (อำเภอ, จังหวัด ...) follows them ("โรงแรมบัดดี้ โอเรียนทอล ริเวอร์ไซด์ อำเภอปากเกร็ด").
    """
    clause = _stops("clause")
    words = _venue_words()
    end, last_start, pending = pos, pos, []
    for n, (cs, ce) in enumerate(_chunks(text, pos, pos + 400)):
        chunk = text[cs:ce]
        if n >= MAX_VENUE_CHUNKS:
            break
        if n > 0 and _is_location(text, cs):
            if text.startswith(_HOTELS, last_start) and _city_chunk(text, cs, ce) and _name_goes_on(text, ce):
                # A hotel's name ends in its city: "โรงแรมโฟร์ซีซั่นส์ กรุงเทพฯ ริมแม่น้ำเจ้าพระยา",
                # "โรงแรมโซฟิเทล พนมเปญ โพคีธารา"; the city still places it (inside the venue).
                end, last_start, pending = ce, ce, []
                continue
            end = pending[-1] if pending else end
            return end, _location_tail(text, cs)
        if n > 0 and chunk == "ณ" and (_title_before(text, cs) or _is_location(text, _skip_spaces(text, ce))):
            # "สถานเอกอัครราชทูตไทย ณ กรุงโตเกียว": the embassy's city places the venue;
            # "โรงแรมโซฟิเทล พนมเปญ โพคีธารา ณ กรุงพนมเปญ": the name ends before ณ + a place.
            end = pending[-1] if pending else end
            return end, _location_tail(text, cs)
        if n > 0 and _is_address(chunk) and "เลขที่" not in text[pos:end]:
            # The address is no part of the name ("สโมสรทหารบก ถนนวิภาวดีรังสิต") but still
            # places it; a number right before it is ("สะพานมิตรภาพแห่งที่ 3 ถนน...").
            if len(pending) == 1 and _NUMBER.fullmatch(text[end : pending[0]].strip()):
                end = pending[0]
            return end, _location_tail(text, cs)
        if chunk.startswith("("):
            if chunk == "(" or _DATE_IN_PAREN.search(chunk):
                break
            pending.append(ce)
            continue
        if n > 0 and _SUBJECT_VERB.search(chunk, 1):
            break
        cut = _cut_glued(text, cs, ce)
        named = not pending and text[last_start:end] in words  # "ห้องประชุม" waits for its name
        if not pending and n > 0 and text[last_start:end].endswith(_MONUMENTS) and chunk.startswith(_ROYAL):
            end, last_start = cut, cs
            continue
        head = _head_kind(chunk) not in (None, "lead")  # "... บริษัท" goes on with running text
        if n == 0 or head or _known_venue(chunk) or (named and not chunk.startswith(clause)):
            end, last_start, pending = cut, cs, []
            if cut < ce:
                break
            continue
        if chunk.startswith(clause) or cut < ce:
            break
        pending.append(ce)
        if len(pending) > MAX_PENDING_CHUNKS:
            break
    return end, end


def _location_tail(text: str, pos: int) -> int:
    """End of the run of place words (markers with names, provinces, foreign places) at ``pos``,
    read through an address ("ถนนวิภาวดีรังสิต แขวงพญาไท เขตพญาไท กรุงเทพฯ")."""
    end, skipped = pos, 0
    for cs, ce in _chunks(text, pos, pos + 200):
        chunk = text[cs:ce]
        if _is_location(text, cs) and not _on_road(text, cs):
            end, skipped = ce, 0
            continue
        # An address takes a few chunks ("ถนน", "พหลโยธิน", "เลขที่", "88/8"); ณ after a title.
        if (_is_address(chunk) or chunk == "ณ" or skipped) and skipped < 4:
            skipped += 1
            continue
        break
    return end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and (text[end - 1].isspace() or text[end - 1] in _TRAIL):
        end -= 1
    # "ศูนย์ประสานงาน...ภาคตะวันออกฯ ที่ จ.ชลบุรี": a ที่/ณ standing before the place words is no part of the name
    m = _LAST_AT.search(text, start, end)
    if m:
        return _trim(text, start, m.start())
    return start, end


_LAST_AT = re.compile(r"\s(?:ที่|ณ)$")


def _plural_after(text: str, end: int) -> bool:
    """A quantifier right after a venue: "ทั่วประเทศ", "ต่าง ๆ", "ทั้ง 3 แห่ง"."""
    pos = _skip_spaces(text, end)
    return _stop_re("plural").match(text, pos) is not None or _ALL_NUMBER.match(text, pos, pos + 8) is not None


def _skip_spaces(text: str, pos: int) -> int:
    return _SPACES.match(text, pos).end()


def _generic_place(chunk: str) -> bool:
    """A head word followed by a clause or a pointer instead of a name: "โรงพยาบาลที่รับ...",
    "ศูนย์ดังกล่าว", "ภายในโรงงานของ..." (the prepositions of ``_head_kind`` skipped)."""
    for prep in ("ภายใน", "ด้านใน", "บริเวณ"):
        chunk = chunk.removeprefix(prep)
    m = _head_re().match(chunk)
    return m is not None and _NOT_A_NAME.match(chunk, m.end()) is not None


def _visit_at(text: str, trig: re.Match[str]) -> _Venue | None:
    """The place a visit verb names: "ตรวจเยี่ยมโรงพยาบาลบึงนาราง", "เดินทางไปยังวัดโบสถ์ล่าง".
    Only a building or an office ("ตรวจเยี่ยมโครงการ..." or "ลงพื้นที่จังหวัด..." name none).
    As sure as ณ (0.9): the verb says the officials went there, and an office after it is no
    relative clause as it can be after ที่."""
    before = text[max(0, trig.start() - 8) : trig.start()]
    if before.endswith("การ") or before.rstrip().endswith(("ไม่ต้อง", "ไม่ได้")):
        # "การลงพื้นที่โรงเรียนขนาดกลาง": visits in general, not this trip; "ไม่ต้องเดินทางมาที่
        # สำนักงานขนส่ง": a trip saved.
        return None
    pos = _skip_spaces(text, trig.end())
    first = _first_chunk(text, pos)
    if first.startswith("บริเวณ"):
        # "ไปยังบริเวณท่าน้ำหน้าวัด" names a place; "เสด็จไปยังบริเวณการจัดนิทรรศการ" a spot of the event.
        rest = first.removeprefix("บริเวณ")
        if _head_kind(rest) not in ("place", "org") and not rest.startswith(_stops("visit")):
            return None
    head = _head_kind(first)
    conf = 0.9
    if head not in ("place", "org") and not _known_venue(first):
        # A village, a community, a plot; a project only when it is a structure
        # ("ตรวจเยี่ยมโครงการอ่างเก็บน้ำห้วยปากแบ่ง", not "ตรวจเยี่ยมโครงการพัฒนาคุณภาพชีวิต").
        project = first.startswith("โครงการ") and _head_kind(first[len("โครงการ") :]) == "place"
        if not (project or first.startswith(_stops("visit"))):
            return None
        conf = 0.8
    if _is_location(text, pos) or _generic_place(first):
        return None
    return _extent_venue(text, pos, conf, "visit")


def _front_at(text: str, trig: re.Match[str]) -> _Venue | None:
    """News places without ณ/ที่, in front of or around a building: "ชุมนุมหน้ากระทรวงศึกษาธิการ",
    "บริเวณหน้า สน.ชนะสงคราม", "ริมคลอง..." (the words หน้า/บริเวณ stay part of the venue).

    The phrase must open a word or follow a gathering verb glued to it ("ปักหลักชุมนุมหน้า..."):
    "หัวหน้าสำนักงาน" (a chief), "ความคืบหน้า" (progress), "หน้า 5" (a page) are no place.
    """
    start = trig.start()
    pos = _skip_spaces(text, trig.end())
    first = _first_chunk(text, pos)
    head = _head_kind(first)
    if head not in ("place", "org") and not _known_venue(first):
        return None
    bare = not trig.group().startswith("บริเวณ")
    if bare and first.startswith("ที่ทำการ"):
        return None  # "หน้าที่ทำการ...": a duty to do
    before = text[max(0, start - 12) : start]
    if start > 0 and LETTER_RE.match(text[start - 1]):
        if bare and before.endswith(_stops("not_front")):
            return None
        if not _gathering_before(text, start):
            return None
    elif bare:
        # Standing alone, "หน้า..." is as often a list item or an address ("จุดบริการที่ 6
        # หน้าโรงละครแห่งชาติ"): only a gathering verb shortly before makes it the event's place.
        line = text[max(0, start - 40, text.rfind("\n", 0, start) + 1) : start]
        if not any(cue in line for cue in _stops("front_cue")):
            return None
    if _is_location(text, pos):
        return None
    return _extent_venue(text, start, 0.6, "front")


def _bare_head(venue: str) -> bool:
    """A head word alone names no place: "โรงเรียน", "รพ." (its dot trimmed off)."""
    words = _venue_words()
    return venue in words or venue + "." in words


def _gathering_before(text: str, start: int) -> bool:
    """A gathering verb or open ground ends the word glued before ``start`` or stands in it
    ("ชุมนุมหน้า...", "ปักหลักชุมนุมอยู่หน้า...", "รวมตัวกันบริเวณ...")."""
    word = re.split(r"[\s\u200b]", text[max(0, start - 30) : start])[-1]
    return any(c in word for c in _stops("front_cue"))


def _extent_venue(text: str, pos: int, conf: float, how: str = "rule") -> _Venue | None:
    end, tail_end = _venue_extent(text, pos)
    start, end = _trim(text, pos, end)
    if end <= start or _bare_head(text[start:end]):
        return None
    if _plural_after(text, end):
        conf = min(conf, 0.5)
    return _Venue(start, end, max(tail_end, end), conf, how)


def _venue_at(text: str, trig: re.Match[str]) -> _Venue | None:
    """The venue after one trigger, or None when what follows is no place."""
    word = trig.group()
    if _VISIT_RE.fullmatch(word):
        return _visit_at(text, trig)
    if _FRONT_RE.fullmatch(word):
        return _front_at(text, trig)
    court = _COURT_RE.match(text, trig.start()) if word.startswith("ศาล") else None
    if court and court.end() == trig.end():
        return _Venue(trig.start(), trig.end(), trig.end(), 0.6)
    if word == "ห้องพิจารณา":  # a courtroom: "ห้องพิจารณาคดีที่ 704 ศาลอาญา"
        return _extent_venue(text, trig.start(), 0.8)
    pos = _skip_spaces(text, trig.end())
    wrapped = False
    if pos < len(text) and text[pos] == "\n" and word.startswith("ณ"):
        # Web pages often break the line right after ณ: "ด่านชายแดน CIQ ณ\nจุดผ่านแดนถาวรบ้านฮวก".
        pos, wrapped = _skip_spaces(text, pos + 1), True
    if pos >= len(text) or text[pos] == "\n":
        return None
    if word == "ที่" and text[max(0, trig.start() - 5) : trig.start()].endswith(_NOT_AT):
        return None
    office_at = word == "ที่" and _OFFICE_AT.match(text, trig.start()) is not None
    if office_at:
        # The ที่ opens the head word: "ชาวบ้านเข้าแจ้งความที่ว่าการอำเภอจะแนะ". Without a ณ/ที่ before
        # it the office is as often the subject ("ที่ทำการปกครองอำเภอ...ได้ประสานงาน"): none with a
        # verb glued on, and weak (0.6) otherwise.
        pos = trig.start()
        if _SUBJECT_VERB.search(_first_chunk(text, pos), 1):
            return None
    first = _first_chunk(text, pos)
    head = _head_kind(first)
    if word == "ที่" and _SUBJECT_VERB.search(first, 1):
        # A verb glued after the name: a relative clause ("ที่กระทรวงการคลังได้เปิดให้") or a place in
        # general ("รับบริการที่โรงพยาบาลได้ทันที"), not where the event is.
        return None
    if word == "ที่":
        site = False  # a national venue named without a head word
        glued = trig.start() > 0 and LETTER_RE.match(text[trig.start() - 1]) is not None
        if head not in ("place", "org"):
            # "ที่พัทยา" names a city, no venue; "ที่ผ่านมา" no place at all. A national venue
            # named without a head word is one after a ที่ standing as a word ("เวลา 15.30 น.
            # ที่รัฐสภา"); glued on, a relative clause ("ก่อนที่สภาผู้แทนราษฎรจะลงมติ").
            if not _national_venue(first) or (glued and not _whole_national_venue(first)):
                return None
            head, site = "org", True
        # Glued to the word before, ที่ + an office is mostly a relative clause:
        # "ตามมาตรการที่ศูนย์ปฏิบัติการ...กำหนด".
        conf = 0.8 if head == "place" else (0.4 if glued else 0.7)
        if site and glued:
            conf = 0.6  # "ร่วมรับประทานอาหารกลางวันที่บ้านพิษณุโลก ทั้งนี้"
        if office_at:
            conf = 0.6
    elif word == "บริเวณ":
        if trig.start() > 0 and LETTER_RE.match(text[trig.start() - 1]):
            # Glued, บริเวณ is mostly "the area of" something; after a gathering verb and
            # before a named place it is where people gathered ("รวมตัวกันบริเวณถนนลูกหลวง").
            if not (_gathering_before(text, trig.start()) and _head_kind(first) not in (None, "lead")):
                return None
        pos, conf = trig.start(), 0.6
    else:
        known = _known_venue(first)
        if wrapped and not (head or known):
            return None
        if word.startswith("ณ"):
            if trig.start() > 0 and LETTER_RE.match(text[trig.start() - 1]):
                return None  # ณ inside a word (คณะ, ประมาณ)
            if pos < len(text) and COMBINING_RE.match(text[pos]):
                return None
            if _name_before().search(text[max(0, trig.start() - 40) : trig.start()]) and not (head or known):
                return None  # a surname: "นายชวลิต ณ นคร"
            if _title_before(text, trig.start()) and not (head or known):
                return None  # a posting: "เอกอัครราชทูต ณ กรุงออตาวา"
            if first[:1].isdigit() and not head:
                return None  # a date: "ณ 30 กันยายน 2566"
        if first.startswith(_stops("not_place")):
            return None
        conf = 0.9 if head or known else 0.6
    if _is_location(text, pos):
        return None
    end, tail_end = _venue_extent(text, pos)
    start, end = _trim(text, pos, end)
    if end <= start or _bare_head(text[start:end]):
        return None  # a bare "โรงเรียน" names no place
    if _plural_after(text, end):
        conf = min(conf, 0.5)  # "ณ ที่ว่าการอำเภอทั่วประเทศ" is no one event's place
    return _Venue(start, end, max(tail_end, end), conf)


def _superseded(venues: list[_Venue], text: str) -> list[_Venue]:
    """Lower a venue that a later one repeats in full: headlines are often cut short
    ("ณ ห้องประชุมชัยนา" before "ณ ห้องประชุมชัยนาทนเรนทร สำนักงาน..."); one that ends its line
    falls below what an event may take (0.5)."""
    out = []
    # Index the later venues by their first characters, so each venue meets only its candidates.
    by_prefix: dict[str, list[int]] = {}
    for j, w in enumerate(venues):
        by_prefix.setdefault(text[w.start : w.start + 6], []).append(j)
    for i, v in enumerate(venues):
        own = text[v.start : v.end]
        longer = any(
            j > i and len(text[venues[j].start : venues[j].end]) > len(own)
            and text[venues[j].start : venues[j].end].startswith(own)
            for j in by_prefix.get(own[:6], ())
        ) if len(own) >= 6 else any(
            len(text[w.start : w.end]) > len(own) and text[w.start : w.end].startswith(own) for w in venues[i + 1 : i + 50]
        )
        if longer:
            # Cut by the line's end, it is a shortened headline: the full one stands for it.
            line_end = text.find("\n", v.end)
            cut = not text[v.end : len(text) if line_end < 0 else line_end].strip()
            conf = min(v.confidence, 0.5) if cut else round(v.confidence - 0.2, 2)
            v = _Venue(v.start, v.end, v.tail_end, conf, v.how)
        out.append(v)
    return out


@cache
def _dateline_re() -> re.Pattern[str]:
    """A news dateline: a place at the start of a line, a day and month, then a dash
    ("รัฐสภา 19 ก.ค.-", "ทำเนียบรัฐบาล 10 พ.ย.63 -")."""
    months = alternation(tuple(f for f, _m in lexicons.columns("months.tsv", "form", "month")))
    return re.compile(rf"(?m)^[^\S\n]*([^\s\d][^\n\d]{{1,60}}?)[^\S\n]*\d{{1,2}}[^\S\n]*(?:{months})[^\S\n]*\d{{0,4}}[^\S\n]*[-–]")


def _dateline_venues(text: str) -> list[_Venue]:
    """The place of a dateline when it is a building or office (0.6: where the report was
    written, most often where the event was; a ณ/ที่ venue near the date is preferred)."""
    out = []
    for m in _dateline_re().finditer(text[:3000]):
        place, start = m.group(1).strip(), m.start(1)
        if not (_head_kind(place) in ("place", "org") or _known_venue(place)):
            continue
        # The whole place must read as one venue: "ท้องสนามหลวง ตั้งแต่วันที่ 5 ธันวาคม -" is a period.
        end = _trim(text, start, _venue_extent(text[: start + len(place)], start)[0])[1]
        if end == start + len(place):
            out.append(_Venue(start, end, end, 0.6, "dateline"))
    return out


def _find_venues(text: str) -> list[_Venue]:
    dateline = _dateline_venues(text)
    found = _trigger_venues(text)
    if dateline:
        found += [d for d in dateline if not any(v.start < d.end and d.start < v.end for v in found)]
        found.sort(key=lambda v: v.start)
    return found


def _trigger_venues(text: str) -> list[_Venue]:
    out: list[_Venue] = []
    for trig in _TRIGGERS.finditer(text):
        if out and trig.start() < out[-1].end:
            continue
        v = _venue_at(text, trig)
        if v:
            out.append(v)
    return out


# ---------------------------------------------------------------- provinces, abroad


def _cue_before(text: str, start: int) -> bool:
    """A place cue (ณ, ที่, ลงพื้นที่ ...) right before ``start``, unless ณ ends a title
    ("กงสุลใหญ่ ณ นครเซี่ยงไฮ้" names a posting)."""
    cue = _PLACE_CUES.search(text[max(0, start - 20) : start])
    if not cue:
        return False
    at = max(0, start - 20) + cue.start()
    return not (cue.group().startswith("ณ") and _title_before(text, at))


def _context(text: str, start: int, venues: list[_Venue], name_start: int | None = None) -> float:
    """Confidence of a place name at ``start`` (its marker, if any); ``name_start`` is where the
    name itself begins (after จังหวัด/อำเภอ/ตำบล)."""
    if any(v.start <= start < v.tail_end for v in venues):
        return 0.95
    if _cue_before(text, start):
        return 0.85
    if start > 0 and LETTER_RE.match(text[start - 1]):
        return OFFICE_PROVINCE if _office_before(text, name_start or start) else 0.4
    return 0.7


# News glues a bare province to the verb that goes there: "ลงพื้นที่เชียงราย", "เยือนขอนแก่น",
# "เดินทางไปบุรีรัมย์", or to a ที่ standing as a word ("ครั้งที่ 8 ที่ปัตตานี"). A ที่ glued to the
# word before is mostly no event's place ("จัดตั้งสำนักงานสาขาที่กรุงเทพฯ", "ในพื้นที่กรุงเทพฯ").
_GLUED_CUE = re.compile(r"(?:ลงพื้นที่|เยือน|เดินทาง(?:ไป|มา)(?:ยัง|ที่)?|(?<![^\s\u200b])ที่)$")


def _glued_cue(text: str, start: int) -> str | None:
    """The place verb glued before a bare province name at ``start``; "ที่" for a plain ที่."""
    if start == 0 or not LETTER_RE.match(text[start - 1]):
        return None
    m = _GLUED_CUE.search(text, max(0, start - 12), start)
    return m.group() if m else None


def _common_word(name: str) -> bool:
    """A place name that is also a connective or a venue word (และ, ถนน, วัด, โรง)."""
    return name in _stops("clause") or name in _stops("address") or name in _venue_words()


def _short_glued(text: str, hit: re.Match[str]) -> bool:
    """A short name glued to more letters ("ตำบล โรงเรียน..." is no ตำบลโรง)."""
    return len(hit.group()) <= 3 and hit.end() < len(text) and LETTER_RE.match(text[hit.end()]) is not None


@cache
def _offices() -> tuple[str, ...]:
    return lexicons.words("province_offices.txt")


def _office_before(text: str, start: int) -> bool:
    """The word glued before the name at ``start`` is an office or an official's position
    ("ผู้ว่าราชการจังหวัด", "นายอำเภอ", "เทศบาลตำบล", "สำนักงาน...จังหวัด")."""
    before = text[max(0, start - 80) : start].rstrip(" ")
    word = re.split(r"[\s\u200b]", before)[-1]
    return word.endswith(_offices()) or word.startswith("สำนักงาน")


# A member of parliament's constituency after the title says whose member, not where: "นายวราวุธ
# ศิลปอาชา ส.ส.สุพรรณบุรี", "อดีต สส.นนทบุรี"; as weak as a glued mention (below OFFICE_PROVINCE).
_MEMBER_OF = re.compile(r"(?<![ก-๙])(?:ส\.ส\.|สส\.|ส\.ว\.)\s?(?:จ\.|จังหวัด)?$")
# A surname of royal lineage: "นายกิตติรัตน์ ณ ระนอง", "นางยุถิกา อิศรางกูร ณ อยุธยา" names no place.
_SURNAME_AT = re.compile(r"(?<![^\s\u200b])ณ\s?$")


@cache
def _person_before() -> re.Pattern[str]:
    """An honorific, a given name and maybe a family name just before: "นางยุถิกา อิศรางกูร"."""
    return re.compile(rf"(?:{alternation(f for (f,) in lexicons.columns('honorifics.csv', 'form'))})\S+(?:\s\S+)?\s*$")


def _surname(text: str, start: int) -> bool:
    """The province name at ``start`` ends a person's surname (ณ + province after a name)."""
    before = text[max(0, start - 60) : start]
    at = _SURNAME_AT.search(before)
    return at is not None and _person_before().search(before[: at.start()]) is not None


# A forward (field) office of a national body: "กระทรวงศึกษาธิการ (ส่วนหน้า)", "ศปช. ส่วนหน้า".
_FORWARD = re.compile(r"\s?\(?\s?ส่วนหน้า")


def _mention(kind: str, text: str, s: int, e: int, value: str, method: str, conf: float) -> Mention:
    return Mention(kind=kind, text=text[s:e], value=value, start=s, end=e, method=method, confidence=conf)


def _in_venue(start: int, venues: list[_Venue]) -> bool:
    return any(v.start <= start < v.end for v in venues)


# Local governments named after their subdistrict (อบต., ทต.) or their town (เทศบาลเมือง/นคร);
# provincial police stations after their district or subdistrict ("สภ.บ้านกรวด", "สภ.อ.เมือง...").
_LOCAL_GOV = re.compile(r"(?:อบต|ทต|ทม|ทน)\.|เทศบาล(?:เมือง|นคร)|(?:สภ\.|สถานีตำรวจภูธร)(?:\s?(?:อ\.|อำเภอ))?")
# A metropolitan police station is in Bangkok whatever its name ("สน.ชนะสงคราม"); not the
# Mekong river units ("สน.เรือมุกดาหาร") nor สน. ending another abbreviation ("อส.จ.สน.").
_BANGKOK_POLICE = re.compile(r"(?<![\w.])สน\.(?=\s?[ก-ฮ])(?!\s?(?:เรือ|ที่))|สถานีตำรวจนครบาล")


def _local_government_mentions(text: str, venues: list[_Venue]) -> list[Mention]:
    """The province of a local government whose name is a unique subdistrict or district name:
    "อบต.ไสไทย" (กระบี่), "เทศบาลเมืองบ้านบึง" (ชลบุรี). The name must end the word ("อบต.และ",
    "เทศบาลนครขอนแก่น" with a subdistrict ขอน are no match) and district and subdistrict must
    agree; a province name after it is read by the province scan. An office's place:
    ``OFFICE_PROVINCE`` unless in a venue or after a place cue. Bulk: 49 of 50 agree with the
    province written within 300 characters (the other is right too). Police stations the same
    way ("สภ.บ้านกรวด"; bulk: 89 agree, 27 differ, most in lists of arrests across provinces),
    and a metropolitan one (สน.) is in Bangkok.
    """
    places = _places()
    out = []
    for m in _LOCAL_GOV.finditer(text):
        if m.group().endswith(".") and m.start() > 0 and LETTER_RE.match(text[m.start() - 1]):
            continue  # "กทม." is no ทม.
        pos = _skip_spaces(text, m.end())
        kinds = ("subdistrict",) if m.group() in ("อบต.", "ทต.") else ("district", "subdistrict")
        values, end = set(), 0
        for kind in kinds:
            hit = _longest(_names_re(kind), text, pos)
            if hit and (hit.end() >= len(text) or not LETTER_RE.match(text[hit.end()])):
                values.add(places[kind][hit.group()])
                end = max(end, hit.end())
        if len(values) != 1 or _longest(_names_re("province"), text, pos):
            continue
        conf = _context(text, m.start(), venues)
        conf = conf if conf >= 0.85 else OFFICE_PROVINCE
        out.append(_mention("province", text, m.start(), end, values.pop(), "district", conf))
    for m in _BANGKOK_POLICE.finditer(text):
        conf = _context(text, m.start(), venues)
        conf = conf if conf >= 0.85 else OFFICE_PROVINCE
        out.append(_mention("province", text, m.start(), m.end(), "กรุงเทพมหานคร", "district", conf))
    return sorted(out, key=lambda x: x.start)


def _province_mentions(text: str, venues: list[_Venue], spans: dict[str, list[tuple[int, int]]]) -> list[Mention]:
    forms = province_forms()
    form_re = _names_re("province")
    places = _places()
    out: list[Mention] = []
    taken: set[int] = set()
    for m in _MARKER_RE.finditer(text):
        kind = _MARKERS[m.group()]
        if m.group() in ("จ.", "อ.", "ต.") and m.start() > 0 and LETTER_RE.match(text[m.start() - 1]):
            continue  # "ผศ.", "สปท." end in the same letters
        pos = m.end()
        while pos < len(text) and text[pos] == " ":
            pos += 1
        if kind == "province":
            hit = _longest(form_re, text, pos)
            value, method = (forms[hit.group()][0], "gazetteer") if hit else (None, "")
        elif m.group() == "เขต":
            hit = _bangkok_district(text, pos)
            value, method = ("กรุงเทพมหานคร", "district") if hit else (None, "")
        else:
            hit = _longest(_names_re(kind), text, pos)
            if hit and pos > m.end() and (_common_word(hit.group()) or _short_glued(text, hit)):
                hit = None  # "ทุกตำบล และอำเภอ": a subdistrict named และ is not meant
            value, method = (places[kind][hit.group()], "district") if hit else (None, "")
        if hit and value:
            conf = _context(text, m.start(), venues, hit.start())
            out.append(_mention("province", text, m.start(), hit.end(), value, method, conf))
            taken.update(range(m.start(), hit.end()))
    for mention in _local_government_mentions(text, venues):
        if mention.start not in taken:
            out.append(mention)
            taken.update(range(mention.start, mention.end))
    for s, e in spans["province"]:
        if s in taken or not _whole_word_end(text, e):
            continue
        if any(vs < s and e <= ve for vs, ve in spans["venue"]):
            continue  # part of a known venue's name: "บ้านพิษณุโลก" is in Bangkok
        if _on_road(text, s):
            continue  # "ถนนเพชรบุรี" in Bangkok
        if _surname(text, s):
            continue
        inside = _in_venue(s, venues)
        right_free = e >= len(text) or not LETTER_RE.match(text[e])
        # Inside a venue a name may be glued on the left ("...ราชวิทยาลัยตรัง"), never on the
        # right: "ห้องประชุมชัยนาทนเรนทร" is a room named after a prince, not in ชัยนาท.
        # An office's name may end in a bare province: "...การศึกษาประถมศึกษาลำพูน เขต 1".
        office = right_free and not inside and _office_before(text, s)
        # A short name glued on is mostly a word: "ลงพื้นที่เลย" (right away), not the province เลย.
        cue = _glued_cue(text, s) if right_free and not (inside or office) and e - s > 3 else None
        if not ((inside and right_free) or office or cue or _standalone(text, s, e)):
            continue
        conf = _context(text, s, venues)
        conf -= 0 if inside or office or conf >= 0.95 else 0.1  # a bare name loses unless in a venue's place words
        if cue == "ที่":
            conf = min(conf, 0.6)  # "กินที่กรุงเทพฯ", "State Quarantine ที่กรุงเทพฯ": as weak as a bare name
        if _MEMBER_OF.search(text, max(0, s - 12), s):
            conf = min(conf, 0.4)
        out.append(_mention("province", text, s, e, forms[text[s:e]][0], "gazetteer", conf))
        taken.update(range(s, e))
    for kind in ("city", "venue"):
        for s, e in spans[kind]:
            if s in taken or not _whole_word_end(text, e) or _on_road(text, s):
                continue  # "ถนนวิภาวดีรังสิต" runs through Bangkok, not รังสิต
            inside = _in_venue(s, venues)
            if kind == "venue" and not inside:
                continue  # "ข่าวทำเนียบรัฐบาล", "รัฐมนตรีว่าการกระทรวงมหาดไทย" place nothing
            if kind == "venue" and _FORWARD.match(text, e):
                continue  # "อาคารสำนักงานกระทรวงศึกษาธิการ (ส่วนหน้า)": a field office, not the head office
            if not inside and not (s == 0 or not LETTER_RE.match(text[s - 1])):
                continue
            conf = _context(text, s, venues)
            conf -= 0 if inside or conf >= 0.95 else 0.1
            out.append(_mention("province", text, s, e, places[kind][text[s:e]], kind, conf))
            taken.update(range(s, e))
    return sorted(out, key=lambda x: x.start)


def _abroad_mentions(text: str, venues: list[_Venue], spans: dict[str, list[tuple[int, int]]]) -> list[Mention]:
    """Foreign places given as where the event is: in a venue's place words or right after ณ/ที่."""
    out = []
    for s, e in spans["foreign"]:
        if not _whole_word_end(text, e):
            continue
        linked = any(v.end <= s < v.tail_end for v in venues)
        prefix_start = s
        before = text[max(0, s - 30) : s]
        p = _FOREIGN_PREFIX_BEFORE.search(before)
        if p:
            prefix_start = s - len(before) + p.start()
        if not linked and not _cue_before(text, prefix_start):
            continue
        if not linked and prefix_start > 0 and LETTER_RE.match(text[prefix_start - 1]) and not p:
            continue
        conf = 0.95 if linked else 0.85
        out.append(_mention("abroad", text, prefix_start, e, text[s:e], "gazetteer", conf))
    return out


# ---------------------------------------------------------------- online


def _online_mentions(text: str) -> list[Mention]:
    folded = text.casefold()
    if len(folded) != len(text):
        folded = None  # "ß" -> "ss" would shift every offset after it
    out = []
    for rx, folded_rx, value, weight in _online_cues():
        matches = folded_rx.finditer(folded) if folded_rx and folded is not None else rx.finditer(text)
        for m in matches:
            if any(o.start <= m.start() < o.end or m.start() <= o.start < m.end() for o in out):
                continue
            out.append(_mention("online", text, m.start(), m.end(), value, "lexicon", weight))
    return sorted(out, key=lambda x: x.start)


# ---------------------------------------------------------------- public API


def find_places(text: str) -> Places:
    """Venue, province, online and abroad candidates of ``text``, each in text order.

    >>> find_places("ณ โรงพยาบาลบึงนาราง ต.บึงนาราง อ.บึงนาราง จ.พิจิตร").venues[0].value
    'โรงพยาบาลบึงนาราง'
    """
    venues = _superseded(_find_venues(text), text)
    spans = _scan(text)
    venue_mentions = [
        _mention("venue", text, v.start, v.end, text[v.start : v.end], v.how, v.confidence) for v in venues
    ]
    return Places(
        venues=venue_mentions,
        provinces=_province_mentions(text, venues, spans),
        online=_online_mentions(text),
        abroad=_abroad_mentions(text, venues, spans),
    )


def _office_province(mentions: list[Mention]) -> tuple[str, str] | None:
    """The province of the offices and officials when nothing else places the event.

    A province glued into an official's position or an office's name (``OFFICE_PROVINCE``:
    "ผู้ว่าราชการจังหวัดอุดรธานี", "นายอำเภอโนนไทย", "เทศบาลตำบลบัลลังก์") says whose official or
    office it is, and a regional page about its own governor or municipality is set in that
    province. Other glued mentions ("ในจังหวัดสมุทรสาคร") say nothing of where. The most frequent one
    wins, the first on a tie in count; two provinces named equally often leave it unknown.
    """
    values = [m.value for m in mentions if m.confidence >= OFFICE_PROVINCE]
    if not values:
        return None
    count = Counter(values)
    ranked = sorted(count, key=lambda v: (-count[v], values.index(v)))
    if len(ranked) > 1 and count[ranked[0]] == count[ranked[1]]:
        return None
    return ranked[0], province_code(ranked[0])


_METHOD_RANK = {"gazetteer": 0, "district": 1, "city": 2, "venue": 3}


def event_province(places: Places, venue: Mention | None) -> tuple[str, str] | None:
    """(province, ISO code) of the event, or None when it is abroad or no province is known.

    Ranking: a province written in or right after the chosen venue (จังหวัด > district >
    city > national venue such as ทำเนียบรัฐบาล); None when the venue's place words are
    foreign; else the strongest province mention (see the module docstring), earliest first,
    unless a foreign place after ณ/ที่ comes before it; among mentions standing alone (below
    0.85) the province named most often, none when two are named equally often; else the
    province of the officials' offices (``_office_province``).

    >>> p = find_places("ณ ตึกสันติไมตรี (หลังใน) ทำเนียบรัฐบาล พลเอก ประวิตร")
    >>> event_province(p, p.venues[0])
    ('กรุงเทพมหานคร', 'TH-10')
    """
    if venue is not None:
        window = venue.end + 150
        linked = [m for m in places.provinces if venue.start <= m.start <= window and m.confidence >= 0.95]
        nxt = [v.start for v in places.venues if v.start > venue.start]
        if nxt:
            linked = [m for m in linked if m.start < nxt[0]]
        if any(venue.start <= a.start <= window and a.confidence >= 0.95 for a in places.abroad):
            if not linked or all(m.method == "venue" for m in linked):
                return None
        if linked:
            best = min(linked, key=lambda m: (_METHOD_RANK.get(m.method, 9), m.start))
            return best.value, province_code(best.value)
    strong = [m for m in places.provinces if m.confidence >= MIN_EVENT_PROVINCE]
    if not strong:
        return _office_province(places.provinces)
    best = max(strong, key=lambda m: (m.confidence, -m.start))
    cued = Counter(m.value for m in strong if 0.85 <= m.confidence < 0.95)
    if venue is None and best.confidence < 0.95 and len(cued) >= 3 and cued[best.value] == 1:
        # Without a venue, three or more provinces each named once after a place cue are a list of
        # trips or sites ("รัฐมนตรี...ลงพื้นที่จังหวัดสุรินทร์ - ...ลงพื้นที่จังหวัดบุรีรัมย์ - ..."): none is the event's.
        return None
    if best.confidence < 0.85:
        # Standing alone, provinces written equally strongly: the one named most often, none
        # on a tie ("สำนักประชาสัมพันธ์เขต 1 ขอนแก่น และ...เขต 6 สงขลา" places no one event).
        tied = Counter(m.value for m in strong if m.confidence == best.confidence)
        top = tied.most_common(2)
        if len(top) > 1 and top[0][1] == top[1][1]:
            return None
        best = next(m for m in strong if m.confidence == best.confidence and m.value == top[0][0])
    strong_abroad = [a for a in places.abroad if a.confidence >= 0.85 and a.start < best.start]
    if strong_abroad and best.confidence <= 0.85:
        return None
    return best.value, province_code(best.value)
