"""Process-wide settings: versions and the offline guard for pythainlp."""

from __future__ import annotations

import hashlib
import os
from importlib.resources import files
from pathlib import Path

__version__ = "0.1.0"

PACKAGE = Path(str(files(__package__)))
# The lexicons live in patterns/ at the top of the repository (the design card's layout); the
# wheel maps that folder into the package as extract/patterns (pyproject.toml, package-dir).
PATTERNS_DIR = PACKAGE / "patterns" if (PACKAGE / "patterns").is_dir() else PACKAGE.parent / "patterns"
MODELS_DIR = PACKAGE / "models"


def _fingerprint() -> str:
    """A short hash of the code, lexicons and model, so that any change to what the
    pipeline would output makes the incremental mode reprocess the documents."""
    h = hashlib.sha256()
    paths = sorted(PACKAGE.glob("*.py")) + sorted(PATTERNS_DIR.glob("*")) + sorted(MODELS_DIR.glob("*"))
    for f in paths:
        if f.is_file():
            h.update(f.name.encode())
            # Models are large: their size and name stand for them.
            h.update(str(f.stat().st_size).encode() if f.parent.name == "models" else f.read_bytes())
    return h.hexdigest()[:8]


PIPELINE_VERSION = f"{__version__}+{_fingerprint()}"
MAX_DOC_CHARS = 2_000_000  # characters in one document; no article is this long

# pythainlp must never try a download: everything it needs ships in its wheel or in this repo.
os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
os.environ.setdefault("PYTHAINLP_DATA", str(Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "thai-extract" / "pythainlp-data"))
