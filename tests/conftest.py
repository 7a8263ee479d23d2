from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture
def shared() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared is not present")
    return SHARED


# The slowest modules, slowest first. xdist (--dist loadscope) hands out whole modules in
# collection order, so these start at once on the two workers instead of last on one of them.
SLOW_FIRST = ("test_runner.py", "test_regex_safety.py", "test_reliability.py", "test_run.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {name: i for i, name in enumerate(SLOW_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(SLOW_FIRST)))
