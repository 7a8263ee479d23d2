"""Write the texts of the silver sets (``eval/silver/``) from ../shared, so they can be run and scored.

    python scripts/silver.py OUT            # OUT/<set>/<file>.txt for every set

The silver sets are hand answers, made this way: articles in no gold set (thaigov releases drawn
at random from the bulk corpus, newspaper stories joined from the Thai-NNER sample's passages) were
annotated blind against gold/GUIDE.md, before the pipeline was run on them. Only the answers and
where each text comes from (a bulk record id, or Thai-NNER passage ids) are kept in the repo: the
texts are rebuilt from ../shared, which must not be copied here. `scripts/score_groups.py --silver`
runs and scores them by group.
"""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SILVER = REPO / "eval" / "silver"
BULK = SHARED / "corpus" / "bulk" / "thaigov_bulk.jsonl.zst"
NNER = SHARED / "ner" / "thai-nner-sample"
THAINER = SHARED / "ner" / "thainer-1.5"
TAG = re.compile(r"\[/?[A-Z]+\]")

# name: what the set is. Held-out sets are scored when a change is done, never read to write rules.
SETS = {
    "gov": "32 thaigov releases, all fields",
    "news": "22 newspaper stories (2006-2014), all fields; dates only where the text writes the year",
    "news2": "16 newspaper stories (2004-2019, ThaiNER 1.5 documents), all fields",
    "counts": "45 thaigov releases with counts of people, participants only",
    "heldout_gov": "20 thaigov releases, all fields (held out)",
    "heldout_news": "20 newspaper stories, all fields (held out)",
    "heldout_news2": "17 newspaper stories (ThaiNER 1.5 documents), all fields (held out)",
    "heldout_counts": "45 thaigov releases with counts of people, participants only (held out)",
}


def manifest(name: str) -> list[dict]:
    path = SILVER / f"{name}.manifest.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _bulk_texts(ids: set[str]) -> dict[str, str]:
    import zstandard

    found: dict[str, str] = {}
    with BULK.open("rb") as fh:
        for line in io.TextIOWrapper(zstandard.ZstdDecompressor().stream_reader(fh), encoding="utf-8"):
            rec = json.loads(line)
            if rec["id"] in ids:
                found[rec["id"]] = rec["text"]
    return found


def _nner_passages() -> dict[str, str]:
    """Thai-NNER passages by "<file> <sentence_id>", their tokens joined ("_" is a space)."""
    out = {}
    for path in sorted(NNER.glob("sample_*.json")):
        for rec in json.loads(path.read_text(encoding="utf-8")):
            out[f"{path.name} {rec['sentence_id']}"] = "".join(" " if t == "_" else t for t in rec["tokens"])
    return out


def _thainer_lines(name: str) -> list[str]:
    """A ThaiNER file's lines with the entity tags taken out."""
    return [TAG.sub("", line) for line in (THAINER / name).read_text(encoding="utf-8-sig").splitlines()]


def build(out: Path, names: list[str] | None = None) -> dict[str, Path]:
    """Write each set's texts under ``out/<set>/``; return the folders."""
    names = names or list(SETS)
    rows = {name: manifest(name) for name in names}
    bulk = _bulk_texts({m["bulk_id"] for ms in rows.values() for m in ms if "bulk_id" in m})
    passages = _nner_passages() if any("thai_nner" in m for ms in rows.values() for m in ms) else {}
    thainer = {m["thainer"] for ms in rows.values() for m in ms if "thainer" in m}
    lines = {name: _thainer_lines(name) for name in thainer}
    folders = {}
    for name, ms in rows.items():
        folder = out / name
        folder.mkdir(parents=True, exist_ok=True)
        for m in ms:
            if "bulk_id" in m:
                text = bulk[m["bulk_id"]]
            elif "thainer" in m:  # a story: whole lines first..last (1-based) of a ThaiNER file
                first, last = m["lines"]
                text = "\n".join(lines[m["thainer"]][first - 1 : last]) + "\n"
            else:  # a story: its passages in order, one paragraph each
                text = "\n\n".join(passages[p] for p in m["thai_nner"]) + "\n"
            (folder / m["file"]).write_text(text, encoding="utf-8")
        folders[name] = folder
    return folders


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    for name, folder in build(Path(argv[0])).items():
        print(f"{name:15} {len(list(folder.glob('*.txt'))):3d} texts  {folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
