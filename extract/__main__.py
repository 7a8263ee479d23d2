"""``python -m extract``: the same command line as ``thai-extract``."""

from .cli import main

if __name__ == "__main__":
    main()
