r"""No catastrophic backtracking: every regex of the extractors on long adversarial inputs.

The patterns are collected, not listed by hand, so a new one is covered the day it is added:
module-level ``re.Pattern`` objects of ``extract/*.py``, the patterns held in the caches of the
``functools.cache`` builders (filled by running :func:`analyse` on real articles first), and
literal patterns passed inline to ``re.search(...)`` and friends (read from the source with ast).

Each pattern runs ``finditer`` over the whole input, which tries a match at every position,
the way an extractor scanning a 100 KB page does. Patterns the code only applies at one
position (``.match(text, i)``) or inside a short window are listed in ANCHORED with the reason:
``\s*X`` is quadratic under finditer on 60,000 spaces but linear where it is used, so those
get a single-attempt test instead. Then :func:`analyse` itself runs on each adversarial
input: a pattern can be linear while the code calling it is quadratic.
"""

from __future__ import annotations

import ast
import gc
import importlib
import itertools
import re
import signal
import time
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from extract.analyse import analyse

REPO = Path(__file__).resolve().parents[1]
PATTERN_BUDGET = 2.0  # seconds for one pattern over one input
ANALYSE_BUDGET = 10.0  # seconds for analyse() on one 100,000-character input
HARD_STOP = 6.0  # a runaway match is interrupted (sre checks signals) instead of hanging the suite
REPEAT = 20_000

# Units repeated 20,000 times: the shapes that make regexes backtrack (runs of digits, spaces,
# dots, dashes, brackets, honorifics, place cues, dotted acronyms, digits glued to Thai).
UNITS = [
    "1 ", "ก", "ณ ", "นาย", ".", " - ", "(", "ที่", "1ก", "ก1 ", "12 มกราคม ", "1-", "1/", "1.", "1,",
    "ก.", "ก.ก.", "นาย ก ", "นายนาย ", "รอง", "รอง ", "ผู้ช่วย", " ", "\n", "\u200b", "()", "((", "))",
    "A ", "A.", "Aa ", "ณ ที่", "ที่ห้อง", "สำนักงาน", "จังหวัด", "บริษัท ", "จำกัด ", "ประจำ",
    "ผู้ว่าราชการจังหวัด", "ระหว่างวันที่ 1 - ", "จำนวน 1 ", "09.00 - ", "เวลา 1", "พ.ศ. 2566 ",
    "วันที่ ", "อำเภอ", "ถนน", "กรุงเทพ", "เขต 1", "ภาค", "ประชุม ", "ข่าว:", "โดย ", "คน",
]
# Units with no natural break, and mixed digit/Thai runs of growing length.
MIXED = ["".join(f"{i % 10}{'กขคง'[i % 4] * (i % 5 + 1)}" for i in range(8_000)),
         "".join(f"{i}" if i % 3 else "มกราคม" for i in range(8_000)),
         "นาย" + "ก" * 60_000,
         "1" * 60_000,
         " " * 60_000 + "ก",
         "ณ" * 30_000 + " " * 30_000]


MAX_INPUT = 60_000  # long units are cut: 20,000 times "ผู้ว่าราชการจังหวัด" would prove nothing more


@cache
def adversarial_inputs() -> dict[str, str]:
    inputs = {f"{u!r}x{REPEAT}": (u * REPEAT)[:MAX_INPUT] for u in UNITS}
    inputs.update({f"mixed{i}": m for i, m in enumerate(MIXED)})
    return inputs


# --- collecting the patterns -----------------------------------------------------------

MODULES = ["dates", "places", "people", "agencies", "counts", "clean", "assemble", "ner", "event_type",
           "analyse", "runner", "normalise", "ingest"]


def _dig(obj: object, depth: int = 0) -> Iterator[re.Pattern]:
    if isinstance(obj, re.Pattern):
        yield obj
    elif depth < 5 and isinstance(obj, dict):
        for value in obj.values():
            yield from _dig(value, depth + 1)
    elif depth < 5 and isinstance(obj, (tuple, list)):
        for value in obj:
            yield from _dig(value, depth + 1)


def _cached_results(fn: object) -> Iterator[object]:
    # functools.cache keeps its results in a dict the wrapper references: gc shows it.
    for ref in gc.get_referents(fn):
        if isinstance(ref, dict) and "__wrapped__" not in ref:
            yield from ref.values()


def _inline_patterns(module: str) -> Iterator[tuple[str, str]]:
    """Literal first arguments of re.search/match/... calls in a module's source."""
    tree = ast.parse((REPO / "extract" / f"{module}.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
                and node.func.attr in {"search", "match", "fullmatch", "finditer", "findall", "sub", "split",
                                       "compile"}
                and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            yield f"line {node.lineno}", node.args[0].value


@cache
def collected() -> dict[str, dict[str, re.Pattern]]:
    """module -> {label: pattern}, after the builders' caches are filled by real articles."""
    for text in _warm_up_texts():
        analyse(text)
    out: dict[str, dict[str, re.Pattern]] = {}
    for name in MODULES:
        module = importlib.import_module(f"extract.{name}")
        found: dict[str, re.Pattern] = {}
        for attr, value in vars(module).items():
            if isinstance(value, re.Pattern):
                found[attr] = value
            elif hasattr(value, "cache_info") and getattr(value, "__module__", None) == module.__name__:
                for i, p in enumerate(p for r in _cached_results(value) for p in _dig(r)):
                    found[f"{attr}()#{i}"] = p
        for label, source in _inline_patterns(name):
            found[label] = re.compile(source)
        unique: dict[tuple, str] = {}
        for label, p in found.items():
            unique.setdefault((p.pattern, p.flags), label)
        out[name] = {label: found[label] for label in unique.values()}
    return out


def _warm_up_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "data" / "raw").glob("*.txt"))]
    return texts + [
        "วันนี้ (18 ม.ค. 61) เวลา 09.00 น. ณ ห้องประชุม ทำเนียบรัฐบาล พลเอก ประยุทธ์ จันทร์โอชา นายกรัฐมนตรี "
        "เป็นประธาน มีผู้เข้าร่วมกว่า 200 คน ระหว่างวันที่ 1 - 3 กุมภาพันธ์ 2561 สำนักงานพาณิชย์จังหวัดเชียงใหม่",
    ]


# --- running them --------------------------------------------------------------------


class _Runaway(Exception):
    pass


def _timed(fn, *args, stop_at: float = HARD_STOP) -> float:
    """Seconds taken by fn(*args), interrupted at ``stop_at``."""

    def stop(signum, frame):  # noqa: ARG001
        raise _Runaway

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, stop_at)
    started = time.perf_counter()
    try:
        fn(*args)
    except _Runaway:
        pass
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    return time.perf_counter() - started


def _subject(pattern: re.Pattern, text: str):
    return text.encode("utf-8") if isinstance(pattern.pattern, bytes) else text


def _scan(pattern: re.Pattern, text: str) -> None:
    for _ in pattern.finditer(_subject(pattern, text)):
        pass


def _attempts(pattern: re.Pattern, text: str) -> None:
    subject = _subject(pattern, text)
    for pos in (0, 1, len(subject) // 2):
        pattern.match(subject, pos)


@cache
def anchored() -> dict[str, str]:
    """Pattern source -> why it is never scanned over a whole text (checked by reading the callers)."""
    from extract import counts, dates, ingest, people

    return {
        dates.DURATION.pattern: "dates.find_times: DURATION.match(text, m.end())",
        people._NEXT_TOKEN.pattern: "people._next_token: .match(text, i, limit)",
        people._EXTRA_PART.pattern: "people._extra_parts: .match(text, pos)",
        people._GLOSS.pattern: "people: _GLOSS.match(text, m.end)",
        people._position_re().pattern: "people: _position_re().match(text, j)",
        people._byline_res()["dash"].pattern: "people._is_byline: .match(suffix)",
        r"\s*(?:และ|กับ)\s*": "people: re.fullmatch on the gap between two names",
        r"[\s,]*(?:และ|กับ)?[\s,]*": "people: re.fullmatch on the gap between two names",
        counts._count_re().pattern: "counts: .search(text, unit.start() - LOOKBACK, unit.end())",
        counts._AGGREGATE.pattern: "counts: .search(before[-PAST_WINDOW:]), 80 characters",
        r"[\s\W\d_]+$": "people._latin_mentions: re.sub on the 200 characters before a name",
        ingest._BLANK_LINES.pattern: "ingest: _BLANK_LINES.match(stream.peek(...)), at the buffer's start",
    }


def test_patterns_are_collected_from_every_extractor() -> None:
    got = collected()
    counts = {name: len(patterns) for name, patterns in got.items()}
    # Floors, not exact numbers: the point is that collection reaches the cached builders.
    assert counts["dates"] >= 8 and counts["places"] >= 30 and counts["people"] >= 20
    assert counts["agencies"] >= 30 and counts["counts"] >= 4 and counts["clean"] >= 4
    assert any(label.startswith("_grammar()") for label in got["dates"])
    assert any(label.startswith("_honorific_re()") for label in got["people"])
    assert any(label.startswith(("_names_re()", "_alternation()")) for label in got["places"])
    assert any(label.startswith("_count_re()") for label in got["counts"])
    assert any(label.startswith("_patterns()") for label in got["clean"])
    every = {p.pattern for patterns in got.values() for p in patterns.values()}
    assert set(anchored()) <= every  # the lists name live patterns


@pytest.mark.parametrize("module", MODULES)
def test_no_pattern_backtracks_on_adversarial_input(module: str) -> None:
    slow = []
    for label, pattern in collected()[module].items():
        check, budget = (_attempts, 0.5) if pattern.pattern in anchored() else (_scan, PATTERN_BUDGET)
        for name, text in adversarial_inputs().items():
            seconds = _timed(check, pattern, text)
            if seconds > budget:
                slow.append(f"{module}.{label} on {name}: {seconds:.1f} s  /{pattern.pattern[:80]}/")
    assert not slow, "\n".join(slow)


# --- one token, matched whole -------------------------------------------------------------
# A pattern that finditer runs in linear time can still backtrack exponentially under fullmatch
# (or with "$"): the search stops at the first greedy match, fullmatch must try every way to split
# a long run before it gives up. "[ก]{1,6}\\.(?:[ก]{1,6}\\.?)*" read "จ." and 30 Thai letters then a
# digit for minutes: a ThaiNER news sentence whose tokens glue a village number to the words.

NEWS_SENTENCE = (  # ThaiNER 1.5 train.txt line 1876, tags removed
    "(1สค.) เวลา00.15 น. พ.ต.ต.สุพิษ แจ้งสว่างพนักงานสอบสวน สภ.อ.เมือง จ.อ่างทองรับแจ้งพบศพผู้เสียชีวิต"
    "ภายในห้องนอนของบ้านเลขที่3หมู่3 ต.มหาดไทย อ.เมืองจ.อ่างทองหลังรับแจ้งจึง"
)
TOKENS = {
    "news sentence": NEWS_SENTENCE,
    **{f"news token {i}": t for i, t in enumerate(NEWS_SENTENCE.split()) if len(t) > 20},
    "acronym, 60 letters, digit": "จ." + "ก" * 60 + "3",
    "acronym, dotted run, digit": "ก.ก" * 30 + "3",
    "acronym, 60 letters, space": "ก." + "ก" * 60 + " ",
    "60 letters, digit": "ก" * 60 + "1",
    "title, 60 letters, digit": "นาย" + "ก" * 60 + "1",
    "60 digits, letter": "1" * 60 + "ก",
    "60 spaces, letter": " " * 60 + "ก",
    "60 dots, letter": "." * 60 + "ก",
}


def _whole(pattern: re.Pattern, text: str) -> None:
    subject = _subject(pattern, text)
    pattern.fullmatch(subject)
    pattern.match(subject)


@pytest.mark.parametrize("module", MODULES)
def test_no_pattern_backtracks_on_a_token_it_cannot_match_whole(module: str) -> None:
    slow = []
    for label, pattern in collected()[module].items():
        for name, text in TOKENS.items():
            seconds = _timed(_whole, pattern, text, stop_at=2.0)
            if seconds > 0.5:
                slow.append(f"{module}.{label} on {name}: {seconds:.1f} s  /{pattern.pattern[:80]}/")
    assert not slow, "\n".join(slow)


def _hundred_k(unit: str) -> str:
    return (unit * (100_000 // len(unit) + 1))[:100_000]


ANALYSE_INPUTS = {
    **{repr(u): _hundred_k(u) for u in ["1 ", "ก", "นาย", ".", " - ", "(", "1ก", "ก.", "12 มกราคม ",
                                        "นาย ก ", "ณ ที่ห้อง", "จำนวน 1 คน ", "09.00 - ", "วันที่ "]},
    "mixed digits/Thai": _hundred_k(MIXED[0]),
    "dates, one line": _hundred_k("เมื่อวันที่ 16 มีนาคม 2566 เวลา 09.00 น. "),
    "agencies, one line": _hundred_k("สำนักงานพาณิชย์จังหวัดเชียงใหม่ กระทรวงมหาดไทย "),
    "'ณ '": _hundred_k("ณ "),
    "'ที่'": _hundred_k("ที่"),
    "'\\n'": _hundred_k("\n"),
}
@pytest.mark.parametrize("name", list(ANALYSE_INPUTS))
def test_analyse_on_adversarial_input_stays_in_budget(name: str) -> None:
    collected()  # warm the lexicons outside the timing
    seconds = _timed(analyse, ANALYSE_INPUTS[name], stop_at=ANALYSE_BUDGET + 1)
    assert seconds < ANALYSE_BUDGET, f"{name}: {seconds:.1f} s"


# --- one long line ---------------------------------------------------------------------

LONG = 300_000


@cache
def _real_text() -> tuple[str, str]:
    """300,000 characters of real articles, with their line breaks and as one line."""
    raw = "\n".join(p.read_text(encoding="utf-8") for p in sorted((REPO / "data" / "raw").glob("*.txt")))
    if not raw:
        pytest.skip("data/raw holds no articles")
    lines = (raw * (LONG // len(raw) + 1))[:LONG]
    return lines, lines.replace("\n", " ")


def _extractor(name: str):
    from extract import analyse as one_document

    return {"dates": one_document.find_dates, "times": one_document.find_times, "places": one_document.find_places,
            "officials": one_document.find_officials, "agencies": one_document.find_agencies,
            "counts": one_document.find_counts}[name]


@pytest.mark.parametrize("name", [
    "dates", "times", "places", "agencies", "counts",
    "officials",
])
def test_one_long_line_costs_like_many_lines(name: str) -> None:
    """Scraped text often has no line breaks; an extractor must not go quadratic in the line length."""
    from extract.clean import clean
    from extract.normalise import normalise

    collected()
    lines, one_line = (clean(normalise(t).text).text for t in _real_text())
    fn = _extractor(name)
    with_breaks = _timed(fn, lines, stop_at=30)
    without = _timed(fn, one_line, stop_at=4 * with_breaks + 5)
    assert without <= 4 * with_breaks + 0.5, f"{name}: {without:.2f} s on one line, {with_breaks:.2f} s with breaks"


# --- work grows linearly ----------------------------------------------------------------
# Each adversarial input is doubled from 25,000 to 200,000 characters: a linear extractor takes
# about 2x the time per doubling, one that compares every two mentions 4x. A budget on one size
# passes a square that is still fast at that size; the growth rate does not.

GROWTH_SIZES = (25_000, 50_000, 100_000, 200_000)
MAX_GROWTH = 2.3  # per doubling: linear with slack for timer noise
GROWTH_FLOOR = 0.02  # seconds: a shorter time is noise, and is counted as this much
GROWTH_STOP = 60.0  # a run this long is stopped: it counts as that long, and fails


def _distinct_words() -> Iterator[str]:
    """Thai syllable pairs never repeated ("กากา", "กากิ", ...): the distinct names of a page that
    lists thousands of bodies or people."""
    letters, vowels = "กขคงจฉชซญฎฏฐฑฒณดตถทธนบปผพฟภมยรลวศษสหฬอฮ", "าิีุูะำ"
    return ("".join(p) for p in itertools.product(letters, vowels, letters, vowels))


def _listing(template: str, size: int) -> str:
    """``template`` filled with distinct words ({w}; {a} and {b}: its first and third letter)
    until ``size`` characters."""
    out, n = [], 0
    for w in _distinct_words():
        if n >= size:
            break
        item = template.format(w=w, a=w[0], b=w[2])
        out.append(item)
        n += len(item)
    return "".join(out)[:size]


LISTINGS = {
    "distinct agency names": "ชมรมผู้สูงอายุบ้าน{w} ",
    "distinct offices": "สำนักงานพัฒนาชุมชน{w}ประจำ ",
    "acronyms defined and used": "ชมรม{w} (ช{a}{b}) และ ช{a}{b} ",
    "officials written without spaces": "นายสม{w}ใจ{w}",
    "distinct officials": "นายสม{w} ใจ{w} ",
    "officials with posts": "นายสม{w} ใจดี ผู้อำนวยการกอง{w} ",
}
# one unit repeated: the shapes the other safety tests found costly for that extractor
GROWTH_CASES = {
    "dates": ["12 มกราคม ", "เมื่อวันที่ 16 มีนาคม 2566 เวลา 09.00 น. ณ ห้องประชุม ", "distinct officials"],
    "times": ["เมื่อวันที่ 16 มีนาคม 2566 เวลา 09.00 น. ณ ห้องประชุม "],
    "places": ["ณ ", "อบต.บ้านนา ", "เมื่อวันที่ 16 มีนาคม 2566 เวลา 09.00 น. ณ ห้องประชุม ", "distinct offices"],
    "officials": ["officials written without spaces", "distinct officials", "officials with posts", "Mr Aa Bb "],
    "agencies": ["distinct agency names", "distinct offices", "acronyms defined and used", "อบต.บ้านนา "],
    "counts": ["จำนวน 1 คน ", "officials written without spaces", "distinct agency names"],
}


def _growth_input(name: str, size: int) -> str:
    if name in LISTINGS:
        return _listing(LISTINGS[name], size)
    return (name * (size // len(name) + 1))[:size]


def _clear_memos() -> None:
    """Empty the extractors' bounded memo caches (lru_cache), so that a larger input is not served
    by what a smaller one left; the unbounded lexicon builders (cache) stay warm."""
    for name in MODULES:
        for value in vars(importlib.import_module(f"extract.{name}")).values():
            if hasattr(value, "cache_parameters") and value.cache_parameters()["maxsize"] is not None:
                value.cache_clear()


def _cpu_seconds(fn, text: str) -> float:
    """CPU seconds of this process for fn(text): other processes on the machine do not count.
    Short runs are repeated and the fastest kept; a runaway is stopped at GROWTH_STOP."""
    best, spent = GROWTH_STOP, 0.0
    for _ in range(3):
        _clear_memos()
        gc.collect()
        gc.disable()  # a collection landing in one run is not the extractor's work
        started = time.process_time()
        try:
            _timed(fn, text, stop_at=GROWTH_STOP)
        finally:
            gc.enable()
        took = time.process_time() - started
        best, spent = min(best, took), spent + took
        if spent > 0.3:
            break
    return best


def _growth(fn, name: str) -> tuple[float, list[float]]:
    """Time per doubling (the median of the three: one run slowed by the machine does not decide),
    and the four times. A square grows 4x at every doubling, so the median still shows it."""
    times = [_cpu_seconds(fn, _growth_input(name, size)) for size in GROWTH_SIZES]
    ratios = sorted(b / max(a, GROWTH_FLOOR) for a, b in itertools.pairwise(times))
    return ratios[1], times


@pytest.mark.parametrize("name, label", [(n, label) for n, labels in GROWTH_CASES.items() for label in labels])
def test_work_grows_linearly_with_input_size(name: str, label: str) -> None:
    collected()  # warm the lexicons outside the timing
    growth, times = _growth(_extractor(name), label)
    if growth > MAX_GROWTH:  # measured once more: a busy machine slows one run, a square slows every run
        growth, times = min((growth, times), _growth(_extractor(name), label))
    assert growth <= MAX_GROWTH, f"{name} on {label!r}: x{growth:.2f} per doubling ({', '.join(f'{t:.2f}' for t in times)} s)"
