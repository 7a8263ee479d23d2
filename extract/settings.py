"""Process-wide settings: versions and the offline guard for pythainlp."""

from __future__ import annotations

import os
from pathlib import Path

PIPELINE_VERSION = "0.1.0"
ROOT = Path(__file__).resolve().parent.parent

# pythainlp must never try a download: everything it needs ships in its wheel or in this repo.
os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
os.environ.setdefault("PYTHAINLP_DATA", str(Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "thai-extract" / "pythainlp-data"))
