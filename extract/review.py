"""`show`: one article in the terminal, every extracted value highlighted in place, its events beneath.

Mentions may overlap (a province inside a venue, an agency inside a position): they are kept
as a tree of properly nested spans, so the inner value keeps its own colour inside the outer
one; a span that crosses another's boundary is dropped (the longer, earlier one wins).

>>> root = nest_spans("ณ ศาลากลางจังหวัดชลบุรี", [
...     {"kind": "venue", "start": 2, "end": 23}, {"kind": "province", "start": 10, "end": 23}])
>>> [(c.kind, c.start, c.end, [(g.kind, g.start) for g in c.children]) for c in root.children]
[('venue', 2, 23, [('province', 10)])]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

# Colour per mention kind (displaCy's palette where it has one), shared by `show` and `report`.
KIND_COLOURS: dict[str, str] = {
    "date": "#bfe1d9",
    "time": "#e4e7d2",
    "venue": "#ff9561",
    "province": "#feca74",
    "online": "#9cc9cc",
    "abroad": "#ffeb80",
    "person": "#aa9cfc",
    "position": "#c887fb",
    "agency": "#7aecec",
    "count": "#bbdefb",
    "fiscal_year": "#dddddd",
    "year": "#dddddd",
}
# When two spans start at the same place and have the same length, the more specific kind is outer.
_PRIORITY = {kind: i for i, kind in enumerate(KIND_COLOURS)}


@dataclass(slots=True)
class Node:
    """A highlighted span and the spans nested inside it; the root has kind None."""

    kind: str | None
    start: int
    end: int
    value: str | None = None
    children: list[Node] = field(default_factory=list)


def nest_spans(text: str, mentions: Iterable[Mapping]) -> Node:
    """The mentions as a tree of properly nested spans over ``text`` (crossing ones dropped)."""
    seen: set[tuple[int, int, str]] = set()
    spans: list[tuple[int, int, str, str | None]] = []
    for m in mentions:
        start, end, kind = m.get("start"), m.get("end"), m.get("kind")
        if start is None or end is None or not kind or not 0 <= start < end <= len(text):
            continue
        if (start, end, kind) not in seen:
            seen.add((start, end, kind))
            spans.append((int(start), int(end), str(kind), m.get("value")))
    spans.sort(key=lambda s: (s[0], -s[1], _PRIORITY.get(s[2], len(_PRIORITY))))
    root = Node(None, 0, len(text))
    stack = [root]
    for start, end, kind, value in spans:
        while stack[-1] is not root and start >= stack[-1].end:
            stack.pop()
        parent = stack[-1]
        if end > parent.end:  # crosses the parent's end: cannot be drawn nested
            continue
        node = Node(kind, start, end, value)
        parent.children.append(node)
        stack.append(node)
    return root


def walk(text: str, node: Node) -> Iterator[tuple[str, str | Node]]:
    """The node's content in order: ("text", plain string) and ("open"/"close", child node) items."""
    pos = node.start
    for child in node.children:
        if child.start > pos:
            yield "text", text[pos:child.start]
        yield "open", child
        yield from walk(text, child)
        yield "close", child
        pos = child.end
    if pos < node.end:
        yield "text", text[pos:node.end]


def _style(kind: str) -> str:
    return f"black on {KIND_COLOURS.get(kind, '#eeeeee')}"


def highlighted(text: str, mentions: Iterable[Mapping], labels: bool = True) -> Text:
    """The article as rich Text, each mention coloured by kind (and followed by its kind in small print)."""
    out = Text()
    styles: list[str] = []
    for item, payload in walk(text, nest_spans(text, mentions)):
        if item == "text":
            out.append(payload, style=" ".join(styles[-1:]) or None)
        elif item == "open":
            styles.append(_style(payload.kind))
        else:
            styles.pop()
            if labels:
                out.append(f"[{payload.kind}]", style=f"dim italic {styles[-1]}" if styles else "dim italic")
    return out


def legend(kinds: Iterable[str] | None = None) -> Text:
    """One line naming the colour of each kind."""
    out = Text("legend: ", style="bold")
    for kind in kinds or KIND_COLOURS:
        out.append(f" {kind} ", style=_style(kind))
        out.append(" ")
    return out


def _date(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%Y-%m-%d")
    return str(value)[:10]


def date_range(start, end) -> str:
    """ "2023-03-24", or "2023-03-24 – 2023-03-26" for a range."""
    s, e = _date(start), _date(end)
    return s if not e or e == s else f"{s} – {e}"


def time_range(start, end) -> str:
    return "" if not start else (start if not end or end == start else f"{start}–{end}")


def items(value) -> list:
    """A list column's value as a list (pandas gives numpy arrays, pyarrow lists, a null None)."""
    return [] if value is None else list(value)


def official_label(o: Mapping, role: bool = False) -> str:
    """ "พลเอกจิระ โกมุทพงศ์ (กรรมการ ป.ป.ท.)": honorific + name, position in brackets; with ``role``
    the role follows in square brackets, "... [chair]"."""
    name = f"{o.get('honorific') or ''}{o.get('name') or ''}"
    label = f"{name} ({o['position']})" if o.get("position") else name
    return f"{label} [{o['role']}]" if role and o.get("role") else label


def agency_label(a: Mapping) -> str:
    return str(a.get("canonical") or a.get("name") or "")


def _online(value) -> str:
    return "" if value is None else ("yes" if value else "no")


EVENT_FIELDS = ("#", "type", "dates", "time", "venue", "province", "online", "participants", "officials", "agencies")
WIDE = 150  # columns needed for one row per event; narrower terminals get one field per line


def event_cells(ev: Mapping) -> list[str]:
    """The values of one event, in the order of EVENT_FIELDS."""
    participants = ev.get("participants")
    qualifier = ev.get("participants_qualifier")
    return [
        str(ev.get("event_index", "")), ev.get("event_type") or "",
        date_range(ev.get("date_start"), ev.get("date_end")),
        time_range(ev.get("time_start"), ev.get("time_end")),
        ev.get("venue") or "", ev.get("province") or "", _online(ev.get("online")),
        "" if participants is None else f"{participants}" + (f" ({qualifier})" if qualifier not in (None, "exact")
                                                           else ""),
        "\n".join(official_label(o) for o in items(ev.get("officials"))),
        "\n".join(agency_label(a) for a in items(ev.get("agencies"))),
    ]


def events_table(events: list[Mapping], width: int = WIDE) -> Table:
    """The event rows as a rich Table: one row per event, or when ``width`` is narrow one line per field."""
    table = Table(title=f"{len(events)} event(s)", show_lines=True, expand=True)
    if width < WIDE:
        # Thai has no spaces to wrap at: ten narrow columns would cut names mid-word.
        table.add_column("field", no_wrap=True, style="bold")
        for ev in events:
            table.add_column(f"event {ev.get('event_index', '')}", overflow="fold", ratio=1)
        for i, name in enumerate(EVENT_FIELDS[1:], start=1):
            table.add_row(name, *(event_cells(ev)[i] for ev in events))
        return table
    for name in EVENT_FIELDS:
        ratio = {"venue": 2, "province": 1, "officials": 3, "agencies": 3}.get(name)
        if ratio:
            table.add_column(name, overflow="fold", ratio=ratio, min_width=10)
        else:
            table.add_column(name, no_wrap=True)
    for ev in events:
        table.add_row(*event_cells(ev))
    return table


@dataclass(slots=True)
class Shown:
    """One processed document, ready to render."""

    source: str
    text: str
    document: dict
    events: list[dict]
    mentions: list[dict]


class NotFound(LookupError):
    pass


def _split_spec(spec: str) -> tuple[Path, str | None]:
    """ "a.jsonl#42" -> (a.jsonl, "42"); a file whose own name holds "#" stays whole."""
    path = Path(spec)
    if path.exists() or "#" not in spec:
        return path, None
    file, _, ident = spec.rpartition("#")
    return Path(file), ident


def locate(source: str, roots: list[Path]) -> tuple[Path, str] | None:
    """The file a document came from and the name ingest gives it when that file is read alone.

    ``source`` is relative to the folder the run read ("a/b.txt", "a/news.jsonl#42"), or a
    file's own name when the run was given the file.
    """
    candidates = [source]
    if "#" in source:
        candidates.append(source.rpartition("#")[0])  # a record; the first try covers a "#" in a file name
    for root in roots:
        for part in candidates:
            path = root / part if root.is_dir() else (root if root.name == part else None)
            if path is not None and path.is_file():
                return path, path.name + source[len(part):]
    return None


def load(spec: str, roots: Iterable[Path] = ()) -> Shown:
    """Read and process one document: a file, or one record of a JSONL/CSV/Parquet file as ``FILE#id``.

    ``spec`` may also be what the output's ``source`` column holds, a path relative to one of
    ``roots`` (the folders a run read). Without ``#id`` the file's first document is shown.
    """
    from .analyse import process
    from .ingest import decode, iter_sources

    path, ident = _split_spec(spec)
    roots = [Path(r) for r in roots]
    shown_as = None
    if not path.exists() and (found := locate(spec, roots)) is not None:
        path, name = found
        ident = name[len(path.name) + 1 :] or None  # "news.jsonl#42" -> "42"
        shown_as = spec
    if not path.exists():
        where = f" (nor under {', '.join(map(str, roots))})" if roots else ""
        raise NotFound(f"no such file: {path}{where}")
    wanted = None if ident is None else f"{path.name}#{ident}"
    src = next((s for s in iter_sources([path]) if wanted is None or s.source == wanted), None)
    if src is None:
        raise NotFound(f"no record {ident!r} in {path} (records are named by their 'id' field, else their number)")
    result = process(src)
    text = src.text
    if text is None and src.data is not None and result.document["status"] != "error":
        text = decode(src.data)[0]
    return Shown(shown_as or src.source, text or "", result.document, result.events, result.mentions)


def render(shown: Shown, console: Console, labels: bool = True) -> None:
    """Print the highlighted article, the legend and the events table."""
    doc = shown.document
    console.rule(f"[bold]{shown.source}[/bold]  doc_id {doc['doc_id']}  status {doc['status']}")
    if doc.get("error"):
        console.print(Text(f"error: {doc['error']}", style="red"))
    kinds = [k for k in KIND_COLOURS if any(m["kind"] == k for m in shown.mentions)]
    console.print(Group(legend(kinds or None), Text("")))
    console.print(highlighted(shown.text, shown.mentions, labels=labels))
    console.print()
    console.print(events_table(shown.events, console.width))
