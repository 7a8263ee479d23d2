"""The command line as a user meets it: help that renders, clear refusals, honest summaries."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.cli import app

REPO = Path(__file__).resolve().parents[1]

# What each command's help must show, among them the texts rich markup used to eat or choke on.
HELP = {
    "run": ["INPUT", "--out", "--workers", "'.[dask]'", "Example: thai-extract run"],
    "show": ["FILE#id", "Example: thai-extract show"],
    "report": ["--html", "--input", "Example: thai-extract report"],
    "export": ["--format", "csv, jsonl or xlsx", "Example: thai-extract export"],
    "eval": ["--gold", "--show-errors", "Example: thai-extract eval"],
    "ner-eval": ["[PERSON]...[/PERSON]", "Example: thai-extract ner-eval"],
}


@pytest.mark.parametrize("command", list(HELP))
def test_every_command_help_renders(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"], terminal_width=200)
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    for wanted in HELP[command]:
        assert wanted in text, (wanted, result.output)


def test_top_level_help_lists_every_command() -> None:
    result = CliRunner().invoke(app, ["--help"], terminal_width=200)
    assert result.exit_code == 0
    for command in HELP:
        assert command in result.output


RAW = REPO / "data" / "raw"  # the five seed articles
DAY = "วันที่ 16 มีนาคม 2566 เวลา 09.00 น. ณ ห้องประชุมบางแก้ว ประชุมเชิงปฏิบัติการ"


def _run(*args: str):
    return CliRunner().invoke(app, ["run", *args, "--no-progress", "--workers", "1"])


@pytest.fixture
def run_out(tmp_path: Path) -> tuple[Path, Path]:
    """An input folder (a copy of the seeds and one JSONL) and the output of a run over it."""
    import shutil

    inp = tmp_path / "in"
    shutil.copytree(RAW, inp)
    (inp / "a.jsonl").write_text('{"id": "1", "text": "' + DAY + '"}\n', encoding="utf-8")
    out = tmp_path / "out"
    assert _run(str(inp), "--out", str(out)).exit_code == 0
    return inp, out


def _bytes(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("dest", ["in/a.jsonl", "in/x.txt", "in/new.csv", "out/events.parquet",
                                  "out/documents.parquet", "out/mentions.parquet"])
def test_export_refuses_an_input_or_a_table_of_the_output(run_out, dest: str) -> None:
    inp, out = run_out
    (inp / "x.txt").write_text(DAY, encoding="utf-8")
    before = _bytes(inp.parent)
    target = inp.parent / dest
    result = CliRunner().invoke(app, ["export", str(out), "--format", "csv", "--out", str(target)])
    assert result.exit_code == 2, result.output
    assert "refusing to write" in result.output
    assert _bytes(inp.parent) == before  # nothing replaced, nothing added


@pytest.mark.parametrize("dest", ["in/x.txt", "in/report.html", "out/events.parquet"])
def test_report_refuses_an_input_or_a_table_of_the_output(run_out, dest: str) -> None:
    inp, out = run_out
    (inp / "x.txt").write_text(DAY, encoding="utf-8")
    before = _bytes(inp.parent)
    result = CliRunner().invoke(app, ["report", str(out), "--input", str(inp), "--html", str(inp.parent / dest)])
    assert result.exit_code == 2, result.output
    assert "refusing to write" in result.output
    assert _bytes(inp.parent) == before


def test_export_and_report_still_write_beside_the_output(run_out) -> None:
    inp, out = run_out
    assert CliRunner().invoke(app, ["export", str(out), "--format", "csv"]).exit_code == 0
    assert (out / "events.csv").exists()
    html = inp.parent / "report.html"
    assert CliRunner().invoke(app, ["report", str(out), "--input", str(inp), "--html", str(html)]).exit_code == 0
    # An output folder's files are never read back as input.
    again = _run(str(inp), "--out", str(out))
    assert again.exit_code == 0 and again.output.startswith("6 documents"), again.output


def test_run_refuses_its_input_folder_as_output(tmp_path: Path) -> None:
    import shutil

    inp = tmp_path / "in"
    shutil.copytree(RAW, inp)
    result = _run(str(inp), "--out", str(inp))
    assert result.exit_code == 2
    assert "is an input" in result.output
    assert sorted(p.name for p in inp.iterdir()) == sorted(p.name for p in RAW.iterdir())


def test_an_output_folder_inside_the_input_is_never_read(tmp_path: Path) -> None:
    import shutil

    inp = tmp_path / "in"
    shutil.copytree(RAW, inp)
    out = inp / "out"
    first = _run(str(inp), "--out", str(out))
    assert first.exit_code == 0 and first.output.startswith("5 documents")
    assert CliRunner().invoke(app, ["export", str(out), "--format", "jsonl"]).exit_code == 0
    again = _run(str(inp), "--out", str(out), "--force")
    assert again.exit_code == 0 and again.output.startswith("5 documents: 5 ok"), again.output


def test_out_that_is_a_file_and_negative_workers_are_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = _run(str(RAW), "--out", str(blocker))
    assert result.exit_code == 2 and "is a file, not a folder" in result.output
    assert blocker.read_text(encoding="utf-8") == "x"
    for option, value in (("--workers", "-3"), ("--batch-size", "0"), ("--doc-timeout", "-1")):
        result = CliRunner().invoke(app, ["run", str(RAW), "--out", str(tmp_path / "o"), option, value])
        assert result.exit_code == 2 and option in result.output, (option, result.output)
    assert not (tmp_path / "o").exists()


def test_unsupported_files_get_a_row_and_are_counted(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "scan.pdf").write_bytes(b"%PDF-1.4\n" + bytes(100))
    out = tmp_path / "out"
    result = _run(str(inp), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "1 unsupported" in result.output and result.output.startswith("1 documents")
    (doc,) = pq.read_table(out / "documents.parquet").to_pylist()
    assert (doc["source"], doc["status"]) == ("scan.pdf", "unsupported")
    assert doc["error"].startswith("scan.pdf: unsupported file type .pdf")


def test_rerun_summary_says_what_was_added_and_what_the_output_holds(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = _run(str(RAW), "--out", str(out))
    assert first.exit_code == 0
    assert "5 events added; the output holds 5 documents and 5 events" in first.output
    again = _run(str(RAW), "--out", str(out))
    assert again.exit_code == 0
    assert "5 skipped (already done); 0 events added; the output holds 5 documents and 5 events" in again.output


def test_rerun_retries_failed_documents_and_strict_sees_every_failure_in_the_output(tmp_path: Path) -> None:
    import shutil

    import pyarrow.parquet as pq

    first_in, second_in = tmp_path / "a", tmp_path / "b"
    shutil.copytree(RAW, first_in)
    second_in.mkdir()
    (second_in / "x.txt").write_text(DAY, encoding="utf-8")
    out = tmp_path / "out"
    # A limit no article meets: every document fails, as after a timeout or a setup fault since fixed.
    failed = _run(str(first_in), "--out", str(out), "--doc-timeout", "0.0001", "--strict")
    assert failed.exit_code == 1 and "5 failed" in failed.output, failed.output
    # Another input, --strict: this run went well but the output still holds the 5 failures.
    other = _run(str(second_in), "--out", str(out), "--strict")
    assert other.exit_code == 1 and "1 ok" in other.output
    assert "the output holds 5 failed documents" in other.output
    # A plain rerun retries them (no --force), and each document keeps one row.
    retried = _run(str(first_in), "--out", str(out), "--strict")
    assert retried.exit_code == 0, retried.output
    assert retried.output.startswith("5 documents: 5 ok, 0 failed")
    docs = pq.read_table(out / "documents.parquet").to_pylist()
    assert sorted((d["source"], d["status"]) for d in docs) == sorted(
        [(p.name, "ok") for p in RAW.iterdir()] + [("x.txt", "ok")])
    events = pq.read_table(out / "events.parquet").to_pylist()
    assert len(events) == 6 and len({e["event_id"] for e in events}) == 6


def test_progress_shows_a_total_and_the_time_left(tmp_path: Path) -> None:
    import io

    from rich.console import Console

    from extract.cli import run_with_progress
    from extract.runner import Options
    from extract.runner import run as run_pipeline

    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=120, color_system=None)
    summary = run_with_progress(run_pipeline, [RAW], tmp_path / "out", Options(workers=1, batch_size=1),
                                True, console=console)
    assert summary.ok == 5
    frames = screen.getvalue()
    assert "5/5" in frames and "?" not in frames.replace("\x1b[?25l", "").replace("\x1b[?25h", "")
    assert "left" in frames  # the time-left column


@pytest.mark.parametrize("workers", [1, 2])
def test_progress_moves_a_document_at_a_time(shared: Path, tmp_path: Path, workers: int) -> None:
    """One share of 60 articles (under the default batch of 200) still moves the bar as documents
    finish, not once when the share is done."""
    from extract.runner import Options
    from extract.runner import run as run_pipeline

    steps: list[int] = []
    total: list[int] = []

    def tick(documents: int, t: int | None = None) -> None:
        if t is not None:
            total.append(t)
        steps.append(documents)

    run_pipeline([shared / "corpus" / "dev2"], tmp_path / "out", Options(workers=workers, batch_size=200),
                 on_progress=tick)
    assert total == [60] and sum(steps) == 60
    assert max(steps) < 60, steps
