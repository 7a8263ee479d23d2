"""Score the pipeline by group: seeds, dev, dev2 gov/web/nnt (and dev3 groups with --dev3).

    python scripts/score_groups.py [--dev3] [--silver] [--held-out] [--out /tmp/groups] [--fields ...]

Runs this checkout's pipeline (`python cli.py run`) over each corpus into OUT/<set>, then
scores every group with ../shared/gold/score.py against the gold rows of that group only, and
prints one line per group: core macro F1 and the per-field F1. A change is good when it helps
the group it was written for and does not hurt the others. ``--silver`` adds the silver sets of
``eval/silver`` (texts rebuilt from ../shared by scripts/silver.py), ``--held-out`` their held-out
halves; the counts sets answer participants only, so read their ``partic`` column alone.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FIELDS = ["date_start", "date_end", "time_start", "venue", "province", "online", "participants",
          "officials", "positions", "agencies", "events"]
SHORT = {"date_start": "dstart", "date_end": "dend", "time_start": "time", "province": "prov",
         "participants": "partic", "officials": "offic", "positions": "posit", "agencies": "agenc"}


def groups(dev3: bool, silver: list[str], texts: Path) -> list[tuple[str, Path, Path, str]]:
    """(name, corpus folder, gold file, file-name prefix) per group."""
    g = SHARED / "gold"
    c = SHARED / "corpus"
    out = [("seeds", SHARED / "seeds", g / "seeds.jsonl", ""),
           ("dev", c / "dev", g / "dev.jsonl", ""),
           ("dev2 gov", c / "dev2", g / "dev2.jsonl", "gov_"),
           ("dev2 web", c / "dev2", g / "dev2.jsonl", "web_"),
           ("dev2 nnt", c / "dev2", g / "dev2.jsonl", "nnt_")]
    if dev3:
        out += [("dev3 gov", c / "dev3", g / "dev3.jsonl", "gov3_"),
                ("dev3 web", c / "dev3", g / "dev3.jsonl", "web3_"),
                ("dev3 nnt", c / "dev3", g / "dev3.jsonl", "nnt3_")]
    if silver:
        from silver import SILVER, build

        for name, folder in build(texts, silver).items():
            out.append(((name.replace("heldout_", "h.") if name.startswith("heldout_") else "s." + name), folder, SILVER / f"{name}.jsonl", ""))
    return out


def score(out_dir: Path, gold_rows: list[str], tmp: Path) -> dict:
    gold = tmp / f"gold-{abs(hash(tuple(gold_rows)))}.jsonl"
    gold.write_text("".join(gold_rows), encoding="utf-8")
    res = subprocess.run([sys.executable, str(SHARED / "gold" / "score.py"), str(out_dir), "--gold", str(gold),
                          "--json"], capture_output=True, text=True, check=True)
    return json.loads(res.stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dev3", action="store_true", help="also score the held-out dev3 groups")
    ap.add_argument("--silver", action="store_true", help="also score the silver sets (eval/silver)")
    ap.add_argument("--held-out", action="store_true", help="also score the held-out silver sets")
    ap.add_argument("--out", type=Path, default=None, help="where the runs go (default: a temp folder)")
    ap.add_argument("--fields", default=",".join(FIELDS))
    args = ap.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="groups-"))
    tmp = Path(tempfile.mkdtemp(prefix="gold-"))
    fields = [f for f in args.fields.split(",") if f]
    done: set[Path] = set()
    print(f"{'group':10} {'n':>3} {'macro':>6} " + " ".join(f"{SHORT.get(f, f)[:6]:>6}" for f in fields))
    silver = (["gov", "news", "news2", "counts"] if args.silver else []) + (
        ["heldout_gov", "heldout_news", "heldout_news2", "heldout_counts"] if args.held_out else [])
    for name, corpus, gold, prefix in groups(args.dev3, silver, out / "silver-texts"):
        run_dir = out / ("runs-" + corpus.name if corpus.parent.name == "silver-texts" else corpus.name)
        if corpus not in done:
            subprocess.run([sys.executable, str(REPO / "cli.py"), "run", str(corpus), "--out", str(run_dir),
                            "--force"], check=True, capture_output=True)
            done.add(corpus)
        rows = [line + "\n" for line in gold.read_text(encoding="utf-8").splitlines()
                if line.strip() and json.loads(line)["doc"].startswith(prefix)]
        s = score(run_dir, rows, tmp)
        f1 = {f: s[f]["f1"] for f in fields}
        macro = s["_macro_f1_core"]
        print(f"{name:10} {len(rows):3d} {macro:6.3f} " + " ".join(f"{f1[f]:6.3f}" for f in fields))
    print(f"runs in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
