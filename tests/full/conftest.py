"""Full-mode tests train for minutes to an hour. The suite's 15-minute limit per test
(pyproject.toml) is there to stop a hung quick test; a full test gets two hours instead."""

from __future__ import annotations

import pytest

FULL_TEST_TIMEOUT = 2 * 60 * 60  # seconds


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("full") is not None:
            item.add_marker(pytest.mark.timeout(FULL_TEST_TIMEOUT))
