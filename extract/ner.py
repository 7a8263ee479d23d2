"""Thai named-entity recognition with a CRF trained on ThaiNER 1.5.

The model (``extract/models/thainer15_crf.crfsuite``, CC BY 3.0 data, see
``extract/models/ATTRIBUTION.md``) tags words produced by the nlpo3 tokeniser with
BIO labels; spans come back as character offsets into the caller's text. Besides word,
shape and window features, each token carries longest-match tags from the project's
lexicons (honorifics, positions, provinces, districts, places, agencies and their
acronyms, months, countries: ``ner_training.GAZETTEERS``). ``as_spacy_component`` wraps
the same model as the spaCy component ``thai_crf_ner``. This module is inference only; the
ThaiNER file format, the training gazetteer and evaluation are in ``ner_training.py``.

>>> [(e.label, e.text) for e in recognise("นายอำนาจ เจริญศรี รองผู้ว่าราชการจังหวัดชลบุรี")]
[('PERSON', 'นายอำนาจ เจริญศรี'), ('LOCATION', 'จังหวัดชลบุรี')]

Retrain with ``python scripts/train_ner.py`` (needs ../shared/ner/thainer-1.5).
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .settings import MODELS_DIR as MODEL_DIR
from .thai import common_words

MODEL_PATH = MODEL_DIR / "thainer15_crf.crfsuite"
SPLITS_PATH = MODEL_DIR / "thainer15_splits.tsv"
# The lexicon names the model was trained with: frozen beside the model, so that later
# edits to patterns/ cannot shift its features (retraining refreshes it).
GAZETTEER_PATH = MODEL_DIR / "thainer15_gazetteer.tsv"
TOKENIZER_ENGINE = "nlpo3"


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


# ---------------------------------------------------------------- gazetteers


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
        from .ner_training import lexicon_gazetteer

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


@functools.lru_cache(maxsize=200_000)
def _in_dict(tok: str) -> str:
    # unknown names come out of the dictionary tokeniser as odd fragments
    return "D" if tok in common_words() else "-"


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
