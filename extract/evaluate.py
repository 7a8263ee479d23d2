"""`eval`: per-field precision, recall and F1 of an output against a gold file (JSON Lines).

The matching rules are those of the team's scorer (the gold GUIDE's ``score.py``), so the two
print the same table: the event fields are those of the main event (event_index 0) compared
after normalisation (NFC, Thai digits, punctuation and spaces dropped); venues and positions
match when their longest common substring covers half the longer one; provinces match with or
without "จังหวัด"; officials are matched by name over all of an article's events, agencies by
any of their names (canonical, acronym, as written) against any of a gold entry's names, and
`events` matches each gold event to one row by start date (by venue when either has no date).

>>> norm("๒๔ มี.ค. (๒๕๖๖)")
'24มีค2566'
>>> fuzzy_same("ห้องประชุม ทัพพระยา ศาลาว่าการเมืองพัทยา", "ห้องประชุมทัพพระยา ศาลาว่าการเมืองพัทยา จังหวัดชลบุรี")
True
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.dataset as ds

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
STRIP = re.compile(r"[\s.\-–—()\"“”'‘’]+")
FIELDS = ("date_start", "date_end", "time_start", "time_end", "venue", "province", "online", "participants",
          "officials", "positions", "agencies", "events")
CORE = ("date_start", "province", "venue", "participants", "officials", "agencies")


def norm(s) -> str:
    if s is None:
        return ""
    s = unicodedata.normalize("NFC", str(s)).translate(THAI_DIGITS)
    s = s.replace("กรกฏาคม", "กรกฎาคม")  # the common misspelling of July
    return STRIP.sub("", s).lower()


def as_iso_date(v) -> str | None:
    if v is None:
        return None
    if isinstance(v, (dt.date, dt.datetime)):
        return v.strftime("%Y-%m-%d")
    s = str(v)
    return s[:10] if s else None


def as_hhmm(v) -> str | None:
    if v is None:
        return None
    if isinstance(v, dt.time):
        return v.strftime("%H:%M")
    s = str(v).strip().replace(".", ":")
    m = re.match(r"^(\d{1,2}):(\d{2})", s)
    return f"{int(m.group(1)):02d}:{m.group(2)}" if m else s or None


def longest_common_substring(a: str, b: str) -> int:
    best = 0
    prev = [0] * (len(b) + 1)
    for i in range(1, len(a) + 1):
        cur = [0] * (len(b) + 1)
        ai = a[i - 1]
        for j in range(1, len(b) + 1):
            if ai == b[j - 1]:
                cur[j] = prev[j - 1] + 1
                best = max(best, cur[j])
        prev = cur
    return best


def fuzzy_same(a, b) -> bool:
    a, b = norm(a), norm(b)
    if not a or not b:
        return False
    return longest_common_substring(a, b) * 2 >= max(len(a), len(b))


def same_province(gold, pred) -> bool:
    return norm(gold) == norm(pred).removeprefix("จังหวัด")


def _equal(a, b) -> bool:
    return a == b


@dataclass(slots=True)
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def scores(self) -> tuple[float, float, float]:
        # Nothing to find and nothing found is perfect; the scorer's convention.
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else (1.0 if not self.fp else 0.0)
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def score_value(prf: PRF, gold, pred, same: Callable = _equal) -> bool:
    """One slot: a right value is a TP, a wrong one both FP and FN, a missing one FN."""
    if gold is None and pred is None:
        return True
    if gold is None:
        prf.add(fp=1)
        return False
    if pred is None:
        prf.add(fn=1)
        return False
    if same(gold, pred):
        prf.add(tp=1)
        return True
    prf.add(fp=1, fn=1)
    return False


@dataclass(slots=True)
class Evaluation:
    prf: dict[str, PRF] = field(default_factory=lambda: {f: PRF() for f in FIELDS})
    errors: list[tuple[str, str, object, object]] = field(default_factory=list)  # doc, field, gold, predicted
    docs: int = 0
    docs_without_rows: int = 0
    background_taken: int = 0

    def result(self) -> dict:
        """The scores as the scorer's JSON object (rounded to 3 places)."""
        out: dict = {}
        for f in FIELDS:
            out[f] = dict(zip(("precision", "recall", "f1"), (round(x, 3) for x in self.prf[f].scores()),
                              strict=True))
            out[f].update(tp=self.prf[f].tp, fp=self.prf[f].fp, fn=self.prf[f].fn)
        out["_docs"] = self.docs
        out["_docs_without_rows"] = self.docs_without_rows
        out["_background_date_taken"] = self.background_taken
        out["_macro_f1_core"] = round(sum(out[f]["f1"] for f in CORE) / len(CORE), 3)
        return out


def events_source(path: str | Path) -> str | list[str]:
    """A Parquet file, or in an output directory its events table (file or partitioned folder)."""
    path = str(path)
    if not os.path.isdir(path):
        return path
    for name in ("events.parquet", "events"):
        if os.path.exists(os.path.join(path, name)):
            return os.path.join(path, name)
    found = [os.path.join(root, f) for root, _, files in os.walk(path)
             for f in files if f.endswith(".parquet") and "events" in os.path.join(root, f)]
    if not found:
        raise FileNotFoundError(f"no events table in {path}")
    return sorted(found)


def load_predictions(paths: Iterable[str | Path]) -> dict[str, list[dict]]:
    """Event rows by article file name, main event first."""
    rows: dict[str, list[dict]] = defaultdict(list)
    for path in paths:
        table = ds.dataset(events_source(path), format="parquet").to_table()
        for row in table.to_pylist():
            key = row.get("source") or row.get("doc") or ""
            rows[os.path.basename(str(key))].append(row)
    for key in rows:
        rows[key].sort(key=lambda r: r.get("event_index") or 0)
    return rows


def load_gold(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def agency_names(a) -> set[str]:
    if isinstance(a, str):
        return {norm(a)} - {""}
    return {norm(a.get(k)) for k in ("name", "canonical", "acronym", "text") if a.get(k)} - {""}


def _score_main_event(ev: Evaluation, doc: str, g: dict, rows: list[dict]) -> None:
    main = rows[0] if rows else {}
    gev = g["events"][0] if g.get("events") else {}

    def check(name: str, gold, pred, same: Callable = _equal) -> None:
        if not score_value(ev.prf[name], gold, pred, same):
            ev.errors.append((doc, name, gold, pred))

    check("date_start", gev.get("date_start"), as_iso_date(main.get("date_start")))
    check("date_end", gev.get("date_end"), as_iso_date(main.get("date_end")))
    check("time_start", gev.get("time_start"), as_hhmm(main.get("time_start")))
    check("time_end", gev.get("time_end"), as_hhmm(main.get("time_end")))
    check("venue", gev.get("venue"), main.get("venue") or None, fuzzy_same)
    check("province", gev.get("province"), main.get("province") or None, same_province)
    check("online", bool(gev.get("online")) if gev else None, bool(main.get("online")) if rows else None)
    p = main.get("participants")
    check("participants", gev.get("participants"), int(p) if p is not None else None)
    if as_iso_date(main.get("date_start")) in set(g.get("background_dates", [])):
        ev.background_taken += 1


def _score_events(ev: Evaluation, doc: str, g: dict, rows: list[dict]) -> None:
    free = list(rows)
    for gv in g.get("events", []):
        def same_event(r, gv=gv) -> bool:
            d = as_iso_date(r.get("date_start"))
            if gv.get("date_start") and d:
                return d == gv["date_start"]
            return fuzzy_same(gv.get("venue"), r.get("venue"))
        hit = next((r for r in free if same_event(r)), None)
        if hit is None:
            ev.prf["events"].add(fn=1)
            ev.errors.append((doc, "events", event_label(gv), None))
        else:
            free.remove(hit)
            ev.prf["events"].add(tp=1)
    ev.prf["events"].add(fp=len(free))
    for r in free:
        ev.errors.append((doc, "events", None, event_label(r)))


def event_label(event: dict) -> str:
    """An event as one line for the error list: its date (or "no date"), type, venue and province.

    A date or a venue alone misleads: an undated visit "at บริษัท ... จำกัด" read as an agency.
    """
    start, end = as_iso_date(event.get("date_start")), as_iso_date(event.get("date_end"))
    when = start if not end or end == start else f"{start}/{end}"
    venue = event.get("venue")
    parts = [when or "no date", event.get("event_type"), venue and f"at {venue}", event.get("province")]
    return ", ".join(p for p in parts if p)


def _score_officials(ev: Evaluation, doc: str, g: dict, rows: list[dict]) -> None:
    gold_off: dict[str, dict] = {}
    for gv in g.get("events", []):
        for o in gv.get("officials", []):
            gold_off.setdefault(norm(o["name"]), o)
    pred_off: dict[str, dict] = {}
    for r in rows:
        for o in r.get("officials") or []:
            pred_off.setdefault(norm(o.get("name")), o)
    pred_off.pop("", None)
    matched = set(gold_off) & set(pred_off)
    ev.prf["officials"].add(tp=len(matched), fp=len(set(pred_off) - matched), fn=len(set(gold_off) - matched))
    for n in sorted(set(gold_off) ^ set(pred_off)):
        ev.errors.append((doc, "officials", gold_off.get(n, {}).get("name"), pred_off.get(n, {}).get("name")))
    # Set order, as the scorer iterates it: only the error list's order depends on it, never a count.
    for n in matched:
        gold, pred = gold_off[n].get("position"), pred_off[n].get("position") or None
        if not score_value(ev.prf["positions"], gold, pred, fuzzy_same):
            ev.errors.append((doc, "positions", gold, pred))


def _score_agencies(ev: Evaluation, doc: str, g: dict, rows: list[dict]) -> None:
    entries = [{norm(x) for x in e} for e in g.get("agencies", [])]
    optional = [{norm(x) for x in e} for e in g.get("agencies_optional", [])]
    seen_keys: set[str] = set()
    pred_ags: list[set[str]] = []
    for r in rows:
        for a in r.get("agencies") or []:
            names = agency_names(a)
            key = norm(a.get("canonical") or a.get("name")) if isinstance(a, dict) else norm(a)
            if names and key not in seen_keys:
                seen_keys.add(key)
                pred_ags.append(names)
    used: set[int] = set()
    for names in pred_ags:
        hit = next((i for i, e in enumerate(entries) if i not in used and names & e), None)
        if hit is not None:
            used.add(hit)
            ev.prf["agencies"].add(tp=1)
        elif any(names & e for e in optional):
            continue  # an optional agency is neither rewarded nor punished
        else:
            ev.prf["agencies"].add(fp=1)
            ev.errors.append((doc, "agencies", None, sorted(names)[0]))
    ev.prf["agencies"].add(fn=len(entries) - len(used))
    for i in range(len(entries)):
        if i not in used:
            ev.errors.append((doc, "agencies", g["agencies"][i][0], None))


def evaluate(gold_docs: list[dict], preds: dict[str, list[dict]]) -> Evaluation:
    """Score predicted event rows (by article file name) against gold articles."""
    ev = Evaluation(docs=len(gold_docs), docs_without_rows=sum(1 for g in gold_docs if g["doc"] not in preds))
    for g in gold_docs:
        doc = g["doc"]
        rows = preds.get(doc, [])
        _score_main_event(ev, doc, g, rows)
        _score_events(ev, doc, g, rows)
        _score_officials(ev, doc, g, rows)
        _score_agencies(ev, doc, g, rows)
    return ev


def evaluate_paths(outputs: Iterable[str | Path], gold: str | Path, only_present: bool = False) -> Evaluation:
    """Score outputs against a gold file; ``only_present`` leaves out gold articles the outputs never read."""
    outputs = list(outputs)
    gold_docs = load_gold(gold)
    if only_present:
        present = documents_present(outputs)
        gold_docs = [g for g in gold_docs if g["doc"] in present]
    return evaluate(gold_docs, load_predictions(outputs))


def documents_present(paths: Iterable[str | Path]) -> set[str]:
    """File names of every document the outputs hold (their documents table; else their event rows)."""
    names: set[str] = set()
    for path in paths:
        table = os.path.join(str(path), "documents.parquet")
        source = table if os.path.exists(table) else events_source(path)
        for key in ds.dataset(source, format="parquet").to_table(columns=["source"]).column("source").to_pylist():
            names.add(os.path.basename(str(key or "")))
    return names


def missing_gold(outputs: Iterable[str | Path], gold: str | Path) -> tuple[int, int]:
    """(gold articles without any document in the outputs, gold articles)."""
    present = documents_present(outputs)
    docs = [g["doc"] for g in load_gold(gold)]
    return sum(1 for d in docs if d not in present), len(docs)


def format_table(result: dict) -> str:
    """The scorer's table: field, P, R, F1, tp, fp, fn, then the article and macro-F1 lines."""
    lines = [f"{'field':<14}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for f in FIELDS:
        r = result[f]
        lines.append(f"{f:<14}{r['precision']:>7.3f}{r['recall']:>7.3f}{r['f1']:>7.3f}"
                     f"{r['tp']:>6}{r['fp']:>6}{r['fn']:>6}")
    lines.append(f"articles: {result['_docs']}, without any row: {result['_docs_without_rows']}, "
                 f"background date taken as event date: {result['_background_date_taken']}")
    lines.append(f"macro F1 over {', '.join(CORE)}: {result['_macro_f1_core']:.3f}")
    return "\n".join(lines)


def format_errors(errors: Iterable[tuple[str, str, object, object]]) -> str:
    return "\n".join(f"  {doc}\t{name}\tgold={gold!r}\tpredicted={pred!r}" for doc, name, gold, pred in errors)
