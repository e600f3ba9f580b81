"""The PPID tests' fixture: the public desk of a village."""

from __future__ import annotations

from typing import Any

import pytest
from ppid_desk import Desk


@pytest.fixture
def desk(kampung: Any) -> Desk:
    return Desk(kampung)
