"""This repository's suite tests the plugins it ships, whatever else is installed beside them.

A plugin installed in the same environment (one made with `kampung new-plugin`, say) is judged
by tests/contract, which sweeps every installed plugin; everywhere else `kampung_plugins = None`
means the bundled plugins only, so such a plugin cannot change what this suite sees.
"""

from __future__ import annotations

import pytest

from core.testing.installed import plugins_of

DISTRIBUTION = "kampung"


@pytest.fixture
def kampung_available_plugins() -> tuple[str, ...]:
    """The plugins this repository's pyproject registers."""
    return plugins_of(DISTRIBUTION)
