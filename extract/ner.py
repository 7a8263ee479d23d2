"""Thai named-entity recognition with a CRF trained on ThaiNER 1.5.

The model (``extract/models/thainer15_crf.crfsuite``, CC BY 3.0 data, see
``extract/models/ATTRIBUTION.md``) tags words produced by the nlpo3 tokeniser with
BIO labels; spans come back as character offsets into the caller's text.

>>> [(e.label, e.text) for e in recognise("นายอำนาจ เจริญศรี รองผู้ว่าราชการจังหวัดชลบุรี")]
[('PERSON', 'นายอำนาจ เจริญศรี'), ('LOCATION', 'จังหวัดชลบุรี')]

Retrain with ``python scripts/train_ner.py`` (needs ../shared/ner/thainer-1.5).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

MODEL_DIR = Path(__file__).resolve().parent / "models"
MODEL_PATH = MODEL_DIR / "thainer15_crf.crfsuite"
SPLITS_PATH = MODEL_DIR / "thainer15_splits.tsv"
TOKENIZER_ENGINE = "nlpo3"

# FACILITY is too close to LOCATION in ThaiNER to learn apart (and the pipeline only
# needs "a place"); AGO and T are too rare to learn at all.
LABEL_MAP = {"FACILITY": "LOCATION", "AGO": None, "T": None}
LABELS = (
    "PERSON", "ORGANIZATION", "LOCATION", "DATE", "TIME", "MONEY", "PERCENT",
    "LAW", "LEN", "PHONE", "URL", "EMAIL", "ZIP",
)  # fmt: skip

_TAG_RE = re.compile(r"\[(/?)([A-Z_]+)\]")
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
# Brackets, quotes and clause punctuation never belong to a name, but the dictionary
# tokenisers glue them onto Thai words ("(สพฐ.)", "“แค", "ท”"); , : ; between digits
# stay (1,000 / 10:30), as do hyphens inside Latin or digit runs.
_BREAK_RE = re.compile(r"""(\s+|[()\[\]{}"“”‘’'«»!?]|[,:;](?!\d)|(?<=[ก-๛])-|-(?=[ก-๛]))""")


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity; ``text == source[start:end]``; ``confidence`` is the mean
    CRF marginal probability of the span's labels."""

    label: str
    text: str
    start: int
    end: int
    confidence: float


# ---------------------------------------------------------------- ThaiNER format


def parse_inline(line: str) -> tuple[str, list[tuple[int, int, str]]]:
    """Split a ThaiNER line into plain text and (start, end, label) spans.

    >>> parse_inline("ตามที่[PERSON]นางประนอม ทองจันทร์[/PERSON] กับ")
    ('ตามที่นางประนอม ทองจันทร์ กับ', [(6, 25, 'PERSON')])
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


# ---------------------------------------------------------------- tokens


def tokenise(text: str, engine: str | None = None, splits: bool = True) -> list[str]:
    """Words of ``text`` (whitespace kept as tokens, "".join(result) == text):
    the dictionary tokeniser run between punctuation breaks, then dictionary
    compounds that often straddle an entity edge in ThaiNER cut apart
    ("ผู้ว่าราชการจังหวัด" -> "ผู้ว่าราชการ" + "จังหวัด")."""
    from pythainlp.tokenize import word_tokenize

    engine = engine or TOKENIZER_ENGINE
    table = split_table() if splits else {}
    out: list[str] = []
    for piece in _BREAK_RE.split(text):
        if not piece:
            continue
        if _BREAK_RE.fullmatch(piece):
            out.append(piece)
            continue
        for tok in word_tokenize(piece, engine=engine, keep_whitespace=True):
            cuts = table.get(tok)
            if cuts is None:
                out.append(tok)
                continue
            prev = 0
            for cut in (*cuts, len(tok)):
                out.append(tok[prev:cut])
                prev = cut
    return out


@functools.cache
def split_table() -> dict[str, tuple[int, ...]]:
    """Token -> cut positions, learnt by scripts/train_ner.py from the training data."""
    table: dict[str, tuple[int, ...]] = {}
    if not SPLITS_PATH.exists():
        return table
    for line in SPLITS_PATH.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            tok, cuts = line.split("\t")[:2]
            table[tok] = tuple(int(c) for c in cuts.split(","))
    return table


def align(text: str, tokens: Sequence[str], base: int = 0) -> list[tuple[int, int]]:
    """Character span of each token; tokens the tokeniser changed or dropped are
    located by search, and whitespace between tokens is skipped."""
    offsets = []
    pos = 0
    for tok in tokens:
        at = text.find(tok, pos) if tok else -1
        if at < 0:
            offsets.append((base + pos, base + pos))
            continue
        offsets.append((base + at, base + at + len(tok)))
        pos = at + len(tok)
    return offsets


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


# ---------------------------------------------------------------- features


def _char_class(ch: str) -> str:
    if "\u0e01" <= ch <= "\u0e2e":
        return "C"  # Thai consonant
    if "\u0e2f" <= ch <= "\u0e5b":
        return "v"  # Thai vowel, tone mark, sign
    if ch.isdigit():
        return "d"
    if ch.isascii() and ch.isalpha():
        return "A" if ch.isupper() else "a"
    if ch.isspace():
        return "_"
    return ch if unicodedata.category(ch)[0] in "PS" else "x"


@functools.lru_cache(maxsize=200_000)
def _shape(tok: str) -> str:
    out: list[str] = []
    for ch in tok:
        c = _char_class(ch)
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:8]


@functools.lru_cache(maxsize=200_000)
def _kind(tok: str) -> str:
    if tok.isspace():
        return "SP"
    if tok.isdigit():
        return "NUM"
    s = _shape(tok)
    if set(s) <= {"d", ".", ",", ":", "/", "-"}:
        return "NUMP"
    if set(s) <= {"C", "v"}:
        return "TH"
    if set(s) <= {"C", "v", "."}:
        return "THABBR"  # ดร. พล.อ. น.
    if set(s) <= {"A", "a"}:
        return "LAT"
    if len(tok) == 1:
        return "PU"
    return "MIX"


@functools.lru_cache(maxsize=200_000)
def _word(tok: str) -> str:
    if tok.isspace():
        return "<nl>" if "\n" in tok else "<sp>"
    return tok.lower()


@functools.cache
def _dictionary() -> frozenset[str]:
    from pythainlp.corpus import thai_words

    return frozenset(thai_words())


@functools.lru_cache(maxsize=200_000)
def _in_dict(tok: str) -> str:
    # unknown names come out of the dictionary tokeniser as odd fragments
    return "D" if tok in _dictionary() else "-"


@functools.lru_cache(maxsize=200_000)
def _base_features(tok: str) -> tuple[str, ...]:
    w = _word(tok)
    feats = [f"w={w}", f"s={_shape(tok)}", f"k={_kind(tok)}", f"n={min(len(tok), 8)}"]
    if _kind(tok) == "TH":
        feats.append(f"d={_in_dict(tok)}")
    if not tok.isspace():
        for n in (1, 2, 3):
            if len(tok) > n:
                feats += [f"p{n}={w[:n]}", f"x{n}={w[-n:]}"]
        if tok.endswith("."):
            feats.append("dot")
    return tuple(feats)


def sequence_features(tokens: Sequence[str]) -> list[list[str]]:
    """CRF features per token: the token's own features plus words and kinds of a
    ±2 window and the two word bigrams around it."""
    n = len(tokens)
    words = [_word(t) for t in tokens]
    kinds = [_kind(t) + _in_dict(t) for t in tokens]
    out = []
    for i in range(n):
        feats = ["bias", *_base_features(tokens[i])]
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                feats.append(f"{d}w={words[j]}")
                feats.append(f"{d}k={kinds[j]}")
            else:
                feats.append(f"{d}w=<pad>")
        if i > 0:
            feats.append(f"-1w|w={words[i - 1]}|{words[i]}")
            feats.append(f"-1k|k={kinds[i - 1]}|{kinds[i]}")
            if i > 1:
                feats.append(f"-2w|-1w={words[i - 2]}|{words[i - 1]}")
        if i + 1 < n:
            feats.append(f"w|+1w={words[i]}|{words[i + 1]}")
            feats.append(f"k|+1k={kinds[i]}|{kinds[i + 1]}")
            if i + 2 < n:
                feats.append(f"+1w|+2w={words[i + 1]}|{words[i + 2]}")
        out.append(feats)
    return out


# ---------------------------------------------------------------- tagging


@functools.cache
def _tagger():
    import pycrfsuite

    if not MODEL_PATH.exists():
        raise FileNotFoundError(f"NER model missing: {MODEL_PATH} (run scripts/train_ner.py)")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL_PATH))
    return tagger


def tag_tokens(tokens: Sequence[str]) -> tuple[list[str], list[float]]:
    """BIO label and its marginal probability for each token."""
    if not tokens:
        return [], []
    tagger = _tagger()
    labels = tagger.tag(sequence_features(tokens))
    probs = [tagger.marginal(lab, i) for i, lab in enumerate(labels)]
    return labels, probs


def _decode(
    text: str, offsets: Sequence[tuple[int, int]], labels: Sequence[str], probs: Sequence[float]
) -> list[Entity]:
    entities: list[Entity] = []
    cur: str | None = None
    first = last = 0
    score: list[float] = []

    def close() -> None:
        if cur is None:
            return
        start, end = offsets[first][0], offsets[last][1]
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            conf = round(sum(score) / len(score), 4)
            entities.append(Entity(cur, text[start:end], start, end, conf))

    for i, lab in enumerate(labels):
        tag, _, typ = lab.partition("-")
        if tag == "I" and typ == cur:
            last = i
            score.append(probs[i])
            continue
        close()
        cur = None
        if tag in ("B", "I"):  # a stray I- starts an entity, as in seqeval
            cur, first, last, score = typ, i, i, [probs[i]]
    close()
    return entities


def recognise(text: str, tokens: list[str] | None = None) -> list[Entity]:
    """Named entities in ``text``; ``tokens`` (in text order, whitespace tokens
    optional) saves re-tokenising when the caller already has them.

    >>> recognise("นายอำนาจ เจริญศรี รองผู้ว่าราชการจังหวัดชลบุรี")[0]
    Entity(label='PERSON', text='นายอำนาจ เจริญศรี', start=0, end=17, confidence=...)
    """
    if not text.strip():
        return []
    if tokens is None:
        tokens = tokenise(text)
    offsets = align(text, tokens)
    labels, probs = tag_tokens(tokens)
    return _decode(text, offsets, labels, probs)


def recognise_spans(text: str, spans: Iterable[tuple[int, int]]) -> list[Entity]:
    """Entities inside the given (start, end) windows of ``text`` only, with offsets
    into the whole ``text``; overlapping windows are merged first, so a cheap caller
    can tag the sentences around a trigger instead of the whole document."""
    merged: list[list[int]] = []
    for start, end in sorted((max(0, s), min(len(text), e)) for s, e in spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        elif end > start:
            merged.append([start, end])
    found: list[Entity] = []
    for start, end in merged:
        for e in recognise(text[start:end]):
            found.append(Entity(e.label, e.text, e.start + start, e.end + start, e.confidence))
    return found


# ---------------------------------------------------------------- evaluation


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
