"""The one lexicon reader: every file in patterns/ has a source line and a header, a broken or
missing file is one clear error naming it, and a run with one stops before the first document."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from extract import lexicons
from extract.lexicons import LexiconError

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("path", sorted((REPO / "patterns").iterdir()), ids=lambda p: p.name)
def test_every_file_has_a_source_line_and_a_header(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# ") and len(first) > 20
    table = lexicons.rows(path.name)
    assert table and all(list(r) == list(table[0]) for r in table)


def test_rows_are_read_by_column_name() -> None:
    assert lexicons.columns("count_units.csv", "unit", "weight")[0] == ("คน", "1.0")
    assert ("พัทยา", "ชลบุรี", "city") in lexicons.columns("known_places.csv", "name", "province", "kind")
    assert lexicons.words("weekdays.txt")[0] == "จันทร์"
    assert lexicons.province_forms()["กทม."] == ("กรุงเทพมหานคร", "TH-10")
    assert len({name for name, _ in lexicons.province_forms().values()}) == 77


@pytest.fixture
def patterns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(lexicons, "PATTERNS", tmp_path)
    for f in (lexicons.rows, lexicons.columns, lexicons.words):
        f.cache_clear()
    yield tmp_path
    for f in (lexicons.rows, lexicons.columns, lexicons.words):
        f.cache_clear()


@pytest.mark.parametrize(("content", "problem"), [
    ("name,kind\nพัทยา,city\n", "first line must be a comment"),
    ("# source: test\n", "no header row"),
    ("# source: test\nname,kind\nพัทยา,city,extra\n", ":3: 3 cells for the 2 columns"),
    ("# source: test\nname,name\nพัทยา,city\n", ":2: the header needs distinct column names"),
])
def test_a_malformed_file_is_one_error_naming_it(patterns: Path, content: str, problem: str) -> None:
    (patterns / "broken.csv").write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=problem) as e:
        lexicons.rows("broken.csv")
    assert str(patterns / "broken.csv") in str(e.value)


def test_a_missing_file_or_column_is_an_error_naming_it(patterns: Path) -> None:
    with pytest.raises(LexiconError, match=r"missing\.tsv: cannot be read"):
        lexicons.rows("missing.tsv")
    (patterns / "t.tsv").write_text("# source: test\nform\tmonth\nมกราคม\t1\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"t\.tsv: no column 'name'"):
        lexicons.columns("t.tsv", "form", "name")


def test_a_run_without_a_lexicon_stops_before_any_document(tmp_path: Path) -> None:
    # The package laid out as the wheel's is, next to a patterns/ folder that lacks months.tsv.
    shutil.copytree(REPO / "extract", tmp_path / "extract", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "patterns", tmp_path / "patterns", ignore=shutil.ignore_patterns("months.tsv"))
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "extract", "run", str(REPO / "data" / "raw"), "--out", str(out),
                           "--no-progress"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert "cannot start" in proc.stderr and "months.tsv" in proc.stderr
    assert not (out / "documents.parquet").exists()


def test_every_relative_day_row_names_the_core_word_the_fast_search_looks_for() -> None:
    """dates._relative_matches looks for a row's match only around its core word: a row without
    one, or with one its regex does not contain, would never be found."""
    from extract import lexicons

    for kind, regex, core in lexicons.columns("relative_days.tsv", "kind", "regex", "core"):
        if kind not in ("offset", "weekday"):
            continue
        words = [w for w in core.split("|") if w]
        assert words, f"relative_days.tsv row {regex!r} has no core"
        for w in words:
            assert w.removeprefix("วัน") in regex, f"core {w!r} is not written in {regex!r}"
