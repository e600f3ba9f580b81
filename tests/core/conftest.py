from __future__ import annotations

import pytest


@pytest.fixture
def kampung_plugins() -> tuple[str, ...]:
    """The core's own tests load no installed plugin, only the samples they name."""
    return ()
