"""The plugin judged alone: only it (and what it requires) is loaded in these tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def kampung_plugins() -> tuple[str, ...]:
    return ("village_index",)
