"""The public-information plugin's tests load it alone, as a third-party plugin's suite would."""

from __future__ import annotations

import pytest


@pytest.fixture
def kampung_plugins() -> tuple[str, ...]:
    return ("public_info",)
