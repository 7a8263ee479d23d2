"""Silver news check of the agency extractor against ThaiNER's ORGANIZATION tags.

ThaiNER 1.5 (../shared/ner/thainer-1.5) is newspaper text with inline tags. Each article (the
lines between two [URL] lines) is run through the pipeline's own steps (normalise, clean,
find_agencies, as extract/analyse.py calls them) and the agency spans are compared with the
ORGANIZATION spans that GUIDE.md counts as agencies (media outlets, brands and sports teams are
left out). A span matches when both ends agree (the scorer's key: no spaces, dots, hyphens);
a span that overlaps without matching is a boundary error, counted apart.

    python scripts/silver_agencies.py                 # recall / precision by class, train+test
    python scripts/silver_agencies.py --show miss     # the missed spans, most frequent first
    python scripts/silver_agencies.py --show fp       # predicted spans over no ORG tag
    python scripts/silver_agencies.py --show cut      # boundary errors: gold | predicted
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract.agencies import find_agencies, norm_key  # noqa: E402
from extract.clean import clean  # noqa: E402
from extract.normalise import normalise  # noqa: E402

NER = ROOT.parent / "shared" / "ner" / "thainer-1.5"
TAG = re.compile(r"\[(/?)([A-Z_]+)\]")

# ORG spans GUIDE.md does not count as agencies: a paper, channel or wire named as the source,
# a football club, a product brand.
NOT_AGENCY = re.compile(
    r"^(?:หนังสือพิมพ์|ไทยรัฐ|มติชน|ข่าวสด|เดลินิวส์|ผู้จัดการ|คม ?ชัด ?ลึก|แนวหน้า|โพสต์ทูเดย์|ประชาชาติ|กรุงเทพธุรกิจ"
    r"|บางกอกโพสต์|เนชั่น|ไอทีวี|ช่อง ?\d|สำนักข่าว|เอเอฟพี|รอยเตอร์|ซีเอ็นเอ็น|บีบีซี|เอพี$|ทีวี|สถานีโทรทัศน์|วิทยุ"
    r"|แมน(?:ยู|เชสเตอร์)|ลิเวอร์พูล|เชลซี|อาร์เซนอล|สโมสรฟุตบอล|ทีมชาติ|AFP|Reuters|CNN|BBC)"
)

CLASSES = (
    ("court", r"^ศาล"),
    ("party", r"^พรรค|พรรค$"),
    ("police/army", r"ตำรวจ|^ตร\.?$|^บก\.|^บช\.|^สภ\.|^สน\.|ภ\.จว|กองปราบ|ทหาร|^ทบ\.|^ทร\.|^ทอ\.|กองทัพ|กองพล|กองพัน"
     r"|^กรมทหาร|^กอ\.รมน|^หน่วยซีล|^ฉก\.|^นปพ"),
    ("company", r"บริษัท|^บมจ|จำกัด|^ธนาคาร|^แบงก์|^การบินไทย|กรุ๊ป$|^ค่าย"),
    ("university", r"มหาวิทยาลัย|วิทยาลัย|^ม\.|^มรภ|^มทร|^จุฬา|^มข\.?$|^มธ\.?$|^มก\.?$|^มช\.?$|^มอ\.?$|^คณะ(?!กรรมการ|อนุกรรมการ|รัฐมนตรี|ทำงาน)|^โรงเรียน"),
    ("group", r"^กลุ่ม|^เครือข่าย|^สมัชชา|^แนวร่วม|^ขบวนการ|^สมาพันธ์|^สหพันธ์|^สหภาพแรงงาน|^ชมรม|^สมาคม|^มูลนิธิ|^สภาทนาย"),
    ("committee", r"^คณะ|^สภา|^วุฒิสภา|^สนช|^ครม|^คมช|^คสช|^กกต|^ป\.?ป\.?ช|^คตส|^สตง|^กสทช|^กสม"),
    ("ministry", r"^กระทรวง"),
    ("department", r"^กรม"),
    ("office", r"^สำนัก|^ศูนย์|^สถาบัน|^องค์การ(?!สหประชาชาติ|อนามัยโลก)|^การ(?:ไฟฟ้า|ประปา|รถไฟ|ท่า|กีฬา|ท่องเที่ยว)"),
    ("international", r"สหประชาชาติ|อนามัยโลก|อาเซียน|อียู|สหภาพยุโรป|ยูเอ็น|นาโต|ธนาคารโลก|ไอเอ็มเอฟ|^รัฐบาล|^สถานทูต|^สถานเอกอัครราชทูต"),
    ("latin", r"^[ -~]+$"),
    ("dotted acronym", r"^[ก-ฮ][ก-๙]{0,4}\.(?:[ก-๙]{1,5}\.?)*$"),
    ("acronym", r"^[ก-ฮ]{2,6}$"),
)  # fmt: skip
CLASS_RX = [(name, re.compile(rx)) for name, rx in CLASSES]


def cls(span: str) -> str:
    s = span.strip()
    return next((name for name, rx in CLASS_RX if rx.search(s)), "other")


def parse(line: str) -> tuple[str, list[tuple[int, int, str]]]:
    """Plain text of a tagged line and its (start, end, tag) spans."""
    out, spans, pos, opened = [], [], 0, {}
    i = 0
    for m in TAG.finditer(line):
        out.append(line[i : m.start()])
        pos += m.start() - i
        i = m.end()
        if m.group(1):
            if m.group(2) in opened:
                spans.append((opened.pop(m.group(2)), pos, m.group(2)))
        else:
            opened[m.group(2)] = pos
    out.append(line[i:])
    return "".join(out), spans


def articles(path: Path):
    """(text, spans) per article: the lines from one [URL] line to the next."""
    lines: list[str] = []
    for raw in path.read_text(encoding="utf-8-sig").splitlines():
        if raw.startswith("[URL]") and lines:
            yield _join(lines)
            lines = []
        lines.append(raw)
    if lines:
        yield _join(lines)


def _join(lines: list[str]) -> tuple[str, list[tuple[int, int, str]]]:
    text, spans, off = [], [], 0
    for raw in lines:
        plain, sp = parse(raw)
        spans += [(s + off, e + off, t) for s, e, t in sp]
        text.append(plain)
        off += len(plain) + 1
    return "\n".join(text), spans


def predict(text: str) -> list:
    """The agencies of one article, as extract/analyse.py finds them."""
    norm = normalise(text)
    body = clean(norm.text).text
    return [(a, norm.span(a.start, a.end)) for a in find_agencies(body)]


def mention_spans(text: str) -> list[tuple[int, int]]:
    """Every mention's span: find_agencies reports a body once, so each line is run alone."""
    out, off = [], 0
    for line in text.split("\n"):
        norm = normalise(line)
        out += [tuple(x + off for x in norm.span(a.start, a.end)) for a in find_agencies(norm.text)]
        off += len(line) + 1
    return out


def keys_of(a) -> set[str]:
    return {norm_key(x) for x in (a.name, a.canonical, a.acronym) if x}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--show", choices=("miss", "fp", "cut"))
    ap.add_argument("--cls", help="only this class in --show")
    ap.add_argument("--top", type=int, default=60)
    args = ap.parse_args()
    if not NER.exists():
        sys.exit(f"no ThaiNER data at {NER}")
    tally: dict[str, Counter] = {}
    shown: Counter = Counter()
    n_pred = n_pred_ok = n_cut = 0
    fp_tag: Counter = Counter()
    for name in ("train.txt", "test.txt"):
        for text, spans in articles(NER / name):
            preds = predict(text)
            pred_keys = set().union(*(keys_of(a) for a, _ in preds))
            mentions = mention_spans(text)
            orgs = [(s, e) for s, e, t in spans if t == "ORGANIZATION"]
            gold: dict[str, list[tuple[int, int]]] = {}
            for s, e in orgs:
                if not NOT_AGENCY.search(text[s:e].strip()):
                    gold.setdefault(norm_key(text[s:e]), []).append((s, e))
            # one entry per body name and article, as the scorer counts them
            for k, at in gold.items():
                g = text[at[0][0] : at[0][1]]
                c = cls(g)
                t = tally.setdefault(c, Counter())
                t["gold"] += 1
                if k in pred_keys:
                    t["hit"] += 1
                    continue
                over = [(ps, pe) for s, e in at for ps, pe in mentions if ps < e and s < pe]
                if over:
                    t["cut"] += 1
                    if args.show == "cut" and (not args.cls or args.cls == c):
                        shown[f"{c}\t{g} | {text[over[0][0] : over[0][1]]}"] += 1
                else:
                    t["miss"] += 1
                    if args.show == "miss" and (not args.cls or args.cls == c):
                        shown[f"{c}\t{g}"] += 1
            org_keys = {norm_key(text[s:e]) for s, e in orgs}
            for a, (ps, pe) in preds:
                n_pred += 1
                if keys_of(a) & org_keys:
                    n_pred_ok += 1
                    continue
                tag = next((t for s, e, t in spans if s < pe and ps < e), "none")
                if tag == "ORGANIZATION":
                    n_cut += 1
                    continue
                fp_tag[tag] += 1
                p = text[ps:pe]
                if args.show == "fp" and (not args.cls or args.cls == cls(p)):
                    shown[f"{tag}\t{cls(p)}\t{p}\t…{text[max(0, ps - 20) : pe + 15]}…".replace("\n", " ")] += 1
    print(f"{'class':16} {'gold':>6} {'hit':>6} {'cut':>6} {'miss':>6} {'recall':>7}")
    tot = Counter()
    for c, t in sorted(tally.items(), key=lambda kv: -kv[1]["gold"]):
        tot.update(t)
        print(f"{c:16} {t['gold']:6} {t['hit']:6} {t['cut']:6} {t['miss']:6} {t['hit'] / t['gold']:7.3f}")
    print(f"{'ALL':16} {tot['gold']:6} {tot['hit']:6} {tot['cut']:6} {tot['miss']:6} {tot['hit'] / tot['gold']:7.3f}")
    fp = sum(fp_tag.values())
    print(f"predicted {n_pred}: matching an ORG name {n_pred_ok}, boundary {n_cut}, "
          f"over no ORG tag {fp} {dict(fp_tag.most_common())}")
    print(f"precision (exact name) {n_pred_ok / max(1, n_pred):.3f}; "
          f"(no ORG tag counted wrong) {(n_pred - fp) / max(1, n_pred):.3f}")
    for k, v in shown.most_common(args.top):
        print(f"{v:4} {k}")


if __name__ == "__main__":
    main()
