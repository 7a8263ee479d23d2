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
  0.4   glued to the word before, so part of a position or an agency's name
        ("ผู้ว่าราชการจังหวัดชลบุรี", "สำนักงานพาณิชย์จังหวัดสระแก้ว"): weak evidence.
Bare names and aliases (no จังหวัด/จ.) count only as whole words and lose 0.1, unless they
are a venue's place words. Without a venue that places it, the event's province is the strongest
mention of at least 0.5 (``MIN_EVENT_PROVINCE``): a 0.4 mention alone names whose official or
office it is, not where the event was, so ``event_province`` returns None rather than guess.
Road names ("ถนนวิภาวดีรังสิต") and เขต + a name that is no Bangkok district ("เขตท่าเรือ",
a port zone) place nothing.
``method`` says how the name was resolved: gazetteer (province name or alias),
district (a district/subdistrict name unique nationwide), city (พัทยา, หัวหิน),
venue (a national venue or a ministry's head office named in the venue).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import ahocorasick

from extract.lexicons import read_table, read_words, trie_pattern
from extract.records import Mention

# Thai vowel and tone marks that never start a word: a match followed by one is cut mid-syllable.
_COMBINING = re.compile(r"[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
_THAI_LETTER = re.compile(r"[\u0e01-\u0e4e]")
# Zero-width spaces (U+200B) separate words in many web pages: they count as spaces.
_CHUNK = re.compile(r"\([^()\n]*\)|[^\s\u200b(]+(?:\([^()\n]*\))?|\(")
_DIGIT = re.compile(r"\d")
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
_TRIGGERS = re.compile(r"ส่งสัญญาณ(?:ออกอากาศ)?จาก|จัดขึ้น\s*(?:ณ|ที่)|ณ(?:\s*ที่(?!ว่าการ|ทำการ|พัก))?|ที่|บริเวณ")
# Nouns ending in ที่ ("area", "place", "duty", "officer") and "ตามที่" (as proposed by),
# "ได้ที่" (contact ... at): their ที่ is no venue.
_NOT_AT = ("พื้น", "สถาน", "หน้า", "ผู้", "ครั้ง", "ตาม", "ได้", "ได้ ")
_PLACE_CUES = re.compile(r"(?:ณ|ที่|ลงพื้นที่|ในพื้นที่|พื้นที่|เยือน|เดินทางไป(?:ยัง)?|ส่งสัญญาณจาก|จัดขึ้น(?:ณ|ที่)?)\s*$")
_NAME_BEFORE = re.compile(r"(?:นาย|นางสาว|นาง|น\.ส\.|ดร\.|พลเอก|พล\.อ\.|หม่อม\S*)\S+\s*$")
_FOREIGN_PREFIX = re.compile(
    r"(?:ประเทศ|สาธารณรัฐ(?:ประชาชน|สังคมนิยม|ประชาธิปไตยประชาชน)?|ราชอาณาจักร|สหพันธรัฐ|กรุง|นคร|เมือง)?"
)
_FOREIGN_PREFIX_BEFORE = re.compile(r"(?:ประเทศ|สาธารณรัฐ\S*|ราชอาณาจักร|สหพันธรัฐ|กรุง|นคร|เมือง)$")
_DATE_PAREN = re.compile(r"\(\s*\d")
_GLUED_JOR = re.compile(r"(?<=[\u0e01-\u0e4e])จ\.")
_NUMBER = re.compile(r"[\d/.-]+")
_ALL_NUMBER = re.compile(r"ทั้ง\s*\d")
_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux-]+[:)]")
_SPACES = re.compile(r"(?:[^\S\n]|\u200b)*")  # spaces, zero-width ones included, up to a line break
_MAX_VENUE_CHUNKS = 14
MIN_EVENT_PROVINCE = 0.5  # weakest province mention that may place an event on its own
_MAX_PENDING = 3
_TRAIL = ".,:;\"'“”‘’"


@dataclass(frozen=True, slots=True)
class Places:
    """Candidates in text order: ``venues`` (kind venue, value = the venue text),
    ``provinces`` (kind province, value = Thai province name), ``online`` (kind online,
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


# ---------------------------------------------------------------- lexicons


@cache
def _provinces() -> dict[str, tuple[str, str]]:
    """Every written form (name, alias) -> (province name, ISO code)."""
    forms: dict[str, tuple[str, str]] = {}
    for _code, iso, name, _en, _abbr, aliases in read_table("provinces.csv")[1:]:
        forms[name] = (name, iso)
        for alias in filter(None, aliases.split("|")):
            forms[alias] = (name, iso)
    return forms


@cache
def _places() -> dict[str, dict[str, str]]:
    """kind (district, subdistrict, city, venue) -> name -> province."""
    out: dict[str, dict[str, str]] = {"district": {}, "subdistrict": {}, "city": {}, "venue": {}}
    for name, province, kind in read_table("places.csv")[1:]:
        out[kind][name] = province
    for name, province, kind in read_table("known_places.csv"):
        out[kind][name] = province
    return out


@cache
def _foreign() -> tuple[str, ...]:
    return read_words("foreign_countries.txt") + read_words("foreign_cities.txt")


@cache
def _alternation(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(trie_pattern(set(words)))


@cache
def _kind_words(kind: str) -> tuple[str, ...]:
    """Names of one kind: province (names and aliases), district, subdistrict, city, venue,
    known (venues and cities), foreign."""
    if kind == "province":
        return tuple(_provinces())
    if kind == "known":
        return tuple(_places()["venue"]) + tuple(_places()["city"])
    if kind == "foreign":
        return _foreign()
    return tuple(_places()[kind])


@cache
def _names_re(kind: str) -> re.Pattern[str]:
    """Longest-first pattern over one kind of name (see ``_kind_words``)."""
    return _alternation(_kind_words(kind))


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
    return {w: k for w, k in read_table("venue_words.tsv")}


@cache
def _head_re() -> re.Pattern[str]:
    # Heads are read from at most 24 letters of a chunk: a longer "head" is a name, not a head.
    return _alternation(tuple(w for w in _venue_words() if len(w) <= 24))


@cache
def _stops(kind: str) -> tuple[str, ...]:
    return tuple(w for k, w in read_table("venue_stops.tsv") if k == kind)


@cache
def _stop_re(kind: str) -> re.Pattern[str]:
    return _alternation(_stops(kind))


@cache
def _online_cues() -> tuple[tuple[re.Pattern[str], re.Pattern[str] | None, str, float], ...]:
    """(cue, folded cue, value, weight). Python's regex engine cannot skip ahead to a
    case-insensitive pattern's first letter, so a "(?i)" cue written in lower case is also
    compiled without the flag, to run on the case-folded text: the same matches, much faster."""
    return tuple((re.compile(rx), _folded_cue(rx), value, float(w)) for rx, value, w in read_table("online_cues.csv"))


def _folded_cue(rx: str) -> re.Pattern[str] | None:
    body = rx.removeprefix("(?i)")
    # Only a whole-pattern (?i) with every letter already folded ("\S" is no folded "\s").
    if body == rx or body != body.casefold() or _INLINE_FLAGS.search(body):
        return None
    return re.compile(body)


def province_code(name: str) -> str | None:
    """ISO 3166-2 code of a province name or alias: "ชลบุรี" -> "TH-20", "กทม." -> "TH-10"."""
    hit = _provinces().get(name.strip().removeprefix("จังหวัด"))
    return hit[1] if hit else None


# ---------------------------------------------------------------- small helpers


def _whole_word_end(text: str, end: int) -> bool:
    return end >= len(text) or not _COMBINING.match(text[end])


def _standalone(text: str, start: int, end: int) -> bool:
    """A name standing as a word of its own: no Thai letter glued on either side."""
    before = start == 0 or not _THAI_LETTER.match(text[start - 1])
    after = end >= len(text) or not _THAI_LETTER.match(text[end])
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
    cuts = [m.start() for m in (glued, date, jor) if m]
    # A ")" without its "(" closes a bracket the venue was written in: "(ณ ห้องประชุม 1 กระทรวงแรงงาน)".
    close = chunk.find(")")
    if close > 0 and "(" not in chunk[:close]:
        cuts.append(close)
    return start + min(cuts) if cuts else end


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
        if n >= _MAX_VENUE_CHUNKS:
            break
        if n > 0 and _is_location(text, cs):
            end = pending[-1] if pending else end
            return end, _location_tail(text, cs)
        if n > 0 and chunk == "ณ" and _title_before(text, cs):
            # "สถานเอกอัครราชทูตไทย ณ กรุงโตเกียว": the embassy's city places the venue.
            end = pending[-1] if pending else end
            return end, _location_tail(text, cs)
        if n > 0 and _is_address(chunk) and "เลขที่" not in text[pos:end]:
            # The address is no part of the name ("สโมสรทหารบก ถนนวิภาวดีรังสิต") but still
            # places it; a number right before it is ("สะพานมิตรภาพแห่งที่ 3 ถนน...").
            if len(pending) == 1 and _NUMBER.fullmatch(text[end : pending[0]].strip()):
                end = pending[0]
            return end, _location_tail(text, cs)
        if chunk.startswith("("):
            if _DIGIT.search(chunk) or chunk == "(":
                break
            pending.append(ce)
            continue
        cut = _cut_glued(text, cs, ce)
        named = not pending and text[last_start:end] in words  # "ห้องประชุม" waits for its name
        head = _head_kind(chunk) not in (None, "lead")  # "... บริษัท" goes on with running text
        if n == 0 or head or _known_venue(chunk) or (named and not chunk.startswith(clause)):
            end, last_start, pending = cut, cs, []
            if cut < ce:
                break
            continue
        if chunk.startswith(clause) or cut < ce:
            break
        pending.append(ce)
        if len(pending) > _MAX_PENDING:
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
    return start, end


def _plural_after(text: str, end: int) -> bool:
    """A quantifier right after a venue: "ทั่วประเทศ", "ต่าง ๆ", "ทั้ง 3 แห่ง"."""
    pos = _skip_spaces(text, end)
    return _stop_re("plural").match(text, pos) is not None or _ALL_NUMBER.match(text, pos, pos + 8) is not None


def _skip_spaces(text: str, pos: int) -> int:
    return _SPACES.match(text, pos).end()


def _venue_at(text: str, trig: re.Match[str]) -> _Venue | None:
    """The venue after one trigger, or None when what follows is no place."""
    word = trig.group()
    pos = _skip_spaces(text, trig.end())
    wrapped = False
    if pos < len(text) and text[pos] == "\n" and word.startswith("ณ"):
        # Web pages often break the line right after ณ: "ด่านชายแดน CIQ ณ\nจุดผ่านแดนถาวรบ้านฮวก".
        pos, wrapped = _skip_spaces(text, pos + 1), True
    if pos >= len(text) or text[pos] == "\n":
        return None
    if word == "ที่" and text[max(0, trig.start() - 5) : trig.start()].endswith(_NOT_AT):
        return None
    first = _first_chunk(text, pos)
    head = _head_kind(first)
    if word == "ที่":
        if head not in ("place", "org"):
            return None  # "ที่พัทยา" names a city, no venue; "ที่ผ่านมา" no place at all
        glued = trig.start() > 0 and _THAI_LETTER.match(text[trig.start() - 1]) is not None
        # Glued to the word before, ที่ + an office is mostly a relative clause:
        # "ตามมาตรการที่ศูนย์ปฏิบัติการ...กำหนด".
        conf = 0.8 if head == "place" else (0.4 if glued else 0.7)
    elif word == "บริเวณ":
        if trig.start() > 0 and _THAI_LETTER.match(text[trig.start() - 1]):
            return None
        pos, conf = trig.start(), 0.6
    else:
        known = _known_venue(first)
        if wrapped and not (head or known):
            return None
        if word.startswith("ณ"):
            if trig.start() > 0 and _THAI_LETTER.match(text[trig.start() - 1]):
                return None  # ณ inside a word (คณะ, ประมาณ)
            if pos < len(text) and _COMBINING.match(text[pos]):
                return None
            if _NAME_BEFORE.search(text[max(0, trig.start() - 40) : trig.start()]) and not (head or known):
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
    if end <= start or text[start:end] in _venue_words():
        return None  # a bare "โรงเรียน" names no place
    if _plural_after(text, end):
        conf = min(conf, 0.5)  # "ณ ที่ว่าการอำเภอทั่วประเทศ" is no one event's place
    return _Venue(start, end, max(tail_end, end), conf)


def _superseded(venues: list[_Venue], text: str) -> list[_Venue]:
    """Lower a venue that a later one repeats in full: headlines are often cut short
    ("ณ ห้องประชุมชัยนา" before "ณ ห้องประชุมชัยนาทนเรนทร สำนักงาน...")."""
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
        out.append(_Venue(v.start, v.end, v.tail_end, round(v.confidence - 0.2, 2)) if longer else v)
    return out


def _find_venues(text: str) -> list[_Venue]:
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


def _context(text: str, start: int, venues: list[_Venue]) -> float:
    if any(v.start <= start < v.tail_end for v in venues):
        return 0.95
    if _cue_before(text, start):
        return 0.85
    if start > 0 and _THAI_LETTER.match(text[start - 1]):
        return 0.4
    return 0.7


def _mention(kind: str, text: str, s: int, e: int, value: str, method: str, conf: float) -> Mention:
    return Mention(kind=kind, text=text[s:e], value=value, start=s, end=e, method=method, confidence=conf)


def _in_venue(start: int, venues: list[_Venue]) -> bool:
    return any(v.start <= start < v.end for v in venues)


def _province_mentions(text: str, venues: list[_Venue], spans: dict[str, list[tuple[int, int]]]) -> list[Mention]:
    forms = _provinces()
    form_re = _names_re("province")
    places = _places()
    out: list[Mention] = []
    taken: set[int] = set()
    for m in _MARKER_RE.finditer(text):
        kind = _MARKERS[m.group()]
        if m.group() in ("จ.", "อ.", "ต.") and m.start() > 0 and _THAI_LETTER.match(text[m.start() - 1]):
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
            value, method = (places[kind][hit.group()], "district") if hit else (None, "")
        if hit and value:
            conf = _context(text, m.start(), venues)
            out.append(_mention("province", text, m.start(), hit.end(), value, method, conf))
            taken.update(range(m.start(), hit.end()))
    for s, e in spans["province"]:
        if s in taken or not _whole_word_end(text, e):
            continue
        if _on_road(text, s):
            continue  # "ถนนเพชรบุรี" in Bangkok
        inside = _in_venue(s, venues)
        right_free = e >= len(text) or not _THAI_LETTER.match(text[e])
        # Inside a venue a name may be glued on the left ("...ราชวิทยาลัยตรัง"), never on the
        # right: "ห้องประชุมชัยนาทนเรนทร" is a room named after a prince, not in ชัยนาท.
        if not ((inside and right_free) or _standalone(text, s, e)):
            continue
        conf = _context(text, s, venues)
        conf -= 0 if inside or conf >= 0.95 else 0.1  # a bare name loses unless in a venue's place words
        out.append(_mention("province", text, s, e, forms[text[s:e]][0], "gazetteer", conf))
        taken.update(range(s, e))
    for kind in ("city", "venue"):
        for s, e in spans[kind]:
            if s in taken or not _whole_word_end(text, e) or _on_road(text, s):
                continue  # "ถนนวิภาวดีรังสิต" runs through Bangkok, not รังสิต
            inside = _in_venue(s, venues)
            if kind == "venue" and not inside:
                continue  # "ข่าวทำเนียบรัฐบาล", "รัฐมนตรีว่าการกระทรวงมหาดไทย" place nothing
            if not inside and not (s == 0 or not _THAI_LETTER.match(text[s - 1])):
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
        if not linked and prefix_start > 0 and _THAI_LETTER.match(text[prefix_start - 1]) and not p:
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
        _mention("venue", text, v.start, v.end, text[v.start : v.end], "rule", v.confidence) for v in venues
    ]
    return Places(
        venues=venue_mentions,
        provinces=_province_mentions(text, venues, spans),
        online=_online_mentions(text),
        abroad=_abroad_mentions(text, venues, spans),
    )


_METHOD_RANK = {"gazetteer": 0, "district": 1, "city": 2, "venue": 3}


def event_province(places: Places, venue: Mention | None) -> tuple[str, str] | None:
    """(province, ISO code) of the event, or None when it is abroad or no province is known.

    Ranking: a province written in or right after the chosen venue (จังหวัด > district >
    city > national venue such as ทำเนียบรัฐบาล); None when the venue's place words are
    foreign; else the strongest province mention (see the module docstring), earliest first,
    unless a foreign place after ณ/ที่ comes before it.

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
    # A province glued into a position or an agency's name (0.4, "ผู้ว่าราชการจังหวัดชลบุรี",
    # "โรงงานในจังหวัดชุมพร") says whose official or office it is, not where the event was:
    # alone it leaves the province unknown.
    strong = [m for m in places.provinces if m.confidence >= MIN_EVENT_PROVINCE]
    if not strong:
        return None
    best = max(strong, key=lambda m: (m.confidence, -m.start))
    strong_abroad = [a for a in places.abroad if a.confidence >= 0.85 and a.start < best.start]
    if strong_abroad and best.confidence <= 0.85:
        return None
    return best.value, province_code(best.value)
