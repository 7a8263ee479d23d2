"""thai-extract: Thai press releases and news articles to a Parquet event table.

>>> from extract import extract_events
>>> extract_events("วันนี้ (18 ม.ค. 61) เวลา 14.00 น.")[0].date_start
datetime.date(2018, 1, 18)
"""

from . import settings  # noqa: F401  (sets the offline guard before pythainlp loads)


def __getattr__(name: str):
    # Imported on first use: a run's driver never loads the extractors, only its workers do.
    if name == "extract_events":
        from .analyse import extract_events

        return extract_events
    if name == "run":
        from .runner import run

        return run
    raise AttributeError(name)


__all__ = ["extract_events", "run"]
__version__ = settings.__version__
