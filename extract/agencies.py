"""Agencies: named public bodies, companies and civil-society organisations.

Sources of a mention, strongest first:
  1. acronyms the article defines itself, "ชื่อเต็ม (ย่อ)", then their later uses;
  2. provincial, regional and local-government patterns built on a gazetteer hit or a
     province / place name ("สำนักงาน ป.ป.ช. ประจำจังหวัดฉะเชิงเทรา", "ป.ป.ท. เขต 2", "อบจ.ภูเก็ต");
  3. the gazetteer (patterns/agencies.csv): canonical names, aliases, acronyms, ministry
     short forms after a position word ("รมว.ยุติธรรม");
  4. head words that open a name not in the gazetteer ("ชมรม...", "บริษัท ... จำกัด").
The NER model's ORGANIZATION spans are not a source: the model reads only short windows
around positions (pipeline.py), so its spans would add little; wiring them in is an accuracy
change to measure, not a plumbing one.
Overlaps are settled in one place (`_resolve`): the longer span wins, then the stronger source.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import combinations

from extract import lexicons, thai
from extract.lexicons import province_forms
from extract.records import Agency
from extract.thai import COMBINING, COMBINING_RE, CONSONANT, LETTER, LETTER_RE, alternation, common_words, is_letter

# A dotted Thai abbreviation token: ป.ป.ท.  สป.มท.  กอ.รมน.
DOTTED = re.compile(rf"(?:[{CONSONANT}][{LETTER}]{{0,4}}\.){{2,}}|[{CONSONANT}]{{2,6}}\.")
LATIN = re.compile(r"^[A-Za-z][A-Za-z0-9&.\- ]*$")
CAMPUS = re.compile(rf" ?วิทยาเขต ?([{LETTER}]+)")
REGION = re.compile(r"\s?(เขตพื้นที่|เขต|ภาคที่|ภาค|ภูมิภาคที่)\s?(\d{1,2})(?!\d)")
# An acronym in brackets after the name it shortens: "(ป.ป.ท.)", "(สพฐ)", "(ICAO)".
_DOTTED_IN_BRACKETS = rf"(?:[{CONSONANT}][{LETTER}]{{0,5}}\.){{1,5}}[{LETTER}]{{0,6}}\.?"
PAREN_ACRONYM = re.compile(rf"\(\s*({_DOTTED_IN_BRACKETS}|[{CONSONANT}]{{2,6}}|[A-Z][A-Za-z&\-]{{1,11}})\s*\)")

KEY_PUNCT = re.compile(r"[\s.\-–—()\"“”'‘’]+")
# "บริษัท ... (ประเทศไทย) จำกัด" (bulk: 254 (ประเทศไทย), 31 (ไทยแลนด์), 4 (Thailand)) and the
# transliterated "... ลิมิเต็ด" of a foreign company (bulk 2); "จำกัด มหาชน" unbracketed (bulk 13)
# (scraped news text doubles spaces: "ดีเวล็อปเมนท  จำกัด มหาชน")
COMPANY = re.compile(
    r"บริษัท\s?[^\s()]{1,40}(?:\s[^\s()]{1,30}){0,4}?\s{0,2}(?:\((?:ประเทศไทย|ไทยแลนด์|ไทย|Thailand)\)\s?)?"
    rf"(?:จำกัด|ลิมิเต็ด(?![{LETTER}]))(?:\s?\(มหาชน\)|\sมหาชน(?![{LETTER}]))?"
)
LATIN_NAME = re.compile(r"\s?[A-Z][A-Za-z0-9&\-]*(?:\s[A-Z][A-Za-z0-9&\-]*)*\s?")
THAI_RUN = re.compile(rf"[{LETTER}0-9]+")
THAI_WORD = re.compile(rf"[{LETTER}]+")
LETTER_DOT = re.compile(rf"[{LETTER}]\.")  # a letter then a dot: an acronym goes on
SHORT_ACRONYM = re.compile(rf"[{LETTER}]{{1,3}}\.")
SPACED_WORD = re.compile(rf" ([{LETTER}]{{3,20}})(?![{LETTER}])")
# a word is letters with one closing dot, or initials "N.S.": a run "A.A.A..." is no word to rescan
LATIN_WORD = r"(?:(?:[A-Z]\.){1,4}|[A-Z][A-Za-z&\-]*\.?)"
LATIN_COMPANY = re.compile(rf"\b{LATIN_WORD}(?:\s{LATIN_WORD}){{0,5}}\s(?:Company|Co\.,?)?\s?Limited\b")
LATIN_AFTER_HEAD = re.compile(r"บริษัท\s?[A-Z][A-Za-z0-9&.\-]*(?:\s[A-Z][A-Za-z0-9&.\-]*){0,5}\b")
# a Latin-script body named by its last word: "Immanuel Foundation", "International Justice Mission"
LATIN_ORG_WORDS = (
    "Foundation", "Association", "Council", "Institute", "Organization", "Organisation", "Corporation",
    "Commission", "Federation", "University", "Network", "Alliance", "Mission", "Chamber of Commerce",
)  # fmt: skip
LATIN_ORG = re.compile(
    r"\b(?:The\s)?[A-Z][A-Za-z&\-]*(?:\s(?:of\s|for\s|and\s|the\s)?[A-Z][A-Za-z&\-]*){0,5}\s"
    rf"(?:{'|'.join(LATIN_ORG_WORDS)})\b"
)
VERSION = re.compile(r" ?[1-9]\.0(?![\d.])(?! ?(?:ล้าน|บาท|%|เปอร์เซ็นต์))")
ADDRESS = re.compile(r" (?:อำเภอ|ตำบล|ถนน|หมู่ที่|เลขที่|จังหวัด)")
SURNAME_PART = re.compile(rf" ([{LETTER}]{{3,10}}) (?:จังหวัด|อำเภอ)")

# Priorities: lower wins when two candidates cover the same span length.
P_LEARNED, P_PATTERN, P_LEXICON, P_SHORT, P_CUE = range(5)


@dataclass(frozen=True, slots=True)
class Entry:
    canonical: str
    acronym: str | None
    kind: str
    parent: str | None


@dataclass(frozen=True, slots=True)
class Cand:
    start: int
    end: int
    canonical: str
    acronym: str | None
    kind: str
    priority: int
    method: str


# ---------------------------------------------------------------- data files


def _split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split(";") if x.strip()]


def undot(s: str) -> str:
    return s.replace(".", "")


@lru_cache(maxsize=1 << 14)
def norm_key(s: str) -> str:
    """The scorer's comparison key: NFC, no spaces, dots, hyphens or parentheses."""
    return KEY_PUNCT.sub("", unicodedata.normalize("NFC", s)).lower()


@cache
def ambiguous_acronyms() -> frozenset[str]:
    return frozenset(lexicons.words("agency_ambiguous.txt"))


@cache
def generic_names() -> frozenset[str]:
    return frozenset(norm_key(x) for x in lexicons.words("agency_generic.txt"))


@cache
def place_cues() -> tuple[str, ...]:
    return tuple(lexicons.words("agency_place_cues.txt"))


@cache
def name_stops() -> frozenset[str]:
    return frozenset(lexicons.words("agency_name_stops.txt"))


@cache
def open_shorts() -> frozenset[str]:
    return frozenset(lexicons.words("agency_open_short.txt"))


@cache
def name_closers() -> tuple[str, ...]:
    return tuple(lexicons.words("agency_name_closers.txt"))


# The gazetteer: agencies.csv and the whole-domain lists beside it (every party, university,
# international body); foreign governments and embassies are built from agency_countries.csv.
GAZETTEER = (
    "agencies.csv", "agency_parties.csv", "agency_universities.csv", "agency_international.csv",
    "agency_courts.csv", "agency_movements.csv", "agency_forces.csv", "agency_airlines.csv",
)  # fmt: skip


def _foreign_rows() -> list[dict[str, str]]:
    """รัฐบาล<country>, สถานเอกอัครราชทูต<country>ประจำประเทศไทย and สถานกงสุลใหญ่<country> for
    every foreign country, under its short and formal names (รัฐบาลแห่งสาธารณรัฐประชาชนจีน = รัฐบาลจีน)."""
    names: dict[str, list[str]] = {c: [] for c in lexicons.words("foreign_countries.txt")}
    for r in lexicons.rows("agency_countries.csv"):
        names.setdefault(r["country"], []).extend(_split(r["aliases"]))
    out = []
    for country, aliases in names.items():
        every = [country, *aliases]
        forms = {
            "รัฐบาล": [f"รัฐบาล{n}" for n in every] + [f"รัฐบาลแห่ง{n}" for n in every],
            "สถานเอกอัครราชทูต": [
                f"{head}{n}{tail}" for n in every for head in ("สถานเอกอัครราชทูต", "สถานเอกอัครราชทูตแห่ง", "สถานทูต")
                for tail in ("ประจำประเทศไทย", "")
            ],
            "สถานกงสุลใหญ่": [f"สถานกงสุลใหญ่{n}" for n in every] + [f"สถานกงสุลใหญ่แห่ง{n}" for n in every],
        }
        canonicals = {"รัฐบาล": f"รัฐบาล{country}", "สถานเอกอัครราชทูต": f"สถานเอกอัครราชทูต{country}ประจำประเทศไทย",
                      "สถานกงสุลใหญ่": f"สถานกงสุลใหญ่{country}"}  # fmt: skip
        for head, canonical in canonicals.items():
            aliases = ";".join(f for f in forms[head] if f != canonical)
            out.append({"canonical": canonical, "acronyms": "", "aliases": aliases, "kind": "foreign", "parent": ""})
    return out


@cache
def gazetteer_rows() -> tuple[dict[str, str], ...]:
    """Every row of the gazetteer files; a row naming a body already listed adds its forms to it."""
    rows: dict[str, dict[str, str]] = {}
    for r in [row for name in GAZETTEER for row in lexicons.rows(name)] + _foreign_rows():
        if (old := rows.get(r["canonical"])) is None:
            rows[r["canonical"]] = dict(r)
            continue
        for col in ("acronyms", "aliases"):
            old[col] = ";".join(x for x in (old[col], r[col]) if x)
    return tuple(rows.values())


@cache
def entries() -> tuple[Entry, ...]:
    return tuple(
        Entry(r["canonical"], (_split(r["acronyms"]) or [None])[0], r["kind"], r["parent"] or None)
        for r in gazetteer_rows()
    )


def _acronym_variants(acr: str) -> list[str]:
    """ป.ป.ท. -> ป.ป.ท., ปปท., ปปท ; short undotted forms are left out (they hide in words)."""
    out = [acr]
    bare = undot(acr)
    if LETTER_RE.match(acr) and "." in acr and len(bare) >= 3 and bare != acr:
        out += [bare + ".", bare]
    return out


def _spacings(name: str) -> set[str]:
    """Every keeping or dropping of the spaces inside a name of up to four spaces:
    "กรมอุทยานแห่งชาติ สัตว์ป่า และพันธุ์พืช" is also written "...แห่งชาติ สัตว์ป่าและพันธุ์พืช"."""
    parts = name.split(" ")
    if len(parts) > 5:
        return {name, name.replace(" ", "")}
    out = set()
    for mask in range(1 << (len(parts) - 1)):
        out.add(parts[0] + "".join((" " if mask >> i & 1 else "") + p for i, p in enumerate(parts[1:])))
    return out


def _name_variants(name: str) -> list[str]:
    """Spacing and dotting of a multi-word name: "สำนักงาน ป.ป.ท." -> "สำนักงานปปท." ...,
    and its first words closed by "ฯ": "กรมอุทยานแห่งชาติฯ"."""
    forms = {name}
    for tok in DOTTED.findall(name):
        if len(undot(tok)) >= 3:
            forms |= {f.replace(tok, undot(tok) + ".") for f in forms}
    forms = {v for f in forms for v in _spacings(f)}
    # ราชภัฏ is often misspelt ราชภัฎ (bulk: 48)
    forms |= {f.replace("ราชภัฏ", "ราชภัฎ") for f in forms if "ราชภัฏ" in f}
    words = name.split(" ")
    for k in range(1, len(words)):
        head = " ".join(words[:k])
        # not "ธนาคารกรุงเทพฯ" (Bangkok), nor a unit cut before its ministry ("สำนักงานรัฐมนตรีฯ")
        if (
            len(head) >= 12 and LETTER_RE.match(head) and not head.endswith((")", "จำกัด", "กรุงเทพ"))
            and not words[k].startswith("กระทรวง")
        ):  # fmt: skip
            forms.add(head + "ฯ")
    return sorted(forms)


CUT_HEADS = ("กรม", "การ", "กระทรวง", "สำนักงาน", "สถาบัน", "องค์การ")


@cache
def surface_forms() -> dict[str, tuple[int, str, int]]:
    """Written form -> (entry index, form type, offset where the agency's own words start).

    Form types: name (Thai, matched anywhere), acronym (Thai, needs boundaries), latin
    (ASCII word boundaries, case-sensitive). An undotted form shared by two bodies is dropped.
    """
    ents = entries()
    forms: dict[str, tuple[int, str, int]] = {}
    derived: dict[str, set[int]] = {}
    cut_names: dict[str, set[int]] = {}
    by_canonical = {e.canonical: i for i, e in enumerate(ents)}
    skip = ambiguous_acronyms()
    for i, row in enumerate(gazetteer_rows()):
        for name in [row["canonical"], *_split(row["aliases"])]:
            kind = "latin" if LATIN.match(name) else "name"
            forms.setdefault(name, (i, kind, 0))
            for v in _name_variants(name) if kind == "name" else []:
                derived.setdefault(v, set()).add(i)
            if name == row["canonical"] and name.startswith(CUT_HEADS):
                # "การรถไฟฯ", "กรมอุตุฯ", "กรมชลฯ": a name cut short by "ฯ" names the one body it
                # opens (bulk: การรถไฟฯ 113, กรมชลฯ 46, กรมอุตุฯ 35); a cut shared by two is dropped
                head = next(h for h in CUT_HEADS if name.startswith(h))
                for k in range(len(head) + 2, len(name)):
                    if LETTER_RE.match(name[k - 1]) and " " not in name[:k]:
                        derived.setdefault(name[:k] + "ฯ", set()).add(i)
                if (k := name.find("แห่ง")) > len(head):
                    # "การรถไฟฯ" is การรถไฟแห่งประเทศไทย, though การรถไฟฟ้าขนส่งมวลชน... opens alike
                    cut_names.setdefault(name[:k] + "ฯ", set()).add(i)
            # the press writes a university "ม.<name>": "ม.ขอนแก่น", "ม.เกษตรศาสตร์"
            # (bulk: ม.เกษตร 249, ม.มหิดล 31, ม.ขอนแก่น 13; ThaiNER news: 30 ORG spans)
            rest = name.removeprefix("มหาวิทยาลัย")
            if rest != name and len(rest) >= 3 and LETTER_RE.match(rest):
                derived.setdefault(f"ม.{rest}", set()).add(i)
        if row["canonical"].startswith("สำนักงานคณะกรรมการ"):
            # the commission is written for its office: "เลขาธิการคณะกรรมการกิจการกระจายเสียง
            # กิจการโทรทัศน์ และกิจการโทรคมนาคมแห่งชาติ" (gold lists the two as one body)
            for v in _name_variants(row["canonical"].removeprefix("สำนักงาน")):
                derived.setdefault(v, set()).add(i)
        for acr in _split(row["acronyms"]):
            if acr in skip:
                continue
            if LATIN.match(acr):
                forms.setdefault(acr, (i, "latin", 0))
                continue
            forms[acr] = (i, "acronym", 0)
            for v in _acronym_variants(acr)[1:]:
                # "สอบ." and "สอน." are acronyms, "สอบ" and "สอน" words (exam, teach): without its
                # dots an acronym whose "อ" reads as a vowel is a word
                if "." in v or "อ" not in v or v not in common_words():
                    derived.setdefault(v, set()).add(i)
            # "กระทรวง พม." / "สำนักงาน กกต." name the body itself
            for head in ("กระทรวง", "สำนักงาน"):
                if ents[i].canonical.startswith(head):
                    for v in _acronym_variants(acr):
                        derived.setdefault(f"{head} {v}", set()).add(i)
                        derived.setdefault(f"{head}{v}", set()).add(i)
    for v, owners in cut_names.items():
        if len(owners) == 1 and v not in forms:
            forms[v] = (next(iter(owners)), "name", 0)
    for v, owners in derived.items():
        if len(owners) == 1 and v not in forms:
            i = next(iter(owners))
            kind = "acronym" if LETTER_RE.match(v) and len(v) <= 12 and " " not in v and "ฯ" not in v else "name"
            forms[v] = (i, kind, 0)
    prefixes = lexicons.words("agency_ministry_prefixes.txt")
    for row in lexicons.rows("agency_ministry_short.csv"):
        i = by_canonical.get(row["canonical"])
        if i is None:
            continue
        shorts = _split(row["short"])
        acr = ents[i].acronym
        for p in prefixes:
            for s in shorts + ([acr] if acr else []):
                for sep in ("", " "):
                    form = f"{p}{sep}{s}"
                    if form not in forms and not (p == "ก." and s == acr):
                        # span starts at the ministry's own words, after a position word;
                        # "ก." is the ministry word itself ("ก.แรงงาน", "ก.อุตฯ")
                        off = 0 if p in ("กระทรวง", "ก.") else len(p) + len(sep)
                        forms[form] = (i, "name", off)
    return forms


Hits = dict[str, list[int]]  # word -> every start of it in the text, ascending (hits may overlap)


@cache
def _scan_words() -> tuple[frozenset[str], frozenset[str]]:
    """The surface forms, and the other literals the extractors look for: head words,
    local-government heads, the fixed opening of each provincial pattern."""
    forms = frozenset(f for f in surface_forms() if len(f) >= 2)
    others = {c for c, _, _ in cues()} | {h for h, _, _ in local_heads()}
    others |= {lit for *_, lit in provincial_patterns() if lit}
    others |= {"Limited", *LATIN_ORG_WORDS, *title_words()}
    return forms, frozenset(others)


@cache
def _scanner() -> Callable[[str], Hits]:
    """One pass over a text for every literal of `_scan_words`: Aho-Corasick (pyahocorasick);
    without it, a trie regex for the forms and str.find for the few others."""
    forms, others = _scan_words()
    try:
        import ahocorasick
    except ImportError:
        return _fallback_scanner(forms, others)
    auto = ahocorasick.Automaton()
    for w in forms | others:
        auto.add_word(w, w)
    auto.make_automaton()

    def scan(text: str) -> Hits:
        out: Hits = {}
        for end, w in auto.iter(text):
            out.setdefault(w, []).append(end + 1 - len(w))
        return out

    return scan


def _fallback_scanner(forms: frozenset[str], others: frozenset[str]) -> Callable[[str], Hits]:
    search = re.compile(alternation(forms)).search
    by_prefix: dict[str, set[int]] = {}
    for w in forms:
        by_prefix.setdefault(w[:2], set()).add(len(w))
    lengths = {k: sorted(v) for k, v in by_prefix.items()}
    rest = sorted(others - forms)

    def scan(text: str) -> Hits:
        out: Hits = {}
        i = 0
        while (m := search(text, i)) is not None:
            i = m.start()
            for n in lengths[text[i : i + 2]]:
                if text[i : i + n] in forms:
                    out.setdefault(text[i : i + n], []).append(i)
            i += 1
        for w in rest:
            i = text.find(w)
            while i >= 0:
                out.setdefault(w, []).append(i)
                i = text.find(w, i + 1)
        return out

    return scan


def _successive(starts: list[int], n: int) -> list[int]:
    """Hits of an n-character word as a left-to-right search reports them: each after the last one ends."""
    out, free = [], 0
    for i in starts:
        if i >= free:
            out.append(i)
            free = i + n
    return out


@cache
def province_names() -> tuple[dict[str, str], str]:
    """Written province name -> canonical name, and a regex alternation, longest first."""
    # "กทม." is the acronym of the Bangkok administration, an agency, and forms under three
    # letters are too short to find as words.
    names = {form: name for form, (name, _) in province_forms().items()
             if form == name or (len(form) >= 3 and not form.startswith("กทม"))}
    alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return names, alt


@cache
def place_names() -> frozenset[str]:
    """Districts and subdistricts (local governments are named after them) and provinces."""
    import geothai

    out = set(province_names()[0])
    for p in geothai.provinces():
        for d in geothai.districts(p.code):
            out.add(d.name_th.removeprefix("เขต"))
            out.update(s.name_th for s in geothai.subdistricts(d.code))
    return frozenset(n for n in out if len(n) >= 2)


COUNTERS = "หน่วย|แห่ง|ชุด|ทีม"


@cache
def provincial_patterns() -> tuple[tuple[re.Pattern[str], str, str | None, str | None, str], ...]:
    """(regex, canonical template, acronym template, parent, literal the match must hold)
    from agency_provincial.csv."""
    _, prov = province_names()
    out = []
    for r in lexicons.rows("agency_provincial.csv"):
        acrs = _split(r["acronyms"])
        for form in [r["canonical"], *_split(r["aliases"]), *acrs]:
            rx = re.escape(form).replace(r"\{p\}", "{p}").replace(r"\{n\}", "{n}")
            rx = rx.replace(r"\ ", r"\s?").replace(r"\.{p}", r"\.\s?{p}").replace(r"\.{n}", r"\.\s?{n}")
            # a number then a counting word is how many: "จัดตั้งหน่วยเฉพาะกิจ 4 หน่วย"
            rx = rx.replace("{p}", f"(?P<p>{prov})").replace("{n}", rf"(?P<n>\d{{1,2}})(?!\d)(?!\s?(?:{COUNTERS})(?![{LETTER}]))")
            # the words before the first slot or space are matched as written: a cheap test first
            literal = form.split("{")[0].split(" ")[0]
            out.append((re.compile(rx), r["canonical"], acrs[0] if acrs else None, r["parent"] or None, literal))
    return tuple(out)


@cache
def category_words() -> dict[str, tuple[str, ...]]:
    """agency_category_words.csv: where -> words, longest first."""
    return lexicons.grouped("agency_category_words.csv", "where", "word")


@cache
def venue_heads() -> tuple[str, ...]:
    return tuple(lexicons.words("agency_venue_heads.txt"))


def _is_category(name: str) -> bool:
    """A class of bodies or a place, not one body: "สหกรณ์บริหารการจัดการดีเด่น",
    "สถาบันอุดมศึกษาเอกชน", "ศูนย์ดำรงธรรมจังหวัด", "ศูนย์การประชุมแห่งชาติสิริกิติ์"."""
    words = category_words()
    if name.startswith(venue_heads()) or any(w in name for w in words.get("anywhere", ())):
        return True
    if name.endswith(words.get("last", ())):
        return True
    # a bare head word is left alone: "สำนัก|นำร่อง" is the Marine Department's pilot bureau
    generic, heads = generic_names(), {c for c, _, _ in cues()}
    rest = name.rstrip()
    while (w := next((w for w in words.get("end", ()) if rest.endswith(w) and len(rest) > len(w)), None)) is not None:
        rest = rest[: -len(w)].rstrip()
        if norm_key(rest) in generic and rest not in heads:
            return True
    return False


@cache
def cues() -> tuple[tuple[str, str, str], ...]:
    return tuple((r["cue"], r["kind"], r["mode"]) for r in lexicons.rows("agency_cues.csv"))


# ---------------------------------------------------------------- boundaries


def _acronym_ok(text: str, start: int, end: int, form: str) -> bool:
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if form.endswith("."):
        # "พ.ต.ท." must not yield "ต.ท.": a dot after a lone letter continues an abbreviation
        if (
            before == "."
            and start >= 2
            and is_letter(text[start - 2])
            and not (start >= 3 and is_letter(text[start - 3]))
        ):
            return False
    else:
        if is_letter(after) or after == ".":
            return False
    if is_letter(before):
        # "ประธาน|คมช.", "โดย|กกต.": news glues an acronym of three letters or more to the word
        # before it; two letters glued are a word's end ("อนา|คต.", "ตา|มพ.ร.บ.")
        return form.count(".") >= 2 or (
            form.endswith(".") and len(form) >= 4 and not _glued_to_letters(text, start)
            and not LETTER_DOT.match(text, end)
        )  # fmt: skip
    return True


def _latin_ok(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum())


# ---------------------------------------------------------------- candidate sources


def _lexicon_cands(text: str, hits: Hits) -> list[Cand]:
    """At each position where forms start, the longest one whose boundaries hold."""
    forms, ents = surface_forms(), entries()
    is_form = _scan_words()[0]
    at: dict[int, list[int]] = {}
    for w, starts in hits.items():
        if w in is_form:
            for i in starts:
                at.setdefault(i, []).append(len(w))
    out = []
    for i in sorted(at):
        for n in sorted(at[i], reverse=True):
            end = i + n
            form = text[i:end]
            idx, ftype, off = forms[form]
            if ftype == "acronym" and not _acronym_ok(text, i, end, form):
                continue
            if end < len(text) and COMBINING_RE.match(text[end]):
                continue  # the text's syllable goes on with a vowel or tone: "สนทนาโต|้ตอบ"
            if (
                ftype == "name" and len(form) <= 6 and THAI_WORD.fullmatch(form) and form not in common_words()
                and ((i and is_letter(text[i - 1])) or (end < len(text) and is_letter(text[end])))
                and not _is_word_at(text, i, end)
            ):  # fmt: skip
                # a short transliterated name inside words: "สนท|นาโต|้ตอบ" holds no นาโต; a
                # dictionary word ("ประธาน|รัฐสภา") is left to the tokeniser's own mistakes
                continue
            if ftype == "name" and form.startswith("การ") and i and is_letter(text[i - 1]) and _ends_noun_in_kan(text, i):
                continue  # "โครงการ|รถไฟฯ" is a project, not การรถไฟฯ
            if ftype == "name" and form[1:2] == "." and i and (is_letter(text[i - 1]) or text[i - 1] == "."):
                # "ก.คลัง", "ม.ขอนแก่น" open with a one-letter abbreviation that letters before
                # it would continue: "สก.เกษตร..." is no ministry
                continue
            if ftype == "latin" and not _latin_ok(text, i, end):
                continue
            if form in open_shorts() and end < len(text) and is_letter(text[end]) and not _clause_after(text, end):
                continue  # "สภาหอการค้า|อังกฤษ...": another body's longer name
            e = ents[idx]
            prio = P_SHORT if off else P_LEXICON
            out.append(Cand(i + off, end, e.canonical, e.acronym, e.kind, prio, "lexicon"))
            break
    return out


def _clause_after(text: str, end: int) -> bool:
    """The words glued after a name open a clause: "สภาหอการค้า|ออกโรง|ค้าน..."."""
    toks = _tokens(text[end : end + 16])
    return bool(toks) and (toks[0] in name_stops() or "".join(toks[:3]).startswith(name_closers()))


# words ending in "การ" before which a body "การ..." still starts: "ให้|การรถไฟ", "ผู้ว่า|การรถไฟ"
KAN_OPENERS = frozenset({"ให้การ", "ว่าการ", "ผู้ว่าการ"})


def _is_word_at(text: str, start: int, end: int) -> bool:
    """Word boundaries at both ends of ``text[start:end]`` in the tokenised text around it."""
    lo = max(0, start - 12)
    pos, bounds = lo, {lo}
    for t in _tokens(text[lo : end + 12]):
        pos += len(t)
        bounds.add(pos)
    return start in bounds and end in bounds


def _ends_noun_in_kan(text: str, i: int) -> bool:
    """The "การ" at ``i`` ends a word begun before it: "โครงการ", "บริการ", "ดำเนินการ"."""
    lo = max(0, i - 12)
    pos = lo
    for t in _tokens(text[lo : i + 3]):
        start, pos = pos, pos + len(t)
        if pos == i + 3:
            return start < i and t not in KAN_OPENERS
        if pos > i + 3:
            return False
    return False


def _office_name(e: Entry, acr: str | None) -> str:
    """The form a regional office takes: "สำนักงาน ป.ป.ท." for ป.ป.ท., else the body's name."""
    if acr and e.canonical.startswith("สำนักงาน"):
        return f"สำนักงาน {acr}"
    return e.canonical


@cache
def _by_canonical() -> dict[str, Entry]:
    return {e.canonical: e for e in entries()}


@cache
def _stationed_rx() -> re.Pattern[str]:
    """ "... ประจำจังหวัดระยอง" after a body's name."""
    return re.compile(rf"\s?ประจำจังหวัด\s?({province_names()[1]})")


def _derived_office_cands(text: str, base: list[Cand]) -> list[Cand]:
    """ "<body> เขต 2", "<body> ภาค 7", "<body> ประจำจังหวัด<province>" as bodies of their own."""
    provinces, _ = province_names()
    by_canonical = _by_canonical()
    prov_rx = _stationed_rx()
    out = []
    ministries = {c.start: c for c in base if c.kind == "ministry" and c.priority == P_LEXICON}
    for c in base:
        e = by_canonical.get(c.canonical)
        if e is None or e.kind in ("ministry", "local"):
            continue
        gap = 1 if text[c.end : c.end + 1] == " " else 0
        mc = ministries.get(c.end + gap)
        if mc and e.parent is None and e.kind == "other":
            # a body every ministry has its own of: "ศูนย์ปฏิบัติการต่อต้านการทุจริต กระทรวงมหาดไทย", "ศปท.มท."
            acr = f"{e.acronym}{mc.acronym}" if e.acronym and mc.acronym else None
            out.append(Cand(c.start, mc.end, f"{e.canonical} {mc.canonical}", acr, "other", P_PATTERN, "pattern"))
            continue
        if (m := CAMPUS.match(text, c.end)) and e.canonical.startswith(("มหาวิทยาลัย", "จุฬาลงกรณ์", "สถาบัน")):
            # a campus is a body of its own, as a regional office is: "มหาวิทยาลัยเกษตรศาสตร์ วิทยาเขตศรีราชา"
            # (bulk: 99 "<university> วิทยาเขต<name>", 15 of 15 read a campus)
            words, _ = _cut_name(m.group(1))
            if sum(map(len, words)) >= 2:
                end = m.start(1) + sum(map(len, words))
                out.append(Cand(c.start, end, f"{e.canonical} วิทยาเขต{''.join(words)}", None, "regional", P_PATTERN, "pattern"))
            continue
        m = REGION.match(text, c.end)
        if m:
            word = "ภาค" if m.group(1).startswith("ภาค") else "เขต"
            if m.group(1) == "ภูมิภาคที่":
                word = "ภูมิภาคที่"
            office = _office_name(e, e.acronym)
            acr = f"{e.acronym} {word} {m.group(2)}" if e.acronym else None
            out.append(Cand(c.start, m.end(), f"{office} {word} {m.group(2)}", acr, "regional", P_PATTERN, "pattern"))
            continue
        m = prov_rx.match(text, c.end)
        if m:
            prov = provinces[m.group(1)]
            office = _office_name(e, e.acronym)
            acr = f"{e.acronym} ประจำจังหวัด{prov}" if e.acronym else None
            out.append(Cand(c.start, m.end(), f"{office} ประจำจังหวัด{prov}", acr, "provincial", P_PATTERN, "pattern"))
    return out


@cache
def _office_rxs() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Any other "สำนักงาน...จังหวัด<province>" and "สำนักงาน...ภูมิภาคที่ N"."""
    prov_alt = province_names()[1]
    generic = re.compile(rf"สำนักงาน(?:(?!จังหวัด)[{LETTER}]){{2,50}}จังหวัด\s?({prov_alt})")
    regional = re.compile(rf"สำนักงาน[{LETTER}]{{2,50}}?(?:ภูมิภาคที่|ภาคที่|เขตพื้นที่|เขต)\s?\d{{1,2}}(?!\d)")
    return generic, regional


def _provincial_cands(text: str, hits: Hits) -> list[Cand]:
    provinces, _ = province_names()
    out = []
    for rx, canon_t, acr_t, _parent, literal in provincial_patterns():
        if literal and literal not in hits:
            continue
        for m in rx.finditer(text):
            if "." in literal and _glued_to_letters(text, m.start()):
                continue
            if m.start() and is_letter(text[m.start() - 1]) and THAI_WORD.fullmatch(literal) and not _starts_word(text, m.start(), literal):
                # "ภาวะเศรษฐกิจการ|คลังจังหวัดชลบุรี": the name opens inside a word
                continue
            g = m.groupdict()
            prov = provinces.get(g.get("p") or "", "")
            fill = {"p": prov, "n": g.get("n") or ""}
            canon = canon_t.format(**fill)
            acr = acr_t.format(**fill) if acr_t else None
            out.append(Cand(m.start(), m.end(), canon, acr, "provincial", P_PATTERN, "pattern"))
    generic, regional = _office_rxs()
    for m in generic.finditer(text):
        name = m.group(0).replace(" ", "")
        out.append(Cand(m.start(), m.end(), name, None, "provincial", P_PATTERN + 1, "pattern"))
    for m in regional.finditer(text):
        out.append(Cand(m.start(), m.end(), m.group(0), None, "regional", P_PATTERN + 1, "pattern"))
    return out


@cache
def local_heads() -> tuple[tuple[str, str, str], ...]:
    """(head word, acronym, province|place) of local-government bodies (agency_local_heads.csv)."""
    return lexicons.columns("agency_local_heads.csv", "head", "acronym", "named_after")


@cache
def local_full_names() -> dict[str, str]:
    """Acronym -> full head word: "อบจ." -> "องค์การบริหารส่วนจังหวัด"."""
    return {acr: head for head, acr, _ in local_heads() if head != acr}


def _place_after(text: str, pos: int, kind: str) -> str | None:
    """The longest province / place name written at ``pos``."""
    if kind == "province":
        provinces, _ = province_names()
        for k in range(min(24, len(text) - pos), 1, -1):
            if text[pos : pos + k] in provinces:
                return text[pos : pos + k]
        return None
    places = place_names()
    for k in range(min(24, len(text) - pos), 1, -1):
        if text[pos : pos + k] in places:
            return text[pos : pos + k]
    return None


def _ends_word(text: str, pos: int, n: int) -> bool:
    """The place name glued to the next words ends where a word ends: "สภ.เมืองพิจิตร|เพื่อ",
    not "สถานีตำรวจภูธรเป้า|หมาย" (เป้าหมาย, a target)."""
    if pos + n >= len(text) or not is_letter(text[pos + n]):
        return True
    run = THAI_RUN.match(text, pos)
    if run is None:
        return True
    k = 0
    for t in _tokens(run.group(0)[: n + 12]):
        k += len(t)
        if k >= n:
            return k == n
    return True


def _local_cands(text: str, hits: Hits) -> list[Cand]:
    provinces, _ = province_names()
    out = []
    for head, acr, kind in local_heads():
        for start in _successive(hits.get(head, []), len(head)):
            pos = start + len(head)
            if text[pos : pos + 1] == " ":
                pos += 1
            place = _place_after(text, pos, kind)
            if not place or not _ends_word(text, pos, len(place)):
                continue
            full = local_full_names()[acr]
            name = provinces.get(place, place) if kind == "province" else place
            out.append(Cand(start, pos + len(place), full + name, acr + name, "local", P_PATTERN, "pattern"))
    return out


@lru_cache(maxsize=1 << 13)
def _tokens(s: str) -> tuple[str, ...]:
    """Words of ``s``; a third of the windows recur across press releases (8k entries ~ 9 MB)."""
    return tuple(thai.words(s))


@cache
def name_nonstarters() -> frozenset[str]:
    return frozenset(lexicons.words("agency_name_nonstarters.txt"))


@cache
def proper_marks() -> tuple[str, ...]:
    return tuple(lexicons.words("agency_proper_marks.txt"))


def _inside_word(toks: Sequence[str], i: int) -> bool:
    """A short clause word between two syllables of a name is no clause word:
    "อิม|มา|นู|เอ|ล" (อิมมานูเอล) holds no "มา", "จุฬา|ภร|ณ|ราช" no "ณ"."""
    if len(toks[i]) > 2 or i == 0 or i + 1 >= len(toks):
        return False
    # "ณ" is written before a space ("ณ ห้อง..."): glued to letters it ends "จุฬาภรณ"
    return len(toks[i]) == 1 or (toks[i - 1] not in common_words() and len(toks[i + 1]) <= 2)


NOMINAL_BREAKS = frozenset({"ใน", "และ", "ต่อ", "จาก", "ด้วย", "อำนาจ", "มี"})
OPEN_LINKS = frozenset({"เพื่อ", "และ", "หรือ"})
PURPOSE_CLAUSE = ("ให้", "ให้การ")  # "...แห่งประเทศไทย|เพื่อ|ให้การสะท้อน...": a purpose, not "มูลนิธิเพื่อการ..."


@cache
def second_heads() -> tuple[str, ...]:
    """Head words that open a second body after "และ"/"หรือ": "สมาคม...|และ|มูลนิธิ...",
    "สำนักงานเจ้าท่าภูมิภาคสาขา|หรือ|สำนัก...", "...จังหวัดสงขลา|และ|จังหวัดปัตตานี"."""
    heads = {c for c, _, _ in cues() if len(c) >= 3 and not c.endswith(".")} - set(_name_words("noun_head"))
    return tuple(sorted(heads | {"กระทรวง", "จังหวัด", "อำเภอ"}, key=len, reverse=True))


def _second_body(toks: Sequence[str], i: int) -> bool:
    return toks[i] in ("และ", "หรือ") and "".join(toks[i + 1 : i + 3]).startswith(second_heads())


def _unplaced(toks: Sequence[str], i: int) -> bool:
    """ "จังหวัด"/"อำเภอ" followed by no place: "คณะกรรมการโรคติดต่อจังหวัด|ตรวจ...",
    "สำนักงานประมงจังหวัด|ท้องที่ติดทะเล" (a kind of provincial office, not one of them)."""
    if toks[i] not in ("จังหวัด", "อำเภอ") or i + 1 >= len(toks):
        return False
    rest = "".join(toks[i + 1 : i + 5])
    # "จังหวัดชายแดนภาคใต้" names the southern border provinces together
    names = _district_names()
    return not rest.startswith("ชายแดน") and not any(rest[:k] in names for k in range(2, min(len(rest), 30) + 1))


def _kan_inside(toks: Sequence[str], i: int) -> bool:
    """ "ใน|การ" at ``i`` is a phrase of the name: after an abstract noun, or in a name closed by its
    province ("ศูนย์ประสานเครือข่ายภาคประชาสังคมในการต่อต้านการทุจริตจังหวัดฉะเชิงเทรา")."""
    if "ความ" in "".join(toks[max(0, i - 3) : i]):
        return True
    return any(t == "จังหวัด" and not _unplaced(toks, j) for j, t in enumerate(toks) if j > i)


@cache
def _coordinated_heads() -> tuple[str, ...]:
    """Head words that open a second body after "และ": those of named organisations (strong mode,
    companies) and ministries, universities, networks, funds; not "สหกรณ์" ("เกษตรและสหกรณ์")."""
    strong = [c for c, _, mode in cues() if mode.split("+")[0] in ("strong", "company")]
    return tuple(strong + ["กระทรวง", "มหาวิทยาลัย", "เครือข่าย", "กองทุน"])


def _opens_known_body(toks: Sequence[str]) -> bool:
    """The words open a gazetteer body's name: "...ยางมาเลเซียและ|การยางแห่งประเทศไทย"."""
    rest, forms = "".join(toks)[:60], surface_forms()
    return any(forms.get(rest[:n], (0, ""))[1] == "name" for n in range(len(rest), 5, -1))


def _cut_name(run: str, proper: bool = False) -> tuple[list[str], bool]:
    """The words of a run up to the first clause word (ได้, โดย, ที่ ...), and whether one cut it;
    ``proper``: the head word itself says a proper name follows (the press abbreviation "รพ.")."""
    kept: list[str] = []
    stops = name_stops()
    toks = _tokens(run)
    closers = name_closers()
    for i, tok in enumerate(toks):
        if "".join(toks[i : i + 3]).startswith(closers):
            # "รพ.ศิริราช|เมื่อเช้านี้", "รพ.เจ้าพระยายมราช|เช่นกัน": news glues a time word to the name;
            # it ends cleanly after a proper name, and after common words only as a clause word
            # does ("คณะทำงานพิจารณารายละเอียด|อีกครั้ง", "ศูนย์ข้อมูลฯจำเป็นต้อง...|อีกครั้ง")
            while kept and kept[-1] in OPEN_LINKS:
                kept.pop()
            return kept, not (kept and (proper or _proper_like(kept)))
        # "ใน" opens a place ("โรงพยาบาลในสังกัด") but belongs to "...ในภาครัฐ", and to "...ในการ..."
        # in a name's phrase ("ความปลอดภัยและอนามัย|ในการ|ทำงาน"); elsewhere "ในการ" opens what the
        # body does ("ชมรมแพทย์ชนบท|ในการ|ระดมทีม")
        inner = (
            tok == "ใน" and i + 1 < len(toks)
            and (toks[i + 1].startswith("ภาค") or (toks[i + 1].startswith("การ") and _kan_inside(toks, i)))
        )  # fmt: skip
        # a royal name opens a name or follows "เฉลิมพระเกียรติ": "โรงพยาบาลสมเด็จพระยุพราช..."
        royal = tok == "สมเด็จ" and (i == 0 or toks[i - 1] == "เฉลิมพระเกียรติ")
        # a verb after "การ" is a noun: "สำนักติดตามประเมินผลการ|จัด|การศึกษา...", but "...ใน|การ|จัด..."
        # and "...และ|การ|ใช้..." open a clause about the body's work
        nominal = i > 1 and toks[i - 1] == "การ" and toks[i - 2] not in stops and toks[i - 2] not in NOMINAL_BREAKS
        if tok == "และ" and i + 1 < len(toks) and (toks[i + 1].startswith(_coordinated_heads()) or _opens_known_body(toks[i + 1 :])):
            # "สมาคมนักกฎหมายสิทธิมนุษยชน|และ|มูลนิธิผสานวัฒนธรรม": a second body, the first ends cleanly
            return kept, False
        if tok != "ฯ" and "".join(kept[-3:]).endswith("แห่งประเทศไทย"):
            # "สภาหอการค้าแห่งประเทศไทย|เพื่อให้การ...": a name closed by "แห่งประเทศไทย" ends there
            return kept, False
        if tok == "ที่" and toks[i + 1 : i + 2] == ("เป็นธรรม",):
            # "...ค่าจ้าง|ที่|เป็นธรรม", "...เพื่อสังคม|ที่|เป็นธรรม": "fair", a word of the name
            kept.append(tok)
            continue
        if tok.isspace() or (
            (tok in stops or (tok == "ใน" and not inner)) and not royal and not nominal and not _inside_word(toks, i)
        ):
            # "หอการค้าแห่งประเทศไทย|เพื่อ|จัดทำ...|พบ": a name does not end on a linking word
            while kept and kept[-1] in OPEN_LINKS:
                kept.pop()
            return kept, True
        purpose = tok == "เพื่อ" and i + 1 < len(toks) and toks[i + 1] in PURPOSE_CLAUSE
        if kept and _second_body(toks, i):
            return kept, False  # the first body's name is whole
        if tok == "หรือ":
            # no gazetteer name holds "หรือ": an alias or an alternative follows. Before a space or a
            # bracket the alias is set apart and the name ends cleanly ("องค์การโรคระบาดสัตว์ระหว่างประเทศ|
            # หรือ| OIE"); glued to the next word it does not ("...ความร่วมมืออิสลาม|หรือ|โอไอซี (OIC)",
            # "ศูนย์บ่มเพาะของหัวหน้า|หรือ|ครูที่ปรึกษา")
            return kept, i + 1 < len(toks)
        if kept and (purpose or _unplaced(toks, i)):
            return kept, True
        kept.append(tok)
    while kept and kept[-1] in OPEN_LINKS:
        kept.pop()
    return kept, False


def _proper_like(words: Sequence[str]) -> bool:
    """Whether the words after a common-noun head ("โรงงาน", "ธนาคาร") make a proper name:
    a place ("โรงงานน้ำตาลบ้านไร่"), a word outside the common-word list ("พระอาจารย์ฝั้น"),
    or a naming mark ("แห่งประเทศไทย", "พิทยาคม")."""
    body = "".join(words)
    if any(m in body for m in proper_marks()):
        return True
    known, places = common_words(), _district_names()
    if "จังหวัด" in words[:-1] and "".join(words[words.index("จังหวัด") + 1 :]) in province_names()[0]:
        return True
    if any(len(w) >= 2 and LETTER_RE.match(w) and w not in known for w in words):
        return True
    for i in range(len(words)):
        for j in range(i + 1, min(i + 4, len(words) + 1)):
            joined = "".join(words[i:j])
            # a place that is also a common word ("สังคม") counts only as the name's last part
            if len(joined) >= 4 and joined in places and (joined not in known or (j == len(words) and i > 0)):
                return True
    return False


def _ends_with_province(words: Sequence[str]) -> bool:
    """ "...ชุมชน|จังหวัด|ฉะเชิงเทรา", not "...ต่อเนื่อง|ในพื้นที่|จังหวัด|ขอนแก่น" (where, not a name)."""
    return (
        len(words) >= 2 and words[-2] in ("จังหวัด", "ประจำจังหวัด") and words[-1] in province_names()[0]
        and "ใน" not in "".join(words)
    )  # fmt: skip


def _closed_name(words: Sequence[str]) -> bool:
    """A long name closed by its province or by "แห่งประเทศไทย"/"แห่งชาติ" is one name:
    "คณะอนุกรรมการส่งเสริมและพัฒนาคุณภาพชีวิตคนพิการประจำจังหวัดพิษณุโลก",
    "ศูนย์กลางนิสิตนักศึกษาเพื่อประชาธิปไตยแห่งประเทศไทย"."""
    body = "".join(words)
    # one "แห่ง": "คณะกรรมการโอลิมปิคแห่งประเทศไทยและนายกสมาคม...แห่งประเทศไทย" runs over two names
    return _ends_with_province(words) or (body.endswith(("แห่งประเทศไทย", "แห่งชาติ")) and body.count("แห่ง") == 1)


@cache
def _district_names() -> frozenset[str]:
    """Provinces, districts and cities: the places a factory, bank branch or school is named after."""
    import geothai

    out = set(province_names()[0]) | {e.canonical for e in entries() if e.kind == "local"}
    for p in geothai.provinces():
        out.update(d.name_th.removeprefix("เขต") for d in geothai.districts(p.code))
    return frozenset(out)


def _starts_word(text: str, start: int, cue: str) -> bool:
    """The head word is a word of its own: "นายกองค์การ" holds no "กอง", "สภาพ" no "สภา"."""
    lo = max(0, start - 12)
    end = start + len(cue)
    pos, at_start = lo, lo == start
    for t in _tokens(text[lo : end + 12]):
        tok_start, pos = pos, pos + len(t)
        if pos == end:
            return at_start
        if pos > end:
            # "สำ|นักกฎหมาย": a word that merely began inside the head word, after its start;
            # a parliamentary committee word the dictionary joins to the next word still opens
            # the name: "คณะกรรมาธิการวิสามัญ..." (not "สำนักงานใหญ่", "สภาพ")
            return at_start and (tok_start > start or (tok_start == start and _head_compound(cue, t)))
        at_start = at_start or pos == start
    return False


@cache
def head_compounds() -> tuple[str, ...]:
    return tuple(sorted(lexicons.words("agency_head_compounds.txt"), key=len, reverse=True))


def _head_compound(cue: str, token: str) -> bool:
    """The dictionary joins the head word to the next word and the word still opens a name:
    "ศูนย์ปฏิบัติการ|โรคไข้หวัดนก", "คณะกรรมาธิการวิสามัญ..." (not "สำนักงานใหญ่", "สภาพ")."""
    return cue == "คณะกรรมาธิการ" or (token.startswith(cue) and token in head_compounds())


# what follows a glued head word when it names a kind of body, not one: "สถาบันวิจัย|ของรัฐ",
# "ศูนย์ปฏิบัติการ|และทีม...", "สมาคมการค้า| กระทรวงพาณิชย์"
COMPOUND_BREAKS = ("ของ", "และ", "หรือ", "ทั้ง", "ใน", "ที่", "ระหว่าง", " ")


@cache
def _qualifier_rx() -> re.Pattern[str]:
    """What may follow a head-word name after one space: a province, area number, ministry."""
    _, prov = province_names()
    # a Thai ministry by its gazetteer name, not any letters after "กระทรวง": "... กระทรวงพาณิชย์|รายงานว่า"
    ministries = sorted({f for f, (i, _, _) in surface_forms().items()
                         if entries()[i].kind == "ministry" and f.startswith("กระทรวง")},
                        key=len, reverse=True)  # fmt: skip
    alt = "|".join(map(re.escape, ministries))
    return re.compile(
        rf"(?:\s?จังหวัด\s?(?:{prov})|\s?(?:เขตพื้นที่|เขต|ภาคที่|ภาค|ภูมิภาคที่|คณะที่|พื้นที่|ที่)\s?\d{{1,2}}(?!\d)(?!\s?/)"
        rf"|\s(?:{alt})(?:(?:แห่ง|ของ)[{LETTER}]{{2,30}})?"  # "กระทรวงการต่างประเทศแห่งสหรัฐอเมริกา"
        # a foreign ministry, outside the gazetteer, ends at a space: "กรมอาหาร กระทรวงอาหาร"
        rf"|\s(?!{alt})กระทรวง[{LETTER}]{{2,40}}(?![{LETTER}])|\sเทศบาล[{LETTER}]{{2,40}})"
    )


def _find_all(text: str, word: str) -> list[int]:
    """Starts of ``word`` in ``text``, each search resuming after the previous hit."""
    out, i = [], text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + len(word))
    return out


def _company_cand(text: str, start: int) -> Cand | None:
    """ "บริษัท ... จำกัด (มหาชน)", or a company named in Latin script ("บริษัท N.S. Corporation")."""
    if m := COMPANY.match(text, start):
        return Cand(start, m.end(), m.group(0), None, "other", P_CUE, "cue")
    if m := LATIN_AFTER_HEAD.match(text, start):
        # the company's own name is the Latin one: "บริษัท Freco Asia Company Limited"
        return Cand(start, m.end(), m.group(0).removeprefix("บริษัท").strip(), None, "other", P_CUE, "cue")
    return None


AREA_WORDS = ("พื้นที่", "เขต", "ภาค")
AREA_NUMBER = re.compile(r" ?\d{1,2}(?![\d/])(?!\s?[-–]\s?\d)")  # not a range "ภูมิภาค 1 - 7"
LIMITED_TAIL = re.compile(rf"([^\s()]{{1,40}}?)((?:\s[^\s()]{{1,30}}){{0,3}}?)\s?จำกัด(?![{LETTER}])")


def _limited_cand(text: str, start: int, cue: str, kind: str) -> Cand | None:
    """A registered body closed by "จำกัด": "สหกรณ์การเกษตรเมืองเชียงใหม่ จำกัด"."""
    m = LIMITED_TAIL.match(text, start + len(cue))
    # one name: no clause word and no second body of the kind ("... จากสหกรณ์การเกษตร... จำกัด")
    if not m or cue in m.group(2) or _cut_name(m.group(1))[1] or any(_cut_name(w)[1] for w in m.group(2).split()):
        return None
    return Cand(start, m.end(), text[start : m.end()], None, kind, P_CUE, "cue")


REGIONS = "ตะวันออกเฉียงเหนือ|ตะวันออก|ตะวันตก|เหนือ|ใต้|กลาง"


@cache
def _branch_rx() -> re.Pattern[str]:
    """A branch written after a name: "สมาคมพัฒนาประชากรและชุมชน| สาขานครราชสีมา",
    "สมาคมพยาบาลแห่งประเทศไทยฯ| สาขาภาคเหนือ" (bulk: 73 spaced branches, 23 of 25 read a body's branch)."""
    return re.compile(rf"ฯ? สาขา(?:ภาค(?:{REGIONS})|(?:จังหวัด)?(?:{province_names()[1]}))(?![{LETTER}])")


@cache
def _province_after_rx() -> re.Pattern[str]:
    return re.compile(rf"\s({province_names()[1]})(?![{LETTER}])")


def _surname_after(text: str, end: int) -> int:
    """End of a name's last part written after a space, before "จังหวัด"/"อำเภอ":
    "โรงพยาบาลพระอาจารย์ฝั้น| อาจาโร จังหวัดสกลนคร" (a monk's name has two parts)."""
    m = SURNAME_PART.match(text, end)
    if not m:
        return end
    word, known = m.group(1), common_words()
    # made of syllables, not of words: "อา|จา|โร", not "ตำบล|ศาลายา"
    if word in known or word in place_names() or any(len(t) >= 3 and t in known for t in _tokens(word)):
        return end
    return m.end(1)


@cache
def village_nouns() -> frozenset[str]:
    return frozenset(lexicons.words("agency_village_nouns.txt"))


def _names_village(words: Sequence[str]) -> bool:
    """A community group is named after its village: "กลุ่มทอผ้า|บ้าน|ดอนกอย", "กลุ่มแม่บ้านเกษตรกร|บ้าน|บ่อแสน";
    not "กลุ่มชาว|บ้าน", "กลุ่มคนไร้|บ้าน", "กลุ่มประมงพื้น|บ้าน" (บ้าน a common noun there)."""
    nouns = village_nouns()
    return any(
        w == "บ้าน" and i and words[i - 1] not in nouns and not words[i - 1].endswith(tuple(nouns))
        and i + 1 < len(words)
        for i, w in enumerate(words)
    )  # fmt: skip


def _name_words_ok(words: Sequence[str], mode: str, named: bool, located: bool) -> bool:
    """The words after a head word read as a name: not an adverb or clause ("โรงงาน|อย่างมืออาชีพ"),
    and after a common-noun head a proper name ("ธนาคารออมสิน", not "ธนาคาร|มากขึ้น"), or
    content words with an address after them ("โรงงานน้ำตาลมิตรเกษตร อำเภอสว่างอารมณ์")."""
    stop = name_nonstarters()
    if words and (words[0] in stop or words[0].startswith("เป็น")):
        return False  # "สภา|เป็นลำดับ|ต้น": newmm glues เป็น to the next word
    if not named and words and words[-1] in _name_words("dangling_end"):
        return False
    if not named and len(words) == 1 and (words[0].startswith("ความ") or (words[0] in second_heads() and words[0] not in _name_words("member_head"))):
        return False  # a head word and one abstract noun: "ศูนย์|ความร่วมมือ", "ศูนย์|เครือข่าย"
    if mode == "village":
        return not named and _names_village(words)
    if mode == "led":
        # two words at least: "ตัวแทนกลุ่ม|ชาติพันธุ์", "แกนนำเครือข่าย|ฯ" name no group
        return len([w for w in words if len(w) >= 2]) >= 2
    if mode != "proper" or named or _proper_like(words):
        return True
    return located and len(words) >= 2 and not any(w in stop for w in words)


# a listed company (บริษัทมหาชนจำกัด) and a limited company (บริษัทจำกัด), as releases abbreviate them
COMPANY_ABBREVIATIONS = ("บมจ.", "บจก.")
# A head word the press abbreviates: "รพ.ศิริราช" is โรงพยาบาลศิริราช (the name is looked up,
# and merged with its full form, under the full head word)
ABBREVIATED_HEADS = {
    "รพ.": "โรงพยาบาล", "ธ.": "ธนาคาร", "รร.": "โรงเรียน", "ร.ร.": "โรงเรียน", "สนง.": "สำนักงาน",
    "กมธ.": "คณะกรรมาธิการ", "บมจ.": "", "บจก.": "",
}  # fmt: skip


def _abbreviated_known(text: str, start: int, cue: str) -> Cand | None:
    """ "ธ.ออมสิน", "สนง.ปลัดกระทรวงมหาดไทย": the gazetteer body the name names under its full head word."""
    full = ABBREVIATED_HEADS[cue]
    gap = 1 if text[start + len(cue) : start + len(cue) + 1] == " " else 0
    rest = text[start + len(cue) + gap : start + len(cue) + gap + 80]
    forms, ents = surface_forms(), entries()
    for n in range(len(rest), 1, -1):
        hit = forms.get(full + rest[:n])
        if hit and hit[1] in ("name", "acronym") and not hit[2] and _ends_word(text, start + len(cue) + gap, n):
            e = ents[hit[0]]
            return Cand(start, start + len(cue) + gap + n, e.canonical, e.acronym, e.kind, P_LEXICON, "lexicon")
    return None
# A university faculty: "คณะแพทยศาสตร์", "คณะพาณิชยศาสตร์และการบัญชี", "คณะแพทยศาสตร์ศิริราชพยาบาล";
# not a team "คณะนักวิทยาศาสตร์" nor a committee (bulk: 467 "คณะ...ศาสตร์", 29 of 30 read a faculty)
FACULTY = re.compile(
    rf"คณะ(?!นัก|ผู้|ทำงาน|กรรม|อนุ|รัฐมนตรี|ทูต|ได้)([{LETTER}]{{2,16}}?)ศาสตร์"
    rf"(?:และ(?:[{LETTER}]{{2,16}}?ศาสตร์|การบัญชี))?(?:ศิริราชพยาบาล|วชิรพยาบาล| ?โรงพยาบาลรามาธิบดี)?"
)


@cache
def faculty_shorts() -> tuple[str, ...]:
    return tuple(sorted(lexicons.words("agency_faculty_short.txt"), key=len, reverse=True))


def _is_university(e: Entry) -> bool:
    return e.kind == "university" or "มหาวิทยาลัย" in e.canonical


def _university_after(text: str, end: int) -> int:
    """End of a university written after a faculty: "คณะสัตวแพทยศาสตร์| มหาวิทยาลัยเกษตรศาสตร์",
    "คณะแพทยศาสตร์|จุฬาฯ"; ``end`` when none is."""
    pos = end + 1 if text[end : end + 1] == " " else end
    forms, ents = surface_forms(), entries()
    rest = text[pos : pos + 60]
    for n in range(len(rest), 2, -1):
        hit = forms.get(rest[:n])
        if hit and _is_university(ents[hit[0]]) and not hit[2] and _ends_word(text, pos, n):
            return pos + n
    return end


def _faculty_cand(text: str, start: int) -> Cand | None:
    m = FACULTY.match(text, start)
    if m and "คณะ" not in m.group(1) and not _cut_name(m.group(1))[1] and not (m.end() < len(text) and text[m.end()] in COMBINING):
        # a faculty with its university is one body (bulk: 276 "คณะ...ศาสตร์ <university>")
        end = _university_after(text, m.end())
        return Cand(start, end, text[start:end], None, "other", P_CUE, "cue")
    # a faculty by its short name, with its university after it: "คณะสัตวแพทย์ มหาวิทยาลัยเกษตรศาสตร์"
    word = next((w for w in faculty_shorts() if text.startswith(w, start + 3)), None)
    if word and (end := _university_after(text, start + 3 + len(word))) > start + 3 + len(word):
        return Cand(start, end, text[start:end], None, "other", P_CUE, "cue")
    return None


@cache
def _mission_rx() -> re.Pattern[str]:
    """ "... ณ กรุงพนมเปญ", "...ไทย ณ เมืองเสียมราฐ": the city of a Thai mission abroad."""
    cities = alternation(lexicons.words("agency_mission_cities.txt"))
    return re.compile(rf"(?:ไทย)?\s?ณ\s?((?:กรุง|เมือง|นคร|แขวง)?({cities}))")


def _mission_cand(text: str, start: int, cue: str) -> Cand | None:
    """Thailand's embassy or consulate-general named by its city: "สถานเอกอัครราชทูต ณ กรุงพนมเปญ"
    (bulk: 184 embassies and 44 consulates "ณ <city>"); a foreign embassy is a gazetteer form."""
    if (m := _mission_rx().match(text, start + len(cue))) and _ends_word(text, m.start(2), len(m.group(2))):
        # "สถานเอกอัครราชทูตไทย ณ ..." is the same mission
        return Cand(start, m.end(), f"{cue} ณ {m.group(1)}", None, "other", P_CUE, "cue")
    return None


def _transliterated_after(text: str, end: int) -> int:
    """A listed company's name goes on over spaced corporate words (agency_company_words.txt):
    "บมจ.ทรู| คอร์ปอเรชั่น", "บมจ.ไทย| ยูเนี่ยน| กรุ๊ป", not "บมจ.ไทยคม| ออกมา"."""
    words = company_words()
    while (m := SPACED_WORD.match(text, end)) and m.group(1) in words:
        end = m.end()
    return end


@cache
def company_words() -> frozenset[str]:
    return frozenset(lexicons.words("agency_company_words.txt"))


GROUP_HEADS = frozenset({"กลุ่ม", "เครือข่าย"})
GROUP_ROLES = ("แกนนำ", "ตัวแทน", "ผู้ประสานงาน")
BOARD_HEADS = frozenset({"คณะกรรมการ", "คณะอนุกรรมการ", "คณะทำงาน"})


@cache
def pile_words() -> frozenset[str]:
    return frozenset(lexicons.words("agency_pile_words.txt"))


@cache
def _name_words(role: str) -> tuple[str, ...]:
    """The words of one role in ``patterns/agency_name_words.csv`` (where a head-word name starts
    and ends): a tuple, for ``in`` and ``str.startswith`` alike."""
    return tuple(w for w, r in lexicons.columns("agency_name_words.csv", "word", "role") if r == role)


HEAD_SETS = {
    "fn": ("กองทุน", "คณะทำงาน", "คณะกรรมการ", "คณะอนุกรรมการ", "หน่วยเฉพาะกิจ"),
    "group": ("กลุ่ม", "เครือข่าย", "คณะทำงาน"),
}


@cache
def generic_rest() -> dict[str, frozenset[str]]:
    """agency_generic_rest.csv: head word -> the words that alone after it name no body."""
    out: dict[str, set[str]] = {}
    for word, heads in lexicons.columns("agency_generic_rest.csv", "word", "heads"):
        for h in HEAD_SETS.get(heads, (heads,)):
            out.setdefault(h, set()).add(word)
    return {h: frozenset(ws) for h, ws in out.items()}


def _generic_rest(cue: str, words: Sequence[str]) -> bool:
    """ "กองทุน|พัฒนา", "คณะทำงาน|พิเศษ", "เครือข่าย|เด็ก|และ|เยาวชน": a kind of body, not one."""
    rest = generic_rest().get(cue)
    content = [w for w in words if w != "และ"]
    return bool(rest and content and all(w in rest for w in content))


def _acts(cue: str, run: str, words: Sequence[str]) -> bool:
    """A committee of one or two words glued to what it does: "คณะกรรมการแร่|จึงได้",
    "คณะกรรมการธุรกรรม|มีมติ"; longer runs before a verb are clauses ("คณะกรรมการพิจารณาแล้ว...")."""
    if cue not in BOARD_HEADS or not 1 <= len(words) <= 2:
        return False
    toks = _tokens(run)
    return len(toks) > len(words) and toks[len(words)] in _name_words("board_act")


def _cue_cands(text: str, hits: Hits) -> list[Cand]:
    out = []
    generic = generic_names()
    for cue, kind, modes in cues():
        base_mode, _, extra = modes.partition("+")
        for start in _successive(hits.get(cue, []), len(cue)):
            mode = base_mode
            if cue in GROUP_HEADS and text[max(0, start - 14) : start].rstrip().endswith(GROUP_ROLES):
                # "แกนนำกลุ่มรวมใจไทย", "ตัวแทนเครือข่ายพลเมืองเน็ต": a group with a leader or
                # spokesman is a named one; its name runs to the next clause word
                mode = "led"
            if mode == "company":
                if c := _company_cand(text, start):
                    out.append(c)
                continue
            if mode == "faculty":
                if c := _faculty_cand(text, start):
                    out.append(c)
                continue
            if mode == "mission":
                if c := _mission_cand(text, start, cue):
                    out.append(c)
                continue
            if cue in ABBREVIATED_HEADS and (
                (start and (is_letter(text[start - 1]) or text[start - 1] == "."))
                or SHORT_ACRONYM.match(text, start + len(cue))
            ):
                # "สรพ." is another acronym; "รพ.สต.", "รพ.ตร." are acronyms of their own
                continue
            if cue in ABBREVIATED_HEADS and (c := _abbreviated_known(text, start, cue)):
                out.append(c)
                continue
            if cue not in ABBREVIATED_HEADS and not _starts_word(text, start, cue):
                continue
            glued = next((w for w in head_compounds() if w.startswith(cue) and text.startswith(w, start)), "")
            if extra == "limited" and (c := _limited_cand(text, start, cue, kind)):
                out.append(c)
                continue
            pos = start + len(cue)
            if cue in BOARD_HEADS and text.startswith(_name_words("inner_head"), start + len(glued or cue)):
                continue  # "คณะกรรมการ(อำนวยการ)|สมาคม...", "คณะทำงาน|ศูนย์...": the board of a body named on its own
            if cue == "คณะทำงาน" and text.startswith(_name_words("team_owner"), pos):
                continue
            if cue in ABBREVIATED_HEADS and text[pos : pos + 1] == " ":
                pos += 1  # "บมจ. ทีโอที"
            latin = LATIN_NAME.match(text, pos)
            if latin:
                pos = latin.end()
            run = THAI_RUN.match(text, pos)
            if (mode == "proper" or cue in COMPANY_ABBREVIATIONS) and latin and latin.group(0).endswith(" "):
                # "ธนาคาร JP Morgan| เห็นว่า": the Latin name is the whole name
                pos, run = latin.end() - 1, None
            words, cut = _cut_name(run.group(0), cue in ABBREVIATED_HEADS) if run else ([], False)
            end = pos + sum(map(len, words))
            if end - pos < 2 and not latin:
                continue
            if glued and (
                end <= start + len(glued) or text.startswith(COMPOUND_BREAKS, start + len(glued))
                or text[max(0, start - 20) : start].endswith(("ห้อง", "ห้องประชุม", *venue_heads()))
            ):  # fmt: skip
                # "ศูนย์ปฏิบัติการ" alone, "สถาบันวิจัยของรัฐ": a kind of body, not one;
                # "ห้องประชุมศูนย์ปฏิบัติการโสมสวลี", "ศูนย์ประชุมสถาบันวิจัยจุฬาภรณ์": a room, a venue
                continue
            q = _qualifier_rx().match(text, end)
            if q and mode == "proper" and text[end : end + 1] == " ":
                # "โรงเรียนนายร้อยพระจุลจอมเกล้า จังหวัดนครนายก": where the school is, not its name
                q = None
            if q and q.group(0).lstrip().startswith("ที่") and text[start:end].endswith(category_words()["ordinal"]):
                # "...แห่งชาติที่ 4", "โรงงานลำดับที่ 48": the number counts events or items,
                # and the name ends cleanly before it
                q, cut = None, False
            elif (
                not q and text[start:end].endswith(AREA_WORDS) and norm_key(text[start:end]) not in generic
                and (a := AREA_NUMBER.match(text, end))
            ):  # fmt: skip
                # "สำนักงานจัดหางานกรุงเทพมหานครพื้นที่ 8": the area word was read into the name
                q = a
            if mode == "led" and text[pos:end] in surface_forms():
                continue  # "ตัวแทนกลุ่ม|ขบวนการประชาชนเพื่อสังคมที่เป็นธรรม": the gazetteer body itself
            # a province or area written into the name ("เครือข่ายป่าชุมชนจังหวัดตาก") names it
            named = bool(latin or q)
            if not _name_words_ok(words, mode, named, not cut and bool(ADDRESS.match(text, end))):
                continue
            if not named and _generic_rest(cue, words):
                continue
            if cue == "กอง" and words and words[0] in pile_words():
                continue
            if q:
                end = q.end()
            elif mode == "weak" and (
                (cut and not _acts(cue, run.group(0) if run else "", words))
                or end - pos > (80 if _closed_name(words) else 45) or (latin and cue not in COMPANY_ABBREVIATIONS)
            ):  # fmt: skip
                # a weak head word ("ศูนย์", "สำนัก") names a body only when the name ends
                # cleanly at a space or with a province / area: otherwise it is a phrase
                continue
            elif mode in ("proper", "village", "led") and end - pos > (80 if _closed_name(words) else 45):
                # a long name closed by its province is one name: "เครือข่ายอาสาสมัครประชาสัมพันธ์
                # ประจำหมู่บ้านและชุมชนจังหวัดฉะเชิงเทรา"
                continue
            elif not cut:
                # "ศูนย์ปฏิรูปอุตสาหกรรม 4.0", "โรงพยาบาลพระอาจารย์ฝั้น อาจาโร"
                v = VERSION.match(text, end)
                end = v.end() if v else _surname_after(text, end)
                # schools and hospitals named for the royal family carry their province:
                # "โรงเรียนเฉลิมพระเกียรติสมเด็จพระศรีนครินทร์ ภูเก็ต"
                if not v and "เฉลิมพระเกียรติ" in text[start:end] and (p := _province_after_rx().match(text, end)):
                    end = p.end()
            if cue in COMPANY_ABBREVIATIONS and not cut:
                end = _transliterated_after(text, end)
            if not q and (b := _branch_rx().match(text, end)):
                end = b.end()
            name = text[start:end].rstrip()
            trimmed = next((w for w in category_words().get("trim", ()) if name.endswith(w)), None)
            if trimmed:
                name = name[: -len(trimmed)].rstrip()
            end = start + len(name)
            full = ABBREVIATED_HEADS[cue] + name[len(cue) :].lstrip() if cue in ABBREVIATED_HEADS else name
            if not full:
                continue
            # a name cut short by "ฯ" is kept after an organisation's own head word, where "ฯ"
            # stands for the royal or formal rest of it: "มูลนิธิส่งเสริมศิลปาชีพฯ", "มูลนิธิราชทัณฑ์ปันสุขฯ"
            cut_short = name.endswith("ฯ") and not (mode == "strong" and len(words) >= 2)
            if norm_key(full) in generic or cut_short or _is_category(full):
                continue
            out.append(Cand(start, end, full, None, kind, P_CUE, "cue"))
    for rx, words in ((LATIN_COMPANY, ("Limited",)), (LATIN_ORG, LATIN_ORG_WORDS)):
        # a regex pass over the whole text only where the scan saw the closing word
        if any(w in hits for w in words):
            for m in rx.finditer(text):
                out.append(Cand(m.start(), m.end(), m.group(0), None, "other", P_CUE, "cue"))
    return out


# ---------------------------------------------------------------- acronyms defined in the text


def _subsequence(acr: str, name: str) -> bool:
    it = iter(name)
    return all(ch in it for ch in undot(acr) if is_letter(ch))


def _abbreviates(acr: str, name: str) -> bool:
    """ศปท.มท. abbreviates ศูนย์ปฏิบัติการต่อต้านการทุจริต กระทรวงมหาดไทย; ICAO the initials."""
    if acr[0].isascii():
        initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", name) if w[0].isupper())
        return initials.upper() == acr.upper()
    return _subsequence(acr, name)


def _starts_token(text: str, start: int) -> bool:
    """A word of the text starts at ``start``: "ของมหา|วิทยาลัย..." holds no "วิทยาลัย" of its own."""
    lo, pos = max(0, start - 12), max(0, start - 12)
    for t in _tokens(text[lo : start + 12]):
        if pos == start:
            return True
        if pos > start:
            return False
        pos += len(t)
    return pos == start


def _holds_clause(run: str) -> bool:
    """A clause word in the run: "...ธนบุรี เพื่อให้คณะอนุกรรมการ...", "...สุขภาพได้ส่ง..."."""
    return any(t in _name_words("clause_word") for t in _tokens(run))


def _learn_acronyms(text: str, kept: list[Cand]) -> dict[str, Cand]:
    """ "ชื่อเต็ม (ย่อ)": the acronym names the body written just before the parenthesis."""
    learned: dict[str, Cand] = {}
    by_end = {c.end: c for c in kept}
    # not "กลุ่ม": "กลุ่มเป้าหมาย...จังหวัด (พมจ.)" holds the letters of many an acronym
    heads = [c for c, _, mode in cues() if mode != "village"] + ["กระทรวง"]
    for m in PAREN_ACRONYM.finditer(text):
        acr = m.group(1)
        if re.fullmatch(r"\d+|[A-Z]", acr):
            continue
        pre = m.start()
        while pre and text[pre - 1] == " ":
            pre -= 1
        c = by_end.get(pre)
        if c is None:
            # a body not yet found: the nearest head word whose name the acronym abbreviates
            window_start = max(0, pre - 100)
            window = text[window_start:pre]
            best = None
            for h in heads:
                for k in _find_all(window, h):
                    s = window_start + k
                    name = text[s:pre]
                    # one name, not a run of words: "... (องค์การมหาชน)" closes its bracket
                    if len(name) < 4 or "\n" in name or name.count("(") != name.count(")") or name.count(" ") > 3:
                        continue
                    if not _starts_token(text, s) or _holds_clause(name[len(h) :]):
                        # "มหา|วิทยาลัย...": no head word inside a word; "...ธนบุรี เพื่อให้คณะอนุกรรมการ...":
                        # a clause runs over two names
                        continue
                    if _abbreviates(acr, name):
                        if best is None or s > best:
                            best = s
            if best is None:
                continue
            name = text[best:pre]
            c = Cand(best, pre, name, None, "other", P_LEARNED, "acronym")
        learned[acr] = Cand(
            c.start, c.end, c.canonical, acr if not c.acronym else c.acronym, c.kind, P_LEARNED, "acronym"
        )
    return learned


def _find_each(text: str, words: Iterable[str]) -> dict[str, list[int]]:
    """_find_all of each word, in one pass over the text however many words there are."""
    words = set(words)
    try:
        import ahocorasick
    except ImportError:
        return {w: _find_all(text, w) for w in words}
    auto = ahocorasick.Automaton()
    for w in words:
        auto.add_word(w, w)
    auto.make_automaton()
    hits: dict[str, list[int]] = {w: [] for w in words}
    for end, w in auto.iter(text):
        hits[w].append(end + 1 - len(w))
    return {w: _successive(starts, len(w)) for w, starts in hits.items()}


def _learned_cands(text: str, learned: dict[str, Cand]) -> list[Cand]:
    out = []
    found = _find_each(text, learned)
    for acr, c in learned.items():
        out.append(c)
        for s in found[acr]:
            e = s + len(acr)
            ok = _latin_ok(text, s, e) if acr[0].isascii() else _acronym_ok(text, s, e, acr)
            if ok:
                out.append(Cand(s, e, c.canonical, c.acronym, c.kind, P_LEARNED, "acronym"))
    return out


# ---------------------------------------------------------------- resolution


@cache
def title_words() -> frozenset[str]:
    """Titles, ranks and position abbreviations a name cannot start inside of."""
    titles = set(lexicons.words("agency_title_words.txt"))
    titles |= {r["form"] for r in lexicons.rows("honorifics.csv") if len(r["form"]) >= 4}
    return frozenset(titles)


def _inside_titles(hits: Hits) -> set[int]:
    """Positions strictly inside a title written in the text: "ผ|วจ.สุรินทร์", "นาย|กองเอก"."""
    out: set[int] = set()
    for t in hits.keys() & title_words():
        for s in hits[t]:
            out.update(range(s + 1, s + len(t)))
    return out


def _glued_to_letters(text: str, start: int) -> bool:
    """An acronym written right after Thai letters that are no word of their own belongs to a
    longer acronym: "คปภ." holds no "ปภ.", "สวจ." no "วจ."; after a word ("และพมจ.") it is one."""
    if not start or not is_letter(text[start - 1]):
        return False
    run = re.search(f"[{LETTER}]+$", text[max(0, start - 16) : start])
    last = _tokens(run.group(0))[-1] if run else ""
    return not (len(last) >= 2 and last in common_words())


@cache
def place_chunks() -> tuple[str, ...]:
    return tuple(lexicons.words("agency_place_chunks.txt"))


@cache
def _capital_districts() -> frozenset[str]:
    """Bangkok's districts, written without "เขต" after a venue: "ณ ... หลักสี่ กรุงเทพมหานคร"."""
    import geothai

    return frozenset(
        d.name_th.removeprefix("เขต") for p in geothai.provinces() if p.name_th == "กรุงเทพมหานคร"
        for d in geothai.districts(p.code)
    )  # fmt: skip


CITY_PLACE_AFTER = re.compile(r"\s?(?:[-–]|(?:และ)?ปริมณฑล|\d|จังหวัด)")


def _chunks_before(text: str, start: int, n: int) -> list[str]:
    """Up to ``n`` space-separated chunks before ``start`` on its line, nearest first."""
    floor = max(0, start - 160)
    line_start = text.rfind("\n", floor, start) + 1 or floor
    return text[line_start:start].split()[::-1][:n]


def _in_place_list(text: str, c: Cand, chunks: list[str]) -> bool:
    """ "ได้แก่ กรุงเทพมหานคร สมุทรปราการ นนทบุรี": a city among provinces is a place."""
    provinces = province_names()[0]
    after = text[c.end : c.end + 40].replace(",", " ").split()
    near = [w for w in (chunks[:1] + after[:2]) if w != "และ"][:3]
    return any(w.removeprefix("และ").removeprefix("จังหวัด") in provinces for w in near)


def _as_place(text: str, c: Cand) -> bool:
    """The city is where, not who: "เดินทางกลับกรุงเทพมหานคร", "ช่วงกรุงเทพมหานคร-หนองคาย",
    "กรุงเทพมหานครและปริมณฑล", an address or venue "ณ โรงแรม... เขตปทุมวัน กรุงเทพมหานคร",
    a list of provinces "ได้แก่ กรุงเทพมหานคร สมุทรปราการ"."""
    if c.kind != "local" or c.method != "lexicon":
        return False
    before = text[max(0, c.start - 8) : c.start].rstrip()
    if before.endswith(place_cues()) or CITY_PLACE_AFTER.match(text, c.end):
        return True
    if c.start == 0 or not text[c.start - 1].isspace():
        return False
    chunks = _chunks_before(text, c.start, 6)
    if _in_place_list(text, c, chunks):
        return True
    heads, districts = place_chunks(), _capital_districts()
    for k, chunk in enumerate(chunks):
        if chunk.startswith(lexicons.words("agency_chain_breaks.txt")) or (k and any(w in chunk for w in ("ร่วมกับ", "โดย"))):
            return False
        if chunk.startswith(heads) or chunk in districts or chunk.isdigit():
            return True
    return False


def _resolve(cands: Sequence[Cand]) -> list[Cand]:
    """Longest span first, then the stronger source; no two kept spans overlap."""
    kept = []
    size = max((c.end for c in cands), default=0)
    taken = bytearray(size + 1)
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.priority, c.start)):
        if c.end <= c.start or any(taken[c.start : c.end]):
            continue
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
        kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def _drop_shadowed_cues(cands: list[Cand]) -> list[Cand]:
    """A head-word name that merely runs past a gazetteer name starting at the same place
    (with no province or area to make it a body of its own) is the gazetteer body."""
    known = {(c.start, c.end) for c in cands if c.method != "cue"}
    starts = {}
    for c in cands:
        if c.method != "cue":
            starts[c.start] = max(starts.get(c.start, 0), c.end)
    out = []
    for c in cands:
        if c.method == "cue" and c.start in starts and (c.start, c.end) not in known:
            continue
        out.append(c)
    return out


@cache
def _parent_keys() -> frozenset[str]:
    """Keys of the bodies a unit's name may end with: "สถาบันดำรงราชานุภาพ กระทรวงมหาดไทย"."""
    heads = [e for e in entries() if e.kind in ("ministry", "department", "independent")]
    return frozenset(norm_key(x) for e in heads for x in (e.canonical, e.acronym) if x)


def _latin_gloss(text: str, c: Cand, ends: dict[int, Cand]) -> bool:
    """ "องค์การยุติธรรมนานาชาติ (International Justice Mission)": the Latin name in brackets
    right after a body is that body's other name, not one more body."""
    if not c.canonical[:1].isascii() or text[c.end : c.end + 1] != ")":
        return False
    i = c.start
    while i and text[i - 1] == " ":
        i -= 1
    if not i or text[i - 1] != "(":
        return False
    i -= 1
    while i and text[i - 1] == " ":
        i -= 1
    before = ends.get(i)
    return before is not None and not before.canonical[:1].isascii()


def _drop_variants(text: str, kept: list[Cand]) -> list[Cand]:
    """One body found under a short and a long name is one body: the short name is dropped
    when the long one is it plus a parent ministry or department ("สถาบันดำรงราชานุภาพ" +
    " กระทรวงมหาดไทย"), or when the text after the short mention goes on with the long
    name's remaining words ("โรงพยาบาลพระอาจารย์ฝั้น" + " อาจาโร")."""
    by_key: dict[str, list[Cand]] = {}
    for c in kept:
        by_key.setdefault(norm_key(c.canonical), []).append(c)
    parents = _parent_keys()
    ends = {c.end: c for c in kept}
    drop = {k for k, mentions in by_key.items() if any(_latin_gloss(text, c, ends) for c in mentions)}
    # each name's own prefixes that are names too: linear in the names, where comparing every
    # two would grow as the square of a page listing thousands of bodies
    longer: dict[str, list[str]] = {}
    for other in by_key:
        for n in range(3, len(other)):
            if other[:n] in by_key:
                longer.setdefault(other[:n], []).append(other)
    for k, others in longer.items():
        if k in drop:
            continue
        cue_ends = [c.end for c in by_key[k] if c.method == "cue"]
        follows: dict[int, set[str]] = {}  # rest length -> what the text goes on with after k
        for other in others:
            rest = other[len(k) :]
            if rest in parents:
                drop.add(k)
                break
            r = len(rest)
            if r not in follows:
                follows[r] = {norm_key(text[e : e + 2 * r])[:r] for e in cue_ends}
            if rest in follows[r]:
                drop.add(k)
                break
    return [c for c in kept if norm_key(c.canonical) not in drop] if drop else kept


MARKS = re.compile(f"[{COMBINING}]*")
MARK = re.compile(f"[{COMBINING}]")
PLACE_KINDS = ("local", "provincial", "regional")


def _misspelt(a: str, b: str, placed: bool) -> bool:
    """Two keys that write one long name with one slip: a tone mark or final sign left out
    ("ชายฝัง"/"ชายฝั่ง", "แพทยศาสตร"/"แพทยศาสตร์"), a letter or two dropped inside it, or a
    filler word ("สภาอุตสาหกรรมท่องเที่ยว(แห่ง)ประเทศไทย"); a content word makes another body
    ("คณะกรรมการสุขภาพ(จิต)แห่งชาติ"). Names built on a place differ only by marks:
    "...จังหวัดตรัง" and "...จังหวัดตราด" are two bodies."""
    if min(len(a), len(b)) < 12 or abs(len(a) - len(b)) > 4:
        return False
    n = min(len(a), len(b))
    p = 0
    while p < n and a[p] == b[p]:
        p += 1
    s = 0
    while s < n - p and a[-1 - s] == b[-1 - s]:
        s += 1
    mid_a, mid_b = a[p : len(a) - s], b[p : len(b) - s]
    if any(ch.isdigit() for ch in mid_a + mid_b):
        return False
    if MARKS.fullmatch(mid_a) and MARKS.fullmatch(mid_b):
        return True
    short = min(mid_a, mid_b, key=len)
    long_ = max(mid_a, mid_b, key=len)
    return not placed and not short and s >= 3 and (len(long_) <= 2 or long_ in category_words().get("filler", ()))


SLIP_GROUP = 32  # spellings of one name differing only in marks compared with each other


def _slip_pairs(keys: Sequence[str]) -> list[tuple[int, int]]:
    """Index pairs (i < j) of the keys that _misspelt may join, in order: those equal once their
    marks are dropped, and those one is the other with one or two letters or a filler word
    taken out. Looking them up keeps a page of thousands of names linear; comparing every two
    grew as the square. A name written in more than SLIP_GROUP mark variants is compared only
    in its first SLIP_GROUP."""
    at = {k: i for i, k in enumerate(keys)}
    pairs: set[tuple[int, int]] = set()
    same_letters: dict[str, list[int]] = {}
    for i, k in enumerate(keys):
        same_letters.setdefault(MARK.sub("", k), []).append(i)
    for group in same_letters.values():
        pairs.update(combinations(group[:SLIP_GROUP], 2))
    fillers = category_words().get("filler", ())
    for j, k in enumerate(keys):
        shorter = {k[:x] + k[x + n :] for n in (1, 2) for x in range(len(k) - n + 1)}
        for f in fillers:
            x = k.find(f)
            while x >= 0:
                shorter.add(k[:x] + k[x + len(f) :])
                x = k.find(f, x + 1)
        for s in shorter:
            i = at.get(s)
            if i is not None:
                pairs.add((min(i, j), max(i, j)))
    return sorted(pairs)


def _merge_spellings(kept: list[Cand]) -> list[Cand]:
    """One body written two ways in one article is one body: the mentions of a slip are
    dropped in favour of the gazetteer's or pattern's name, else the first one written."""
    firsts: dict[str, Cand] = {}
    for c in kept:
        k = norm_key(c.canonical)
        if k not in firsts or (firsts[k].method == "cue" and c.method != "cue"):
            firsts[k] = c
    keys = [k for k in firsts if len(k) >= 12]
    drop: set[str] = set()
    for i, j in _slip_pairs(keys):
        a, b = keys[i], keys[j]
        if a in drop or b in drop or abs(len(a) - len(b)) > 4 or (a[:3] != b[:3] and a[-3:] != b[-3:]):
            continue
        ca, cb = firsts[a], firsts[b]
        if _misspelt(a, b, ca.kind in PLACE_KINDS or cb.kind in PLACE_KINDS):
            worse = b if (ca.method != "cue", -ca.start) >= (cb.method != "cue", -cb.start) else a
            drop.add(worse)
    return [c for c in kept if norm_key(c.canonical) not in drop] if drop else kept


def find_agencies(text: str) -> list[Agency]:
    """Every named body in ``text``, once each, in order of first mention.

    >>> [(a.name, a.canonical) for a in find_agencies("โดยสำนักงาน ปปท. เขตพื้นที่ 2 และ อบจ.ภูเก็ต")]
    [('สำนักงาน ปปท. เขตพื้นที่ 2', 'สำนักงาน ป.ป.ท. เขต 2'), ('อบจ.ภูเก็ต', 'องค์การบริหารส่วนจังหวัดภูเก็ต')]
    """
    hits = _scanner()(text)
    lex = _lexicon_cands(text, hits)
    base = lex + _derived_office_cands(text, lex) + _provincial_cands(text, hits) + _local_cands(text, hits)
    base = [c for c in base if not _as_place(text, c)]
    cands = _drop_shadowed_cues(base + _cue_cands(text, hits))
    if inside := _inside_titles(hits):
        cands = [c for c in cands if c.start not in inside]
    kept = _resolve(cands)
    learned = _learn_acronyms(text, kept)
    if learned:
        kept = _resolve(cands + _learned_cands(text, learned))
    kept = _merge_spellings(_drop_variants(text, kept))
    if faculties := {c.end for c in kept if c.method == "cue" and c.canonical.startswith("คณะ")}:
        # the university after its faculty is a body of its own as well: "คณะรัฐศาสตร์ มหาวิทยาลัยธรรมศาสตร์"
        kept = sorted(kept + [c for c in lex if c.end in faculties and c.kind != "ministry" and c not in kept
                              and _is_university(entries()[surface_forms()[text[c.start : c.end]][0]])],
                      key=lambda c: c.start)  # fmt: skip
    generic = generic_names()
    out: list[Agency] = []
    seen: set[str] = set()
    for c in kept:
        key = norm_key(c.canonical)
        if key in seen or key in generic:
            continue
        seen.add(key)
        out.append(Agency(text[c.start : c.end], c.canonical, c.acronym, c.kind, c.start, c.end, method=c.method))
    return out
