"""`show`: the article with its values highlighted in place, and its events table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from rich.console import Console
from typer.testing import CliRunner

from extract import commands
from extract.review import highlighted, load, nest_spans, render

REPO = Path(__file__).resolve().parents[1]
RAW = REPO / "data" / "raw"
PATTAYA = RAW / "000_e239ff99cf73e3c0.txt"


def _app() -> typer.Typer:
    app = typer.Typer()
    app.command("show")(commands.show)
    app.command("noop")(lambda: None)  # two commands, so "show" is a sub-command as in extract/cli.py
    return app


def _render(spec: str, labels: bool = True) -> str:
    console = Console(record=True, width=1000, color_system=None)
    render(load(spec), console, labels=labels)
    return console.export_text()


def test_show_prints_the_values_and_the_event_row():
    out = _render(str(PATTAYA))
    # in place, with the kind after the value
    assert "(24 มีนาคม 2566[date])" in out
    assert "โดยมีพลเอก จิระ โกมุทพงศ์[person] กรรมการ ป.ป.ท.[position]" in out
    assert "ศาลาว่าการเมืองพัทยา[province][venue]" in out  # the province nested inside the venue
    # the events table
    row = next(line for line in out.splitlines() if "2023-03-24" in line)
    assert "workshop" in row and "ชลบุรี" in row and "│ no " in row
    assert "พลเอกจิระ โกมุทพงศ์" in out
    assert "legend:" in out


def test_show_without_labels_prints_the_text_unchanged():
    out = _render(str(PATTAYA), labels=False)
    assert "ที่ห้องประชุม ทัพพระยา ศาลาว่าการเมืองพัทยา (24 มีนาคม 2566)" in out
    assert "[date]" not in out


def test_highlight_styles_cover_exactly_the_mention():
    text = "วันที่ 16 มีนาคม 2566 เวลา 09.00 น. ณ ห้องประชุมบางแก้ว"
    mentions = [{"kind": "date", "start": 7, "end": 21}, {"kind": "time", "start": 22, "end": 35}]
    rich_text = highlighted(text, mentions, labels=False)
    assert rich_text.plain == text
    styled = [(s.start, s.end, str(s.style)) for s in rich_text.spans]
    assert styled == [(7, 21, "black on #bfe1d9"), (22, 35, "black on #e4e7d2")]
    assert text[7:21] == "16 มีนาคม 2566" and text[22:35] == "เวลา 09.00 น."


@pytest.mark.parametrize(("spans", "expected"), [
    # nested: province inside venue
    ([("venue", 2, 23), ("province", 10, 23)], [("venue", 2, 23, [("province", 10, 23)])]),
    # crossing: the later one is dropped
    ([("position", 0, 12), ("agency", 8, 20)], [("position", 0, 12, [])]),
    # the same span twice is drawn once
    ([("date", 3, 9), ("date", 3, 9)], [("date", 3, 9, [])]),
    # same span, two kinds: the more specific (earlier in the palette) outside
    ([("agency", 0, 10), ("province", 0, 10)], [("province", 0, 10, [("agency", 0, 10)])]),
    # offsets outside the text or empty are ignored
    ([("date", 20, 40), ("time", 5, 5), ("count", 1, 4)], [("count", 1, 4, [])]),
])
def test_nest_spans(spans, expected):
    text = "ณ ศาลากลางจังหวัดชลบุรี ววว"
    root = nest_spans(text, [{"kind": k, "start": s, "end": e} for k, s, e in spans])
    got = [(c.kind, c.start, c.end, [(g.kind, g.start, g.end) for g in c.children]) for c in root.children]
    assert got == expected


def test_show_one_record_of_a_jsonl(tmp_path):
    records = [{"id": "a", "text": (RAW / "001_00ef7231d710a660.txt").read_text(encoding="utf-8")},
               {"id": "b", "text": PATTAYA.read_text(encoding="utf-8")}]
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    out = _render(f"{path}#b")
    assert "news.jsonl#b" in out and "2023-03-24" in out and "2023-03-16" not in out
    assert "2023-03-16" in _render(str(path))  # no #id: the first record


def test_show_command():
    runner = CliRunner()
    result = runner.invoke(_app(), ["show", str(PATTAYA), "--width", "180", "--no-labels"])
    assert result.exit_code == 0, result.output
    assert "2023-03-24" in result.output and "จิระ โกมุทพงศ์" in result.output
    missing = runner.invoke(_app(), ["show", str(RAW / "nope.txt")])
    assert missing.exit_code == 2 and "no such file" in missing.output
    no_record = runner.invoke(_app(), ["show", f"{PATTAYA}#7"])
    assert no_record.exit_code == 2


def test_narrow_terminal_gets_one_line_per_field():
    console = Console(record=True, width=100, color_system=None)
    render(load(str(PATTAYA)), console, labels=False)
    lines = console.export_text().splitlines()
    assert any(line.startswith("│ dates        │ 2023-03-24 ") for line in lines)
    assert any(line.startswith("│ province     │ ชลบุรี ") for line in lines)
    assert any(line.startswith("│              │ นายอำนาจ เจริญศรี (รองผู้ว่าราชกาลจังหวัดชลบุรี) ") for line in lines)


def test_show_accepts_what_source_holds_from_another_folder(tmp_path, monkeypatch):
    import shutil

    import pyarrow.parquet as pq

    from extract.runner import Options, run

    inp = tmp_path / "corpus"
    (inp / "2023").mkdir(parents=True)
    shutil.copy(PATTAYA, inp / "2023" / "pattaya.txt")
    records = [{"id": "b", "text": (RAW / "004_5dbed38c37cc912e.txt").read_text(encoding="utf-8")}]
    (inp / "news.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                                    encoding="utf-8")
    out = tmp_path / "out"
    run([inp], out, Options(workers=1))
    sources = sorted(pq.read_table(out / "events.parquet").column("source").to_pylist())
    assert sources == ["2023/pattaya.txt", "news.jsonl#b"]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    runner = CliRunner()
    for source, date in zip(sources, ["2023-03-24", "2024-04-23"], strict=True):
        result = runner.invoke(_app(), ["show", source, "--out", str(out), "--width", "180"])
        assert result.exit_code == 0, result.output
        assert source in result.output and date in result.output
    missing = runner.invoke(_app(), ["show", "2023/nope.txt", "--out", str(out)])
    assert missing.exit_code == 2 and "no such file" in missing.output and str(inp) in missing.output
