"""The market's tests judge the plugin alone (helpers in `tests/tourism_market/markets.py`)."""

from __future__ import annotations

import pytest


@pytest.fixture
def kampung_plugins() -> tuple[str, ...]:
    return ("tourism_market",)
