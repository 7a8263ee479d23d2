"""Train spaCy's own NER on ThaiNER 1.5 with the CRF's tokens, to compare with the CRF.

    python scripts/train_spacy_ner.py                     # ~12 min cap, prints F1 and chars/s
    python scripts/train_spacy_ner.py --minutes 3 --out /tmp/thainer_spacy

The corpus is converted to spaCy DocBin files with exactly the tokens the CRF sees
(nlpo3 + learnt splits, training text cut at gold entity edges), a blank "th" pipeline
with only ``tok2vec`` + ``ner`` is built from spaCy's CPU "efficiency" config with the
nlpo3 tokenizer in place of pythainlp's, trained on 90 % of train.txt (the rest picks the
best checkpoint), and scored on test.txt with ``extract.ner_training.score_spans``, the scorer of
``ner_training.evaluate``, re-tokenised as at run time. Nothing is downloaded; the model is not
shipped (see extract/models/NER.md for the comparison).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from extract import ner, ner_training  # noqa: E402

DATA = REPO.parent / "shared" / "ner" / "thainer-1.5"
TOKENIZER = "thai_extract.nlpo3_tokenizer.v1"


def register_tokenizer() -> None:
    """Make the nlpo3 tokenizer available to spaCy configs (idempotent)."""
    from spacy.util import registry

    if TOKENIZER not in registry.tokenizers:
        registry.tokenizers.register(TOKENIZER, func=lambda: lambda nlp: ner.Nlpo3Tokenizer(nlp.vocab))


def spacy_config():
    """spaCy's ``init config --lang th --pipeline ner --optimize efficiency`` (CPU)
    with the nlpo3 tokenizer."""
    from spacy.cli.init_config import init_config

    config = init_config(lang="th", pipeline=["ner"], optimize="efficiency", gpu=False)
    config["nlp"]["tokenizer"] = {"@tokenizers": TOKENIZER}
    return config


def gold_doc(vocab, text: str, spans: list[tuple[int, int, str]]):
    """Doc cut at the gold entity edges (as the CRF is trained) with the gold ents."""
    tokens = ner_training.tokenise_aligned(text, spans)[0]
    doc = ner.spacy_doc(vocab, text, tokens)
    ents = []
    for start, end, label in sorted(spans):
        span = doc.char_span(start, end, label=label, alignment_mode="strict")
        if span is not None and (not ents or span.start >= ents[-1].end):
            ents.append(span)
    doc.ents = ents
    return doc


def to_docbin(nlp, rows, path: Path) -> list:
    from spacy.tokens import DocBin

    docs = [gold_doc(nlp.vocab, text, spans) for text, spans in rows]
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=False).to_disk(path)
    return docs


def _examples(nlp, docs):
    from spacy.tokens import Doc
    from spacy.training import Example

    return [
        Example(Doc(nlp.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d]), d) for d in docs
    ]


def score(nlp, rows, batch_size: int = 64) -> tuple[dict[str, dict[str, float]], float]:
    """``ner_training.evaluate``-style result on (text, spans) rows, texts tokenised as at run
    time, and the end-to-end speed in characters per second (tokenising included)."""
    tp: Counter = Counter()
    gold: Counter = Counter()
    pred: Counter = Counter()
    t0 = time.perf_counter()
    docs = nlp.pipe((text for text, _ in rows), batch_size=batch_size)
    for (_, spans), doc in zip(rows, docs, strict=True):
        found = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        t, g, p = ner_training.score_spans(spans, found)
        tp += t
        gold += g
        pred += p
    secs = time.perf_counter() - t0
    result = {lab: ner_training._prf(tp[lab], gold[lab], pred[lab]) for lab in sorted(gold | pred)}
    result["micro"] = ner_training._prf(sum(tp.values()), sum(gold.values()), sum(pred.values()))
    return result, sum(len(text) for text, _ in rows) / secs


def crf_speed(rows) -> float:
    """Characters per second of ``ner.recognise`` (tokenising included)."""
    ner.recognise(rows[0][0])  # load the model outside the clock
    t0 = time.perf_counter()
    for text, _ in rows:
        ner.recognise(text)
    return sum(len(text) for text, _ in rows) / (time.perf_counter() - t0)


def train(nlp, train_docs, dev_rows, minutes: float, max_epochs: int, seed: int) -> tuple[bytes, float, int]:
    """spaCy's update loop (config batcher, optimizer and dropout) under a wall-clock
    cap; the weights that score best on ``dev_rows`` are kept."""
    from spacy.schemas import ConfigSchemaTraining
    from spacy.util import fix_random_seed, registry

    fix_random_seed(seed)
    T = registry.resolve(nlp.config.interpolate()["training"], schema=ConfigSchemaTraining)
    examples = _examples(nlp, train_docs)
    optimizer = nlp.initialize(lambda: examples)
    best, best_f1, step = nlp.to_bytes(), -1.0, 0
    deadline = time.perf_counter() + minutes * 60
    rng = random.Random(seed)
    for epoch in range(1, max_epochs + 1):
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in T["batcher"](examples):
            nlp.update(batch, drop=T["dropout"], sgd=optimizer, losses=losses)
            step += 1
            if time.perf_counter() > deadline:
                break
        f1 = score(nlp, dev_rows)[0]["micro"]["f1"]
        print(f"epoch {epoch:>2} step {step:>5} loss {losses.get('ner', 0):9.1f} dev F1 {f1:.3f}", flush=True)
        if f1 > best_f1:
            best, best_f1 = nlp.to_bytes(), f1
        if time.perf_counter() > deadline:
            break
    return best, best_f1, step


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--out", type=Path, default=Path("/tmp/thainer_spacy"), help="DocBins and the model go here")
    ap.add_argument("--minutes", type=float, default=12.0, help="wall-clock cap on training")
    ap.add_argument("--max-epochs", type=int, default=30)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    import spacy

    register_tokenizer()
    config = spacy_config()
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    rows = ner_training.read_inline(args.data / "train.txt")
    test_rows = ner_training.read_inline(args.data / "test.txt")
    cut = len(rows) * 9 // 10
    t0 = time.perf_counter()
    train_docs = to_docbin(nlp, rows[:cut], args.out / "train.spacy")
    to_docbin(nlp, rows[cut:], args.out / "dev.spacy")
    to_docbin(nlp, test_rows, args.out / "test.spacy")
    print(f"DocBins in {args.out} ({time.perf_counter() - t0:.0f} s)")

    t1 = time.perf_counter()
    best, dev_f1, steps = train(nlp, train_docs, rows[cut:], args.minutes, args.max_epochs, args.seed)
    train_secs = time.perf_counter() - t1
    nlp.from_bytes(best)
    nlp.to_disk(args.out / "model-best")
    print(f"trained in {train_secs / 60:.1f} min ({steps} steps), best dev F1 {dev_f1:.3f}")

    result, speed = score(nlp, test_rows)
    print(ner_training.format_eval(result))
    crf = crf_speed(test_rows)
    print(f"spaCy: micro F1 {result['micro']['f1']:.3f}, {speed:,.0f} chars/s; CRF: {crf:,.0f} chars/s")


if __name__ == "__main__":
    main()
