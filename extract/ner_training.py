"""The NER model's data side: the ThaiNER 1.5 inline format, the lexicon gazetteer the
model is trained with, and entity-level evaluation (``thai-extract ner-eval``).

Inference (tokens, features, tagging, the spaCy component) is ``extract/ner.py``; training
is ``scripts/train_ner.py``, which uses both.

>>> parse_inline("ตามที่[PERSON]นางประนอม ทองจันทร์[/PERSON] กับ")
('ตามที่นางประนอม ทองจันทร์ กับ', [(6, 25, 'PERSON')])
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from .lexicons import columns as read_columns
from .ner import GAZETTEER_PATH, recognise, tokenise

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


# FACILITY is too close to LOCATION in ThaiNER to learn apart (and the pipeline only
# needs "a place"); AGO and T are too rare to learn at all.
LABEL_MAP = {"FACILITY": "LOCATION", "AGO": None, "T": None}
LABELS = (
    "PERSON", "ORGANIZATION", "LOCATION", "DATE", "TIME", "MONEY", "PERCENT",
    "LAW", "LEN", "PHONE", "URL", "EMAIL", "ZIP",
)  # fmt: skip


_TAG_RE = re.compile(r"\[(/?)([A-Z_]+)\]")


def parse_inline(line: str) -> tuple[str, list[tuple[int, int, str]]]:
    """Split a ThaiNER line into plain text and (start, end, label) spans.

    """
    # stray byte-order marks sit inside some ThaiNER lines and glue onto words
    line = line.replace("\ufeff", "").rstrip("\r\n").translate(_THAI_DIGITS)
    parts: list[str] = []
    spans: list[tuple[int, int, str]] = []
    pos = 0
    length = 0
    open_label: str | None = None
    open_at = 0
    for m in _TAG_RE.finditer(line):
        parts.append(line[pos : m.start()])
        length += m.start() - pos
        pos = m.end()
        if not m.group(1):
            open_label, open_at = m.group(2), length
        elif open_label is not None:
            # one closing tag in train.txt has the wrong name: trust the opening tag
            label = LABEL_MAP.get(open_label, open_label)
            span = _strip_span("".join(parts), open_at, length)
            if label and span:
                spans.append((*span, label))
            open_label = None
    parts.append(line[pos:])
    return "".join(parts), spans


def _strip_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    # annotators sometimes put the neighbouring space inside the tag
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def read_inline(path: str | Path) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """All non-empty lines of a ThaiNER file as (text, spans)."""
    rows = []
    with open(path, encoding="utf-8-sig") as fh:
        for line in fh:
            text, spans = parse_inline(line)
            if text.strip():
                rows.append((text, spans))
    return rows


def tokenise_aligned(
    text: str, spans: Sequence[tuple[int, int, str]], engine: str | None = None
) -> tuple[list[str], list[str]]:
    """Tokens and BIO labels, tokenising each piece between span boundaries apart so
    that every gold span starts and ends on a token boundary."""
    tokens: list[str] = []
    labels: list[str] = []
    pos = 0
    for start, end, label in sorted(spans):
        if start < pos:
            continue  # overlapping annotation: keep the first
        piece = tokenise(text[pos:start], engine) if start > pos else []
        tokens += piece
        labels += ["O"] * len(piece)
        inside = tokenise(text[start:end], engine)
        tokens += inside
        labels += [f"B-{label}"] + [f"I-{label}"] * (len(inside) - 1)
        pos = end
    if pos < len(text):
        rest = tokenise(text[pos:], engine)
        tokens += rest
        labels += ["O"] * len(rest)
    return tokens, labels


# (lexicon file in patterns/, gazetteer type, columns holding names, separator inside a
# cell): the project's own lexicons, so the CRF learns how far to trust each list
# rather than memorising the names the training text happens to contain.
GAZETTEERS: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    ("honorifics.csv", "HON", ("form", "full_form"), ""),
    ("positions.txt", "POS", ("position",), ""),
    ("provinces.csv", "PRV", ("name_th", "aliases"), "|"),
    ("places.csv", "ADM", ("name",), ""),
    ("known_places.csv", "KNP", ("name",), ""),
    ("agencies.csv", "AGY", ("canonical", "aliases"), ";"),
    ("agencies.csv", "ACR", ("acronyms",), ";"),
    ("months.tsv", "MON", ("form",), ""),
    ("foreign_countries.txt", "CTY", ("name",), ""),
    ("foreign_cities.txt", "CTY", ("name",), ""),
)  # fmt: skip


def _lexicon_names(name: str, columns: tuple[str, ...], sep: str) -> set[str]:
    out: set[str] = set()
    for row in read_columns(name, *columns):
        for cell in row:
            out.update(x.strip() for x in (cell.split(sep) if sep else [cell]) if x.strip())
    return out


def lexicon_gazetteer() -> dict[str, set[str]]:
    """Name -> gazetteer types, read from the lexicons in patterns/ (used for training)."""
    types: dict[str, set[str]] = {}
    for name, typ, columns, sep in GAZETTEERS:
        for entry in _lexicon_names(name, columns, sep):
            types.setdefault(entry.translate(_THAI_DIGITS), set()).add(typ)
    return types


def save_gazetteer(path: Path = GAZETTEER_PATH) -> None:
    rows = sorted(lexicon_gazetteer().items())
    path.write_text("".join(f"{name}\t{','.join(sorted(t))}\n" for name, t in rows), encoding="utf-8")


def score_spans(
    gold: Iterable[tuple[int, int, str]], pred: Iterable[tuple[int, int, str]]
) -> tuple[Counter, Counter, Counter]:
    """(true positives, gold counts, predicted counts) per label, exact span+type."""
    gold_set, pred_set = set(gold), set(pred)
    tp = Counter(lab for *_, lab in gold_set & pred_set)
    return tp, Counter(lab for *_, lab in gold_set), Counter(lab for *_, lab in pred_set)


def _prf(tp: int, n_gold: int, n_pred: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "support": n_gold}


def evaluate(path: str | Path, limit: int | None = None, gold_tokens: bool = False) -> dict[str, dict[str, float]]:
    """Entity-level precision/recall/F1 per type and ``micro`` over a ThaiNER
    inline-tagged file, exact span and type. The text is re-tokenised as at run
    time; ``gold_tokens`` cuts it at the gold entity edges first, the usual (and
    kinder) protocol of token-level scorers such as seqeval on pre-tokenised data."""
    tp: Counter = Counter()
    gold: Counter = Counter()
    pred: Counter = Counter()
    for text, spans in read_inline(path)[:limit]:
        tokens = tokenise_aligned(text, spans)[0] if gold_tokens else None
        found = [(e.start, e.end, e.label) for e in recognise(text, tokens)]
        t, g, p = score_spans(spans, found)
        tp += t
        gold += g
        pred += p
    result = {lab: _prf(tp[lab], gold[lab], pred[lab]) for lab in sorted(gold | pred)}
    result["micro"] = _prf(sum(tp.values()), sum(gold.values()), sum(pred.values()))
    return result


def format_eval(result: dict[str, dict[str, float]]) -> str:
    """Table of the ``evaluate`` result; the last line is ``micro  P  R  F1``."""
    rows = [f"{'label':<13} {'P':>5}  {'R':>5}  {'F1':>5}  {'n':>5}"]
    for lab, m in result.items():
        if lab != "micro":
            rows.append(f"{lab:<13} {m['precision']:.3f}  {m['recall']:.3f}  {m['f1']:.3f}  {int(m['support']):>5}")
    m = result["micro"]
    rows.append(f"micro  {m['precision']:.3f}  {m['recall']:.3f}  {m['f1']:.3f}")
    return "\n".join(rows)
