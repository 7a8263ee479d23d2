"""How many of the news corpora's DATE spans the date grammar reads, by form.

    python scripts/ner_dates.py [--misses FORM] [--limit N]

Reads ThaiNER 1.5 (``../shared/ner/thainer-1.5/{train,test}.txt``, inline ``[DATE]..[/DATE]``)
and the Thai-NNER sample (``../shared/ner/thai-nner-sample/*.json``, nested ``date`` spans), keeps
the spans that name a day (not a year, a month, a duration or "ปีนี้"), classifies each by its
written form and counts how many :func:`extract.dates.find_dates` covers: a day mention
overlapping the span, given the sentence and a publication date (the last dated day of the
same file before it, else 1 July 2018). ``วันนี้ (17 ธ.ค.61)`` counts as covered when the
bracketed day is read. ``--misses FORM`` prints the missed spans of one form in context.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import inspect
import json
import os
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# NER_DATES_REPO: measure another checkout's grammar (the data stay ../shared of this one).
sys.path.insert(0, os.environ.get("NER_DATES_REPO", str(REPO)))

from extract.dates import find_dates, month_table  # noqa: E402
from extract.normalise import normalise  # noqa: E402
from extract.thai import alternation  # noqa: E402

NER = REPO.parent / "shared" / "ner"
TAG = re.compile(r"\[(/?)([A-Z_]+)\]")
DEFAULT_ANCHOR = dt.date(2018, 7, 1)

MONTH = f"(?:{alternation(month_table())})"
WEEKDAY = r"(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|อาทิตย์)"
FORMS: list[tuple[str, str]] = [
    # (form, regex on the span text) in order; the first that matches names the form.
    ("word (written day)", r"(?!)"),
    ("วันนี้", r"^(?:เมื่อ)?วันนี้$"),
    ("เมื่อวาน(นี้)", r"^(?:เมื่อ)?วาน(?:นี้)?$|^เมื่อวาน$"),
    ("พรุ่งนี้", r"^(?:วัน)?พรุ่งนี้$"),
    ("weekday ที่ผ่านมา/นี้", rf"^(?:เมื่อ)?วัน{WEEKDAY}(?:ที่ผ่านมา|นี้|ที่แล้ว|หน้า)$"),
    ("weekday alone", rf"^(?:วัน)?{WEEKDAY}$"),
    ("weekday-weekday", rf"^(?:วัน)?{WEEKDAY}\s*-\s*(?:วัน)?{WEEKDAY}$"),
    ("d/m/y", r"^\d{1,2}/\d{1,2}/\d{2,4}$"),
    ("d/m", r"^\d{1,2}/\d{1,2}$"),
    ("cross-month range", rf"\d\s*{MONTH}.*[-–]\s*\d{{1,2}}\s*{MONTH}"),
    ("month-month", rf"^{MONTH}\s*[-–]\s*{MONTH}"),
    ("d-d month", rf"^\d{{1,2}}\s*[-–]\s*\d{{1,2}}\s*{MONTH}"),
    ("d month CE year", rf"\d{{1,2}}\s*{MONTH}\s*(?:ค\.\s?ศ\.\s*)?(?:19|20)\d\d$"),
    ("d month BE year", rf"\d{{1,2}}\s*{MONTH}\s*(?:พ\.\s?ศ\.\s*|พุทธศักราช\s*)?25\d\d$"),
    ("d month yy", rf"\d{{1,2}}\s*{MONTH}\s*(?:ปี\s*)?\d\d$"),
    ("d month", rf"^(?:วันที่\s*)?\d{{1,2}}\s*{MONTH}$"),
    ("d month (glued/odd)", rf"\d\s*{MONTH}"),
    ("month only", rf"^(?:เดือน)?{MONTH}(?:\s*(?:ปี\s*)?\d{{2,4}})?$|^(?:ต้น|กลาง|ปลาย|สิ้น)"),
]
FORM_RES = [(f, re.compile(r)) for f, r in FORMS]
NOT_A_DAY = re.compile(r"ปี|เดือน|สัปดาห์|ศตวรรษ|ทศวรรษ|ขณะนี้|ปัจจุบัน|ช่วง|วันหยุด|ฮิจเราะห์|ชั่วโมง|ชม\.|นาที|พรรษา"
                       r"|^(?:(?:พ\.\s?ศ\.|ค\.\s?ศ\.)\s*)?\d{3,4}(?:\s*[-–/]\s*\d{2,4})?$|^\d+\s*(?:วัน|ปี|เดือน)$")


def classify(span: str, before: str, after: str) -> str | None:
    """The form of a DATE span, or None when it names no day."""
    s = span.strip()
    if re.fullmatch(r"\d{1,2}", s):
        # A bare number is a day after "วันที่", else (usually) a short year.
        return "day number (วันที่ N)" if re.search(r"วันที่\s*$", before) else None
    if (re.fullmatch(rf"(?:ใน|เมื่อ)?(?:วันนี้|เมื่อวานนี้|วานนี้|เมื่อวาน|พรุ่งนี้|วันพรุ่งนี้|เมื่อคืน|คืนนี้|(?:วัน)?{WEEKDAY}(?:นี้)?)", s)
            and re.match(r"\s*\(?\s*(?:วัน\S{0,12})?(?:ที่)?\s*\d", after)):
        return "word (written day)"
    for form, rx in FORM_RES[1:]:
        if rx.search(s):
            if form in ("month only", "month-month"):
                return None
            return form
    if NOT_A_DAY.search(s):
        return None
    return "other"


def thainer_items():
    """(file, line text, [(start, end, kind)] spans of DATE and TIME) per line of ThaiNER."""
    for name in ("train.txt", "test.txt"):
        path = NER / "thainer-1.5" / name
        if not path.exists():
            continue
        for raw in path.read_text(encoding="utf-8-sig").splitlines():
            out, spans, open_at = [], [], {}
            pos = 0
            for m in TAG.finditer(raw):
                out.append(raw[pos : m.start()])
                here = sum(len(p) for p in out)
                if m.group(1):
                    if m.group(2) in open_at:
                        spans.append((open_at.pop(m.group(2)), here, m.group(2)))
                else:
                    open_at[m.group(2)] = here
                pos = m.end()
            out.append(raw[pos:])
            yield "thainer/" + name, "".join(out), [s for s in spans if s[2] == "DATE"]


def nner_items():
    for name in ("sample_train", "sample_dev", "sample_test"):
        path = NER / "thai-nner-sample" / f"{name}.json"
        if not path.exists():
            continue
        for s in json.loads(path.read_text(encoding="utf-8")):
            toks = [" " if t == "_" else t for t in s["tokens"]]
            offs = [0]
            for t in toks:
                offs.append(offs[-1] + len(t))
            spans = [(offs[e["span"][0]], offs[e["span"][1]], "DATE") for e in s["entities"]
                     if e["entity_type"] in ("date", "duration") and any(c.isdigit() for c in e["text"])]
            yield "nner/" + name, "".join(toks), spans


def read(text: str, anchor: dt.date):
    if "today" in inspect.signature(find_dates).parameters:
        return find_dates(text, anchor, today=anchor)
    return find_dates(text, anchor)  # a checkout from before relative days


def measure(items, misses_form: str | None, limit: int):
    table: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0])  # form -> [n, covered, whole]
    anchor = DEFAULT_ANCHOR
    shown = 0
    for source, text, spans in items:
        text = normalise(text).text  # same length: Thai digits to ASCII
        found = [d for d in read(text, anchor) if d.kind == "day" and d.date_start]
        for s, e, _ in spans:
            form = classify(text[s:e], text[max(0, s - 12) : s], text[e : e + 12])
            if form is None:
                continue
            if form == "word (written day)":
                close = text.find(")", e)
                ts, te = e, (close if 0 <= close - e < 40 else e + 25)
            else:
                ts, te = s, e
            hit = [d for d in found if d.start < te and d.end > ts]
            whole = any(d.start <= ts and d.end >= te for d in hit) if form != "today (date)" else bool(hit)
            row = table[form]
            row[0] += 1
            row[1] += bool(hit)
            row[2] += bool(hit) and whole
            if misses_form and form == misses_form and not hit and shown < limit:
                shown += 1
                print(f"  [{source}] ...{text[max(0, s - 40):s]}[{text[s:e]}]{text[e:e + 30]}...")
        dated = [d for d in found if not d.year_inferred and d.method == "rule"]
        if dated:
            anchor = dated[-1].date_start
    return table


def main(argv=None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--misses", help="print the missed spans of this form")
    p.add_argument("--limit", type=int, default=40)
    a = p.parse_args(argv)
    for name, items in (("ThaiNER 1.5", thainer_items()), ("Thai-NNER sample", nner_items())):
        table = measure(items, a.misses, a.limit)
        n = sum(r[0] for r in table.values())
        cov = sum(r[1] for r in table.values())
        print(f"\n{name}: {n} day spans, {cov} covered ({cov / max(n, 1):.3f})")
        print(f"{'form':28s} {'n':>5s} {'covered':>8s} {'whole':>6s} {'missed':>7s}")
        for form, (k, c, w) in sorted(table.items(), key=lambda kv: -(kv[1][0] - kv[1][1])):
            print(f"{form:28s} {k:5d} {c:8d} {w:6d} {k - c:7d}")


if __name__ == "__main__":
    main()
