"""thai-extract: the command line. Parses arguments, calls the library, prints."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Turn Thai press releases and news articles into a Parquet event table.")


@app.callback()
def _main() -> None:
    """Turn Thai press releases and news articles into a Parquet event table."""


def _fail(message: str) -> None:
    typer.secho(f"error: {message}", err=True, fg="red")
    raise typer.Exit(2)


@app.command()
def run(
    inputs: Annotated[list[Path], typer.Argument(help="Files or folders of articles.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output directory.")] = Path("data/processed"),
) -> None:
    """Extract events from articles and write events/documents/mentions.parquet.

    Example: thai-extract run data/raw --out data/processed
    """
    from extract.pipeline import run as run_pipeline

    missing = [str(p) for p in inputs if not p.exists()]
    if missing:
        _fail(f"no such file or folder: {', '.join(missing)}")
    try:
        summary = run_pipeline(inputs, out)
    except OSError as e:
        _fail(f"cannot write output to {out}: {e.strerror or e}")
    typer.echo(f"{summary.documents} documents: {summary.ok} ok, {summary.failed} failed, {summary.empty} empty; "
               f"{summary.events} events in {summary.seconds:.1f} s -> {out}")
    for err in summary.errors[:20]:
        typer.echo(f"  failed: {err}", err=True)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
