"""The "for people" commands: show, report, export, eval. Thin: parse, call the library, print.

extract/cli.py registers them: ``app.command("show")(commands.show)`` and so on.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def _fail(message: str, code: int = 2) -> None:
    typer.secho(f"error: {message}", err=True, fg="red")
    raise typer.Exit(code)


def _need_output(out_dir: Path) -> None:
    if not (out_dir / "events.parquet").exists():
        _fail(f"no events.parquet in {out_dir}: run `thai-extract run INPUT --out {out_dir}` first")


def show(
    file: Annotated[str, typer.Argument(help="An article file, or one record of a JSONL/CSV/Parquet file: FILE#id.")],
    labels: Annotated[bool, typer.Option(help="Print each value's kind after it, as well as its colour.")] = True,
    width: Annotated[int, typer.Option(help="Terminal width (0 = detect).")] = 0,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder whose inputs a `source` value is "
                                      "relative to.")] = Path("data/processed"),
    inputs: Annotated[list[Path] | None, typer.Option(
        "--input", "-i", help="A folder a `source` value is relative to; repeatable.")] = None,
) -> None:
    """Print an article with every extracted value highlighted in place, then its events.

    FILE is a path, or a value of the output's `source` column (found under the inputs that
    the run in --out read, or under --input).

    Example: thai-extract show data/raw/pattaya.txt
    """
    from rich.console import Console

    from extract.paths import recorded_inputs
    from extract.review import NotFound, load, render

    try:
        shown = load(file, [*(inputs or []), *recorded_inputs(out)])
    except NotFound as e:
        _fail(str(e))
    render(shown, Console(width=width or None, highlight=False), labels=labels)
    if (out / "events.parquet").exists():
        _same_occurrence(out, shown.document["doc_id"])
    if shown.document["status"] == "error":
        raise typer.Exit(1)


def _same_occurrence(out: Path, doc_id: str) -> None:
    """The other articles that report each of this article's events (their clusters in --out)."""
    from extract.link import other_articles

    for index, sources in sorted(other_articles(out, doc_id).items()):
        typer.echo(f"event #{index} is also reported by: " + "; ".join(sources))


def report(
    out_dir: Annotated[Path, typer.Argument(help="Output directory of `thai-extract run`.")],
    html: Annotated[Path, typer.Option("--html", help="HTML file to write.")] = Path("report.html"),
    inputs: Annotated[list[Path] | None, typer.Option(
        "--input", "-i", help="The folder (or file) the run read, to show article texts; repeatable.")] = None,
    max_articles: Annotated[int, typer.Option(help="Articles shown with their highlighted text.")] = 50,
    max_rows: Annotated[int, typer.Option(help="Rows of the events table.")] = 5000,
) -> None:
    """Write one self-contained HTML page: charts, a sortable events table, highlighted articles.

    Example: thai-extract report data/processed --input data/raw --html report.html
    """
    from extract.paths import Refused, check_destination
    from extract.report import write_report

    _need_output(out_dir)
    missing = [str(p) for p in inputs or [] if not p.exists()]
    if missing:
        _fail(f"no such input: {', '.join(missing)}")
    try:
        check_destination(html, out_dir, inputs or [])
    except Refused as e:
        _fail(str(e))
    try:
        stats = write_report(out_dir, html, inputs or [], max_articles, max_rows)
    except OSError as e:
        _fail(f"cannot write {html}: {e.strerror or e}")
    typer.echo(f"{stats.documents} documents, {stats.events} events; {stats.articles} articles shown "
               f"({stats.with_text} with their text) -> {html}")


def export(
    out_dir: Annotated[Path, typer.Argument(help="Output directory of `thai-extract run`.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv, jsonl or xlsx.")] = "csv",
    out: Annotated[Path | None, typer.Option("--out", "-o", help="File to write (default OUT_DIR/TABLE.FORMAT).")]
    = None,
    table: Annotated[str, typer.Option(help="events, documents, mentions or clusters.")] = "events",
) -> None:
    """Write a table as a flat file for spreadsheets (lists joined with "; "; CSV in UTF-8 with BOM).

    Example: thai-extract export data/processed --format xlsx --out events.xlsx
    """
    from extract.export import FORMATS, TABLES
    from extract.export import export as run_export
    from extract.paths import Refused, check_destination

    if fmt not in FORMATS:
        _fail(f"unknown format {fmt!r}: use {', '.join(FORMATS)}")
    if table not in TABLES:
        _fail(f"unknown table {table!r}: use {', '.join(TABLES)}")
    if not (out_dir / f"{table}.parquet").exists():
        _fail(f"no {table}.parquet in {out_dir}: run `thai-extract run INPUT --out {out_dir}` first")
    try:
        check_destination(out or out_dir / f"{table}.{fmt}", out_dir)
    except Refused as e:
        _fail(str(e))
    try:
        dest, n = run_export(out_dir, fmt, out, table)
    except ImportError as e:
        _fail(str(e))
    except OSError as e:
        _fail(f"cannot write {out}: {e.strerror or e}")
    typer.echo(f"{n} {table} rows -> {dest}")


def evaluate(
    out_dirs: Annotated[list[Path], typer.Argument(help="Output directories (or events Parquet files).")],
    gold: Annotated[Path, typer.Option("--gold", help="Gold file, JSON Lines (see the gold GUIDE).")],
    show_errors: Annotated[bool, typer.Option("--show-errors", help="List every disagreement.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as one JSON object.")] = False,
    only_present: Annotated[bool, typer.Option(
        "--only-present", help="Score only the gold articles that have a document in the output.")] = False,
) -> None:
    """Per-field precision, recall and F1 against a gold file, with the team scorer's matching rules.

    Example: thai-extract eval data/processed --gold gold/dev.jsonl --show-errors
    """
    import json

    from extract.evaluate import evaluate_paths, format_errors, format_table, missing_gold

    if not gold.is_file():
        _fail(f"no such gold file: {gold}")
    missing = [str(p) for p in out_dirs if not p.exists()]
    if missing:
        _fail(f"no such output: {', '.join(missing)}")
    try:
        missing, total = missing_gold(out_dirs, gold)
        if only_present and missing == total:
            _fail(f"none of the {total} gold articles has a document in {', '.join(map(str, out_dirs))}")
        if missing and not only_present:
            typer.secho(f"warning: {missing} of {total} gold articles have no document in the output and are "
                        f"scored as misses; --only-present scores the {total - missing} that have one",
                        err=True, fg="yellow")
        result = evaluate_paths(out_dirs, gold, only_present)
    except FileNotFoundError as e:
        _fail(str(e))
    except (ValueError, KeyError) as e:
        _fail(f"cannot read {gold}: {type(e).__name__}: {e}")
    scores = result.result()
    typer.echo(json.dumps(scores, ensure_ascii=False) if as_json else format_table(scores))
    if show_errors and result.errors:
        typer.echo(f"\n{len(result.errors)} disagreements (article, field, gold, predicted):")
        typer.echo(format_errors(result.errors))
