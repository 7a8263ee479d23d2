"""A learned ranker over participant-count candidates, under grouped cross-validation (issue 15).

    python scripts/count_ranker.py [--softmax] [--rule-feature] [--l2 1.0] [--threshold 0.5] [--nested] [--show]
    python scripts/count_ranker.py --bulk ../shared/corpus/bulk/thaigov_bulk.jsonl.zst --limit 1500

Candidates: every count of people ``extract.counts.find_counts`` parses in an article's body
(numbers with คน/ท่าน/ราย/นาย/รูป, words and multipliers, qualifiers), each described by cue
words around it (participant nouns and verbs, attendance verbs in its sentence, crowd nouns,
target/quota/forecast/beneficiary/per-unit words, police, past and total words), its place in
the article (first, rank, paragraph, distance to the event's date and to the first event cue),
qualifier, unit and size. A logistic regression (plain numpy, L2) scores each candidate as
"this is the main event's participants"; the article's count is the best candidate when its
probability reaches the threshold, else none.

Evaluated leave-one-group-out over {seeds+dev, dev2 gov, dev2 web, dev2 nnt}: trained on three
groups, scored on the fourth, comparing participants F1 of (a) the current rules (the events
table), (b) the ranker alone, (c) the cue rules (``best_count``) then the ranker as fallback;
``--nested`` picks l2 and the threshold for each held-out group by the same leave-one-group-out
over the other three, so no figure is tuned on the group it scores.
Never reads dev3.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from count_baselines import Doc, f1, first_kon, load_docs  # noqa: E402

from extract import counts as C  # noqa: E402
from extract.clean import THAIGOV_PREFIX  # noqa: E402
from extract.event_type import NONE as NO_TYPE  # noqa: E402
from extract.event_type import _cue_re as event_cue_re  # noqa: E402
from extract.event_type import _cues as event_cues  # noqa: E402

FOLDS = {"seeds": "seeds+dev", "dev": "seeds+dev", "dev2 gov": "dev2 gov", "dev2 web": "dev2 web",
         "dev2 nnt": "dev2 nnt"}

ATTEND = re.compile(r"เข้าร่วม|ร่วมงาน|ร่วมกิจกรรม|ร่วมพิธี|ร่วมประชุม|เข้าประชุม|เข้าอบรม|เข้ารับการอบรม|มาร่วม|ร่วมกัน")
CROWD = re.compile(r"ผู้ชุมนุม|ผู้ประท้วง|มวลชน|ฝูงชน|ประชาชน|ชาวบ้าน|ผู้คน|นักวิ่ง|ผู้ร่วมชุมนุม")
TARGET = re.compile(r"เป้าหมาย|ตั้งเป้า|คาดว่า|คาดการณ์|โควตา|จะมี|รับสมัคร|ไม่เกิน|จำกัด")
PER_UNIT = re.compile(r"(?<!แ)ละ\s*(?:จำนวน\s*)?$|เฉลี่ย|ต่อ(?:รุ่น|ครั้ง|วัน|ปี)|ปีละ|ครั้งละ|รุ่นละ")
BENEFIT = re.compile(r"ได้รับประโยชน์|ผู้รับประโยชน์|ช่วยเหลือ|มอบ|แจก|ผู้ประสบ|ได้รับผลกระทบ")
POLICE = re.compile(r"ตำรวจ|ทหาร|กำลังพล|กำลังเจ้าหน้าที่|รักษาความปลอดภัย|ควบคุม")
PAST = re.compile(r"ที่ผ่านมา|ปีที่แล้ว|ปีก่อน|ครั้งก่อน|สะสม|ทั่วประเทศ|แต่ละครั้ง|ปีงบประมาณ")
TOTAL = re.compile(r"รวม|ทั้งสิ้น|ทั้งหมด")
UNITS = ("คน", "ท่าน", "ราย", "นาย", "รูป")


def _trigger(body: str, offset: int) -> int | None:
    """Offset of the first event cue ("ประชุม", "ชุมนุม", "พิธี" ...) in the body's lead."""
    for m in event_cue_re().finditer(body, offset, offset + 1500):
        if event_cues()[m.group().casefold()][0] != NO_TYPE:
            return m.start()
    return None


def _bucket(name: str, value: float, edges: tuple[float, ...]) -> str:
    for edge in edges:
        if value < edge:
            return f"{name}<{edge:g}"
    return f"{name}>={edges[-1]:g}"


_FEATURES: dict[int, list[tuple[C.Count, dict[str, float]]]] = {}


def candidate_features(doc: Doc) -> list[tuple[C.Count, dict[str, float]]]:
    """(count, features) for every parsed count in the article's body (fresh copies, computed once)."""
    if id(doc) not in _FEATURES:
        _FEATURES[id(doc)] = _candidate_features(doc)
    return [(c, dict(f)) for c, f in _FEATURES[id(doc)]]


def _candidate_features(doc: Doc) -> list[tuple[C.Count, dict[str, float]]]:
    a = doc.analysis
    text, start = a.cleaned.text, a.cleaned.body_start
    counts = [c for c in a.found.counts if c.start >= start]
    date = next((e for e in a.events[0].evidence if e["field"] == "date"), None)
    trigger = _trigger(text, start)
    thaigov = bool(THAIGOV_PREFIX.match(text.lstrip("\ufeff")))
    out = []
    seen_kon = False
    for rank, c in enumerate(counts):
        line0 = text.rfind("\n", 0, c.start) + 1
        before = text[max(line0, c.start - 150) : c.start]
        near = before[-40:]
        after = text[c.end : c.end + 30].split("\n")[0]
        unit = next(u for u in UNITS if c.text.rstrip().endswith(u))
        f = {"bias": 1.0, f"unit={unit}": 1.0, f"qual={c.qualifier}": 1.0,
             _bucket("size", c.value, (10, 100, 1000, 10000)): 1.0,
             _bucket("rank", rank, (1, 2, 4)): 1.0,
             _bucket("para", text.count("\n", start, c.start), (1, 3, 6)): 1.0,
             _bucket("pos", (c.start - start) / max(1, len(text) - start), (0.2, 0.5)): 1.0,
             "thaigov": float(thaigov)}
        if unit == "คน" and not seen_kon:
            f["first_kon"] = 1.0
            seen_kon = True
        if date is None:
            f["no_date"] = 1.0
        else:
            d = c.start - date["start"]
            f[_bucket("date_after" if d >= 0 else "date_before", abs(d), (200, 800, 2000))] = 1.0
        if trigger is not None:
            f[_bucket("trigger", abs(c.start - trigger), (200, 800, 2000))] = 1.0
        kinds = C._nearest_before(before)
        for kind in ("participant", "agent", "not_taking_part", "client", "total", "past", "ago", "future", "present"):
            if kind in kinds:
                f[f"cue_{kind}_" + ("near" if kinds[kind][0] <= 40 else "far")] = 1.0
        verb = C._first_after(after)
        if verb is not None:
            f[f"verb_{verb.kind}"] = 1.0
        sentence = before[-100:] + after
        for name, pattern, window in (("attend", ATTEND, sentence), ("crowd", CROWD, near),
                                      ("target", TARGET, before[-60:]), ("per_unit", PER_UNIT, near),
                                      ("benefit", BENEFIT, near), ("police", POLICE, near[-25:]),
                                      ("past", PAST, before[-80:]), ("total", TOTAL, near[-15:])):
            if pattern.search(window):
                f[f"w_{name}"] = 1.0
        if re.match(r"\s*(?:ต่อ|/)", after):
            f["w_ratio_after"] = 1.0
        f["rule_conf"] = c.confidence
        out.append((c, f))
    return out


def design(docs: list[Doc], names: list[str] | None, rule_feature: bool):
    rows, labels, owner = [], [], []
    for i, d in enumerate(docs):
        for c, f in candidate_features(d):
            if not rule_feature:
                f.pop("rule_conf")
            rows.append(f)
            labels.append(float(d.gold is not None and c.value == d.gold))
            owner.append(i)
    if names is None:
        names = sorted({k for r in rows for k in r})
    x = np.array([[r.get(n, 0.0) for n in names] for r in rows]) if rows else np.zeros((0, len(names)))
    return x, np.array(labels), np.array(owner), names


def train(x: np.ndarray, y: np.ndarray, names: list[str], l2: float, steps: int = 3000) -> np.ndarray:
    """L2-regularised logistic regression by full-batch gradient descent (the bias unpenalised)."""
    w = np.zeros(x.shape[1])
    penalty = np.array([0.0 if n == "bias" else l2 for n in names])
    lr = 0.5
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) / len(y) + penalty * w / len(y)
        w -= lr * grad
    return w


def _groups(docs: list[Doc], names: list[str], rule_feature: bool):
    """Per article: its candidates' feature matrix (the none option last, its own features
    none, none+thaigov) and the index set of the right options."""
    out = []
    for d in docs:
        feats = candidate_features(d)
        rows, right = [], []
        for k, (c, f) in enumerate(feats):
            if not rule_feature:
                f.pop("rule_conf")
            rows.append([f.get(n, 0.0) for n in names])
            if d.gold is not None and c.value == d.gold:
                right.append(k)
        thaigov = bool(THAIGOV_PREFIX.match(d.text.lstrip("\ufeff")))
        rows.append([1.0 if n == "none" else float(thaigov) if n == "none_thaigov" else 0.0 for n in names])
        out.append((d, feats, np.array(rows), right or [len(rows) - 1]))
    return out


def train_softmax(docs: list[Doc], l2: float, rule_feature: bool, steps: int = 3000):
    """A conditional logit over each article's candidates and its none option."""
    x, _, _, names = design(docs, None, rule_feature)
    names = names + ["none", "none_thaigov"]
    data = _groups(docs, names, rule_feature)
    w = np.zeros(len(names))
    for _ in range(steps):
        grad = l2 * w
        for _, _, m, right in data:
            z = m @ w
            p = np.exp(z - z.max())
            p /= p.sum()
            q = np.zeros_like(p)
            q[right] = p[right] / p[right].sum()
            grad += m.T @ (p - q)
        w -= 0.5 * grad / len(data)
    return w, names


def predict_softmax(docs: list[Doc], w: np.ndarray, names: list[str], rule_feature: bool):
    out = []
    for _, feats, m, _ in _groups(docs, names, rule_feature):
        k = int(np.argmax(m @ w))
        out.append((feats[k][0], 1.0) if k < len(feats) else None)
    return out


def predict(docs: list[Doc], w: np.ndarray, names: list[str], threshold: float, rule_feature: bool):
    """Per article: the ranker's count (value) or None, and its probability."""
    out = []
    for d in docs:
        best = None
        for c, f in candidate_features(d):
            if not rule_feature:
                f.pop("rule_conf")
            z = sum(w[names.index(k)] * v for k, v in f.items() if k in names)
            p = 1 / (1 + math.exp(-z))
            if best is None or p > best[1]:
                best = (c, p)
        out.append(best if best and best[1] >= threshold else None)
    return out


def cue_rules(d: Doc) -> int | None:
    a = d.analysis
    region = [c for c in a.found.counts if c.start >= a.cleaned.body_start]
    best = C.best_count(region)
    return best.value if best else None


def bulk_canary(docs: list[Doc], args: argparse.Namespace) -> None:
    """Trained on every group: on the first ``--limit`` records of ``--bulk``, how many main events
    have a count from the rules, and how many more the ranker adds where the cue rules find none
    (with a sample of those to read)."""
    import json
    import random

    from extract.analyse import analyse

    if args.softmax:
        w, names = train_softmax(docs, args.l2, args.rule_feature)
    else:
        x, y, _, names = design(docs, None, args.rule_feature)
        w = train(x, y, names, args.l2)
    n = rules = 0
    added = []
    opener = __import__("zstandard").open if args.bulk.suffix == ".zst" else open
    with opener(args.bulk, "rt", encoding="utf-8") as f:
        for line, _ in zip(f, range(args.limit), strict=False):
            text = json.loads(line).get("text") or ""
            if not text.strip():
                continue
            d = Doc("bulk", "", text, None, analyse(text))
            n += 1
            rules += d.analysis.events[0].participants is not None
            if cue_rules(d) is None:
                r = (predict_softmax([d], w, names, args.rule_feature) if args.softmax
                     else predict([d], w, names, args.threshold, args.rule_feature))[0]
                if r:
                    body = d.analysis.cleaned.text
                    added.append(f"{r[0].value}: ...{body[max(0, r[0].start - 120) : r[0].end + 40]}...")
    print(f"bulk: {n} articles, {rules} with a count from the rules, {len(added)} more from the ranker fallback")
    for line in random.Random(0).sample(added, min(14, len(added))):
        print("  ", line.replace("\n", " / "))


GRID = [(l2, t) for l2 in (0.1, 1.0, 5.0, 20.0) for t in (0.3, 0.5, 0.7)]


def fit_predict(trainset: list[Doc], test: list[Doc], l2: float, threshold: float, args: argparse.Namespace):
    if args.softmax:
        w, names = train_softmax(trainset, l2, args.rule_feature)
        return predict_softmax(test, w, names, args.rule_feature)
    x, y, _, names = design(trainset, None, args.rule_feature)
    w = train(x, y, names, l2)
    return predict(test, w, names, threshold, args.rule_feature)


def with_fallback(test: list[Doc], ranked) -> list[tuple[int | None, int | None]]:
    """(gold, predicted) with the cue rules first and the ranker where they find nothing."""
    return [(d.gold, cue_rules(d) if cue_rules(d) is not None else (r[0].value if r else None))
            for d, r in zip(test, ranked, strict=True)]


def choose(trainset: list[Doc], args: argparse.Namespace) -> tuple[float, float]:
    """The (l2, threshold) of GRID with the best mean fallback F1 leaving out each group of
    ``trainset`` in turn: chosen without the outer held-out group."""
    folds = sorted({FOLDS[d.group] for d in trainset})
    best, best_score = GRID[0], -1.0
    for l2, t in GRID if not args.softmax else [(l2, 0.5) for l2 in (0.1, 1.0, 5.0, 20.0)]:
        scores = []
        for fold in folds:
            inner_test = [d for d in trainset if FOLDS[d.group] == fold]
            inner_train = [d for d in trainset if FOLDS[d.group] != fold]
            scores.append(f1(with_fallback(inner_test, fit_predict(inner_train, inner_test, l2, t, args))))
        if sum(scores) / len(scores) > best_score:
            best, best_score = (l2, t), sum(scores) / len(scores)
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rule-feature", action="store_true", help="give the rules' confidence to the ranker too")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--show", action="store_true", help="list the held-out articles where the methods differ")
    ap.add_argument("--softmax", action="store_true", help="a conditional logit over each article's options")
    ap.add_argument("--bulk", type=Path, help="also train on every group and apply the fallback to this JSON Lines file")
    ap.add_argument("--limit", type=int, default=1500, help="records of --bulk read (default 1500)")
    ap.add_argument("--nested", action="store_true",
                    help="choose l2 and threshold per held-out group by an inner leave-one-group-out on the other three")
    ap.add_argument("--weights", action="store_true", help="print the weights trained on every group")
    args = ap.parse_args()
    docs = load_docs()
    folds = sorted(set(FOLDS.values()), key=list(FOLDS.values()).index)
    print("| held-out group | articles | with a count | (a) rules | (b) ranker | (c) cue rules + ranker "
          "| first N คน |")
    print("|---|---|---|---|---|---|---|")
    totals = {"a": [], "b": [], "c": [], "first": []}
    for fold in folds:
        test = [d for d in docs if FOLDS[d.group] == fold]
        trainset = [d for d in docs if FOLDS[d.group] != fold]
        l2, threshold = (choose(trainset, args) if args.nested else (args.l2, args.threshold))
        if args.nested:
            print(f"|   (chosen on the other three groups: l2 {l2:g}, threshold {threshold:g}) | | | | | | |")
        ranked = fit_predict(trainset, test, l2, threshold, args)
        a = [(d.gold, d.analysis.events[0].participants) for d in test]
        b = [(d.gold, r[0].value if r else None) for d, r in zip(test, ranked, strict=True)]
        c = with_fallback(test, ranked)
        first = [(d.gold, first_kon(d.analysis.cleaned.text[d.analysis.cleaned.body_start :], False)) for d in test]
        scores = [f1(a), f1(b), f1(c), f1(first)]
        for k, s in zip(totals, scores, strict=True):
            totals[k].append(s)
        print(f"| {fold} | {len(test)} | {sum(d.gold is not None for d in test)} | "
              + " | ".join(f"{s:.3f}" for s in scores) + " |")
        if args.show:
            for d, (_, pa), (_, pb), (_, pc) in zip(test, a, b, c, strict=True):
                if len({d.gold, pa, pb, pc}) > 1:
                    print(f"    {d.name}: gold {d.gold} rules {pa} ranker {pb} cue+ranker {pc}")
    print("| mean | | | " + " | ".join(f"{sum(v) / len(v):.3f}" for v in totals.values()) + " |")
    if args.bulk:
        bulk_canary(docs, args)
    if args.weights:
        x, y, _, names = design(docs, None, args.rule_feature)
        w = train(x, y, names, args.l2)
        for n, v in sorted(zip(names, w, strict=True), key=lambda t: -abs(t[1])):
            print(f"{n:24} {v:+.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
