"""Counts of people taking part in an event ("ผู้เข้าร่วม ... จำนวน 250 คน").

Every number followed by a classifier for people (``patterns/count_units.csv``) becomes a
:class:`Count`; its confidence says how likely it counts the event's participants, from the
cue words around it (``patterns/count_cues.csv``): the nearest kind cue before the number
decides between participants ("ผู้เข้าร่วม") and people counted for another reason
("ประชากร", "ผู้ติดเชื้อ", aid recipients), a verb right after the unit ("... 200 คน
เข้าร่วมในพิธี") overrides it, except after a close "client" noun (people a programme
processes: "ผู้เสพยาเสพติด", "ผู้ต้องขัง", graduates). A total after sub-counts ("41 คน และ
11 คน รวมทั้งสิ้น 52 คน ... เข้าร่วม") is preferred to its parts. Counts of organisations
(แห่ง), views (ครั้ง), money, ages and dates never match a people classifier, so they are
not returned at all.

>>> [(c.value, c.qualifier) for c in find_counts("ผู้เข้าร่วมประชุม รวมจำนวนทั้งสิ้น กว่า 250 คน")]
[(250, 'at_least')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache

from pythainlp.util import thaiword_to_num

from . import lexicons
from .records import Count
from .thai import NAME_START, alternation, words
from .tuning import (
    ADJACENT,
    AFTER_WINDOW,
    BARE_CONFIDENCE,
    BEFORE_WINDOW,
    CLIENT_WINDOW,
    LARGE_SCALE,
    LOOKBACK,
    MIN_CONFIDENCE,
    NATIONAL_SCALE,
    NEG_REACH,
    NUMBER_GAP,
    PART_CEILING,
    PARTS_REACH,
    PAST_WINDOW,
    STRONG_CUE,
    TOTAL_AFTER,
    TOTAL_CONFIDENCE,
    TOTAL_WINDOW,
)

UNITS_FILE = "count_units.csv"
QUALIFIERS_FILE = "count_qualifiers.csv"
CUES_FILE = "count_cues.csv"

# Agent nouns ("ผู้เข้าร่วม", "ผู้แทน") name who is counted; participation verbs only say
# what a client did ("ผู้ต้องขังเข้าอบรม"), so only a noun between wins over a client noun.
AGENT_PREFIX = "ผู้"
# A "ที่ผ่านมา" right after a date ("เมื่อวันที่ 11 กรกฎาคม ที่ผ่านมา") dates the event
# itself rather than marking an earlier figure.
_DATED_PAST = re.compile(r"(?:เมื่อ|\d)[^\n]{0,14}$")
# "ดำเนินการทั้งสิ้น 12 จังหวัด มีผู้เข้าร่วม 480 คน": a figure summed over provinces or
# sessions is the programme's, not this event's.
# "ฝ่ายละ 5 คน", "ตำบลละ 100 คน": a quota per group, not a number of people present ("และ" is
# not one).
_PER_GROUP = re.compile(r"(?<!แ)ละ[ \t\u00a0]*+(?:จำนวน[ \t\u00a0]*+)?$")
# People who come from several provinces are one audience, not a sum: "บุคลากรทางการศึกษาจาก
# 25 จังหวัดภาคกลาง เข้าร่วมกว่า 1,200 คน" (bulk: 8 such counts in a third of the corpus, 5 are
# the attendance, the others stay out for other reasons).
_AGGREGATE = re.compile(
    r"(?P<origin>จาก(?:จังหวัด)?\s*+)?(?<![\d,])\d[\d,]*+\s*+(?:จังหวัด|รุ่น|ครั้ง|ภาค|กิจกรรม|โครงการ)"
)


# A capacity, not a number present: "รองรับผู้ชุมนุมได้ประมาณ 100 - 200 คน", "รองรับได้ 50 คน"
# (bulk: 70 "รองรับ ... ได้ N คน/ราย" in 55 releases; of 25 read, 23 capacities of halls,
# shelters, trains and quarantine sites, the other two a target and a figure of another clause).
_CAPACITY = re.compile(r"รองรับ[^\n]{0,60}?ได้[^\n\d]{0,25}?(?:\d[\d,]*[ \t\u00a0]*-[ \t\u00a0]*)?$")
# A group sent somewhere else, not present at this event: "ได้จัดส่งนักกีฬาเข้าร่วมการแข่งขันดังกล่าว
# จำนวน 85 คน", "ส่งแรงงานไทยไปทำงานต่างประเทศแล้ว 58,673 คน" (bulk: 30 such counts in 17 releases,
# all workers, athletes, youths or stranded Thais sent away or home). Only a sending already done
# ("ได้ส่ง", "จัดส่ง") or workers and Thais sent abroad: "ทีมไทยส่งนักกีฬาเข้าแข่งขัน 846 คน" at the
# games' opening is that event's, and so is the group of a send-off ceremony ("พิธีส่งคณะ..."), nor
# is "ส่งผู้แทน" ("หน่วยงานส่งผู้แทนเข้าร่วมประชุม" is this meeting's).
_SENT_GROUP = "(?:ตัว)?(?:คณะ|ทีม|นักกีฬา|เยาวชน|นักเรียน|นักศึกษา|แรงงาน|คนไทย)"
_SENT = re.compile(
    rf"(?:(?<!พิธี)(?:ได้)?จัดส่ง{_SENT_GROUP}|ได้ส่ง{_SENT_GROUP}|(?<!พิธี)ส่ง(?:ตัว)?(?:แรงงาน|คนไทย))[^\n\d]{{0,60}}$"
)


def _is_aggregate(before: str) -> bool:
    return any(m["origin"] is None for m in _AGGREGATE.finditer(before))

_THAI_NUMBER_WORDS = "ศูนย์|หนึ่ง|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ|ยี่|เอ็ด|ร้อย|พัน|หมื่น|แสน|ล้าน"
_MULTIPLIERS = {"ร้อย": 100, "พัน": 1_000, "หมื่น": 10_000, "แสน": 100_000, "ล้าน": 1_000_000}
_SPACE = r"[ \t\u00a0]*+"
_NAME_START = re.compile(f"[{NAME_START}]")


@dataclass(frozen=True, slots=True)
class _Cue:
    text: str
    side: str  # before, after
    kind: str  # participant, other, total, past, ago, future, present, neutral (see the csv header)
    weight: float


@cache
def _units() -> dict[str, float]:
    return {unit: float(weight) for unit, weight in lexicons.columns(UNITS_FILE, "unit", "weight")}


@cache
def _qualifiers() -> dict[str, dict[str, str]]:
    by_position: dict[str, dict[str, str]] = {"before": {}, "after": {}}
    for word, position, qualifier in lexicons.columns(QUALIFIERS_FILE, "word", "position", "qualifier"):
        by_position[position][word] = qualifier
    return by_position


@cache
def _cues() -> tuple[_Cue, ...]:
    return tuple(_Cue(t, s, k, float(w)) for t, s, k, w in lexicons.columns(CUES_FILE, "cue", "side", "kind", "weight"))


@cache
def _count_re() -> re.Pattern[str]:
    before = alternation(_qualifiers()["before"])
    after = alternation(_qualifiers()["after"])
    number = (
        # A number starts a run of digits: tried inside one, it would rescan the run (quadratic).
        rf"(?P<digits>(?<![\d,.])(?>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?))(?:{_SPACE}(?P<mult>{'|'.join(_MULTIPLIERS)}))?"
        rf"|(?P<words>(?:{_THAI_NUMBER_WORDS})+)"
    )
    # Anchored at the end: it is only tried right before a classifier found by _unit_re.
    return re.compile(
        rf"(?:(?P<qual>{before}){_SPACE})?(?:{number})"
        rf"(?:{_SPACE}(?P<qual_mid>{after}))?{_SPACE}(?P<unit>{alternation(_units())})\Z"
    )


# A cheap test before the full pattern: a digit or a Thai number word just before the
# classifier ("นาย" opens every name, "คน" ends many words).
_NUMBER_HINT = re.compile(rf"\d|{_THAI_NUMBER_WORDS}")


@cache
def _unit_re() -> re.Pattern[str]:
    return re.compile(alternation(_units()))


def _count_matches(text: str) -> Iterator[re.Match[str]]:
    """Count phrases, found from their classifier backwards: scanning every position of the
    text with the whole pattern costs several times more."""
    done = 0
    for unit in _unit_re().finditer(text):
        if not _NUMBER_HINT.search(text, max(0, unit.start() - NUMBER_GAP), unit.start()):
            continue
        m = _count_re().search(text, max(done, unit.start() - LOOKBACK), unit.end())
        if m is not None:
            done = m.end()
            yield m


@cache
def _cue_re(side: str) -> re.Pattern[str]:
    return re.compile(alternation(c.text for c in _cues() if c.side == side))


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


# Nouns headed by a classifier that the tokenizer splits before some words ("2568 รายงานการ
# เบิกจ่าย" -> ราย|งานการ): never a count.
_SPLIT_NOUNS = ("รายงาน",)


def _unit_is_word(text: str, unit_start: int) -> bool:
    """True when the classifier stands alone ("80 คน เข้าร่วม"), not as the head of a longer
    word ("3 รูปแบบ", "5 รายการ", "2 นายอำเภอ", "คนละ 500 บาท")."""
    if text.startswith(_SPLIT_NOUNS, unit_start):
        return False
    tokens = words(text[unit_start : unit_start + 16])
    if not tokens:
        return False
    return tokens[0] in _units() and not (len(tokens) > 1 and tokens[1].startswith("ละ"))


def _is_title_of_name(m: re.Match[str], value: int, text: str) -> bool:
    """"นาย" written against the next word opens a man's name, not a count of policemen:
    "วันที่ 15 ต.ค. 66 นายชัย วัชรงค์", "1.4 นายสมพร" (25 of 25 such "N นาย<letter>" read in
    the bulk corpus); a date's year before a spaced name ("25 กุมภาพันธ์ 2568 นาย ศุภกิจ")
    is not one either."""
    if m["unit"] != "นาย":
        return False
    if _NAME_START.match(text, m.end()):
        return True
    return "," not in (m["digits"] or ",") and 1900 <= value <= 2700


def _line_start(text: str, pos: int, width: int) -> int:
    return max(text.rfind("\n", max(0, pos - width), pos) + 1, pos - width, 0)


def _nearest_before(window: str) -> dict[str, tuple[int, _Cue]]:
    """Per cue kind, the cue closest to the window's end and its distance from that end;
    "agent" is the closest participant noun ("ผู้เข้าร่วม"), "not_taking_part" the closest
    other or client cue."""
    found: dict[str, tuple[int, _Cue]] = {}
    for m in _cue_re("before").finditer(window):
        cue = _cue_index()[("before", m.group())]
        nearest = (len(window) - m.end(), cue)
        found[cue.kind] = nearest
        if cue.kind == "participant" and cue.text.startswith(AGENT_PREFIX):
            found["agent"] = nearest
        elif cue.kind in ("other", "client") and nearest[0] <= NEG_REACH:
            found["not_taking_part"] = nearest
    return found


def _client_is_subject(kinds: dict[str, tuple[int, _Cue]]) -> bool:
    """A client noun right before the number, no participant noun after it: "ผู้ต้องขัง
    เข้าอบรมรวมกว่า 1,200 คน ร่วมโครงการ" counts inmates, not an audience."""
    client = kinds.get("client")
    if client is None or client[0] > CLIENT_WINDOW:
        return False
    agent = kinds.get("agent")
    return agent is None or agent[0] > client[0]


def _takes_part_later(text: str, end: int) -> bool:
    """A participation verb a little after a total, before any other number: "รวมทั้งสิ้น
    52 คน และเจ้าหน้าที่ที่เกี่ยวข้อง เข้าร่วม"."""
    after = text[end : end + TOTAL_AFTER].split("\n")[0]
    digit = re.search(r"\d", after)
    if digit:
        after = after[: digit.start()]
    for m in _cue_re("after").finditer(after):
        cue = _cue_index()[("after", m.group())]
        if cue.kind != "neutral":
            return cue.kind == "participant"
    return False


def _took_part_earlier(text: str, first_part: int, start: int) -> bool:
    """A participant cue introducing the parts or between them: "โดยมีผู้เข้าร่วม ประกอบด้วย
    ... จำนวน 41 คน และ ... จำนวน 11 คน รวมทั้งสิ้น 52 คน"."""
    sentence = text[_line_start(text, first_part, BEFORE_WINDOW) : start]
    kinds = _nearest_before(sentence)
    participant, other = kinds.get("participant"), kinds.get("not_taking_part")
    return participant is not None and (other is None or other[0] > participant[0])


def _is_adjacent_participation(kinds: dict[str, tuple[int, _Cue]], verb: _Cue | None) -> bool:
    participant = kinds.get("participant")
    if verb is not None and verb.kind == "participant":
        return True
    return participant is not None and participant[0] <= ADJACENT and participant[1].weight >= STRONG_CUE


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


# What may stand between a count and the participation verb that makes its people the
# audience: "8 คน ที่เข้าร่วม", "2 ท่าน ได้ร่วม", "25 คน เตรียมเข้าอบรม", "ร่วมพันคน...เข้าร่วม",
# "52 ราย / 40 บูธ เข้าร่วม", and the motion words news puts before a crowd's verb ("200 คน
# ออกมาชุมนุม", "30 คน เข้ายื่นหนังสือ", "300 คน ต่างพากันมารอ", "1,000 คน ยืนรอเฝ้ารับเสด็จ").
# Any other word means the verb is glued into another clause ("1.8 พันราย มูลหนี้ลดลงร่วม 297
# ล้านบาท", "9 ท่าน ประชุมร่วมกัน", "3 คน โดยทำงานร่วมกับ"): in the bulk sample 13 of 20 verbs
# found with a word between were such clauses.
_VERB_LINK = re.compile(r"(?:[\s\u200b.…,\"”)]|/\s*[\d,]+\s*\S+|ที่|ได้|ซึ่ง|มา|ไป|เข้า|ออก|ต่าง|พากัน|ก็|เดินทาง|ยืน|นั่ง|รอ|ให้เกียรติ|พร้อมใจกัน|เตรียม)*")


def _first_after(window: str) -> _Cue | None:
    m = _cue_re("after").search(window)
    # Only a verb that follows the unit closely belongs to this count.
    if m is None or m.start() > 12:
        return None
    cue = _cue_index()[("after", m.group())]
    if cue.kind == "participant" and not _VERB_LINK.fullmatch(window, 0, m.start()):
        return None
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


# "ทั่วประเทศ" marks a nationwide, programme-wide figure ("ผู้ใช้สิทธิทั่วประเทศ 1.2 ล้านคน"), unless
# a participation word follows it: then it says where this event's people came from
# ("พยาบาลในโรงพยาบาลทุกระดับทั่วประเทศและผู้เกี่ยวข้องร่วมประชุม จำนวน 600 คน").
_ORIGIN_WORDS = ("ทั่วประเทศ",)
# A target group or area names the audience ("กลุ่มเป้าหมาย", "พื้นที่เป้าหมาย"): a participation
# verb right after the count says they took part ("โดยมีกลุ่มเป้าหมายรับมอบนโยบาย ประกอบด้วย ...
# รวม 327 คน ร่วมรับฟังที่ห้องประชุม"; bulk: 4 such counts, 4 the attendance). A target met or
# exceeded is no audience ("เกินเป้าหมาย ... ครบ 100 คน ร่วมฝ่าวิกฤต", the fifth).
_TARGET_NOUNS = ("เป้าหมาย",)
_TARGET_HEADS = ("กลุ่ม", "พื้นที่")


def _is_past(before: str, kinds: dict[str, tuple[int, _Cue]], verb: _Cue | None = None) -> bool:
    """An earlier, running, programme-wide or expected figure rather than this event's."""
    for kind in ("past", "ago", "future"):
        if kind not in kinds or kinds[kind][0] >= PAST_WINDOW:
            continue
        distance, cue = kinds[kind]
        if kind == "ago" and _DATED_PAST.search(before[: len(before) - distance - len(cue.text)]):
            continue
        if cue.text in _ORIGIN_WORDS and "participant" in kinds and kinds["participant"][0] < distance:
            continue
        if cue.text in _TARGET_NOUNS and verb is not None and verb.kind == "participant":
            if before[: len(before) - distance - len(cue.text)].endswith(_TARGET_HEADS):
                continue
        return True
    return False


def _confidence(text: str, start: int, end: int, unit: str, value: int, first_part: int | None) -> float:
    before = text[_line_start(text, start, BEFORE_WINDOW) : start]
    after = text[end : end + AFTER_WINDOW].split("\n")[0]
    kinds = _nearest_before(before)
    verb = _first_after(after)

    if verb is not None and verb.kind in ("other", "client"):
        return 0.0
    if _client_is_subject(kinds) or _PER_GROUP.search(before):
        return 0.0
    if _CAPACITY.search(before) or _SENT.search(before):
        return 0.0
    participant = kinds.get("participant")
    other = kinds.get("not_taking_part")
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
        if first_part is not None and (
            _takes_part_later(text, end) or _took_part_earlier(text, first_part, start)
        ):
            score = max(score, TOTAL_CONFIDENCE)
    if "present" in kinds:
        score += 0.05
    if _is_past(before, kinds, verb) or _is_aggregate(before[-PAST_WINDOW:]):
        score *= 0.5
    if value >= NATIONAL_SCALE:
        score *= 0.5
    if value > LARGE_SCALE and not _is_adjacent_participation(kinds, verb):
        score *= 0.5
    return round(min(score, 0.95) * _units()[unit], 3)


def find_counts(text: str) -> list[Count]:
    """Every count of people in ``text``, in text order; confidence 0 for people who are
    not taking part (population, cases, aid recipients, awardees).

    >>> [(c.text, c.value, c.confidence) for c in find_counts("มีผู้เข้าร่วมกิจกรรม จำนวน 94 คน")]
    [('94 คน', 94, 0.843)]
    """
    counts: list[Count] = []
    for m in _count_matches(text):
        if not _unit_is_word(text, m.start("unit")):
            continue
        value = _value(m)
        qualifier = _qualifier(m, text)
        if not value or qualifier == "vague" or _is_title_of_name(m, value, text):
            continue
        start = m.start()
        parts = _parts_before(text, counts, len(counts), start)
        counts.append(
            Count(
                text=text[start : m.end()],
                value=value,
                qualifier=qualifier,
                start=start,
                end=m.end(),
                confidence=_confidence(text, start, m.end(), m["unit"], value, parts[0].start if parts else None),
            )
        )
    return _demote_parts(text, counts)


def _parts_before(text: str, counts: list[Count], end: int, start: int) -> list[Count]:
    """The counts among ``counts[:end]`` just before ``start`` in its paragraph, the
    possible parts of a total."""
    floor = _line_start(text, start, PARTS_REACH)
    first = end
    while first > 0 and counts[first - 1].start >= floor:
        first -= 1
    return counts[first:end]


def _demote_parts(text: str, counts: list[Count]) -> list[Count]:
    """Counts that add up to another count of the paragraph are its parts, before it
    ("1,288 คน ... 72 คน ... 45 คน รวมทั้งสิ้น 1,405 คน") or after it ("60 คน แบ่งเป็น ...
    16 คน ด้านกีฬา 20 คน ด้านดนตรี 24 คน เพื่อเข้าร่วม"): the whole takes the confidence of
    its best part unless it was ruled out, the parts are never the answer themselves."""
    result = list(counts)
    for k, whole in enumerate(counts):
        before = range(k - 1, k - 1 - len(_parts_before(text, counts, k, whole.start)), -1)
        after = range(k + 1, _parts_end(text, counts, k))
        for run in (before, after):
            parts = _adding_up(counts, run, whole.value)
            if not parts:
                continue
            if whole.confidence > 0:
                best = max(counts[j].confidence for j in parts)
                result[k] = replace(result[k], confidence=max(result[k].confidence, best))
            for j in parts:
                result[j] = replace(result[j], confidence=min(result[j].confidence, PART_CEILING))
    return result


def _parts_end(text: str, counts: list[Count], k: int) -> int:
    """One past the last count after ``counts[k]`` within PARTS_REACH in its paragraph."""
    limit = counts[k].end + PARTS_REACH
    newline = text.find("\n", counts[k].end, limit)
    if newline != -1:
        limit = newline
    end = k + 1
    while end < len(counts) and counts[end].start < limit:
        end += 1
    return end


def _adding_up(counts: list[Count], run: range, value: int) -> list[int]:
    """The first two or more counts of ``run`` whose values add up to ``value``."""
    total = 0
    for n, j in enumerate(run):
        total += counts[j].value
        if total == value and n > 0:
            return list(run[: n + 1])
        if total > value:
            break
    return []


def plain_count(counts: list[Count], text: str) -> Count | None:
    """The first count of people (unit คน) that no rule rules out and that is not an earlier,
    expected or programme-wide figure: the attendance a news or web page reports in plain words,
    when no count carries a cue (``best_count`` found none). Not for thaigov releases, whose
    uncued figures are mostly statistics (10-25% attendance in bulk samples); on news pages the
    first "N คน" is the event's size far more often (issue 15: 0.92 F1 on a news-outlet set).
    Millions are a national figure, never the size of the event ("ผู้ใช้แรงงานกว่า 38 ล้านคน")."""
    for c in counts:
        if c.confidence <= 0 or not c.text.rstrip().endswith("คน") or c.value >= NATIONAL_SCALE:
            continue
        before = text[_line_start(text, c.start, BEFORE_WINDOW) : c.start]
        if _is_past(before, _nearest_before(before)) or _is_aggregate(before[-PAST_WINDOW:]):
            continue
        return replace(c, method="plain-first")
    return None


def best_count(counts: list[Count]) -> Count | None:
    """The participants of the main event: the most confident count, the earliest on a tie;
    None when no count reaches ``MIN_CONFIDENCE``."""
    ranked = [c for c in counts if c.confidence >= MIN_CONFIDENCE]
    return max(ranked, key=lambda c: (c.confidence, -c.start), default=None)
