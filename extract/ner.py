"""Thai named-entity recognition with a CRF trained on ThaiNER 1.5.

The model (``extract/models/thainer15_crf.crfsuite``, CC BY 3.0 data, see
``extract/models/ATTRIBUTION.md``) tags words produced by the nlpo3 tokeniser with
BIO labels; spans come back as character offsets into the caller's text. Besides word,
shape and window features, each token carries longest-match tags from the project's
lexicons (honorifics, positions, provinces, districts, places, agencies and their
acronyms, months, countries: ``GAZETTEERS``). ``as_spacy_component`` wraps the same
model as the spaCy component ``thai_crf_ner``.

>>> [(e.label, e.text) for e in recognise("นายอำนาจ เจริญศรี รองผู้ว่าราชการจังหวัดชลบุรี")]
[('PERSON', 'นายอำนาจ เจริญศรี'), ('LOCATION', 'จังหวัดชลบุรี')]

Retrain with ``python scripts/train_ner.py`` (needs ../shared/ner/thainer-1.5).
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .settings import MODELS_DIR as MODEL_DIR

MODEL_PATH = MODEL_DIR / "thainer15_crf.crfsuite"
SPLITS_PATH = MODEL_DIR / "thainer15_splits.tsv"
# The lexicon names the model was trained with: frozen beside the model, so that later
# edits to patterns/ cannot shift its features (retraining refreshes it).
GAZETTEER_PATH = MODEL_DIR / "thainer15_gazetteer.tsv"
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
_OPENERS = frozenset('("“‘«[')
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


# ---------------------------------------------------------------- gazetteers

# (lexicon file in patterns/, gazetteer type, columns holding names, separator inside a
# cell): the project's own lexicons, so the CRF learns how far to trust each list
# rather than memorising the names the training text happens to contain.
GAZETTEERS: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    ("honorifics.csv", "HON", ("form", "full_form"), ""),
    ("positions.txt", "POS", (), ""),
    ("provinces.csv", "PRV", ("name_th", "aliases"), "|"),
    ("places.csv", "ADM", ("name",), ""),
    ("known_places.csv", "KNP", ("name",), ""),
    ("agencies.csv", "AGY", ("canonical", "aliases"), ";"),
    ("agencies.csv", "ACR", ("acronyms",), ";"),
    ("months.tsv", "MON", ("form",), ""),
    ("foreign_countries.txt", "CTY", (), ""),
    ("foreign_cities.txt", "CTY", (), ""),
)  # fmt: skip
_HEADERLESS = {"known_places.csv": ("name", "province", "kind"), "months.tsv": ("form", "month")}


def _lexicon_names(name: str, columns: tuple[str, ...], sep: str) -> set[str]:
    from extract.lexicons import read_table, read_words

    if not columns:
        return {w for w in read_words(name) if w}
    rows = read_table(name)
    header = _HEADERLESS.get(name)
    if header is None:
        header, rows = rows[0], rows[1:]
    idx = [header.index(c) for c in columns]
    out: set[str] = set()
    for row in rows:
        for i in idx:
            cell = row[i] if i < len(row) else ""
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


@functools.cache
def gazetteer() -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """Name -> gazetteer types, and every prefix of every name (to stop a scan early)."""
    if GAZETTEER_PATH.exists() and not os.environ.get("THAI_EXTRACT_LIVE_GAZETTEER"):
        types: dict[str, set[str]] = {}
        for line in GAZETTEER_PATH.read_text(encoding="utf-8").splitlines():
            name, _, kinds = line.partition("\t")
            if name:
                types[name] = set(kinds.split(","))
    else:
        types = lexicon_gazetteer()
    prefixes = frozenset(e[:k] for e in types for k in range(1, len(e) + 1))
    return {e: frozenset(t) for e, t in types.items()}, prefixes


def gazetteer_tags(tokens: Sequence[str]) -> list[list[str]]:
    """Per token, ``B-TYPE``/``I-TYPE`` of the longest lexicon name of each type that
    starts and ends on token boundaries (whitespace inside a name must match);
    lists overlap with plain words (อำนาจ is also a subdistrict), the CRF weighs them.

    >>> gazetteer_tags(["นาย", "อำนาจ", " ", "จังหวัด", "ชลบุรี"])
    [['B-HON'], ['B-ADM'], [], [], ['B-PRV']]
    """
    entries, prefixes = gazetteer()
    n = len(tokens)
    tags: list[list[str]] = [[] for _ in range(n)]
    covered: dict[str, int] = {}  # type -> first token index it may start again
    for i in range(n):
        if tokens[i].isspace():
            continue
        best: dict[str, int] = {}
        s = ""
        for j in range(i, n):
            s += tokens[j]
            if s not in prefixes:
                break
            for typ in entries.get(s, ()):
                best[typ] = j
        for typ, j in best.items():
            if covered.get(typ, 0) > i:
                continue
            tags[i].append(f"B-{typ}")
            for k in range(i + 1, j + 1):
                tags[k].append(f"I-{typ}")
            covered[typ] = j + 1
    return tags


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
    _add_gazetteer_features(tokens, out)
    return out


def _add_gazetteer_features(tokens: Sequence[str], out: list[list[str]]) -> None:
    # neighbours are the nearest non-space tokens: a space separates honorific+name
    # from the surname and a position from its agency
    tags = gazetteer_tags(tokens)
    solid = [i for i, t in enumerate(tokens) if not t.isspace()]
    for pos, i in enumerate(solid):
        feats = out[i]
        feats += [f"g={t}" for t in tags[i]]
        for d in (-1, 1):
            if 0 <= pos + d < len(solid):
                j = solid[pos + d]
                feats += [f"{d}g={t}" for t in tags[j]] or [f"{d}g=O"]
        if pos > 0 and tokens[solid[pos - 1]] in _OPENERS:
            feats.append("after_open")


# ---------------------------------------------------------------- tagging


@functools.cache
def load_model():
    """The CRF tagger, loaded once per process."""
    import pycrfsuite

    if not MODEL_PATH.exists():
        raise FileNotFoundError(f"NER model missing: {MODEL_PATH} (run scripts/train_ner.py)")
    tagger = pycrfsuite.Tagger()
    try:
        tagger.open(str(MODEL_PATH))
    except Exception as e:  # pycrfsuite raises a bare ValueError/OSError without the path
        raise OSError(f"NER model {MODEL_PATH} does not load: {e}") from e
    return tagger


def tag_tokens(tokens: Sequence[str]) -> tuple[list[str], list[float]]:
    """BIO label and its marginal probability for each token."""
    if not tokens:
        return [], []
    tagger = load_model()
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


# ---------------------------------------------------------------- spaCy

SPACY_FACTORY = "thai_crf_ner"


def spacy_words(text: str, tokens: Sequence[str]) -> tuple[list[str], list[bool]]:
    """spaCy ``words``/``spaces`` for ``text`` cut into ``tokens``: a single space after
    a word becomes its trailing-space flag, other whitespace stays a token."""
    from spacy.util import get_words_and_spaces

    return get_words_and_spaces([t for t in tokens if not t.isspace()], text)


def spacy_doc(vocab, text: str, tokens: Sequence[str] | None = None):
    """A spaCy ``Doc`` of ``text`` cut as the pipeline cuts it (nlpo3 + learnt splits)."""
    from spacy.tokens import Doc

    words, spaces = spacy_words(text, tokenise(text) if tokens is None else tokens)
    return Doc(vocab, words=words, spaces=spaces)


class Nlpo3Tokenizer:
    """spaCy tokenizer giving the CRF's own tokens, so no pythainlp model is needed."""

    def __init__(self, vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str):
        return spacy_doc(self.vocab, text)

    # stateless: these let nlp.to_disk / to_bytes save a pipeline that uses it
    def to_bytes(self, **_kw) -> bytes:
        return b""

    def from_bytes(self, _data: bytes, **_kw) -> Nlpo3Tokenizer:
        return self

    def to_disk(self, _path, **_kw) -> None:
        pass

    def from_disk(self, _path, **_kw) -> Nlpo3Tokenizer:
        return self


def _set_ents(doc):
    # the spaCy tokens (with their trailing spaces) are the CRF's tokens, so spans
    # fall on token edges unless a foreign tokenizer cut the words differently
    tokens: list[str] = []
    for tok in doc:
        tokens += [t for t in (tok.text, tok.whitespace_) if t]
    spans = []
    for e in recognise(doc.text, tokens):
        span = doc.char_span(e.start, e.end, label=e.label, alignment_mode="expand")
        if span is not None and (not spans or span.start >= spans[-1].end):
            spans.append(span)
    doc.ents = spans
    return doc


def as_spacy_component(nlp=None, tokenizer: bool = True):
    """Register the shipped CRF as spaCy factory ``thai_crf_ner`` and add it to ``nlp``
    (a blank multi-language pipeline when None), with the nlpo3 tokenizer unless
    ``tokenizer`` is False; returns the pipeline.

    >>> doc = as_spacy_component()("นายอำนาจ เจริญศรี รองผู้ว่าราชการจังหวัดชลบุรี")
    >>> [(e.label_, e.text) for e in doc.ents]
    [('PERSON', 'นายอำนาจ เจริญศรี'), ('LOCATION', 'จังหวัดชลบุรี')]
    """
    import spacy
    from spacy.language import Language

    if not Language.has_factory(SPACY_FACTORY):
        Language.factory(SPACY_FACTORY, func=lambda nlp, name: _set_ents)
    if nlp is None:
        nlp = spacy.blank("xx")
    if tokenizer:
        nlp.tokenizer = Nlpo3Tokenizer(nlp.vocab)
    if SPACY_FACTORY not in nlp.pipe_names:
        nlp.add_pipe(SPACY_FACTORY)
    return nlp


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
