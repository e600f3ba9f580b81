"""Social aid tests load population beside it (its requirement) and fill a village's register the
way a village operator does (see `register_desk`)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.social_aid.register_desk import RegisterDesk


@pytest.fixture
def kampung_plugins() -> tuple[str, ...]:
    return ("population", "social_aid")


@pytest.fixture
async def desk(kampung: Any) -> RegisterDesk:
    village = await kampung.village(0)
    return RegisterDesk(village, await kampung.login("village_admin", village))
