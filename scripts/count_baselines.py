"""Participants F1 per group for the pipeline and two plain baselines (issue 15, item 3).

    python scripts/count_baselines.py

Groups: seeds, dev, dev2 gov/web/nnt (never dev3). For each gold article it runs this
checkout's ``analyse`` and scores, as ``../shared/gold/score.py`` does (main event only: a
right count is a tp, a wrong one a fp and a fn), three ways of choosing the count:

* pipeline: what the events table holds (``best_count``, then ``plain_count`` off thaigov);
* first: the first "N คน" of the article's body;
* first-no-target: the first "N คน" with no target, quota, forecast, beneficiary or per-unit
  word next to it (``TARGET_BEFORE`` / ``TARGET_AFTER`` below).
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from extract.analyse import Analysis, analyse  # noqa: E402

SHARED = REPO.parent / "shared"
GROUPS = [("seeds", SHARED / "seeds", "seeds.jsonl", ""),
          ("dev", SHARED / "corpus" / "dev", "dev.jsonl", ""),
          ("dev2 gov", SHARED / "corpus" / "dev2", "dev2.jsonl", "gov_"),
          ("dev2 web", SHARED / "corpus" / "dev2", "dev2.jsonl", "web_"),
          ("dev2 nnt", SHARED / "corpus" / "dev2", "dev2.jsonl", "nnt_")]

# "1,200 คน", "1.2 หมื่นคน", "กว่า 300 คน": a number, an optional multiplier word, then คน.
FIRST_KON = re.compile(r"(?<![\d,.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(หมื่น|พัน|แสน|ล้าน|ร้อย)?\s*คน(?!ละ)")
MULT = {"ร้อย": 100, "พัน": 1_000, "หมื่น": 10_000, "แสน": 100_000, "ล้าน": 1_000_000}
# Words that make a figure a target, quota, forecast, beneficiary count or ratio.
TARGET_BEFORE = re.compile(r"(?:เป้าหมาย|ตั้งเป้า|คาดว่า|คาดการณ์|จะมี|โควตา|ละ\s*(?:จำนวน)?\s*|เฉลี่ย|ได้รับประโยชน์|"
                           r"รับสมัคร|ไม่เกิน|จำกัด|รุ่นละ|ต่อรุ่น|ปีละ|ครั้งละ)[^\n]{0,25}$")
TARGET_AFTER = re.compile(r"^\s*(?:ต่อ|/|ได้รับประโยชน์|เป็นกลุ่มเป้าหมาย|เป็นเป้าหมาย)")


@dataclass
class Doc:
    group: str
    name: str
    text: str
    gold: int | None
    analysis: Analysis


def load_docs() -> list[Doc]:
    """Every gold article of the five groups, analysed by this checkout."""
    docs = []
    for group, folder, gold_file, prefix in GROUPS:
        for line in (SHARED / "gold" / gold_file).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            g = json.loads(line)
            if not g["doc"].startswith(prefix):
                continue
            text = (folder / g["doc"]).read_text(encoding="utf-8")
            gold = g["events"][0].get("participants") if g.get("events") else None
            docs.append(Doc(group, g["doc"], text, gold, analyse(text)))
    return docs


def first_kon(body: str, skip_targets: bool) -> int | None:
    for m in FIRST_KON.finditer(body):
        if skip_targets and (TARGET_BEFORE.search(body, max(0, m.start() - 40), m.start())
                             or TARGET_AFTER.match(body[m.end() : m.end() + 20])):
            continue
        value = float(m[1].replace(",", "")) * MULT.get(m[2] or "", 1)
        if value == int(value) and value > 0:
            return int(value)
    return None


def f1(pairs: list[tuple[int | None, int | None]]) -> float:
    """score.py's participants F1 over (gold, predicted) pairs."""
    tp = fp = fn = 0
    for gold, pred in pairs:
        if gold is None and pred is None:
            continue
        if pred is not None and gold == pred:
            tp += 1
            continue
        fp += pred is not None
        fn += gold is not None
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def table(rows: dict[str, dict[str, list]], methods: list[str]) -> str:
    out = ["| group | n | with a count | " + " | ".join(methods) + " |", "|---|---|---|" + "---|" * len(methods)]
    for group, by_method in rows.items():
        pairs = by_method[methods[0]]
        cells = " | ".join(f"{f1(by_method[m]):.3f}" for m in methods)
        out.append(f"| {group} | {len(pairs)} | {sum(g is not None for g, _ in pairs)} | {cells} |")
    return "\n".join(out)


def main() -> int:
    methods = ["pipeline", "first", "first-no-target"]
    rows: dict[str, dict[str, list]] = {}
    for d in load_docs():
        body = d.analysis.cleaned.text[d.analysis.cleaned.body_start :]
        by = rows.setdefault(d.group, {m: [] for m in methods})
        by["pipeline"].append((d.gold, d.analysis.events[0].participants))
        by["first"].append((d.gold, first_kon(body, False)))
        by["first-no-target"].append((d.gold, first_kon(body, True)))
    print(table(rows, methods))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
