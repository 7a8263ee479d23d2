"""`eval` scores exactly as the team's scorer (../shared/gold/score.py) does."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from extract import commands
from extract.evaluate import PRF, as_hhmm, evaluate, fuzzy_same, same_province
from extract.runner import Options, run

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SETS = {"seeds": SHARED / "seeds", "dev": SHARED / "corpus" / "dev"}


def _app() -> typer.Typer:
    app = typer.Typer()
    app.command("eval")(commands.evaluate)
    app.command("noop")(lambda: None)
    return app


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, Path]:
    if not (SHARED / "gold" / "score.py").exists():
        pytest.skip("../shared is not present")
    outs = {}
    for name, folder in SETS.items():
        outs[name] = tmp_path_factory.mktemp(name)
        run([folder], outs[name], Options(workers=1))
    return outs


def _scorer(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SHARED / "gold" / "score.py"), *args],
                          capture_output=True, text=True, check=True, timeout=60)


@pytest.mark.parametrize("name", list(SETS))
def test_eval_prints_the_scorers_table(outputs, name):
    gold = str(SHARED / "gold" / f"{name}.jsonl")
    expected = _scorer(str(outputs[name]), "--gold", gold, "--show-errors")
    result = CliRunner().invoke(_app(), ["eval", str(outputs[name]), "--gold", gold, "--show-errors"])
    assert result.exit_code == 0, result.output
    table, _, errors = result.output.partition("\n\n")
    assert table.splitlines() == expected.stdout.splitlines()
    assert table.splitlines()[0] == "field               P      R     F1    tp    fp    fn"
    # same disagreements (the scorer prints them to stderr; their order among positions follows a set)
    # (events lines name the whole event where the scorer prints only a date or a venue)
    ours = [line for line in errors.splitlines() if line.startswith("  ")]
    theirs = expected.stderr.splitlines()
    assert sorted(x for x in ours if "\tevents\t" not in x) == sorted(x for x in theirs if "\tevents\t" not in x)
    assert len([x for x in ours if "\tevents\t" in x]) == len([x for x in theirs if "\tevents\t" in x])


@pytest.mark.parametrize("name", list(SETS))
def test_eval_json_equals_the_scorers(outputs, name):
    gold = str(SHARED / "gold" / f"{name}.jsonl")
    expected = json.loads(_scorer(str(outputs[name]), "--gold", gold, "--json").stdout)
    result = CliRunner().invoke(_app(), ["eval", str(outputs[name]), "--gold", gold, "--json"])
    assert json.loads(result.output) == expected


@pytest.mark.parametrize(("gold", "pred", "same"), [
    ("ห้องประชุม ทัพพระยา ศาลาว่าการเมืองพัทยา", "ห้องประชุมทัพพระยา ศาลาว่าการเมืองพัทยา จังหวัดชลบุรี", True),
    ("ห้องประชุมบางแก้ว", "ห้องประชุมบางแก้ว องค์การบริหารส่วนจังหวัดฉะเชิงเทรา", False),  # under half of the longer
    ("ห้องประชุม ๑", "ห้องประชุม 1", True),  # Thai digits
    ("", "ห้องประชุม", False),
])
def test_fuzzy_same(gold, pred, same):
    assert fuzzy_same(gold, pred) is same


@pytest.mark.parametrize(("gold", "pred", "same"), [
    ("ชลบุรี", "จังหวัดชลบุรี", True), ("ชลบุรี", "ชลบุรี", True), ("ชลบุรี", "ระยอง", False),
    ("จังหวัดชลบุรี", "ชลบุรี", False),  # only the prediction's prefix is dropped, as in the scorer
])
def test_same_province(gold, pred, same):
    assert same_province(gold, pred) is same


@pytest.mark.parametrize(("value", "hhmm"), [("9.00", "09:00"), ("13:30 น.", "13:30"), (None, None), ("", None)])
def test_as_hhmm(value, hhmm):
    assert as_hhmm(value) == hhmm


def test_nothing_expected_nothing_found_is_perfect_and_a_wrong_value_counts_twice():
    assert PRF().scores() == (1.0, 1.0, 1.0)
    gold = [{"doc": "a.txt", "events": [{"date_start": "2023-03-24", "province": "ชลบุรี"}], "agencies": []}]
    preds = {"a.txt": [{"event_index": 0, "date_start": "2023-03-25", "province": "จังหวัดชลบุรี"}]}
    ev = evaluate(gold, preds)
    assert (ev.prf["date_start"].tp, ev.prf["date_start"].fp, ev.prf["date_start"].fn) == (0, 1, 1)
    assert ev.prf["province"].tp == 1
    assert ("a.txt", "date_start", "2023-03-24", "2023-03-25") in ev.errors


def test_eval_command_errors(tmp_path):
    runner = CliRunner()
    missing = runner.invoke(_app(), ["eval", str(tmp_path), "--gold", str(tmp_path / "gold.jsonl")])
    assert missing.exit_code == 2 and "no such gold file" in missing.output
    (tmp_path / "gold.jsonl").write_text("", encoding="utf-8")
    empty = runner.invoke(_app(), ["eval", str(tmp_path), "--gold", str(tmp_path / "gold.jsonl")])
    assert empty.exit_code == 2 and "no events table" in empty.output


def test_events_errors_name_the_gold_event_not_an_agency():
    # An undated visit whose venue is a company: the scorer printed the company, which read as an agency.
    gold = [{"doc": "a.txt", "events": [
        {"event_type": "meeting", "date_start": "2019-07-25", "venue": "ห้องประชุมอัษฏางค์ กระทรวงมหาดไทย",
         "province": "กรุงเทพมหานคร"},
        {"event_type": "visit", "date_start": None, "venue": "บริษัท ริกิ การ์เม้นส์ จำกัด", "province": "ราชบุรี"}],
        "agencies": [["บริษัท ริกิ การ์เม้นส์ จำกัด"]]}]
    pred = {"a.txt": [{"event_index": 0, "date_start": "2019-07-25", "venue": "ห้องประชุมอัษฏางค์",
                       "event_type": "meeting", "agencies": []},
                      {"event_index": 1, "date_start": "2019-07-26", "venue": "ตลาดน้ำ", "event_type": "visit",
                       "province": "ราชบุรี", "agencies": []}]}
    errors = [(g, p) for doc, f, g, p in evaluate(gold, pred).errors if f == "events"]
    assert errors == [("no date, visit, at บริษัท ริกิ การ์เม้นส์ จำกัด, ราชบุรี", None),
                      (None, "2019-07-26, visit, at ตลาดน้ำ, ราชบุรี")]


def test_eval_warns_about_gold_articles_without_a_document_and_only_present(outputs):
    gold = SHARED / "gold" / "dev.jsonl"
    articles = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    seeds = CliRunner().invoke(_app(), ["eval", str(outputs["seeds"]), "--gold", str(gold)])
    assert seeds.exit_code == 0
    assert f"{len(articles)} of {len(articles)} gold articles have no document in the output" in seeds.output
    assert "--only-present" in seeds.output
    only = CliRunner().invoke(_app(), ["eval", str(outputs["seeds"]), "--gold", str(gold), "--only-present",
                                       "--json"])
    assert only.exit_code == 2 and "none of the" in only.output
    full = CliRunner().invoke(_app(), ["eval", str(outputs["dev"]), "--gold", str(gold), "--only-present",
                                       "--json"])
    assert json.loads(full.output)["_docs"] == len(articles)
    assert "no document" not in full.output
