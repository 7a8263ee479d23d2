"""Counts of people taking part in an event ("ผู้เข้าร่วม ... จำนวน 250 คน").

Every number followed by a classifier for people (``patterns/count_units.csv``) becomes a
:class:`Count`; its confidence says how likely it counts the event's participants, from the
cue words around it (``patterns/count_cues.csv``): the nearest kind cue before the number
decides between participants ("ผู้เข้าร่วม") and people counted for another reason
("ประชากร", "ผู้ติดเชื้อ", aid recipients), a verb right after the unit ("... 200 คน
เข้าร่วมในพิธี") overrides it. Counts of organisations (แห่ง), views (ครั้ง), money, ages and
dates never match a people classifier, so they are not returned at all.

>>> [(c.value, c.qualifier) for c in find_counts("ผู้เข้าร่วมประชุม รวมจำนวนทั้งสิ้น กว่า 250 คน")]
[(250, 'at_least')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pythainlp.tokenize import word_tokenize
from pythainlp.util import thaiword_to_num

from .lexicons import read_table
from .records import Count

UNITS_FILE = "count_units.csv"
QUALIFIERS_FILE = "count_qualifiers.csv"
CUES_FILE = "count_cues.csv"

# best_count ignores candidates below this: a bare "N คน" with no cue is too often a
# statistic, not the event's attendance.
MIN_CONFIDENCE = 0.5
BARE_CONFIDENCE = 0.2
BEFORE_WINDOW = 250  # characters searched for cues before the number, within its line
AFTER_WINDOW = 25  # characters searched for a verb after the unit
PAST_WINDOW = 80
TOTAL_WINDOW = 15
# Millions of people are a national statistic (users of a scheme, passengers), not an audience.
NATIONAL_SCALE = 1_000_000
# A "ที่ผ่านมา" right after a date ("เมื่อวันที่ 11 กรกฎาคม ที่ผ่านมา") dates the event
# itself rather than marking an earlier figure.
_DATED_PAST = re.compile(r"(?:เมื่อ|\d)[^\n]{0,14}$")
# "ดำเนินการทั้งสิ้น 12 จังหวัด มีผู้เข้าร่วม 480 คน": a figure summed over provinces or
# sessions is the programme's, not this event's.
_AGGREGATE = re.compile(r"\d[\d,]*\s*(?:จังหวัด|รุ่น|ครั้ง|ภาค|กิจกรรม|โครงการ)")

_THAI_NUMBER_WORDS = "ศูนย์|หนึ่ง|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ|ยี่|เอ็ด|ร้อย|พัน|หมื่น|แสน|ล้าน"
_MULTIPLIERS = {"ร้อย": 100, "พัน": 1_000, "หมื่น": 10_000, "แสน": 100_000, "ล้าน": 1_000_000}
_SPACE = r"[ \t\u00a0]*"


@dataclass(frozen=True, slots=True)
class _Cue:
    text: str
    side: str  # before, after
    kind: str  # participant, other, total, past, ago, future, present, neutral (see the csv header)
    weight: float


@cache
def _units() -> dict[str, float]:
    return {unit: float(weight) for unit, weight in read_table(UNITS_FILE)}


@cache
def _qualifiers() -> dict[str, dict[str, str]]:
    by_position: dict[str, dict[str, str]] = {"before": {}, "after": {}}
    for word, position, qualifier in read_table(QUALIFIERS_FILE):
        by_position[position][word] = qualifier
    return by_position


@cache
def _cues() -> tuple[_Cue, ...]:
    return tuple(_Cue(t, s, k, float(w)) for t, s, k, w in read_table(CUES_FILE))


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def _count_re() -> re.Pattern[str]:
    before = _alternation(_qualifiers()["before"])
    after = _alternation(_qualifiers()["after"])
    number = (
        rf"(?P<digits>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)(?:{_SPACE}(?P<mult>{'|'.join(_MULTIPLIERS)}))?"
        rf"|(?P<words>(?:{_THAI_NUMBER_WORDS})+)"
    )
    return re.compile(
        rf"(?:(?P<qual>{before}){_SPACE})?(?:{number})"
        rf"(?:{_SPACE}(?P<qual_mid>{after}))?{_SPACE}(?P<unit>{_alternation(_units())})"
    )


@cache
def _cue_re(side: str) -> re.Pattern[str]:
    return re.compile(_alternation(c.text for c in _cues() if c.side == side))


@cache
def _cue_index() -> dict[tuple[str, str], _Cue]:
    return {(c.side, c.text): c for c in _cues()}


def _value(m: re.Match[str]) -> int | None:
    if m["words"]:
        try:
            return thaiword_to_num(m["words"])
        except ValueError:
            return None
    number = float(m["digits"].replace(",", ""))
    if m["mult"]:
        number *= _MULTIPLIERS[m["mult"]]
    return int(number) if number == int(number) else None


def _unit_is_word(text: str, unit_start: int) -> bool:
    """True when the classifier stands alone ("80 คน เข้าร่วม"), not as the head of a longer
    word ("3 รูปแบบ", "5 รายการ", "2 นายอำเภอ", "คนละ 500 บาท")."""
    tokens = word_tokenize(text[unit_start : unit_start + 16], engine="newmm")
    if not tokens:
        return False
    return tokens[0] in _units() and not (len(tokens) > 1 and tokens[1].startswith("ละ"))


def _is_year_before_name(m: re.Match[str], value: int) -> bool:
    """A date's year followed by a man's name ("25 กุมภาพันธ์ 2568 นายศุภกิจ") is not
    "2568 นาย" (policemen)."""
    return m["unit"] == "นาย" and "," not in (m["digits"] or ",") and 1900 <= value <= 2700


def _line_start(text: str, pos: int, width: int) -> int:
    return max(text.rfind("\n", 0, pos) + 1, pos - width)


def _nearest_before(window: str) -> dict[str, tuple[int, _Cue]]:
    """Per cue kind, the cue closest to the window's end and its distance from that end."""
    found: dict[str, tuple[int, _Cue]] = {}
    for m in _cue_re("before").finditer(window):
        cue = _cue_index()[("before", m.group())]
        found[cue.kind] = (len(window) - m.end(), cue)
    return found


def _participant_score(window: str) -> float:
    """The strongest participation cue before the number, weakened with distance: a far
    "ผู้เข้าร่วม" outweighs a near "ประชุม"."""
    best = 0.0
    for m in _cue_re("before").finditer(window):
        cue = _cue_index()[("before", m.group())]
        if cue.kind == "participant":
            distance = len(window) - m.end()
            best = max(best, 0.85 * cue.weight * (1 - 0.3 * distance / BEFORE_WINDOW))
    return best


def _first_after(window: str) -> _Cue | None:
    m = _cue_re("after").search(window)
    # Only a verb that follows the unit closely belongs to this count.
    if m is None or m.start() > 12:
        return None
    cue = _cue_index()[("after", m.group())]
    # "... 311 คน มีผู้เข้าร่วมงาน": a noun opening the next clause says nothing of this count.
    return None if cue.kind == "neutral" else cue


def _qualifier(m: re.Match[str], text: str) -> str:
    qualifiers = _qualifiers()
    if m["qual"]:
        return qualifiers["before"][m["qual"]]
    if m["qual_mid"]:
        return qualifiers["after"][m["qual_mid"]]
    following = text[m.end() : m.end() + 12].lstrip()
    for word, qualifier in qualifiers["after"].items():
        if following.startswith(word):
            return qualifier
    return "exact"


def _is_past(before: str, kinds: dict[str, tuple[int, _Cue]]) -> bool:
    """An earlier, running, programme-wide or expected figure rather than this event's."""
    for kind in ("past", "ago", "future"):
        if kind not in kinds or kinds[kind][0] >= PAST_WINDOW:
            continue
        distance, cue = kinds[kind]
        if kind == "ago" and _DATED_PAST.search(before[: len(before) - distance - len(cue.text)]):
            continue
        return True
    return False


def _confidence(text: str, start: int, end: int, unit: str, value: int) -> float:
    before = text[_line_start(text, start, BEFORE_WINDOW) : start]
    after = text[end : end + AFTER_WINDOW].split("\n")[0]
    kinds = _nearest_before(before)
    verb = _first_after(after)

    if verb is not None and verb.kind == "other":
        return 0.0
    participant = kinds.get("participant")
    other = kinds.get("other")
    if verb is not None:
        score = 0.9 * verb.weight
    elif other is not None and (participant is None or other[0] < participant[0]):
        return 0.0
    elif participant is not None:
        score = _participant_score(before)
    else:
        score = BARE_CONFIDENCE

    if "total" in kinds and kinds["total"][0] <= TOTAL_WINDOW:
        # A sum of people counts participants only when something says they took part
        # ("ผู้เข้าร่วม ... รวมทั้งสิ้น 94 คน"); alone it is as often staff or pupils.
        score = score + 0.1 if participant is not None or verb is not None else max(score, 0.45)
    if "present" in kinds:
        score += 0.05
    if _is_past(before, kinds) or _AGGREGATE.search(before[-PAST_WINDOW:]):
        score *= 0.5
    if value >= NATIONAL_SCALE:
        score *= 0.5
    return round(min(score, 0.95) * _units()[unit], 3)


def find_counts(text: str) -> list[Count]:
    """Every count of people in ``text``, in text order; confidence 0 for people who are
    not taking part (population, cases, aid recipients, awardees).

    >>> [(c.text, c.value, c.confidence) for c in find_counts("มีผู้เข้าร่วมกิจกรรม จำนวน 94 คน")]
    [('94 คน', 94, 0.85)]
    """
    counts: list[Count] = []
    for m in _count_re().finditer(text):
        if not _unit_is_word(text, m.start("unit")):
            continue
        value = _value(m)
        qualifier = _qualifier(m, text)
        if not value or qualifier == "vague" or _is_year_before_name(m, value):
            continue
        start = m.start()
        counts.append(
            Count(
                text=text[start : m.end()],
                value=value,
                qualifier=qualifier,
                start=start,
                end=m.end(),
                confidence=_confidence(text, start, m.end(), m["unit"], value),
            )
        )
    return counts


def best_count(counts: list[Count]) -> Count | None:
    """The participants of the main event: the most confident count, the earliest on a tie;
    None when no count reaches ``MIN_CONFIDENCE``."""
    ranked = [c for c in counts if c.confidence >= MIN_CONFIDENCE]
    return max(ranked, key=lambda c: (c.confidence, -c.start), default=None)
