"""The command line from a checkout, without installing: ``python cli.py run data/raw``.

The commands live in ``extract/cli.py`` (installed as ``thai-extract`` and ``python -m extract``).
"""

from extract.cli import app, main

__all__ = ["app", "main"]

if __name__ == "__main__":
    main()
