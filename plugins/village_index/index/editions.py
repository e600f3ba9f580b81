"""Index editions read from data files, so a new edition of the index is a file, not code.

An edition (IDM of Permendesa 2/2016, Indeks Desa of Permendesa 9/2024, …) names its dimensions,
the indicators of each (grouped as the ministry's questionnaire groups them), the range of an
indicator's score, the scale and precision of the published figures and the five status
thresholds. `data/*.json` holds one edition each; `edition_for_year` picks the one in force.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"


class EditionError(ValueError):
    """An edition file is inconsistent; the message names the file and the fix."""


@dataclass(frozen=True, slots=True)
class Indicator:
    code: str
    name: str
    group: str
    dimension: str
    """The key of the dimension it belongs to."""


@dataclass(frozen=True, slots=True)
class Dimension:
    key: str
    code: str
    """The short name the ministry prints (IKS, IKE, IKL)."""
    name: str
    weight: Decimal
    columns: tuple[str, ...]
    """Header names (lower case) of this dimension's column in the ministry's spreadsheet."""
    indicators: tuple[Indicator, ...]


@dataclass(frozen=True, slots=True)
class Status:
    key: str
    label: str
    upper: Decimal | None
    """The highest score that still has this status; None for the top status."""


@dataclass(frozen=True, slots=True)
class Edition:
    key: str
    title: str
    decree: str
    first_year: int
    last_year: int | None
    score_min: int
    score_max: int
    weak_at_most: int
    """An indicator scored at most this holds the village back (shown as what to improve)."""
    scale: Decimal
    """The composite and dimension figures run from 0 to this (1 for IDM, 100 for Indeks Desa)."""
    digits: int
    """Decimal places of a published figure."""
    score_label: str
    score_columns: tuple[str, ...]
    status_columns: tuple[str, ...]
    statuses: tuple[Status, ...]
    dimensions: tuple[Dimension, ...]
    note: str = ""

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        return tuple(i for d in self.dimensions for i in d.indicators)

    def dimension(self, key: str) -> Dimension | None:
        return next((d for d in self.dimensions if d.key == key), None)

    def indicator(self, code: str) -> Indicator | None:
        return next((i for i in self.indicators if i.code == code), None)

    def status(self, key: str) -> Status | None:
        return next((s for s in self.statuses if s.key == key), None)

    def covers(self, year: int) -> bool:
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)

    @property
    def quantum(self) -> Decimal:
        """The step of a published figure: 0.0001 for IDM."""
        return Decimal(1).scaleb(-self.digits)


STATUS_KEYS = ("sangat_tertinggal", "tertinggal", "berkembang", "maju", "mandiri")
"""The five statuses, lowest first; both editions use the same names."""


def _dimension(raw: dict[str, Any]) -> Dimension:
    indicators = tuple(
        Indicator(code=code, name=name, group=group["name"], dimension=raw["key"])
        for group in raw["groups"]
        for code, name in group["indicators"]
    )
    return Dimension(
        key=raw["key"],
        code=raw["code"],
        name=raw["name"],
        weight=Decimal(raw["weight"]),
        columns=tuple(c.lower() for c in raw["columns"]),
        indicators=indicators,
    )


def parse_edition(raw: dict[str, Any], source: str) -> Edition:
    """An edition from its JSON form; refuses what could not be scored consistently."""
    statuses = tuple(
        Status(s["key"], s["label"], None if s["upper"] is None else Decimal(s["upper"]))
        for s in raw["statuses"]
    )
    edition = Edition(
        key=raw["key"],
        title=raw["title"],
        decree=raw["decree"],
        first_year=int(raw["first_year"]),
        last_year=None if raw["last_year"] is None else int(raw["last_year"]),
        score_min=int(raw["score_min"]),
        score_max=int(raw["score_max"]),
        weak_at_most=int(raw["weak_at_most"]),
        scale=Decimal(raw["scale"]),
        digits=int(raw["digits"]),
        score_label=raw["score_label"],
        score_columns=tuple(c.lower() for c in raw["score_columns"]),
        status_columns=tuple(c.lower() for c in raw["status_columns"]),
        statuses=statuses,
        dimensions=tuple(_dimension(d) for d in raw["dimensions"]),
        note=raw.get("note", ""),
    )
    _check(edition, source)
    return edition


def _check(edition: Edition, source: str) -> None:
    if tuple(s.key for s in edition.statuses) != STATUS_KEYS:
        raise EditionError(f"{source}: statuses must be {', '.join(STATUS_KEYS)}, lowest first")
    uppers = [s.upper for s in edition.statuses]
    if uppers[-1] is not None or any(u is None for u in uppers[:-1]):
        raise EditionError(f"{source}: every status but the last needs an upper bound")
    bounds = [u for u in uppers if u is not None]
    if bounds != sorted(bounds) or len(set(bounds)) != len(bounds):
        raise EditionError(f"{source}: status bounds must rise strictly")
    codes = [i.code for i in edition.indicators]
    if len(codes) != len(set(codes)):
        raise EditionError(f"{source}: an indicator code appears twice")
    if any(not d.indicators or d.weight <= 0 for d in edition.dimensions):
        raise EditionError(f"{source}: every dimension needs indicators and a positive weight")
    if not edition.score_min < edition.score_max:
        raise EditionError(f"{source}: score_min must be below score_max")


@cache
def editions() -> tuple[Edition, ...]:
    """Every edition shipped in `data/`, oldest first."""
    found = [
        parse_edition(json.loads(path.read_text(encoding="utf-8")), path.name)
        for path in sorted(DATA.glob("*.json"))
    ]
    return tuple(sorted(found, key=lambda e: e.first_year))


def edition(key: str) -> Edition | None:
    return next((e for e in editions() if e.key == key), None)


def edition_for_year(year: int) -> Edition | None:
    """The edition in force for a survey year, or None before the first edition."""
    return next((e for e in reversed(editions()) if e.covers(year)), None)
