"""Same occurrence, several articles: events linked across articles into clusters.

A cabinet meeting reported in five releases, one press interview split into one article per
topic, a speech and its summary: each is one real-world occurrence. After a run, every
event gets a ``cluster_id`` shared by the events that report the same occurrence, and
``clusters.parquet`` holds one row per occurrence.

How two events are judged the same (:func:`same_occurrence`): only events of one day are
ever compared (blocking by date keeps the work linear in the archive), and
headlines are read only for the pairs that pass the cheap checks. The two must report the same
days, neither may be an announcement (the article appeared before the event, or its lead
schedules it: :mod:`extract.plans`) or a look back
(it appeared long after), their venues must not disagree, and they must agree on enough of
start time, people (:mod:`extract.names` person keys), bodies and headline wording. Clusters
grow from the strongest pairs down; two clusters never merge when that would put two events
of one article together (an article's events are distinct by construction), or two events at
different times that were not linked directly: one wrong pair cannot chain occurrences.

Ids are stable: a cluster keeps the id it had in the previous output; a new one takes the
event_id of its first member in the events table, whose rows are in input order (an earlier
run's rows first). So a rerun, a resumed run and an incremental run that adds articles after
the others give the same ids, and a new article joins an existing cluster under its id.

>>> a = Item("d1:0", "d1", 19000, 19000, 600, "ห้องประชุม 301 ตึกบัญชาการ 1", "meeting", frozenset({"ประเสริฐ จันทรรวงทอง"}),
...          frozenset(), 19000)
>>> b = Item("d2:0", "d2", 19000, 19000, 600, "ห้องประชุม 301 ตึกบัญชาการ 1 ทำเนียบรัฐบาล", "meeting",
...          frozenset({"ประเสริฐ จันทรรวงทอง"}), frozenset(), 19001)
>>> same_occurrence(a, b, grams("ประชุมคณะกรรมการอาหารแห่งชาติ"), grams("ร่วมประชุมคณะกรรมการอาหารแห่งชาติ")) > 3
True
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from .names import clean_spaces, person
from .tuning import (
    BROAD_KINDS,
    MAX_DAYS_AFTER,
    RARE_AGENCY,
    TIME_CLOSE,
    TIME_EXACT,
    TITLE_SIMILAR,
    VENUE_MATCH,
)

BATCH_ROWS = 20_000

CLUSTER_OFFICIAL = pa.struct([("key", pa.string()), ("name", pa.string()), ("n_articles", pa.int32())])
CLUSTER_AGENCY = pa.struct([("canonical", pa.string()), ("n_articles", pa.int32())])
CLUSTER_PARTICIPANTS = pa.struct([("doc_id", pa.string()), ("source", pa.string()),
                                  ("participants", pa.int64()), ("qualifier", pa.string())])
CLUSTERS = pa.schema([
    ("cluster_id", pa.string()), ("date_start", pa.date32()), ("date_end", pa.date32()),
    ("time_start", pa.string()), ("venue", pa.string()), ("province", pa.string()),
    ("event_type", pa.string()), ("officials", pa.list_(CLUSTER_OFFICIAL)),
    ("agencies", pa.list_(CLUSTER_AGENCY)), ("participants", pa.list_(CLUSTER_PARTICIPANTS)),
    ("n_articles", pa.int32()), ("n_sources", pa.int32()), ("event_ids", pa.list_(pa.string())),
    ("sources", pa.list_(pa.string())), ("first_published", pa.date32()), ("last_published", pa.date32()),
])


@dataclass(frozen=True, slots=True)
class Item:
    """What linking needs of one event: compact, no article text."""

    event_id: str
    doc_id: str
    day: int | None  # date_start as an ordinal
    day_end: int | None
    minute: int | None  # time_start in minutes
    venue: str
    event_type: str
    people: frozenset[str]  # person keys (extract.names)
    agencies: frozenset[str]  # canonical names
    published: int | None
    row: int = 0  # position in the events table: input order, earlier runs first
    bodies: frozenset[str] = frozenset()  # the agencies that are not a ministry or a department
    planned: bool = False  # the article announces it (an itinerary, a schedule): extract.plans


def grams(text: str | None, n: int = 3) -> frozenset[int]:
    """Hashed character n-grams of a text, spaces and punctuation dropped (Thai has no word spaces)."""
    s = _NOT_LETTERS.sub("", text or "")
    return frozenset(map(hash, map("".join, zip(*(s[k:] for k in range(n)), strict=False))))


_NOT_LETTERS = re.compile(r"[\s\"'“”‘’()\[\]\-–,.:;!?ฯ]+")
_venue_grams = lru_cache(maxsize=1 << 14)(grams)


def _jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _containment(a: frozenset, b: frozenset) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _minute(value: str | None) -> int | None:
    m = re.match(r"(\d{1,2}):(\d{2})", value or "")
    return int(m.group(1)) * 60 + int(m.group(2)) if m else None


# --- Pairwise decision ------------------------------------------------------------------


def reportable(item: Item) -> bool:
    """An event an article reports as having happened: not announced ahead, not looked back on."""
    if item.day is None or item.planned:
        return False
    if item.published is None:
        return True
    return 0 <= item.published - item.day <= MAX_DAYS_AFTER


def comparable(a: Item, b: Item) -> bool:
    """The cheap half of the decision: two articles, one day, no venue against it."""
    if a.doc_id == b.doc_id or a.day != b.day or a.day_end != b.day_end:
        return False
    if a.venue and b.venue and _containment(_venue_grams(a.venue), _venue_grams(b.venue)) < VENUE_MATCH:
        return False
    return bool(a.people & b.people) or a.minute is not None or bool(a.agencies & b.agencies)


def same_occurrence(a: Item, b: Item, title_a: frozenset[int], title_b: frozenset[int],
                    rare: frozenset[str] = frozenset()) -> float:
    """A score > 0 when the two events report one occurrence (higher = surer), else 0.

    ``title_a``/``title_b``: the headlines' :func:`grams`.
    """
    if not (reportable(a) and reportable(b) and comparable(a, b)):
        return 0.0
    venue = bool(a.venue and b.venue)  # comparable() has checked that they match
    people = bool(a.people & b.people)
    shared = a.agencies & b.agencies
    title = _jaccard(title_a, title_b)
    gap = abs(a.minute - b.minute) if a.minute is not None and b.minute is not None else None
    score = 0.0
    if gap is not None and gap <= TIME_CLOSE:
        # Same day, (nearly) the same time: one more agreeing fact settles it, or two bodies
        # named by both (a briefing whose speakers differ).
        agreeing = people or len(shared) >= 2 or bool(shared & rare)
        if gap <= TIME_EXACT and (venue or people) and (agreeing or title >= TITLE_SIMILAR):
            score = 3.0 if venue else 2.0
        elif venue and people and a.event_type == b.event_type and (len(shared) >= 2 or title >= TITLE_SIMILAR):
            score = 1.0  # one sitting reported at two moments
    elif venue and people and (bool(shared & rare) or (gap is None and title >= TITLE_SIMILAR)):
        # No time to go by: the same room and people are not enough (two ceremonies of one
        # minister in one hall, two talks at Davos); the same named committee or the same story
        # is. Hours apart, only the committee: similar headlines are then two ceremonies of one
        # anniversary (a wreath at 08.30, candles at 20.15), two summits of one day (bulk: all 5
        # such pairs linked on the headline were two events).
        score = 2.0 if gap is None else 1.0
    return score + title if score else 0.0


# --- Reading the output -----------------------------------------------------------------


def _dataset(out_dir: Path, name: str) -> ds.Dataset | None:
    path = Path(out_dir) / f"{name}.parquet"
    return ds.dataset(path, format="parquet") if path.exists() else None


def _published(out_dir: Path) -> dict[str, int]:
    docs = _dataset(out_dir, "documents")
    if docs is None:
        return {}
    t = docs.to_table(columns=["doc_id", "published"])
    return {d: p.toordinal() for d, p in zip(t.column("doc_id").to_pylist(), t.column("published").to_pylist(),
                                             strict=True) if p is not None}


def _nested(column: pa.ChunkedArray, *fields: str) -> list[list[tuple]]:
    """Per row, the tuples of some fields of a list<struct> column, without building dicts."""
    arr = column.combine_chunks()
    out: list[list[tuple]] = [[] for _ in range(len(arr))]
    flat = pc.list_flatten(arr)
    values = zip(*(pc.struct_field(flat, f).to_pylist() for f in fields), strict=True)
    for row, value in zip(pc.list_parent_indices(arr).to_pylist(), values, strict=True):
        out[row].append(value)
    return out


def read_events(out_dir: Path) -> tuple[list[Item], dict[str, dict]]:
    """Every event as an :class:`Item`, and per event the values its cluster's row is made of.

    Read column by column, batch by batch; no article text is read.
    """
    events = _dataset(out_dir, "events")
    if events is None:
        return [], {}
    published = _published(out_dir)
    light = ["event_id", "doc_id", "source", "date_start", "date_end", "time_start", "venue", "province",
             "event_type", "participants", "participants_qualifier"]
    columns = light + ["officials", "agencies", "evidence"] + (["cluster_id"] if "cluster_id" in events.schema.names else [])
    items: dict[str, Item] = {}
    facts: dict[str, dict] = {}
    position = 0
    for batch in events.to_batches(columns=columns, batch_size=BATCH_ROWS):
        t = pa.Table.from_batches([batch])
        cols = {c: t.column(c).to_pylist() for c in light}
        officials = _nested(t.column("officials"), "name", "honorific")
        agencies = _nested(t.column("agencies"), "canonical", "kind")
        evidence = _nested(t.column("evidence"), "field")
        previous = t.column("cluster_id").to_pylist() if "cluster_id" in t.column_names else [None] * t.num_rows
        for k in range(t.num_rows):
            row = {c: cols[c][k] for c in light}
            people = {}
            for name, honorific in officials[k]:
                key, display = person(name, honorific)
                if key:
                    people.setdefault(key, display)
            start = row["date_start"]
            end = row["date_end"] or start
            item = Item(row["event_id"], row["doc_id"], start.toordinal() if start else None,
                        end.toordinal() if end else None, _minute(row["time_start"]), clean_spaces(row["venue"] or ""),
                        row["event_type"] or "",
                        frozenset(people), frozenset(a for a, _ in agencies[k] if a), published.get(row["doc_id"]),
                        position, frozenset(a for a, kind in agencies[k] if a and kind not in BROAD_KINDS),
                        ("announced",) in evidence[k])
            position += 1
            items.setdefault(item.event_id, item)
            row.update(people=people, previous=previous[k])
            facts.setdefault(item.event_id, row)
    return list(items.values()), facts


def read_titles(out_dir: Path, event_ids: set[str]) -> dict[str, frozenset[int]]:
    """The headline :func:`grams` of just these events (those with a candidate partner)."""
    events = _dataset(out_dir, "events")
    if events is None or not event_ids:
        return {}
    wanted = pa.array(sorted(event_ids), pa.string())
    t = events.to_table(columns=["event_id", "title"], filter=pc.field("event_id").isin(wanted))
    return {e: grams(clean_spaces(title)) for e, title in zip(t.column("event_id").to_pylist(),
                                                              t.column("title").to_pylist(), strict=True)}


# --- Clustering -------------------------------------------------------------------------


def rare_agencies(items: list[Item]) -> frozenset[str]:
    """Bodies few events name (a committee, a centre, not a ministry): naming the same one is
    evidence."""
    counts = Counter(a for it in items for a in it.bodies)
    limit = max(2, RARE_AGENCY * len(items))
    return frozenset(a for a, n in counts.items() if n <= limit)


def candidates(items: list[Item]) -> list[tuple[int, int]]:
    """Pairs worth reading the headlines for. Only events of one day are compared, so the work
    grows with the archive, not with its square. (Consecutive days are never one occurrence
    here: the same briefing room, spokesman and hour on two days are two daily briefings.)"""
    by_day: dict[int, list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        if reportable(it):
            by_day[it.day].append(i)
    pairs = []
    for day in sorted(by_day):
        block = by_day[day]
        for x in range(len(block)):
            for y in range(x + 1, len(block)):
                if comparable(items[block[x]], items[block[y]]):
                    pairs.append((block[x], block[y]))
    return pairs


def scored_pairs(items: list[Item], pairs: list[tuple[int, int]],
                 titles: dict[str, frozenset[int]]) -> list[tuple[float, int, int]]:
    rare = rare_agencies(items)
    out = []
    for i, j in pairs:
        a, b = items[i], items[j]
        if (s := same_occurrence(a, b, titles.get(a.event_id, frozenset()), titles.get(b.event_id, frozenset()),
                                 rare)) > 0:
            out.append((s, i, j))
    return out


def cluster(items: list[Item], pairs: list[tuple[float, int, int]],
            previous: dict[str, str] | None = None) -> dict[str, str]:
    """event_id -> cluster_id for every item, from the linked ``(score, i, j)`` pairs."""
    parent = list(range(len(items)))
    docs = [{it.doc_id} for it in items]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    linked = {(min(i, j), max(i, j)) for _, i, j in pairs}
    members: dict[int, list[int]] = {i: [i] for i in range(len(items))}

    def vouched(x: int, y: int) -> bool:
        # Events at different times join only on a pair of their own: 08.30, 09.00, 09.10 in
        # one hall are three events, however each links to the next.
        a, b = items[x].minute, items[y].minute
        return a is None or b is None or abs(a - b) <= TIME_EXACT or (min(x, y), max(x, y)) in linked

    # Strongest pairs first, ties by event ids: the result does not depend on the input order.
    for _, i, j in sorted(pairs, key=lambda p: (-p[0], items[p[1]].event_id, items[p[2]].event_id)):
        ri, rj = find(i), find(j)
        if ri == rj or docs[ri] & docs[rj]:
            continue  # two events of one article are two occurrences: no chain may join them
        if not all(vouched(x, y) for x in members[ri] for y in members[rj]):
            continue
        parent[rj] = ri
        docs[ri] |= docs[rj]
        members[ri] += members.pop(rj)
    return _ids(items, members.values(), previous or {})


def _ids(items: list[Item], groups: Iterable[list[int]], previous: dict[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for group in groups:
        ordered = sorted(group, key=lambda i: items[i].row)
        ids = {items[i].event_id for i in group}
        # Keep an id the output already had, if it still names a member of this cluster.
        kept = [previous[items[i].event_id] for i in ordered if previous.get(items[i].event_id) in ids]
        cid = kept[0] if kept else items[ordered[0]].event_id
        for i in group:
            out[items[i].event_id] = cid
    return out


# --- Writing ----------------------------------------------------------------------------


def _rewrite(path: Path, ids: dict[str, str], schema: pa.Schema) -> None:
    """One events file again, with its cluster_id column set; replaced atomically."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.link.tmp")
    with pq.ParquetWriter(tmp, schema, compression="zstd") as writer:
        for batch in ds.dataset(path, format="parquet").to_batches(batch_size=BATCH_ROWS):
            t = pa.Table.from_batches([batch])
            cids = pa.array([ids.get(e) for e in t.column("event_id").to_pylist()], pa.string())
            cols = [cids if f.name == "cluster_id" else
                    (t.column(f.name) if f.name in t.column_names else pa.nulls(t.num_rows, f.type))
                    for f in schema]
            writer.write_table(pa.Table.from_arrays(cols, schema=schema))
    os.replace(tmp, path)


def _event_files(out_dir: Path) -> list[Path]:
    path = Path(out_dir) / "events.parquet"
    if path.is_dir():
        return sorted(p for p in path.glob("*.parquet") if p.is_file())
    return [path] if path.is_file() else []


def outlet(source: str) -> str:
    """The outlet an article came from: its file for a record, its folder for a file."""
    return source.rsplit("#", 1)[0] if "#" in source else os.path.dirname(source)


def _mode(values: Iterable) -> object:
    counts = Counter(v for v in values if v not in (None, ""))
    return counts.most_common(1)[0][0] if counts else None


def _first(values: Iterable) -> object:
    return next((v for v in values if v not in (None, "")), None)


def cluster_row(cid: str, rows: list[dict], published: dict[str, int]) -> dict:
    """The row of clusters.parquet for one occurrence, from its events' facts."""
    rows = sorted(rows, key=lambda r: r["event_id"])
    mode = _mode if len(rows) > 1 else _first  # most events are reported once
    people: dict[str, set[str]] = defaultdict(set)
    names: dict[str, Counter] = defaultdict(Counter)
    agencies: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        for key, name in r["people"].items():
            people[key].add(r["doc_id"])
            names[key][name] += 1
        for a in r["agencies"]:
            agencies[a].add(r["doc_id"])
    # Most named first, then by name: a stable order whatever the order of reading.
    pubs = [published[r["doc_id"]] for r in rows if r["doc_id"] in published]
    return {
        "cluster_id": cid, "date_start": mode(r["date_start"] for r in rows),
        "date_end": mode(r["date_end"] for r in rows), "time_start": mode(r["time_start"] for r in rows),
        "venue": mode(r["venue"] for r in rows), "province": mode(r["province"] for r in rows),
        "event_type": mode(r["event_type"] for r in rows),
        "officials": [{"key": k, "name": names[k].most_common(1)[0][0], "n_articles": len(d)}
                      for k, d in sorted(people.items(), key=lambda kv: (-len(kv[1]), kv[0]))],
        "agencies": [{"canonical": k, "n_articles": len(d)}
                     for k, d in sorted(agencies.items(), key=lambda kv: (-len(kv[1]), kv[0]))],
        "participants": [{"doc_id": r["doc_id"], "source": r["source"], "participants": r["participants"],
                          "qualifier": r["participants_qualifier"]} for r in rows if r["participants"] is not None],
        "n_articles": len({r["doc_id"] for r in rows}), "n_sources": len({outlet(r["source"] or "") for r in rows}),
        "event_ids": [r["event_id"] for r in rows], "sources": sorted({r["source"] or "" for r in rows}),
        "first_published": dt.date.fromordinal(min(pubs)) if pubs else None,
        "last_published": dt.date.fromordinal(max(pubs)) if pubs else None,
    }


def link_output(out_dir: str | Path) -> int:
    """Link the events of a run's output: set events.cluster_id, write clusters.parquet.

    Returns the number of occurrences reported by more than one article.
    """
    from .write import EVENTS

    out = Path(out_dir)
    if _dataset(out, "events") is None:
        return 0
    items, facts = read_events(out)
    pairs = candidates(items)
    titles = read_titles(out, {items[k].event_id for pair in pairs for k in pair})
    previous = {e: f["previous"] for e, f in facts.items() if f["previous"]}
    ids = cluster(items, scored_pairs(items, pairs, titles), previous)
    for path in _event_files(out):
        _rewrite(path, ids, EVENTS)
    groups: dict[str, list[dict]] = defaultdict(list)
    for item in items:
        groups[ids[item.event_id]].append({**facts[item.event_id], "agencies": item.agencies})
    published = {it.doc_id: it.published for it in items if it.published is not None}
    rows = [cluster_row(cid, members, published) for cid, members in sorted(groups.items())]
    tmp = out / f".clusters.parquet.{os.getpid()}.tmp"
    pq.write_table(pa.Table.from_pylist(rows, schema=CLUSTERS), tmp, compression="zstd")
    os.replace(tmp, out / "clusters.parquet")
    return sum(1 for r in rows if r["n_articles"] > 1)


def other_articles(out_dir: str | Path, doc_id: str) -> dict[int, list[str]]:
    """event_index -> the sources of the other articles reporting that event's occurrence."""
    events = _dataset(Path(out_dir), "events")
    if events is None or "cluster_id" not in events.schema.names:
        return {}
    own = events.to_table(columns=["event_index", "cluster_id"], filter=pc.field("doc_id") == doc_id).to_pylist()
    index = {r["cluster_id"]: r["event_index"] for r in own if r["cluster_id"]}
    if not index:
        return {}
    others = events.to_table(columns=["cluster_id", "source", "doc_id"],
                             filter=pc.field("cluster_id").isin(pa.array(sorted(index), pa.string()))).to_pylist()
    out: dict[int, list[str]] = defaultdict(list)
    for r in sorted(others, key=lambda r: r["source"] or ""):
        if r["doc_id"] != doc_id:
            out[index[r["cluster_id"]]].append(r["source"])
    return dict(out)
