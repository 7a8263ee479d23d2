"""thai-extract: the command line. Parses arguments, calls the library, prints.

Installed as the ``thai-extract`` script; also ``python -m extract`` and, in a checkout, ``python cli.py``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Turn Thai press releases and news articles into a Parquet event table.")


@app.callback()
def _main() -> None:
    """Turn Thai press releases and news articles into a Parquet event table."""


def _fail(message: str, code: int = 2) -> None:
    typer.secho(f"error: {message}", err=True, fg="red")
    raise typer.Exit(code)


@app.command()
def run(
    inputs: Annotated[list[Path], typer.Argument(help="Files or folders of articles (.txt .md .html .jsonl .csv .parquet, .gz/.zst).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output directory.")] = Path("data/processed"),
    workers: Annotated[int, typer.Option("--workers", "-w", help="Parallel processes (default: all cores).")] = 0,
    force: Annotated[bool, typer.Option("--force", help="Reprocess documents already in the output.")] = False,
    text_field: Annotated[str | None, typer.Option(help="Text column of JSONL/CSV/Parquet input.")] = None,
    id_field: Annotated[str | None, typer.Option(help="Id column of JSONL/CSV/Parquet input.")] = None,
    engine: Annotated[str, typer.Option(help="local, or dask (pip install '.[dask]').")] = "local",
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address; none starts a LocalCluster.")] = None,
    doc_timeout: Annotated[float, typer.Option(help="Seconds allowed per document; 0 = no limit.")] = 60.0,
    batch_size: Annotated[int, typer.Option(help="Documents per batch (and per checkpoint).")] = 200,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when any document failed.")] = False,
    fail_fast: Annotated[bool, typer.Option("--fail-fast", help="Stop at the first failed document.")] = False,
    progress: Annotated[bool, typer.Option(help="Show a progress bar.")] = True,
) -> None:
    """Extract events from articles and write events/documents/mentions.parquet.

    Example: thai-extract run data/raw --out data/processed --workers 2
    """
    from extract.pipeline import Options, SetupError
    from extract.pipeline import run as run_pipeline

    missing = [str(p) for p in inputs if not p.exists()]
    if missing:
        _fail(f"no such file or folder: {', '.join(missing)}")
    if engine not in ("local", "dask"):
        _fail(f"unknown engine {engine!r}: use local or dask")
    source_options = {k: v for k, v in (("text_field", text_field), ("id_field", id_field)) if v}
    opts = Options(workers=workers or os.cpu_count() or 1, force=force, batch_size=max(1, batch_size),
                   doc_timeout=doc_timeout or None, fail_fast=fail_fast, engine=engine, scheduler=scheduler,
                   source_options=source_options)
    try:
        summary = _run_with_progress(run_pipeline, inputs, out, opts, progress)
    except SetupError as e:
        _fail(f"the pipeline cannot start, no document was processed: {e}", 1)
    except OSError as e:
        _fail(f"cannot write output to {out}: {e.strerror or e}")
    except ImportError as e:
        _fail(f"{e}. Install the extra: pip install '.[dask]'")
    rate = summary.processed / summary.seconds if summary.seconds else 0.0
    typer.echo(
        f"{summary.documents} documents: {summary.ok} ok, {summary.failed} failed, {summary.empty} empty, "
        f"{summary.duplicate} duplicate, {summary.skipped} skipped (already done); {summary.events} events; "
        f"{summary.seconds:.1f} s ({rate:.0f} docs/s) -> {out}"
    )
    for err in summary.errors[:20]:
        typer.echo(f"  failed: {err}", err=True)
    if len(summary.errors) > 20:
        typer.echo(f"  ... and {len(summary.errors) - 20} more (status = 'error' in documents.parquet)", err=True)
    if summary.stopped_early:
        _fail("stopped at the first failed document (--fail-fast)", 1)
    if strict and summary.failed:
        raise typer.Exit(1)


def _run_with_progress(run_pipeline, inputs, out, opts, show: bool):
    if not show:
        return run_pipeline(inputs, out, opts)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]:.0f} docs/s"), TimeElapsedColumn()]
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task("extracting", total=None, rate=0.0)

        def tick(_result) -> None:
            bar.advance(task)
            elapsed = bar.tasks[0].elapsed or 0
            bar.update(task, rate=bar.tasks[0].completed / elapsed if elapsed else 0.0)

        return run_pipeline(inputs, out, opts, on_document=tick)


@app.command("ner-eval")
def ner_eval(
    file: Annotated[Path, typer.Argument(help="A file in ThaiNER's inline format ([PERSON]...[/PERSON]).")],
) -> None:
    """Entity-level precision, recall and F1 per type of the shipped NER model.

    Example: thai-extract ner-eval ../shared/ner/thainer-1.5/test.txt
    """
    if not file.is_file():
        _fail(f"no such file: {file}")
    from extract.ner import evaluate, format_eval

    typer.echo(format_eval(evaluate(file)))


# Review, report, export and evaluation: thin commands over extract.review/report/export/evaluate.
from extract import commands  # noqa: E402

app.command("show")(commands.show)
app.command("report")(commands.report)
app.command("export")(commands.export)
app.command("eval")(commands.evaluate)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
