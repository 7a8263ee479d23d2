"""`report`: one self-contained HTML page about a run's output, for people.

Charts (events per month, per province, top agencies, top officials) are inline SVG drawn
here; the events table sorts on a header click with a few lines of plain JavaScript; each
article's text is shown with its extracted values highlighted in place, in the style of
displaCy's entity visualiser (a coloured <mark> with a small label), colour-keyed by kind.
Nothing is fetched: no fonts, scripts, styles or images from the network. Every piece of
article text is escaped (it is untrusted input).

>>> highlight_html("วันที่ 24 มีนาคม 2566 <b>", [{"kind": "date", "start": 7, "end": 21, "value": "2023-03-24"}])
'วันที่ <mark class="ent k-date" title="date: 2023-03-24">24 มีนาคม 2566<span class="lbl">date</span></mark> &lt;b&gt;'
"""

from __future__ import annotations

import datetime as dt
import html
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pyarrow.dataset as ds

from .export import iter_rows, table_path
from .names import person
from .review import KIND_COLOURS, agency_label, date_range, items, locate, nest_spans, time_range, walk

TOP_N = 15
MONTHS_MAX = 48  # more months than this and the time chart counts per year


def esc(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


# --- Article text -----------------------------------------------------------------------


def highlight_html(text: str, mentions: Iterable[Mapping]) -> str:
    """The text, escaped, with each mention in a <mark> coloured by its kind (nested where they nest)."""
    parts: list[str] = []
    for item, payload in walk(text, nest_spans(text, mentions)):
        if item == "text":
            parts.append(esc(payload))
        elif item == "open":
            tip = f"{payload.kind}: {payload.value}" if payload.value not in (None, "") else payload.kind
            parts.append(f'<mark class="ent k-{esc(payload.kind)}" title="{esc(tip)}">')
        else:
            parts.append(f'<span class="lbl">{esc(payload.kind)}</span></mark>')
    return "".join(parts)


def _text_of(src) -> str | None:
    from .ingest import DecodeError, decode

    if src.error:
        return None
    if src.text is not None:
        return src.text
    try:
        return decode(src.data or b"")[0]
    except DecodeError:
        return None


def load_texts(inputs: Iterable[Path], documents: list[dict]) -> dict[str, str]:
    """doc_id -> source text, for the documents found under the input folders (or files).

    A document counts as found only when the bytes there are still those the run read (same
    doc_id), so the offsets of its mentions still hold.
    """
    from .ingest import iter_sources

    roots = [Path(p) for p in inputs]
    wanted: dict[Path, dict[str, str]] = defaultdict(dict)  # file -> name when read alone -> doc_id
    for doc in documents:
        if (found := locate(doc.get("source") or "", roots)) is not None:
            wanted[found[0]][found[1]] = doc["doc_id"]
    texts: dict[str, str] = {}
    for path, names in wanted.items():
        left = dict(names)
        for src in iter_sources([path]):
            doc_id = left.get(src.source)
            if doc_id is not None and src.doc_id == doc_id and (text := _text_of(src)) is not None:
                texts[doc_id] = text
                del left[src.source]
                if not left:
                    break
    return texts


# --- Charts -----------------------------------------------------------------------------


def bar_chart(title: str, items: list[tuple[str, int]], width: int = 520, label_width: int = 220) -> str:
    """A horizontal bar chart as inline SVG; long labels are cut, the full one is the tooltip."""
    if not items:
        return f'<figure class="chart"><figcaption>{esc(title)}</figcaption><p class="empty">no data</p></figure>'
    row, top = 22, 6
    height = top + row * len(items) + 4
    peak = max(v for _, v in items) or 1
    room = width - label_width - 50
    bars = []
    for i, (label, value) in enumerate(items):
        y = top + i * row
        shown = label if len(label) <= 30 else label[:29] + "…"
        w = max(1.0, room * value / peak)
        bars.append(
            f'<g><title>{esc(label)}: {value}</title>'
            f'<text x="{label_width - 6}" y="{y + 15}" text-anchor="end" class="bl">{esc(shown)}</text>'
            f'<rect x="{label_width}" y="{y + 3}" width="{w:.1f}" height="{row - 6}" rx="2" class="bar"/>'
            f'<text x="{label_width + w + 4:.1f}" y="{y + 15}" class="bv">{value}</text></g>')
    return (f'<figure class="chart"><figcaption>{esc(title)}</figcaption>'
            f'<svg role="img" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" aria-label="{esc(title)}">{"".join(bars)}</svg></figure>')


def _iso(value) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%Y-%m-%d")
    return "" if value is None else str(value)


def per_period(events: list[dict]) -> tuple[str, list[tuple[str, int]]]:
    """Events per month in date order (per year when the run spans more than MONTHS_MAX months)."""
    months = Counter(_iso(e.get("date_start"))[:7] for e in events if e.get("date_start"))
    if len(months) > MONTHS_MAX:
        years = Counter()
        for month, n in months.items():
            years[month[:4]] += n
        return "Events per year (start date)", sorted(years.items())
    return "Events per month (start date)", sorted(months.items())


def top_counts(values: Iterable[str], n: int = TOP_N) -> list[tuple[str, int]]:
    return Counter(v for v in values if v).most_common(n)


def charts(events: list[dict]) -> str:
    title, periods = per_period(events)
    # Officials and agencies are counted once per article: a name repeated in several events is one story.
    # An official is a person (extract.names): "พล.อ. ประยุทธ์" and "พลเอกประยุทธ์" count together.
    people = [person(o.get("name"), o.get("honorific")) for e in events for o in items(e.get("officials"))]
    shown_as = {key: name for key, name in reversed(people) if key}
    officials = {(e.get("doc_id"), person(o.get("name"), o.get("honorific"))[0])
                 for e in events for o in items(e.get("officials")) if o.get("name")}
    officials = {(doc, shown_as[key]) for doc, key in officials if key}
    agencies = {(e.get("doc_id"), agency_label(a)) for e in events for a in items(e.get("agencies"))}
    return "".join([
        bar_chart(title, periods),
        bar_chart(f"Events per province (top {TOP_N})", top_counts(e.get("province") for e in events)),
        bar_chart(f"Agencies: articles naming them (top {TOP_N})", top_counts(name for _, name in agencies)),
        bar_chart(f"Officials: articles naming them (top {TOP_N})", top_counts(name for _, name in officials)),
    ])


# --- Tables -----------------------------------------------------------------------------


def occurrences_section(out_dir: Path, documents: list[dict], linked: set[str], limit: int = 500) -> str:
    """Occurrences reported by several articles (clusters.parquet), with a link to each article."""
    path = Path(out_dir) / "clusters.parquet"
    if not path.exists():
        return ""
    table = ds.dataset(path, format="parquet").to_table(filter=ds.field("n_articles") > 1).to_pylist()
    table.sort(key=lambda c: (-c["n_articles"], _iso(c.get("date_start")), c["cluster_id"]))
    source = {d["doc_id"]: d.get("source") or d["doc_id"] for d in documents}
    rows = []
    for c in table[:limit]:
        docs = dict.fromkeys(e.rsplit(":", 1)[0] for e in c["event_ids"])
        articles = "<br>".join(f'<a href="#doc-{esc(d)}">{esc(source.get(d, d))}</a>' if d in linked
                               else esc(source.get(d, d)) for d in docs)
        people = ", ".join(f'{esc(o["name"])} ({o["n_articles"]})' for o in c["officials"][:4])
        rows.append(f'<tr><td data-sort="{c["n_articles"]}">{c["n_articles"]}</td><td>{esc(_iso(c["date_start"]))}'
                    f'</td><td>{esc(c.get("time_start"))}</td><td>{esc(c.get("venue"))}</td>'
                    f'<td>{esc(c.get("event_type"))}</td><td>{people}</td><td>{articles}</td></tr>')
    head = "".join(f'<th data-type="{k}" title="click to sort">{n}</th>' for n, k in (
        ("articles", "num"), ("date", "text"), ("time", "text"), ("venue", "text"), ("type", "text"),
        ("officials (articles naming them)", "text"), ("reported by", "text")))
    return (f"<h2>Occurrences reported by several articles</h2><p>{len(table)} occurrences"
            + (f", the first {limit} shown" if len(table) > limit else "") + ".</p>"
            f'<table class="sortable" id="occurrences"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')

EVENT_HEADERS = (("article", "text"), ("#", "num"), ("type", "text"), ("date_start", "text"),
                 ("date_end", "text"), ("time", "text"), ("venue", "text"), ("province", "text"),
                 ("online", "text"), ("participants", "num"), ("officials", "text"), ("agencies", "text"))


def _official(o: Mapping) -> str:
    name = esc(f"{o.get('honorific') or ''}{o.get('name') or ''}")
    return f"{name} <small>({esc(o['position'])})</small>" if o.get("position") else name


def events_table(events: list[dict], linked: set[str]) -> str:
    head = "".join(f'<th data-type="{kind}" title="click to sort">{esc(name)}</th>' for name, kind in EVENT_HEADERS)
    rows = []
    for e in events:
        doc_id = e.get("doc_id") or ""
        source = esc(e.get("source"))
        article = f'<a href="#doc-{esc(doc_id)}">{source}</a>' if doc_id in linked else source
        online = "" if e.get("online") is None else ("yes" if e["online"] else "no")
        participants = e.get("participants")
        cells = [
            (article, e.get("source") or ""),
            (esc(e.get("event_index")), e.get("event_index")),
            (esc(e.get("event_type")), None),
            (esc(_iso(e.get("date_start"))), None),
            (esc(_iso(e.get("date_end"))), None),
            (esc(time_range(e.get("time_start"), e.get("time_end"))), None),
            (esc(e.get("venue")), None),
            (esc(e.get("province")), None),
            (online, None),
            (esc(participants), participants),
            ("<br>".join(_official(o) for o in items(e.get("officials"))), None),
            ("<br>".join(esc(agency_label(a)) for a in items(e.get("agencies"))), None),
        ]
        tds = "".join(f"<td>{c}</td>" if key is None else f'<td data-sort="{esc(key)}">{c}</td>' for c, key in cells)
        rows.append(f"<tr>{tds}</tr>")
    return (f'<table class="sortable" id="events"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def mentions_table(mentions: list[dict]) -> str:
    rows = "".join(
        f'<tr><td><mark class="ent k-{esc(m.get("kind"))}">{esc(m.get("kind"))}</mark></td><td>{esc(m.get("text"))}'
        f'</td><td>{esc(m.get("value"))}</td><td>{esc(m.get("start"))}–{esc(m.get("end"))}</td></tr>'
        for m in sorted(mentions, key=lambda m: (m.get("start") or 0)))
    return ('<table class="mentions"><thead><tr><th>kind</th><th>text</th><th>value</th><th>offsets</th></tr>'
            f"</thead><tbody>{rows}</tbody></table>")


def legend() -> str:
    return '<p class="legend">' + "".join(
        f'<mark class="ent k-{esc(k)}">{esc(k)}</mark> ' for k in KIND_COLOURS) + "</p>"


def article_section(doc: dict, events: list[dict], mentions: list[dict], text: str | None) -> str:
    title = doc.get("title") or doc.get("source") or doc["doc_id"]
    meta = (f'{esc(doc.get("source"))} · doc_id {esc(doc["doc_id"])} · {len(events)} event(s) · '
            f'{len(mentions)} mention(s)')
    summary = "".join(
        f'<li>#{esc(e.get("event_index"))} {esc(e.get("event_type"))} · '
        f'{esc(date_range(e.get("date_start"), e.get("date_end")))} · {esc(e.get("venue"))} · '
        f'{esc(e.get("province"))}</li>' for e in events)
    if text is not None:
        body = f'<div class="text">{highlight_html(text, mentions)}</div>'
    else:
        body = ('<p class="missing">Source text not found (give the folder the run read with --input); '
                'the mentions found in it:</p>' + mentions_table(mentions))
    return (f'<section class="article" id="doc-{esc(doc["doc_id"])}"><h3>{esc(title)}</h3>'
            f'<p class="meta">{meta}</p><ul class="evs">{summary}</ul>{body}</section>')


# --- Page -------------------------------------------------------------------------------

# A Thai font every common system has, before the UI fonts (whose Latin-only faces would leave Thai
# to the browser's fallback, boxes where none is found): Windows (Leelawadee UI, Tahoma), macOS and
# iOS (Thonburi, Sukhumvit Set), Android and ChromeOS (Noto Sans Thai), Linux with fonts-thai-tlwg
# (Loma, Garuda, Waree) or fonts-noto.
FONT_STACK = ('"Leelawadee UI",Leelawadee,Thonburi,"Sukhumvit Set","Noto Sans Thai","Noto Sans Thai UI",'
              'Loma,Garuda,Waree,Tahoma,system-ui,-apple-system,"Segoe UI",sans-serif')
_CSS = """
body{font-family:FONT_STACK;margin:1.5rem auto;
max-width:1400px;padding:0 1rem;color:#222;line-height:1.5}
h1{font-size:1.5rem}h2{margin-top:2rem;border-bottom:1px solid #ddd}h3{font-size:1.05rem;margin-bottom:.2rem}
.summary span{margin-right:1.2rem}.charts{display:flex;flex-wrap:wrap;gap:1rem}
figure.chart{margin:0;border:1px solid #e3e3e3;border-radius:6px;padding:.5rem}
figcaption{font-weight:600;margin-bottom:.3rem}.bar{fill:#4c78a8}.bl,.bv{font-size:12px;fill:#333}
table{border-collapse:collapse;font-size:.85rem;width:100%}th,td{border:1px solid #ddd;padding:.25rem .4rem;
vertical-align:top;text-align:left}th{background:#f4f4f4;cursor:pointer;position:sticky;top:0;user-select:none}
th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
tbody tr:nth-child(even){background:#fafafa}.article{border-top:1px solid #eee;padding-top:.5rem}
.meta{color:#666;font-size:.8rem;margin:0}.text{white-space:pre-wrap;line-height:2.3;font-size:.95rem}
mark.ent{padding:.15em .35em;margin:0 .1em;border-radius:.35em;line-height:1;box-decoration-break:clone;
-webkit-box-decoration-break:clone}mark.ent mark.ent{padding:.05em .2em}
.lbl{font-size:.6em;font-weight:700;text-transform:uppercase;margin-left:.4em;vertical-align:middle;opacity:.75}
.missing{color:#a33}.legend mark{font-size:.8rem}.empty{color:#999}
""".replace("FONT_STACK", FONT_STACK)

_JS = """
document.querySelectorAll('table.sortable').forEach(function (table) {
  table.querySelectorAll('th').forEach(function (th, col) {
    th.addEventListener('click', function () {
      var asc = th.getAttribute('aria-sort') !== 'ascending';
      table.querySelectorAll('th').forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
      var num = th.dataset.type === 'num';
      var body = table.tBodies[0];
      var key = function (row) {
        var cell = row.cells[col];
        return cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent.trim();
      };
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = key(a), y = key(b);
        if (x === '' || y === '') { return (x === '') - (y === ''); }  // empty cells last either way
        var c = num ? parseFloat(x) - parseFloat(y) : x.localeCompare(y, 'th');
        return asc ? c : -c;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
});
"""


def _kind_css() -> str:
    return "".join(f"mark.k-{kind}{{background:{colour}}}" for kind, colour in KIND_COLOURS.items())


@dataclass(slots=True)
class ReportStats:
    documents: int
    events: int
    articles: int  # articles shown
    with_text: int  # of those, with their text found


def _mentions_of(out_dir: Path, doc_ids: list[str]) -> dict[str, list[dict]]:
    by_doc: dict[str, list[dict]] = defaultdict(list)
    if not doc_ids:
        return by_doc
    dataset = ds.dataset(table_path(out_dir, "mentions"), format="parquet")
    for row in dataset.to_table(filter=ds.field("doc_id").isin(doc_ids)).to_pylist():
        by_doc[row["doc_id"]].append(row)
    return by_doc


def build_report(out_dir: Path, inputs: Iterable[Path] = (), max_articles: int = 50,
                 max_rows: int = 5000) -> tuple[str, ReportStats]:
    """The HTML page and what it holds, for a run's output folder and the inputs the run read."""
    out_dir = Path(out_dir)
    events = list(iter_rows(out_dir, "events"))
    documents = list(iter_rows(out_dir, "documents"))
    events.sort(key=lambda e: (e.get("source") or "", e.get("event_index") or 0))
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for e in events:
        by_doc[e["doc_id"]].append(e)
    shown = [d for d in documents if d.get("status") == "ok"][:max(0, max_articles)]
    shown.sort(key=lambda d: d.get("source") or "")
    texts = load_texts(list(inputs), shown)
    mentions = _mentions_of(out_dir, [d["doc_id"] for d in shown])
    status = Counter(d.get("status") for d in documents)
    linked = {d["doc_id"] for d in shown}
    failed = [d for d in documents if d.get("status") in ("error", "empty")][:200]

    parts = [
        "<!DOCTYPE html><html lang=\"th\"><head><meta charset=\"utf-8\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>thai-extract report: {esc(out_dir.name)}</title><style>{_CSS}{_kind_css()}</style></head><body>",
        f"<h1>thai-extract report <small>{esc(out_dir)}</small></h1>",
        '<p class="summary">' + "".join(f"<span><b>{n}</b> {esc(k)}</span>" for k, n in (
            ("documents", len(documents)), *sorted(status.items(), key=lambda kv: str(kv[0])),
            ("events", len(events)))) + "</p>",
        f'<h2>Charts</h2><div class="charts">{charts(events)}</div>',
        f"<h2>Events</h2><p>{len(events)} rows"
        + (f", the first {max_rows} shown" if len(events) > max_rows else "")
        + "; click a column header to sort.</p>",
        events_table(events[:max_rows], linked),
        occurrences_section(out_dir, documents, linked),
    ]
    if failed:
        parts.append("<h2>Documents not processed</h2><table><thead><tr><th>source</th><th>status</th>"
                     "<th>error</th></tr></thead><tbody>" + "".join(
                         f"<tr><td>{esc(d.get('source'))}</td><td>{esc(d.get('status'))}</td>"
                         f"<td>{esc(d.get('error'))}</td></tr>" for d in failed) + "</tbody></table>")
    parts.append(f"<h2>Articles</h2><p>{len(shown)} of {status.get('ok', 0)} processed articles shown.</p>"
                 + legend())
    parts += [article_section(d, by_doc.get(d["doc_id"], []), mentions.get(d["doc_id"], []),
                              texts.get(d["doc_id"])) for d in shown]
    parts.append(f"<script>{_JS}</script></body></html>")
    stats = ReportStats(len(documents), len(events), len(shown), sum(d["doc_id"] in texts for d in shown))
    return "\n".join(parts), stats


def write_report(out_dir: Path, dest: Path, inputs: Iterable[Path] = (), max_articles: int = 50,
                 max_rows: int = 5000) -> ReportStats:
    page, stats = build_report(out_dir, inputs, max_articles, max_rows)
    Path(dest).write_text(page, encoding="utf-8")
    return stats
