"""A fixed discrete distribution drawn with a single ``random()`` call.

``random.choices`` builds a list per call; a million residents need a dozen draws each, so the
generator precomputes cumulative weights once and bisects.
"""

from __future__ import annotations

from bisect import bisect
from collections.abc import Mapping
from itertools import accumulate
from random import Random
from typing import Generic, TypeVar

T = TypeVar("T")


class Weighted(Generic[T]):
    """Values with relative weights; ``draw`` returns one value with probability weight/total."""

    __slots__ = ("_cumulative", "_values")

    def __init__(self, weights: Mapping[T, float]) -> None:
        if not weights or min(weights.values()) < 0 or sum(weights.values()) <= 0:
            raise ValueError("weights must be non-negative and not all zero")
        total = sum(weights.values())
        self._values = tuple(weights)
        self._cumulative = [c / total for c in accumulate(weights.values())]
        # random() < 1, but rounding must never index past the last value.
        self._cumulative[-1] = float("inf")

    def draw(self, rng: Random) -> T:
        return self._values[bisect(self._cumulative, rng.random())]
