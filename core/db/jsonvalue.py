"""Piccolo returns JSON columns as text unless asked otherwise; read them back as values."""

from __future__ import annotations

import json
from typing import Any


def json_dict(value: Any) -> dict[str, Any]:
    if value is None or value == "":
        return {}
    if isinstance(value, str):
        loaded = json.loads(value)
        return loaded if isinstance(loaded, dict) else {}
    return dict(value)
