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


SLOW_FILES_FIRST = (
    "tests/browser/",
    "tests/theme/test_phone_browser.py",
    "tests/core/test_english_population_pages.py",
    "tests/core/test_links_open_per_role.py",
    "tests/core/test_no_inline_code.py",
    "tests/core/test_security_headers.py",
    "tests/reliability/test_tenant_isolation_property.py",
    "tests/tourism_market/test_market_demo.py",
)
"""Files that build the whole demo or sweep every route: a minute each. Run first, so the
xdist workers share them out and end on short files instead of one worker finishing alone."""


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    root = config.rootpath

    def slow(item: pytest.Item) -> bool:
        path = item.path.relative_to(root).as_posix()
        return path.startswith(SLOW_FILES_FIRST)

    items.sort(key=lambda item: not slow(item))
