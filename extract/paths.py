"""Where a command may write: never over an input, never over one of the output's own tables.

A run records its inputs in ``OUT/.inputs.json`` so that ``export`` and ``report`` can refuse
a destination that is an input, or a file inside an input folder that the next run would read
as an article. The output folder itself is never read as input (``ingest.iter_sources`` skips
it when it lies inside an input folder; ``run X --out X`` is refused).

>>> within(Path("/data/in/a.txt"), Path("/data/in")), within(Path("/data/out"), Path("/data/in"))
(True, False)
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

INPUTS_FILE = ".inputs.json"
TABLES = ("events", "documents", "mentions")
PARTS = ".parts"


class Refused(ValueError):
    """A destination or output folder that would destroy an input or the output itself."""


def within(path: Path, root: Path) -> bool:
    """``path`` is ``root`` or lies under it (both taken as given: resolve them first)."""
    return path == root or root in path.parents


def _resolved(path: str | Path) -> Path:
    return Path(os.path.abspath(Path(path).expanduser())).resolve()


def record_inputs(out_dir: Path, inputs: Iterable[str | Path]) -> None:
    """Add this run's inputs (absolute) to those recorded in the output folder."""
    known = {str(p) for p in recorded_inputs(out_dir)} | {str(_resolved(p)) for p in inputs}
    tmp = Path(out_dir) / f"{INPUTS_FILE}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps(sorted(known), ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, Path(out_dir) / INPUTS_FILE)


def recorded_inputs(out_dir: Path) -> list[Path]:
    try:
        return [Path(p) for p in json.loads((Path(out_dir) / INPUTS_FILE).read_text(encoding="utf-8"))]
    except (OSError, ValueError, TypeError):
        return []


def check_output_folder(out_dir: Path, inputs: Iterable[str | Path]) -> None:
    """Refuse an output folder that is an input folder: its tables would be read back as articles."""
    out = _resolved(out_dir)
    for given in inputs:
        if _resolved(given) == out:
            raise Refused(f"the output folder {out_dir} is an input too: its tables would be read back as "
                          f"articles; write elsewhere (an output folder inside the input, {Path(given) / 'out'}, "
                          "is skipped when the input is read)")
    if out.is_file():
        raise Refused(f"--out {out_dir} is a file, not a folder")


def check_destination(dest: Path, out_dir: Path, inputs: Iterable[str | Path] = ()) -> None:
    """Refuse to write ``dest`` over one of the output's tables, an input, or a file in an input folder
    that the next run would read (a format ``run`` reads)."""
    from .ingest import _kind

    target, out = _resolved(dest), _resolved(out_dir)
    for name in (*(f"{t}.parquet" for t in TABLES), PARTS, INPUTS_FILE):
        if within(target, out / name):
            raise Refused(f"refusing to write {dest}: it is the output's own {name}; choose another file")
    for root in [*recorded_inputs(out_dir), *(_resolved(p) for p in inputs)]:
        if not within(target, root) or within(target, out):
            continue
        if target == root or _kind(target)[0] is not None:
            raise Refused(f"refusing to write {dest}: it is an input of this output, or inside the input "
                          f"{root} where the next run would read it; choose a file outside the input")
