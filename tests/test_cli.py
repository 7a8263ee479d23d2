"""The command line as a user meets it: help that renders, clear refusals, honest summaries."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from cli import app  # noqa: E402

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
