"""A regency's own immunisation schedule, read from the JSON file its config names.

    [health]
    immunisation_schedule = "/etc/kampung/jadwal-imunisasi.json"

The file is a list of doses with the national schedule's fields; each is checked when the
instance starts, and the first fault stops it with one line naming the entry and the field.

    [{"key": "hb0", "label": "HB0", "due_months": 0, "overdue_days": 1, "basic": true}, ...]
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from core.config import Settings
from plugins.health.immunisation.schedule import NATIONAL_SCHEDULE, Dose, Schedule

SETTING = "immunisation_schedule"
KEY = re.compile(r"[a-z0-9_]{1,20}")
OLDEST_MONTHS = 72
"""Doses of the under-five schedule fall by the sixth birthday."""
FIELDS = {"key", "label", "due_months", "due_days", "overdue_days", "endemic_only", "basic"}


class ScheduleFileError(ValueError):
    """The regency's schedule file cannot be used; the message names where and why."""


def _whole(entry: dict[str, Any], field: str, low: int, high: int, where: str) -> int | None:
    value = entry.get(field)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ScheduleFileError(f"{where}: {field} must be a whole number {low}–{high}")
    return value


def _dose(entry: Any, number: int, seen: set[str], source: str) -> Dose:
    where = f"config: [health] {SETTING} {source}: dose {number}"
    if not isinstance(entry, dict):
        raise ScheduleFileError(f"{where} must be an object with key, label and due_months")
    key = entry.get("key")
    if not isinstance(key, str) or not KEY.fullmatch(key):
        raise ScheduleFileError(f"{where}: key must be 1–20 lowercase letters, digits or _")
    where = f"{where} ({key})"
    if key in seen:
        raise ScheduleFileError(f"{where}: key appears twice")
    seen.add(key)
    unknown = set(entry) - FIELDS
    if unknown:
        raise ScheduleFileError(f"{where}: unknown field {sorted(unknown)[0]}")
    label = entry.get("label")
    if not isinstance(label, str) or not label.strip():
        raise ScheduleFileError(f"{where}: label must be text")
    due_months = _whole(entry, "due_months", 0, OLDEST_MONTHS, where)
    if due_months is None:
        raise ScheduleFileError(f"{where}: due_months is missing")
    flags = {name: entry.get(name, False) for name in ("endemic_only", "basic")}
    for name, flag in flags.items():
        if not isinstance(flag, bool):
            raise ScheduleFileError(f"{where}: {name} must be true or false")
    return Dose(
        key,
        label.strip(),
        due_months,
        due_days=_whole(entry, "due_days", 0, 31, where) or 0,
        overdue_days=_whole(entry, "overdue_days", 1, 366, where),
        **flags,
    )


@lru_cache(maxsize=4)
def load_schedule(path: str) -> Schedule:
    try:
        entries = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise ScheduleFileError(
            f"config: [health] {SETTING}: cannot read {path} ({error.strerror})"
        ) from None
    except ValueError as error:
        raise ScheduleFileError(
            f"config: [health] {SETTING}: {path} is not JSON ({error})"
        ) from None
    if not isinstance(entries, list) or not entries:
        raise ScheduleFileError(f"config: [health] {SETTING}: {path} must be a list of doses")
    seen: set[str] = set()
    return Schedule(tuple(_dose(entry, n, seen, path) for n, entry in enumerate(entries, 1)))


def configured_path(settings: Settings) -> str | None:
    section = settings.extra.get("health", {})
    value = section.get(SETTING) if isinstance(section, dict) else None
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ScheduleFileError(f"config: [health] {SETTING} must be the path of a JSON file")
    return value.strip()


def schedule_of(settings: Settings) -> Schedule:
    """The regency's schedule where its config names one, else the national schedule."""
    path = configured_path(settings)
    return NATIONAL_SCHEDULE if path is None else load_schedule(path)


def settings_problems(settings: Settings) -> list[str]:
    """What stops the instance from starting with this config: a bad schedule file."""
    try:
        schedule_of(settings)
    except ScheduleFileError as error:
        return [str(error)]
    return []
