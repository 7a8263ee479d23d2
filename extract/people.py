"""Officials: honorific + name, the position written next to it, and the part played.

Thai press releases name people as honorific + given name + surname, the honorific often
glued to the given name ("นายอำนาจ เจริญศรี") and the position following the surname,
sometimes glued to it ("นายปรเมศ งามพิเชษฐ์นายกเมืองพัทยา"). A title must start a word
("มิถุนายน" holds no นาย), a verb is never a surname, a royal-lineage surname keeps its
"ณ อยุธยา", a post shared by a list of names goes to each of them, and a plain name right
after an abbreviated post ("ผอ.สมชาย ใจดี") counts. Lexicons live in ``patterns/``:
honorifics.csv, positions.txt, people_position_parts.csv, people_cues.csv.

>>> [(o.honorific, o.name, o.position, o.role) for o in find_officials(
...     "นายสุพจน์ ศรีงามเมือง ผู้ช่วยเลขาธิการคณะกรรมการ ป.ป.ช. ภาค 7 เป็นประธานเปิดการประชุม")]
[('นาย', 'สุพจน์ ศรีงามเมือง', 'ผู้ช่วยเลขาธิการคณะกรรมการ ป.ป.ช. ภาค 7', 'chair')]
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from extract import lexicons, thai
from extract.lexicons import province_forms
from extract.records import Official
from extract.thai import BLOCK, NAME_START, WORD_LETTER, WORD_LETTER_RE, alternation, common_words, in_block

from .tuning import (
    ENUMERATED_FIELD,
    ENUMERATION_WORDS,
    GLUE_SPAN,
    LINE_SPAN,
    MAX_NAME,
    PLAIN_GIVEN,
    PLAIN_SURNAME,
    SURNAME_SIMILARITY,
)

HSPACE = r"[ \t\u00a0]"
# Thai letters and marks, without ฯ, ๆ and digits: none of those occur inside a personal name.
NAME_RE = rf"[{NAME_START}][{WORD_LETTER}]+"

_NEXT_TOKEN = re.compile(rf"{HSPACE}+([^\s]+)")
_SPACES = re.compile(rf"{HSPACE}*")
_TOKEN_REST = re.compile(r"[^\s]*")
# "ป.ป.ท.", "อบจ.ภูเก็ต": letters and dots, no dot doubled. Each dot closes one run of letters,
# so a long token that fails to match ("จ.อ่างทองรับแจ้ง...เลขที่3") is rejected in linear time;
# the former "(?:[...]{1,6}\.?)*" split a letter run every possible way (30 letters: minutes).
_ACRONYM = re.compile(rf"[{WORD_LETTER}]{{1,6}}\.(?:[{WORD_LETTER}]+\.)*[{WORD_LETTER}]*")
# a dotted unit acronym ending in its number; not a year (พ.ศ.2567), a month (ม.ค.67) or a village (ม.3)
_NUMBERED_UNIT = re.compile(
    r"(?!(?:พ\.ศ|ค\.ศ|ม|ม\.ค|ก\.พ|มี\.ค|เม\.ย|พ\.ค|มิ\.ย|ก\.ค|ส\.ค|ก\.ย|ต\.ค|พ\.ย|ธ\.ค)\.\d)"
    rf"[{WORD_LETTER}]{{1,6}}\.(?:[{WORD_LETTER}]{{1,6}}\.){{0,3}}\d{{1,4}}"
)
# a nickname after a name: "หรือ ทนายต๋อย", "หรือเสี่ยอ้วน", "หรือ “ผู้ใหญ่ต้น”"
_ALIAS = re.compile(r"[ \t\u00a0]{1,4}หรือ[ \t\u00a0]{0,4}(?!ไม่|เปล่า)[“\"]?[^\s“”\"]{2,20}[”\"]?(?=[ \t\u00a0])")
# a faculty after a post ("อาจารย์ประจำภาควิชา... คณะวิศวกรรมศาสตร์"); "คณะผู้บริหาร" and other
# คณะ groups after a post start the next group of people
_FACULTY = re.compile(rf"คณะ[{WORD_LETTER}]{{0,30}}ศาสตร์")
_LATIN = re.compile(r"[A-Za-z][A-Za-z&.\-]*")
_NAME = re.compile(NAME_RE)
_WS = re.compile(r"\s+")
_THAI_RUN = re.compile(rf"[{WORD_LETTER}]*")
_LINE_AND_BRACKETS = re.compile(r"[\n()]")
_EXTRA_PART = re.compile(rf"{HSPACE}+({NAME_RE})(?=[\s(]|$)")
_LATIN_GLOSS = re.compile(r"\((?:H\.?\s?E\.?\s*)?(?:Mr|Ms|Mrs|Dr|Prof)?\.?\s*[A-Z]")
_GLOSS = re.compile(rf"{HSPACE}*\([^()\n{BLOCK}]{{1,100}}\)")  # "(Mr. Robert F. Godec)"
_LATIN_NAME = re.compile(
    r"(?<![A-Za-z])(?P<hon>(?:H\.?\s?E\.?\s*)?(?:Mrs|Mr|Ms|Dr|Prof)\.?)\s*"
    r"(?P<given>[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?)"
    r"(?P<sur>(?:\s+(?:[A-Z]\.|[A-Z][a-z][A-Za-z'\-]*)){1,5})"
)
# a day and an abbreviated month glued before a title in news text: "เมื่อวันที่ 4 พ.ย.นายสุวิทย์"
_DAY_MONTH_BEFORE = re.compile(r"(?<!\d)\d{1,2}\s?(?:ม\.ค|ก\.พ|มี\.ค|เม\.ย|พ\.ค|มิ\.ย|ก\.ค|ส\.ค|ก\.ย|ต\.ค|พ\.ย|ธ\.ค)\.$")
# where a post written before a name may start: after a space or bracket, or after a list mark
# glued to it ("-รัฐมนตรีว่าการกระทรวงยุติธรรม (พันตำรวจเอก ...)", "1. รองนายกรัฐมนตรี (นาย...)")
_BEFORE_START = re.compile(r"(?:(?<=[\s()\-•*])|(?<=\d\.)|^)(?:และ)?([^\s()\-•*])")
# "ทหารจำนวน 110 นาย ไปช่วย...": นาย after a number, spaced off what follows, counts men; not
# after a year ("พ.ศ. 2565 นาย ธนกร ...")
_COUNTED = re.compile(r"(?<![\d,])(?!(?:25|19|20)\d\d\D)\d[\d,]*[ \t\u00a0]?$")
# an age glued after a surname: "นางสายชล หลวงแสงอายุ 45 ปี"
_AGE = re.compile(rf"อายุ{HSPACE}*\d")
_ENGLISH_POSITION = re.compile(rf"[A-Z][^\n{BLOCK}]{{1,120}}")
SAME_GIVEN_COMPARED = 32  # officials of one given name a new surname is compared with (_same_person)
# ranks that "ว่าที่" (acting, pending appointment) may precede: "ว่าที่ พ.ต.", "ว่าที่พันตำรวจเอก"
RANK_FAMILIES = ("military", "royal_thai_navy", "royal_thai_air_force", "police", "volunteer_defence")


@cache
def _prefix_re(words: tuple[str, ...], min_len: int = 1) -> re.Pattern[str] | None:
    """One alternation for a word list: a single regex match replaces a scan of every word."""
    kept = tuple(w for w in words if w and len(w) >= min_len)
    return re.compile(alternation(kept)) if kept else None


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


@cache
def honorifics() -> dict[str, tuple[str, str]]:
    """form -> (full_form, family), e.g. "พล.ต.อ." -> ("พลตำรวจเอก", "police")."""
    return {r["form"]: (r["full_form"], r["family"]) for r in lexicons.rows("honorifics.csv")}


@cache
def positions() -> tuple[str, ...]:
    return tuple(sorted(set(lexicons.words("positions.txt")), key=len, reverse=True))


@cache
def _parts() -> dict[str, tuple[str, ...]]:
    return lexicons.grouped("people_position_parts.csv", "kind", "part")


@cache
def _cues() -> dict[str, tuple[tuple[str, str], ...]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for r in lexicons.rows("people_cues.csv"):
        out.setdefault(r["kind"], []).append((r["cue"], r.get("value") or ""))
    return {k: tuple(sorted(v, key=lambda cv: len(cv[0]), reverse=True)) for k, v in out.items()}


@cache
def _cue_words(kind: str) -> tuple[str, ...]:
    return tuple(c for c, _ in _cues().get(kind, ()))


@cache
def _cue_set(*kinds: str) -> frozenset[str]:
    return frozenset(w for kind in kinds for w in _cue_words(kind))


@cache
def _first_honorific_re() -> re.Pattern[str]:
    return re.compile(alternation(list(honorifics())))


@cache
def _honorific_re(bounded: bool = False) -> re.Pattern[str]:
    """A titled name. ``bounded``: the given name is read at most MAX_NAME letters far, and
    group "over" says it runs on (it is then no name, whatever it is): scanning a glued run of
    titles stays linear, where each title would otherwise read to the run's end."""
    hon = alternation(list(honorifics()))
    ranks = alternation([f for f, (_, fam) in honorifics().items() if fam in RANK_FAMILIES])
    initials = alternation(_cue_words("latin_initial"))
    lineage = alternation(_cue_words("lineage"))
    # one title: a rank may be pending ("ว่าที่ พ.ต."), any title may be honorary ("ศ.(พิเศษ)",
    # "พ.ต.อ. (พิเศษ)")
    given = rf"(?P<given>{NAME_RE})"
    if bounded:
        given = rf"(?P<given>[{NAME_START}][{WORD_LETTER}]{{1,{MAX_NAME}}})(?P<over>[{WORD_LETTER}])?"
    unit = rf"(?:ว่าที่{HSPACE}?(?:{ranks})|(?:{hon}))(?:{HSPACE}?\(พิเศษ\))?"
    # Titles stack ("ผศ.ดร.นพ.", "รองศาสตราจารย์ ดร.", "ว่าที่ ร.ต."); the given name follows,
    # glued or after a space; the surname after a space ("ณ" starts a two-word surname, and a
    # royal-lineage surname ends in "ณ อยุธยา", "ณ ถลาง", ...).
    return re.compile(
        rf"(?P<hon>{unit}(?:{HSPACE}?{unit})*){HSPACE}*"
        rf"{given}"
        rf"(?:{HSPACE}+(?P<init>(?:{initials})\.))?"  # "รอเบิร์ต เอฟ. โกเด็ก"
        rf"(?:{HSPACE}+(?P<sur>(?:ณ{HSPACE}+)?{NAME_RE}"
        rf"(?:{HSPACE}+ณ{HSPACE}*(?:{lineage})(?![{WORD_LETTER}]))?))?"
    )


@cache
def _last_honorific_re() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(list(honorifics()))})$")


@cache
def _position_re() -> re.Pattern[str]:
    mods = alternation(_parts()["modifier"])
    heads = alternation(positions())
    return re.compile(rf"(?:(?:{mods}){HSPACE}?)*(?:{heads})")


@lru_cache(maxsize=1 << 16)
def _tokenize(chunk: str) -> tuple[str, ...]:
    return tuple(thai.words(chunk, keep_whitespace=False))


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int
    end: int  # end of the name (given or surname)
    honorific: str | None
    given: str
    surname: str | None
    position: tuple[int, int] | None = None
    role: str | None = None
    method: str = "rule"
    confidence: float = 1.0
    fallback: tuple[int, int] | None = None  # a post written before the name, used when none follows

    @property
    def name(self) -> str:
        return f"{self.given} {self.surname}" if self.surname else self.given


# --- names -------------------------------------------------------------------------------


def _starts_with_any(s: str, words: tuple[str, ...], min_len: int = 1) -> bool:
    rx = _prefix_re(words, min_len)
    return rx is not None and rx.match(s) is not None


@lru_cache(maxsize=1 << 16)
def _is_function_word_start(token: str) -> bool:
    """True when a name-shaped token is really a verb or a function word ("กล่าวว่า")."""
    if _starts_with_any(token, _cue_words("boundary"), min_len=4):
        return True
    first = _tokenize(token)[:1]
    if not first:
        return False
    if first[0] in _cue_set("boundary", "boundary_spaced"):
        return True
    # "มีสุข", "นำชัย" are surnames; "มีความห่วงใย", "จะเดินทาง" are not
    return first[0] in _cue_words("boundary_token") and len(token) - len(first[0]) >= 5


@lru_cache(maxsize=1 << 16)
def _bad_name_token(token: str) -> bool:
    return _bad_shape_token(token) or _is_function_word_start(token)


@lru_cache(maxsize=1 << 16)
def _bad_shape_token(token: str) -> bool:
    """Too short or long, a title, an office word: never a name part, whatever follows."""
    return (
        not 2 <= len(token) <= MAX_NAME
        or _starts_with_any(token, _cue_words("not_name_start"))
        or token in _parts()["modifier"]
        or bool(_honorific_re().match(token))
        or _starts_with_any(token, positions(), min_len=3)
        or _starts_with_any(token, _parts()["continuation"], min_len=3)
    )


@lru_cache(maxsize=1 << 16)
def _function_word_lead(token: str) -> int | None:
    """Length of the function word leading a would-be surname ("จึง" in "จึงรุ่งเรืองกิจ"),
    or None when the token reads as a clause ("กล่าวต่อว่า", "พร้อมคณะ", "ทั้งนี้")."""
    cues = _cue_set("boundary", "boundary_token", "boundary_spaced", "not_name_start")
    words = _tokenize(token)
    if len(words) < 2 or token in cues or token.endswith("ว่า") or any(w in cues for w in words[1:]):
        return None
    return len(words[0])


@lru_cache(maxsize=1 << 16)
def _clause_word(token: str) -> bool:
    """A verb or function word, alone or with its object ("นำ", "นำคณะ", "ได้รับ"): never a
    surname, whatever follows ("นายพรเลิศ นำคณะเจ้าหน้าที่..."); "มีสุข", "นำชัย" are surnames."""
    if not _starts_with_any(token, _cue_words("not_surname")):
        return False  # most surnames: no segmenting needed
    stop = _cue_set("not_surname")
    words = _tokenize(token)
    if not words or words[0] not in stop:
        return False
    others = stop | _cue_set("boundary", "boundary_token", "boundary_spaced", "not_name_start")
    return all(w in others or w in _parts()["group"] for w in words[1:])


@lru_cache(maxsize=1 << 16)
def _reported_speech(token: str) -> bool:
    """Words that close on ว่า report speech, they are no surname: "พ.ต.ท.ทักษิณ ยอมรับว่า",
    "นางสุดารัตน์ แสดงความมั่นใจว่า"."""
    if not token.endswith("ว่า") or len(token) < 5:
        return False
    words = _tokenize(token)
    # "โบโค|ว่า" (Bokova) is a name: the verb before ว่า is a longer word
    return len(words) >= 2 and words[-1] == "ว่า" and len(words[-2]) >= 3 and all(w in common_words() for w in words)


@lru_cache(maxsize=1 << 16)
def _clause_like(part: str) -> bool:
    """Dictionary words making a clause, not a name: speech closed by ว่า ("ยืนยันกับเกษตรกรว่า"), or
    words led by a verb or function word ("เพราะติดเชื้อหวัดนกแน่นอน"); "คูณมี", "ชมกลิ่น"
    (a minister beside another สุชาติ), "แจ้งยอดสุข" are surnames."""
    words = _tokenize(part.replace(" ", ""))
    if not words or not all(w in common_words() for w in words):
        return False
    stop = _cue_set("not_surname", "boundary", "boundary_token", "boundary_spaced", "not_name_start")
    if len(words) >= 2 and words[-1] == "ว่า" and len(words[-2]) >= 3:
        return True
    # "แจ้งยอดสุข" is a surname: three words need a second function word ("ไปเจรจากับ...")
    return words[0] in stop and (len(words) >= 4 or (len(words) == 3 and any(w in stop for w in words[1:])))


def _surname_ok(text: str, token: str, end: int, glued_position: bool) -> bool:
    """Surnames may start with a function word ("จึงรุ่งเรืองกิจ", "มีสมบูรณ์", "พร้อมพันธุ์"):
    such a token is a surname when a position, a line end or the next person follows it."""
    if _clause_word(token) or _reported_speech(token):
        return False
    if not _bad_name_token(token):
        return True
    if _bad_shape_token(token):
        # "กองจันทร์", "ประจำวงษ์", "ภาคโชคดี": surnames that open with an office word (กอง, ประจำ,
        # ภาค) are names when the person's post follows them
        return _continuation_led(token) and _post_follows(text, end, glued_position)
    lead = _function_word_lead(token)
    if lead is None:
        return False
    if glued_position:
        return True
    j = _SPACES.match(text, end).end()
    if j > end and _position_re().match(text, j):
        return True
    if lead >= 4:  # a verb ("เปิดเผย...", "พร้อม...") needs an office after it to be a surname
        return False
    return j >= len(text) or text[j] in "\n(," or _honorific_re().match(text, j) is not None


@lru_cache(maxsize=1 << 16)
def _continuation_led(token: str) -> bool:
    """A token whose only fault as a name is to open with a word that continues a post."""
    return (
        2 <= len(token) <= MAX_NAME
        and _starts_with_any(token, _parts()["continuation"], min_len=3)
        and token not in _parts()["continuation"]
        and not _starts_with_any(token, _cue_words("not_name_start"))
        and token not in _parts()["modifier"]
        and not _honorific_re().match(token)
        and not _starts_with_any(token, positions(), min_len=3)
        and not _starts_with_any(token, _cue_words("institution"))  # "นายแพทย์ใหญ่ โรงพยาบาลตำรวจ"
    )


def _post_follows(text: str, end: int, glued_position: bool) -> bool:
    if glued_position:
        return True
    j = _SPACES.match(text, end).end()
    return j > end and _position_re().match(text, j) is not None


def _extra_parts(text: str, end: int) -> int:
    """End of the further parts of a foreign name ("นายอะลี บากิรี| คานี"), or ``end``.

    Before a Latin gloss ("(H.E. Mr. ...)") every name-shaped part counts; before an office,
    only parts that do not read as Thai words, so that "เข้ารับตำแหน่ง", "ศิลปินแห่งชาติ" stay out.
    """
    ends: list[tuple[int, bool]] = []
    pos = end
    for _ in range(2):
        m = _EXTRA_PART.match(text, pos)
        if m is None or _bad_name_token(m.group(1)) or _position_re().match(m.group(1)):
            break
        pos = m.end(1)
        ends.append((pos, _reads_as_thai_words(m.group(1))))
    for k in range(len(ends) - 1, -1, -1):
        e = ends[k][0]
        j = _SPACES.match(text, e).end()
        if j == e:
            continue
        if _LATIN_GLOSS.match(text, j):
            return e
        if _position_re().match(text, j) and not any(thai for _, thai in ends[: k + 1]):
            return e
    return end


@lru_cache(maxsize=1 << 16)
def _reads_as_thai_words(token: str) -> bool:
    """True when a token splits into whole Thai words ("กำชับ|สถาน"); a transliterated name
    splits into fragments that are not words ("คา|นี", "ซาน|เชซ")."""
    words = _tokenize(token)
    return all(len(w) >= 3 and w in common_words() for w in words)


def _in_institution_name(text: str, start: int) -> bool:
    """A title glued after an institution's head word is part of its name, not a person:
    "โรงพยาบาลพระอาจารย์ฝั้น อาจาโร", "ถนนพระรามที่ 4", "มูลนิธินายแพทย์..."."""
    k = start
    while k > 0 and start - k < 40 and not text[k - 1].isspace() and text[k - 1] not in "(“\"'‘":
        k -= 1
    glued = text[k:start]
    if not glued:
        return False
    heads = _cue_words("institution")
    # a long head may close a position ("ผู้อำนวยการโรงพยาบาล|พระอาจารย์..."); a short one
    # ("วัด", "ถนน") must open the token, or it is the tail of another word
    return _starts_with_any(glued, heads) or any(len(h) >= 5 and glued.endswith(h) for h in heads)


@lru_cache(maxsize=1 << 16)
def _glued_split(token: str) -> int | None:
    """Index where a position or a clause word is glued to a surname, or None.

    "งามพิเชษฐ์นายกเมืองพัทยา" -> 10 (before นายกเมืองพัทยา).
    """
    m = _glued_re().search(token, 2)
    if m is None or m.start() >= len(token) - 1:
        return None
    if not _position_re().match(token, m.start()) and _verb_in_surname(token, m.start()):
        return None
    return m.start()


@lru_cache(maxsize=1 << 16)
def _verb_in_surname(token: str, at: int) -> bool:
    """A verb inside a surname, not glued after it: "เอี่ยม|แจ้ง|พันธุ์", "สม|เป็น|ชาย", "วงศ์|พร้อม|รัตน์"
    end in a word that closes Thai surnames (name_ending); a clause glued after a name goes on
    ("กล่าว|ว่า", "กล่าว|ต่อว่า") or is the verb alone."""
    words = _tokenize(token[at:])
    return len(words) == 2 and words[1] in _cue_set("name_ending") and _word_boundary(token[:at], token[at:])


@cache
def _glued_re() -> re.Pattern[str]:
    long_heads = [p for p in positions() if len(p) >= 6]
    short_heads = [p for p in positions() if 4 <= len(p) < 6]
    verbs = [w for w in _cue_words("boundary") if len(w) >= 4]
    # a short office word must be followed by more text ("โฆษกกระทรวง..."), so that a
    # surname merely ending in it is left whole
    alts = [
        f"(?:{alternation(ws)}){tail}"
        for ws, tail in ((long_heads, ""), (short_heads, "(?=[\\s\\S]{3})"), (verbs, ""))
        if ws
    ]
    return re.compile("|".join(alts) or "(?!)")


def _not_a_name(text: str, start: int, hon: str) -> bool:
    """นายกรัฐมนตรี, นายอำเภอ, นางพยาบาล, ทนายความ look like title + name but are not."""
    rest = text[start : start + 40]
    if _starts_with_any(rest, _cue_words("not_name")):
        return True
    if hon == "นาย" and rest.startswith("นายก"):
        # the chief of a body ("นายกสมาคม...", "นายก อบต.") — not นายกอบชัย, นายกิตติ
        tail = rest[4:].lstrip(" \t\u00a0")
        if _starts_with_any(tail, _cue_words("nayok_of")) or _starts_with_any(tail, _parts()["continuation"]):
            return True
    for w in _cue_words("not_name_before"):
        k = len(w) - len(hon)
        if k > 0 and w.endswith(hon) and text[max(0, start - k) : start + len(hon)] == w:
            return True
    return False


def _starts_word(text: str, start: int, hon: str, given_end: int) -> bool:
    """A title glued after Thai letters starts a name only where a word ends: "โดยมีนายวันชัย",
    "คารวะนายกรัฐมนตรี" do; "มิถุนายน", "จาก สนพ.บึงกาฬ" (an acronym's tail) do not."""
    if start == 0 or not WORD_LETTER_RE.match(text[start - 1]):
        return True
    k = start
    while k > 0 and start - k < GLUE_SPAN and WORD_LETTER_RE.match(text[k - 1]):
        k -= 1
    run = text[k:start]
    if run.endswith(_cue_words("name_glue")):
        return True
    # the segmenter may glue the title into a longer word ("ขอบ|คุณนาย|สมชาย"): a run that ends
    # in a whole long word ends there all the same
    if not _word_boundary(run, text[start : min(given_end, start + 20)]) and not _ends_in_word(run):
        return False
    # "กทพ.", "จาก สนพ.": a dotted title after a letter or two is the end of an acronym; after
    # a whole word it is a title with a missing space ("ชุดดังกล่าวน.ส.ปวีณสุดา")
    return "." not in hon or _last_word_is_dictionary(run)


@lru_cache(maxsize=1 << 16)
def _ends_in_word(run: str) -> bool:
    words = _tokenize(run)
    return bool(words) and len(words[-1]) >= 4 and words[-1] in common_words()


@lru_cache(maxsize=1 << 16)
def _last_word_is_dictionary(run: str) -> bool:
    words = _tokenize(run)
    return bool(words) and len(words[-1]) >= 3 and words[-1] in common_words()


@lru_cache(maxsize=1 << 16)
def _word_boundary(before: str, after: str) -> bool:
    """True when the word segmenter splits ``before + after`` between the two."""
    at = 0
    for w in _tokenize(before + after):
        if at >= len(before):
            break
        at += len(w)
    return at == len(before)


@lru_cache(maxsize=1 << 16)
def _title_merges(hon: str, given: str) -> bool:
    """A title glued to letters that make a longer common noun with it is that noun, not a name:
    "นายก|ญี่ปุ่น", "นายหน้า", "นางงาม", "นางฟ้า"; "นาย|กมล", "นาง|สา|วนิดา" stay names, and so do
    "นายพล|ภูมิ", "นายพัน|ศักดิ์": only the nouns listed as title_word count."""
    last = _last_honorific_re().search(hon)
    if last is None or "." in last.group(0):
        return False
    glued = last.group(0) + given[:12]
    if not _starts_with_any(glued, _cue_words("title_word")):
        return False  # most names: no segmenting needed
    words = _tokenize(glued)
    if not words or len(words[0]) <= len(last.group(0)) or words[0] not in _cue_set("title_word"):
        return False
    # "นายก|ฤษศญพงษ์", "นายก|ฤต|ชัย" are names: what follows the noun is no (full) word
    return len(words) == 1 or (len(words[1]) >= 3 and words[1] in common_words())


def _honorific_mentions(text: str) -> list[_Mention]:
    found: list[_Mention] = []
    pos = 0
    while (m := _honorific_re(bounded=True).search(text, pos)) is not None:
        # a rejected match must not hide a real one inside it ("รองนายกรัฐมนตรี ... ดร.สาธิต")
        pos = m.start() + 1
        if (
            m.start() > 1
            and text[m.start() - 1] == "."
            and text[m.start() - 2].isalpha()
            and not _DAY_MONTH_BEFORE.search(text, max(0, m.start() - 12), m.start())
        ):
            continue  # inside a dotted acronym (พ.ศ.); not after a short date ("7 ต.ค.พล.ท.สรรเสริญ")
        hon = " ".join(m.group("hon").split())
        if hon == "นาย" and m.start("given") > m.end("hon") and _COUNTED.search(text, max(0, m.start() - 12), m.start()):
            continue
        first_hon = _first_honorific_re().match(m.group("hon"))
        if _not_a_name(text, m.start(), first_hon.group(0) if first_hon else hon):
            continue
        if not _starts_word(text, m.start(), hon, m.end("given")):
            continue
        if m.start("given") == m.end("hon") and _title_merges(m.group("hon"), m.group("given")):
            continue
        if _in_institution_name(text, m.start()):
            # nor is a title inside it ("โรงพยาบาลพระ|อาจารย์ฝั้น")
            pos = _THAI_RUN.match(text, m.end("given")).end() if m.group("over") else m.end("given")
            continue
        given = m.group("given")
        if m.group("over") or (_bad_name_token(given) and not _lenient_given(text, m)):
            continue
        end = m.end("given")
        g_split = _glued_split(given)
        surname = None
        if g_split is not None:
            given, end = given[:g_split], m.start("given") + g_split
        elif m.group("sur"):
            sur = m.group("sur")
            split = _glued_split(sur)
            glued_position = split is not None and _position_re().match(sur, split) is not None
            if split is not None:
                sur = sur[:split]
            cut = _tail_cut(text, m.start("sur"), sur)
            if cut < len(sur):
                sur, split = sur[:cut], cut
                glued_position = glued_position or _position_re().match(text, m.start("sur") + cut) is not None
            sur_end = m.start("sur") + len(sur)
            abbreviation = text[sur_end : sur_end + 1] == "."
            lineage = " ณ" in sur or "\u00a0ณ" in sur  # "เทพหัสดิน ณ อยุธยา"
            checked = sur.split()[0] if lineage else sur.split()[-1]
            if not abbreviation and _surname_ok(text, checked, sur_end, glued_position):
                fixed = split is not None or sur.startswith("ณ") or lineage
                end = sur_end if fixed else _extra_parts(text, sur_end)
                surname = " ".join(text[m.start("sur") : end].split())
                if m.group("init"):
                    surname = f"{m.group('init')} {surname}"
        found.append(_Mention(m.start(), end, hon, given, surname))
        pos = end
    return found


def _tail_cut(text: str, start: int, sur: str) -> int:
    """Length of a surname without the post or age glued after it: "ยงใจยุทธ|อดีตนายกรัฐมนตรี",
    "ศรีสังคม|อดีต ส.ว.อุดรธานี", "หลวงแสง|อายุ 45 ปี"; a word the segmenter keeps whole
    ("ผกากรอง") is not cut."""
    for m in _tail_re().finditer(sur, 2):
        k = m.start()
        if not _word_boundary(sur[:k], sur[k:]):
            continue
        if _AGE.match(text, start + k) or (m.group(0) != "อายุ" and _position_re().match(text, start + k)):
            return k
    return len(sur)


@cache
def _tail_re() -> re.Pattern[str]:
    return re.compile(alternation([*_parts()["modifier"], "อายุ"]))


def _lenient_given(text: str, m: re.Match[str]) -> bool:
    """Given names may open with a function or office word ("มีศักดิ์", "ภาคิน"), like surnames:
    such a name counts when a plain surname and then a post follow it ("นายมีศักดิ์ ภักดีคง อธิบดี...")."""
    given, sur = m.group("given"), m.group("sur")
    if not sur or " " in sur or _bad_name_token(sur) or _glued_split(sur) is not None:
        return False
    if not (_continuation_led(given) or (not _bad_shape_token(given) and _function_word_lead(given) is not None)):
        return False
    return _post_follows(text, m.end("sur"), False)


def _latin_mentions(text: str) -> list[_Mention]:
    """Names written in Latin script inside Thai prose, with an office beside them:
    "ได้พบหารือกับ Ms. Paulina Dejmek, Head of Cabinet for ...". A Latin gloss in parentheses
    repeats a Thai name, and a name inside English text is not the article's own mention."""
    out: list[_Mention] = []
    if not any(t in text for t in ("Mr", "Ms", "Dr", "Prof")):  # the scan is costly; most texts have none
        return out
    marks = _LINE_AND_BRACKETS.finditer(text)  # read once, in step with the names
    mark = next(marks, None)
    line_start, opened, closed = 0, -1, -1
    for m in _LATIN_NAME.finditer(text):
        while mark is not None and mark.start() < m.start():
            ch, at = mark.group(0), mark.start()
            if ch == "\n":
                line_start, opened, closed = at + 1, -1, -1
            elif ch == "(":
                opened = at
            else:
                closed = at
            mark = next(marks, None)
        if opened > closed:  # inside brackets on its line: a gloss
            continue
        before = re.sub(r"[\s\W\d_]+$", "", text[max(line_start, m.start() - 200) : m.start()])
        if not before or not in_block(before[-1]):
            continue
        j = m.end()
        while j < len(text) and text[j] in ", \t\u00a0":
            j += 1
        pos = _position_at(text, j)
        if pos is None and (em := _ENGLISH_POSITION.match(text, j)) and "," in text[m.end() : j]:
            pos = (j, j + len(em.group(0).rstrip().rstrip(",;").rstrip()))
        if pos is None:
            continue
        surname = " ".join(m.group("sur").split())
        hon = " ".join(m.group("hon").split())
        out.append(_Mention(m.start(), m.end(), hon, m.group("given"), surname, position=pos))
    return out


@cache
def _name_after_re() -> re.Pattern[str]:
    heads = alternation(_parts()["name_after"])
    # the post's unit may follow as a dotted acronym ("ผบ.ตร.", "ผอ.รพ.สต."); then a plain
    # given name and surname, standing alone as a pair
    return re.compile(
        rf"(?<![{WORD_LETTER}.])(?P<pos>(?:{heads})(?:[{WORD_LETTER}]{{1,5}}\.)*){HSPACE}*"
        rf"(?P<given>{NAME_RE}){HSPACE}+(?P<sur>{NAME_RE})(?=[\s(),]|$)"
    )


@lru_cache(maxsize=1 << 16)
def _plain_name_part(token: str, longest: int) -> bool:
    """A token that can be a given name or surname standing without a title: a short token
    with no verb, function word, group, place or institution word in it."""
    if not 3 <= len(token) <= longest:
        return False
    stop = _cue_set("not_surname", "boundary", "boundary_token", "boundary_spaced", "not_name_start")
    return not (
        any(w in stop for w in _tokenize(token))
        or _bad_name_token(token)
        or _starts_with_any(token, _parts()["group"])
        or _starts_with_any(token, _cue_words("place_head"))
        or _starts_with_any(token, _cue_words("institution"))
        or _starts_with_any(token, _cue_words("boundary_spaced"))
    )


def _name_ends(text: str, i: int) -> bool:
    """A name stands alone when a position, a verb, a bracket, a comma or the line end follows it."""
    j = _SPACES.match(text, i).end()
    if j >= len(text) or text[j] in "\n(),":
        return True
    tok = _TOKEN_REST.match(text, j).group(0)
    return bool(_position_re().match(text, j)) or _is_function_word_start(tok) or _role_at(tok[:12]) is not None


def _post_name_mentions(text: str, taken: list[_Mention]) -> list[_Mention]:
    """Names written without a title right after an abbreviated post: "ผอ.สมชาย ใจดี",
    "ผบ.ตร. สมชาย ใจดี"; the abbreviation is the position."""
    out: list[_Mention] = []
    heads = _prefix_re(_parts()["name_after"])
    for h in heads.finditer(text) if heads else ():
        m = _name_after_re().match(text, h.start())
        if m is None:
            continue
        if any(m.start("given") < t.end and t.start < m.end("sur") for t in taken):
            continue
        given, sur = m.group("given"), m.group("sur")
        if not (_plain_name_part(given, PLAIN_GIVEN) and _plain_name_part(sur, PLAIN_SURNAME)):
            continue
        if _glued_split(sur) is not None or not _name_ends(text, m.end("sur")):
            continue
        post = (m.start("pos"), m.end("pos"))
        out.append(_Mention(m.start("given"), m.end("sur"), None, given, sur, confidence=0.8, fallback=post))
    return out


def _ner_mentions(text: str, spans: Sequence[tuple[int, int]], taken: list[_Mention]) -> list[_Mention]:
    """Names a NER model found without an honorific: given + surname, lower confidence."""
    out = []
    for s, e in spans:
        if any(s < m.end and m.start < e for m in taken):
            continue
        raw = text[s:e]
        s += len(raw) - len(raw.lstrip())
        tokens = raw.split()
        if not tokens or not all(_NAME.fullmatch(t) for t in tokens if t != "ณ"):
            continue
        if any(_bad_name_token(t) for t in tokens if t != "ณ"):
            continue
        given, surname = tokens[0], " ".join(tokens[1:]) or None
        out.append(_Mention(s, s + len(raw.strip()), None, given, surname, method="ner", confidence=0.6))
    return out


# --- positions -----------------------------------------------------------------------------


def _cut_glued(text: str, start: int, end: int, head_end: int = 0) -> int:
    """End of a glued token before a verb or a next person ("...วัฒนธรรมลงพื้นที่" -> before ลง).

    Words inside the office word itself (ผู้|ตรวจราชการ|กระทรวง) and the name right after an
    organisation head word (ผู้อำนวยการกอง|ตรวจราชการ) are not verbs.
    """
    chunk = text[start:end]
    hm = _honorific_re().search(chunk, 1)
    if (
        hm
        and hm.group("sur")
        and not _not_a_name(chunk, hm.start(), hm.group("hon"))
        and not _in_institution_name(chunk, hm.start())
    ):
        chunk = chunk[: hm.start()]
    if "," in chunk:
        chunk = chunk[: chunk.index(",")]
    if "(" in chunk and ")" not in chunk[chunk.index("(") :]:  # "(ประเทศไทย)" stays
        chunk = chunk[: chunk.index("(")]
    chunk = chunk.rstrip()
    words = _cue_set("boundary", "boundary_token")
    long_words = _cue_words("boundary")
    org_heads = frozenset(_parts()["org_head"])
    org_words = frozenset(_parts()["org_name_word"])
    pos, prev = 0, ""
    for i, w in enumerate(_tokenize(chunk)):
        at = chunk.find(w, pos)
        if at < 0:
            break
        if i > 0 and start + at >= head_end and not (prev in org_heads and w in org_words):
            if w == "จาก" and start + at == head_end and _starts_with_any(chunk[at + 3 :], _from_bodies()):
                pass  # the body a post is from, right after its head: "อาจารย์จากโรงเรียน..."
            elif w in words or _starts_with_any(chunk[at:], long_words, min_len=4):
                return start + at
            if w == "และ" and _starts_with_any(chunk[at + 3 :], _parts()["group"]):
                return start + at  # "...จังหวัดสระแก้วและหัวหน้าส่วนราชการ"
        pos, prev = at + len(w), w
    if chunk.endswith("และ") and len(chunk) > 3:  # "จังหวัดฉะเชิงเทราและ นายธนพัฒน์"
        chunk = chunk[:-3]
    return start + len(chunk)


@cache
def _from_bodies() -> tuple[str, ...]:
    """Bodies a post may be "from" (จาก): organisations and faculties (คณะเศรษฐศาสตร์)."""
    return (*_parts()["affiliation"], "คณะ")


def _next_token(text: str, i: int, limit: int) -> tuple[int, int] | None:
    m = _NEXT_TOKEN.match(text, i, limit)
    return (m.start(1), m.end(1)) if m else None


def _continues(text: str, tok: tuple[int, int], prev: str, limit: int) -> int | None:
    """End of a space-separated token that still belongs to the position (an office, a region,
    an acronym), or None."""
    t = text[tok[0] : tok[1]]
    parts = _parts()
    if t in parts.get("paren_tail", ()):  # "สำนักงานพัฒนาพื้นที่พิเศษฯ (องค์การมหาชน)"
        return tok[1]
    if _starts_with_any(t, parts.get("stop", ())) or t.startswith("(") or _LATIN_NAME.match(text, tok[0]):
        return None  # "... ประจำจังหวัดขอนแก่น Mr.Bounsy Vongbouasy": the next person
    hm = _honorific_re().match(text, tok[0])
    if hm and hm.group("sur") and not _not_a_name(text, tok[0], hm.group("hon")):
        return None
    if t.startswith("และ") and _position_re().match(t, 3):
        if _starts_with_any(t[3:], parts["group"]):
            return None  # "ผู้ว่าราชการจังหวัดสระแก้ว และหัวหน้าส่วนราชการ...": another group
        return tok[1]  # "นายกรัฐมนตรี และรัฐมนตรีว่าการกระทรวงกลาโหม"
    if t in ("บริษัท", "บมจ."):  # a company name runs to จำกัด / (มหาชน)
        end, nxt = tok[1], _next_token(text, tok[1], limit)
        for _ in range(6):
            if nxt is None:
                break
            if re.search(r"จำกัด|\(มหาชน\)$", text[nxt[0] : nxt[1]]):
                return nxt[1]
            nxt = _next_token(text, nxt[1], limit)
        return end
    if _starts_with_any(t, parts["continuation"]) or _FACULTY.match(t):
        return tok[1]
    if _ACRONYM.fullmatch(t):  # ป.ป.ท. อบจ.ภูเก็ต
        return None if _is_function_word_start(t) else tok[1]
    if _NUMBERED_UNIT.fullmatch(t):  # a numbered unit: "ร.132", "ตชด.227", "กปภ.ข.7"
        return tok[1]
    if t.isdigit() and re.search(r"(?:ภาค|เขต|ที่|ครั้ง|ชั้นปี)$", prev):
        return tok[1]
    if _LATIN.fullmatch(t):
        return tok[1]
    if t == "ณ":  # "ผู้อำนวยการสำนักงานส่งเสริมการค้าในต่างประเทศ ณ เมืองฮ่องกง"
        return _place_abroad(text, tok[1], prev, limit)
    return None


def _enumeration_end(text: str, tok: tuple[int, int], prev: str, limit: int) -> int | None:
    """End of the fields an office name enumerates after a space, up to the one joined by และ:
    "ผู้อำนวยการสำนักส่งเสริมการเรียนรู้ ภูมิปัญญาท้องถิ่น และวัฒนธรรม",
    "รมว.การอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม"; None when the words are not such a list."""
    last = prev.split()[-1] if prev.split() else ""
    if not any(h in last for h in _office_words()):  # the list continues the office's own name
        return None
    cur: tuple[int, int] | None = tok
    for n in range(ENUMERATION_WORDS):
        if cur is None:
            return None
        t = text[cur[0] : cur[1]]
        k = t.find("และ")
        head, tail = (t, "") if k < 0 else (t[:k], t[k + 3 :])
        if (head or n == 0) and not _enumerated_field(head):
            return None  # a list names a field before its และ: "และสมาชิก" starts another post
        if k >= 0:  # the list ends at its และ-joined last field
            return cur[1] if _enumerated_field(tail) else None
        cur = _next_token(text, cur[1], limit)
    return None


@cache
def _office_words() -> tuple[str, ...]:
    """Words of a position naming an office whose name may enumerate fields."""
    return tuple(_parts()["org_head"]) + ("รมว.", "รมช.")


@lru_cache(maxsize=1 << 16)
def _enumerated_field(t: str) -> bool:
    """A field named in an office's list ("วิทยาศาสตร์", "ภูมิปัญญาท้องถิ่น"), not a group of
    people, another post, a verb or a place."""
    parts = _parts()
    stop = _cue_set("not_surname", "boundary", "boundary_token", "boundary_spaced", "not_name_start")
    return (
        _NAME.fullmatch(t) is not None
        and len(t) <= ENUMERATED_FIELD
        and not any(w in stop for w in _tokenize(t))
        and not t.startswith(("ผู้", "นัก"))  # people, not fields: ผู้ประกอบการ, นักเรียน
        and not _is_function_word_start(t)
        and not _starts_with_any(t, _cue_words("not_name_start"))
        and not _starts_with_any(t, _cue_words("boundary_spaced"))
        and not _starts_with_any(t, parts["group"])
        and not _starts_with_any(t, parts.get("stop", ()))
        and not _starts_with_any(t, parts["affiliation"])  # another body: "...และมหาวิทยาลัย"
        and not _starts_with_any(t, parts["org_head"])
        and not _starts_with_any(t, positions(), min_len=3)
        and _honorific_re().match(t) is None
    )


def _is_place_abroad(t: str) -> bool:
    if t in _thai_provinces():  # "ณ นครราชสีมา" is a venue at home
        return False
    return _starts_with_any(t, _cue_words("place_head")) or t in _foreign_places()


@cache
def _thai_provinces() -> frozenset[str]:
    """Thai province names (provinces.csv, built from geothai): "นคร..." names are not abroad."""
    return frozenset(name for name, _ in province_forms().values())


@cache
def _foreign_places() -> frozenset[str]:
    return frozenset(lexicons.words("foreign_countries.txt") + lexicons.words("foreign_cities.txt"))


def _place_abroad(text: str, i: int, prev: str, limit: int) -> int | None:
    """End of the place after "ณ" in a post abroad: "เอกอัครราชทูต ณ ซันติอาโก ประเทศ ชิลี",
    "ณ กรุงออตาวา แคนาดา"; None when no place follows."""
    nxt = _next_token(text, i, limit)
    if nxt is None:
        return None
    t = text[nxt[0] : nxt[1]]
    if not _is_place_abroad(t):
        # a city spelt out of the lexicon, before its country: "ณ ซันติอาโก ประเทศ ชิลี"
        after = _next_token(text, nxt[1], limit)
        if not (
            _starts_with_any(prev, _cue_words("diplomat"))
            and _NAME.fullmatch(t)
            and not _bad_name_token(t)
            and after is not None
            and _is_place_abroad(text[after[0] : after[1]])
        ):
            return None
    end = nxt[1]
    while (nxt := _next_token(text, end, limit)) is not None:
        t = text[nxt[0] : nxt[1]]
        if not (_is_place_abroad(t) or t == "ประเทศ"):
            break
        end = nxt[1]
    return end


def _position_at(text: str, i: int, limit: int | None = None, affiliation: bool = False) -> tuple[int, int] | None:
    """The position starting at ``i`` (after optional spaces), as (start, end), or None."""
    limit = min(len(text), i + LINE_SPAN) if limit is None else limit
    nl = text.find("\n", i, limit)
    limit = nl if nl >= 0 else limit
    m = _SPACES.match(text, i)
    start = m.end()
    pm = _position_re().match(text, start, limit)
    bare_head = False
    if not pm and affiliation:
        # no office word: an organisation right after the name is the person's post ("สภาองค์กรชุมชน")
        pm = _compiled(alternation(_parts()["affiliation"])).match(text, start, limit)
        bare_head = True
    if not pm:
        return None
    if _starts_with_any(text[start:limit], _chair_cues()):
        return None  # "ประธานในพิธี" is a role, not an office
    tok_end = _TOKEN_REST.match(text, pm.end(), limit).end()
    end = _cut_glued(text, start, tok_end, pm.end())
    if end < pm.end():  # a verb glued inside the head word itself: keep the head
        end = pm.end()
    while end == tok_end:
        tok = _next_token(text, end, limit)
        if tok is None:
            break
        tok_end = _continues(text, tok, text[start:end], limit)
        if tok_end is None:
            tok_end = _enumeration_end(text, tok, text[start:end], limit)
        if tok_end is None:
            break
        end = _cut_glued(text, tok[0], tok_end)
    while end > start and text[end - 1] in ";:,":  # "เลขาธิการอาเซียน;" closes a list item
        end -= 1
    if bare_head and text[start:end] in _parts()["affiliation"]:
        return None  # "เครือข่าย ผู้ป่วยโรคมะเร็ง": a head word cut from its name names no body
    return (start, end) if end > start else None


@cache
def _chair_cues() -> tuple[str, ...]:
    return tuple(c for c, r in _cues()["role"] if r == "chair")


def _position_before(text: str, start: int, floor: int) -> tuple[int, int] | None:
    """A position written just before the name: "รัฐมนตรีว่าการกระทรวงวัฒนธรรม นางสาว..."."""
    seg_end = start
    while seg_end > floor and text[seg_end - 1] in " \t\u00a0(":
        seg_end -= 1
    line_start = text.rfind("\n", floor, seg_end) + 1 or floor
    lo = max(line_start, floor, seg_end - LINE_SPAN)
    for m in _BEFORE_START.finditer(text[lo:seg_end]):
        cand = lo + m.start(1)
        if cand < lo:
            continue
        pos = _position_at(text, cand, seg_end)
        if pos and pos[0] == cand and pos[1] == seg_end:
            return pos
    return None


# --- roles, bylines ----------------------------------------------------------------------------


def _role_at(s: str) -> str | None:
    """Role of the earliest cue in ``s`` (longest cue wins at the same place)."""
    best: tuple[int, int, str] | None = None
    for cue, role in _cues()["role"]:
        k = s.find(cue)
        if k >= 0 and (best is None or (k, -len(cue)) < (best[0], -best[1])):
            best = (k, len(cue), role)
    return best[2] if best else None


def _is_background(text: str, m: _Mention) -> bool:
    """Named only as the author of a policy ("ตามนโยบายของนายจุรินทร์ ..."), not as a participant."""
    cues = _background_cues()
    before = text[max(0, m.start - 20) : m.start].rstrip()
    tail = m.position[1] if m.position and m.position[1] > m.end else m.end
    after = text[tail : tail + 20].lstrip()
    if before.endswith(cues["before"]) or after.startswith(cues["after"]):
        return True
    if before.endswith("ของ"):  # "ซึ่งเป็นนโยบายสำคัญของนาย..."
        run = before.split()[-1] if before.split() else ""
        if any(c in run for c in cues["policy_noun"]):
            return True
    # "ตามนโยบายของคณะกรรมการธนาคารนำโดย นายปริญญา": the leader of the policy's author
    line = text[max(0, m.start - 80) : m.start].rsplit("\n", 1)[-1].rstrip()
    for c in cues["led"]:
        if line.endswith(c):
            head = line[: -len(c)][-50:]
            return any(p in head for p in cues["before"])
    return False


@cache
def _background_cues() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for cue, where in _cues().get("background", ()):
        out.setdefault(where, []).append(cue)
    return {k: tuple(out.get(k, ())) for k in ("before", "after", "policy_noun", "led")}


def _is_byline(text: str, m: _Mention) -> bool:
    # A byline credit sits just before the name; a bounded look-back keeps one-line texts linear.
    floor = max(0, m.start - 200)
    line_start = text.rfind("\n", floor, m.start) + 1 or floor
    prefix = text[line_start : m.start]
    rx = _byline_res()
    if rx["colon"].search(prefix):
        return True
    if rx["any"].search(prefix) and rx["only"].fullmatch(prefix):
        return True
    # on the name's own line (a match reads only spaces, a dash and the cue: no need to find the line end)
    dash = rx["dash"].match(text, m.end)
    if dash and "\n" not in dash.group(0):  # "ชนินทร เพ็ชรทับ – ข่าว/"
        return True
    return text[m.end : m.end + 40].lstrip().startswith(_credited_cues())


@cache
def _byline_res() -> dict[str, re.Pattern[str]]:
    cues = alternation(_cue_words("byline"))
    return {
        "colon": re.compile(rf"(?:{cues})\s*[:：/]\s*$"),
        "any": re.compile(cues),
        "only": re.compile(rf"(?:{cues}|โดย|[\s:：/\-–|,.()])+"),
        "dash": re.compile(rf"\s*[–\-/]\s*(?:{cues})"),
    }


@cache
def _credited_cues() -> tuple[str, ...]:
    return tuple(c for c, kind in _cues()["byline"] if kind == "person")  # "... ผู้สื่อข่าว"


# --- assembly ----------------------------------------------------------------------------------


def _with_positions(text: str, ms: list[_Mention]) -> list[_Mention]:
    out = []
    for k, m in enumerate(ms):
        nxt = len(text)
        if k + 1 < len(ms):  # the next person's post written before the name ("ผอ. พิยะดา") is theirs
            nxt = ms[k + 1].fallback[0] if ms[k + 1].fallback else ms[k + 1].start
        prev_end = out[-1].end if out else 0
        if out and out[-1].position:
            prev_end = max(prev_end, out[-1].position[1])
        if m.position:  # a Latin-script name comes with its office
            out.append(m)
            continue
        in_parens = m.start > 0 and text[m.start - 1] == "(" and text[m.end : m.end + 1] == ")"
        gloss = _GLOSS.match(text, m.end)
        after = gloss.end() if gloss else m.end  # "นายรอเบิร์ต เอฟ. โกเด็ก (Mr. Robert F. Godec) เอกอัครราชทูต..."
        nxt = max(nxt, after)
        pos = None
        if not in_parens:
            pos = _position_at(text, after, min(nxt, after + LINE_SPAN))
            alias = _ALIAS.match(text, after) if pos is None else None
            if alias:  # "นายสมบูรณ์ นิรุตติเมธี หรือ ทนายต๋อย ผู้บริหาร...": the post follows the nickname
                pos = _position_at(text, alias.end(), min(max(nxt, alias.end()), alias.end() + LINE_SPAN))
        if pos is None:
            pos = _position_before(text, m.start, prev_end)
        if pos is None and in_parens:  # "พระราชมงคลวชิรมุนี (หลวงปู่แปลง สุนทโร) เจ้าอาวาส..."
            pos = _position_at(text, m.end + 1, min(nxt, m.end + 1 + LINE_SPAN))
        if pos is None and not in_parens:
            pos = _position_at(text, after, min(nxt, after + LINE_SPAN), affiliation=True)
        out.append(replace(m, position=pos or m.fallback))
    return _share_coordinated(text, out)


def _share_coordinated(text: str, ms: list[_Mention]) -> list[_Mention]:
    """ "นางสาวจรินทร์ ทองรัตนรักษา และนายพิสิษฐ์ เทอดเกียรติ ผู้เชี่ยวชาญ..." — both hold it; a
    post several people hold at once is shared by a whole list: "นายก ข, นายค ง และนายจ ฉ
    ผู้แทนจากกรม...", "นายก ข นายค ง รองผู้ว่าราชการจังหวัด..."."""
    out = list(ms)
    for k in range(len(out) - 2, -1, -1):
        a, b = out[k], out[k + 1]
        if a.position is None and b.position:
            between = text[a.end : b.start]
            if (
                re.fullmatch(r"\s*(?:และ|กับ)\s*", between)
                or (
                    b.position[0] >= b.end  # the post closes the list
                    and _list_separator(between)
                    and _starts_with_any(text[b.position[0] : b.position[1]], _parts()["plural"])
                )
            ):
                out[k] = replace(a, position=b.position)
    return out


def _list_separator(gap: str) -> bool:
    """Spaces, commas and at most one และ on one line: the gap between two names of a list."""
    return "\n" not in gap and gap.replace(",", " ").split() in ([], ["และ"])


def _with_roles(text: str, ms: list[_Mention]) -> list[_Mention]:
    out = list(ms)
    for k in range(len(out) - 1, -1, -1):
        m = out[k]
        tail = m.position[1] if m.position and m.position[1] > m.end else m.end
        nxt = out[k + 1].start if k + 1 < len(out) else len(text)
        line_end = text.find("\n", tail, tail + 80)
        window = text[tail : min(nxt, tail + 80, line_end if line_end >= 0 else len(text))]
        role = None
        if re.fullmatch(r"[\s,]*(?:และ|กับ)?[\s,]*", window) and k + 1 < len(out):
            role = out[k + 1].role  # a list of people shares the cue after its last member
        elif not re.search(r"โดย\s*(?:มี)?\s*$", window):
            role = _role_at(window)
        if role is None:
            before = text[max(0, m.start - 40) : m.start]
            if re.search(r"โดย\s*$", before):
                role = _role_at(before.rsplit("\n", 1)[-1])
        out[k] = replace(m, role=role)
    return out


def _merge(text: str, ms: list[_Mention]) -> list[Official]:
    officials: list[Official] = []
    index: dict[str, int] = {}
    by_given: dict[str, list[int]] = {}  # given name -> the officials bearing it, in order
    for m in ms:
        if m.surname is None:
            k = by_given[m.given][-1] if m.given in by_given else None
            if k is None:
                continue
        else:
            k = index.get(_WS.sub("", m.name))
            if k is None:
                k = _same_person(officials, by_given.get(m.given, []), m)
        if k is None:
            index[_WS.sub("", m.name)] = len(officials)
            by_given.setdefault(m.name.partition(" ")[0], []).append(len(officials))
            officials.append(
                Official(
                    name=m.name,
                    honorific=m.honorific,
                    position=text[m.position[0] : m.position[1]] if m.position else None,
                    role=m.role,
                    start=m.start,
                    end=m.end,
                    position_start=m.position[0] if m.position else None,
                    position_end=m.position[1] if m.position else None,
                    method=m.method,
                    confidence=m.confidence,
                )
            )
            continue
        o = officials[k]
        if o.position is None and m.position:
            o = replace(
                o,
                position=text[m.position[0] : m.position[1]],
                position_start=m.position[0],
                position_end=m.position[1],
            )
        if o.role is None and m.role:
            o = replace(o, role=m.role)
        if o.honorific is None and m.honorific:
            o = replace(o, honorific=m.honorific)
        officials[k] = o
    return officials


def _same_person(officials: list[Official], same_given: list[int], m: _Mention) -> int | None:
    """Index of an official with the same given name and a near-identical surname: a misspelt
    repeat ("มาริษ เสี่ยมพงษ์" after "มาริษ เสงี่ยมพงษ์") is not a second person.

    Only the first SAME_GIVEN_COMPARED bearers of the name are compared: a page listing more
    people of one given name is a roll, and comparing each with all would grow as its square."""
    for i in same_given[:SAME_GIVEN_COMPARED]:
        o = officials[i]
        given, _, surname = o.name.partition(" ")
        if given == m.given and surname and m.surname:
            if difflib.SequenceMatcher(None, surname, m.surname).ratio() >= SURNAME_SIMILARITY:
                return i
    return None


def _known_given_repeats(text: str, ms: list[_Mention]) -> list[_Mention]:
    """A person named in full is then named by the given name alone, which news glues to the
    verb ("นายสมคิดออกมาให้สัมภาษณ์ว่า", "นายบุญสมตาย เพราะ...") or follows with a clause where a
    surname would stand ("พ.ต.ท.ทักษิณ ยอมรับว่า"): that is the person already named, never a new one."""
    known: dict[str, set[str]] = {}
    for m in ms:
        if m.surname and not _clause_like(m.surname):
            known.setdefault(m.given, set()).add(m.surname)
    for given in [g for g in known if _known_prefix(g, known)]:
        del known[given]  # "เนวินยืนยันกับเกษตรกรว่า จำ" beside "เนวิน ชิดชอบ"
    out = []
    for m in ms:
        at = text.find(m.given, m.start, m.end)
        if m.honorific and at >= 0 and m.given not in known:
            g = _known_prefix(m.given, known)
            if g is not None and (m.surname is None or _clause_like(m.surname) or _clause_like(m.given[len(g) :])):
                m = replace(m, given=g, surname=None, end=at + len(g))
        elif m.honorific and at >= 0 and m.surname and known.get(m.given, {m.surname}) - {m.surname}:
            if _clause_like(m.surname):
                m = replace(m, surname=None, end=at + len(m.given))
        out.append(m)
    return out


def _known_prefix(given: str, known: dict[str, set[str]]) -> str | None:
    """The known given name that ``given`` opens with, words glued after it; each prefix is
    looked up, so a page of many people stays linear."""
    for k in range(3, len(given) - 1):
        if given[:k] in known and _glued_to_known(given, given[:k]):
            return given[:k]
    return None


@lru_cache(maxsize=1 << 16)
def _glued_to_known(given: str, known: str) -> bool:
    """ "บุญสม|ตาย", "เนวิน|ยืนยันกับ...": a known given name, then dictionary words glued to it."""
    rest = given[len(known) :]
    return (
        len(known) >= 3
        and given.startswith(known)
        and len(rest) >= 2
        and _word_boundary(known, rest)
        and all(w in common_words() for w in _tokenize(rest))
    )


def _trim_glued_repeats(ms: list[_Mention]) -> list[_Mention]:
    """A surname written elsewhere in the article with dictionary words glued after it is that
    surname: "นายไชยา สะสมทรัพย์ออกหรือไม่" beside "นายไชยา สะสมทรัพย์", "ทรัมป์ด้วย", "ถาวรเวชได้"."""
    known: dict[str, set[str]] = {}
    for m in ms:
        if m.surname:
            known.setdefault(m.given, set()).add(m.surname)
    out = []
    for m in ms:
        for s in known.get(m.given, ()) if m.surname else ():
            rest = m.surname[len(s) :] if m.surname.startswith(s) else ""
            if len(rest) >= 2 and not any(c.isspace() for c in rest) and _all_dictionary_words(rest):
                m = replace(m, surname=s, end=m.end - len(rest))
                break
        out.append(m)
    return out


@lru_cache(maxsize=1 << 16)
def _all_dictionary_words(token: str) -> bool:
    """Words, not the tail of a longer surname ("วิชยานุ|วัติ"): two words or more, or one
    function word ("ได้", "ด้วย")."""
    words = _tokenize(token)
    if not all(w in common_words() for w in words):
        return False
    function = _cue_set("boundary", "boundary_token", "boundary_spaced", "not_surname", "not_name_start")
    return len(words) >= 2 or words[0] in function


def find_officials(text: str, person_spans: Sequence[tuple[int, int]] = ()) -> list[Official]:
    """Every named person, once, in order of first mention, with honorific, position and role.

    >>> [(o.name, o.position) for o in find_officials(
    ...     "โดยมีพลเอก จิระ โกมุทพงศ์ กรรมการ ป.ป.ท. นายปรเมศ งามพิเชษฐ์นายกเมืองพัทยา เข้าร่วม")]
    [('จิระ โกมุทพงศ์', 'กรรมการ ป.ป.ท.'), ('ปรเมศ งามพิเชษฐ์', 'นายกเมืองพัทยา')]
    """
    ms = _honorific_mentions(text)
    ms += _latin_mentions(text)
    ms += _post_name_mentions(text, ms)
    ms = sorted(ms + _ner_mentions(text, person_spans, ms), key=lambda m: m.start)
    ms = _with_positions(text, _trim_glued_repeats(_known_given_repeats(text, ms)))
    ms = [m for m in ms if not _is_byline(text, m)]
    ms = _with_roles(text, ms)
    background = {_WS.sub("", m.name) for m in ms if m.surname and _is_background(text, m)}
    background -= {_WS.sub("", m.name) for m in ms if m.surname and not _is_background(text, m)}
    return [o for o in _merge(text, ms) if _WS.sub("", o.name) not in background]
