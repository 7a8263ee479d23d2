"""thai-extract: the command line. Parses arguments, calls the library, prints.

Installed as the ``thai-extract`` script; also ``python -m extract`` and, in a checkout, ``python cli.py``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

# Plain help text: rich markup would eat "[dask]" and choke on "[/PERSON]" in the options' help.
app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False, rich_markup_mode=None,
                  help="Turn Thai press releases and news articles into a Parquet event table.")


@app.callback()
def _main() -> None:
    """Turn Thai press releases and news articles into a Parquet event table."""


def _fail(message: str, code: int = 2) -> None:
    typer.secho(f"error: {message}", err=True, fg="red")
    raise typer.Exit(code)


@app.command()
def run(
    inputs: Annotated[list[Path], typer.Argument(metavar="INPUT", help="Files or folders of articles (.txt .md .html .jsonl .csv .parquet, .gz/.zst).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output directory.")] = Path("data/processed"),
    workers: Annotated[int, typer.Option("--workers", "-w", min=0, help="Parallel processes (default: all cores).")] = 0,
    force: Annotated[bool, typer.Option("--force", help="Reprocess documents already in the output.")] = False,
    text_field: Annotated[str | None, typer.Option(help="Text column of JSONL/CSV/Parquet input.")] = None,
    id_field: Annotated[str | None, typer.Option(help="Id column of JSONL/CSV/Parquet input.")] = None,
    engine: Annotated[str, typer.Option(help="local, or dask (pip install '.[dask]').")] = "local",
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address; none starts a LocalCluster.")] = None,
    doc_timeout: Annotated[float, typer.Option(min=0, help="Seconds allowed per document; 0 = no limit.")] = 60.0,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per batch (and per checkpoint).")] = 200,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when any document failed.")] = False,
    fail_fast: Annotated[bool, typer.Option("--fail-fast", help="Stop at the first failed document.")] = False,
    progress: Annotated[bool, typer.Option(help="Show a progress bar.")] = True,
) -> None:
    """Extract events from articles and write events/documents/mentions.parquet.

    Example: thai-extract run data/raw --out data/processed --workers 2
    """
    from extract.paths import Refused
    from extract.runner import Options, SetupError
    from extract.runner import run as run_pipeline

    missing = [str(p) for p in inputs if not p.exists()]
    if missing:
        _fail(f"no such file or folder: {', '.join(missing)}")
    if engine not in ("local", "dask"):
        _fail(f"unknown engine {engine!r}: use local or dask")
    source_options = {k: v for k, v in (("text_field", text_field), ("id_field", id_field)) if v}
    opts = Options(workers=workers or os.cpu_count() or 1, force=force, batch_size=batch_size,
                   doc_timeout=doc_timeout or None, fail_fast=fail_fast, engine=engine, scheduler=scheduler,
                   source_options=source_options)
    try:
        summary = run_with_progress(run_pipeline, inputs, out, opts, progress)
    except SetupError as e:
        _fail(f"the pipeline cannot start, no document was processed: {e}", 1)
    except Refused as e:
        _fail(str(e))
    except OSError as e:
        _fail(f"cannot write output to {out}: {e.strerror or e}")
    except ImportError as e:
        _fail(f"{e}. Install the extra: pip install '.[dask]'")
    rate = summary.processed / summary.seconds if summary.seconds else 0.0
    from extract.export import row_count

    # What this run added, then what the output holds: "0 events" alone read as an empty table.
    typer.echo(
        f"{summary.documents} documents: {summary.ok} ok, {summary.failed} failed, {summary.empty} empty, "
        f"{summary.duplicate} duplicate, {summary.unsupported} unsupported, {summary.skipped} skipped (already done); {summary.events} events added; "
        f"the output holds {row_count(out, 'documents'):,} documents and {row_count(out, 'events'):,} events; "
        f"{summary.seconds:.1f} s ({rate:.0f} docs/s) -> {out}"
    )
    for err in summary.errors[:20]:
        typer.echo(f"  failed: {err}", err=True)
    if summary.failed > len(summary.errors[:20]):
        typer.echo(f"  ... and {summary.failed - len(summary.errors[:20])} more (status = 'error' in "
                   "documents.parquet)", err=True)
    if summary.stopped_early:
        _fail("stopped at the first failed document (--fail-fast)", 1)
    failed_in_output = row_count(out, "documents", status="error")
    if strict and (summary.failed or failed_in_output):
        _fail(f"--strict: the output holds {failed_in_output:,} failed documents (status = 'error' in "
              "documents.parquet; a rerun tries them again)", 1)


def run_with_progress(run_pipeline, inputs, out, opts, show: bool, console=None):
    """The run under a progress bar: documents done of the total, rate, time elapsed and left."""
    if not show:
        return run_pipeline(inputs, out, opts)
    from rich import progress as rp

    columns = [rp.TextColumn("{task.description}"), rp.BarColumn(), rp.MofNCompleteColumn(),
               rp.TextColumn("{task.fields[rate]:.0f} docs/s"), rp.TimeElapsedColumn(), rp.TimeRemainingColumn(),
               rp.TextColumn("left")]
    with rp.Progress(*columns, transient=True, console=console) as bar:
        tasks = []

        def tick(documents: int, total: int | None = None) -> None:
            # The total comes with the plan: records counted while the inputs were cut into shares.
            if total is not None and not tasks:
                tasks.append(bar.add_task("extracting", total=total, rate=0.0))
            bar.advance(tasks[0], documents)
            elapsed = bar.tasks[0].elapsed or 0
            bar.update(tasks[0], rate=bar.tasks[0].completed / elapsed if elapsed else 0.0)

        return run_pipeline(inputs, out, opts, on_progress=tick)


@app.command("ner-eval")
def ner_eval(
    file: Annotated[Path, typer.Argument(help="A file in ThaiNER's inline format ([PERSON]...[/PERSON]).")],
) -> None:
    """Entity-level precision, recall and F1 per type of the shipped NER model.

    Example: thai-extract ner-eval ../shared/ner/thainer-1.5/test.txt
    """
    if not file.is_file():
        _fail(f"no such file: {file}")
    from extract.ner_training import evaluate, format_eval

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
