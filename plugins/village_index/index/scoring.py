"""Scores computed as the ministry does: indicator → dimension index → composite → status.

A dimension's index is the sum of its indicator scores over the most it could reach
(IKS = Σ score / (35 × 5) in IDM); the composite is the weighted mean of the dimension indices
(IDM = (IKS + IKE + IKL) / 3). Arithmetic is exact (`Fraction`) and a figure is rounded once, half
up, to the edition's published precision; the status is read from that published figure against
the edition's thresholds (a score equal to a bound takes the lower status). No float is involved,
so a score never drifts a digit from the hand computation.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from plugins.village_index.index.editions import Edition, Indicator, Status


@dataclass(frozen=True, slots=True)
class Score:
    """A computed assessment: the published figures and what holds the village back."""

    dimensions: dict[str, Decimal]
    """Dimension key → its published index (only dimensions with every indicator answered)."""
    composite: Decimal | None
    """The published composite; None while an indicator is unanswered."""
    status: Status | None
    missing: tuple[Indicator, ...]
    weakest: tuple[tuple[Indicator, int], ...]
    """Answered indicators scored at most `weak_at_most`, lowest first."""


def exact_decimal(edition: Edition, value: Fraction) -> Decimal:
    """`value` (a share from 0 to 1) on the edition's scale, rounded once, half up, to its
    published digits (dividing through `Decimal` first could round twice)."""
    scaled = value * Fraction(edition.scale) * 10**edition.digits
    whole, rest = divmod(scaled.numerator, scaled.denominator)
    if 2 * rest >= scaled.denominator:
        whole += 1
    return Decimal(whole).scaleb(-edition.digits)


def status_of(edition: Edition, figure: Decimal) -> Status:
    """The status of a published figure: the first whose upper bound it does not exceed."""
    for status in edition.statuses:
        if status.upper is None or figure <= status.upper:
            return status
    raise AssertionError("the top status has no bound")


def dimension_share(edition: Edition, key: str, answers: Mapping[str, int]) -> Fraction | None:
    """A dimension's index as an exact share of its maximum, or None while incomplete."""
    dimension = edition.dimension(key)
    assert dimension is not None
    scores = [answers.get(i.code) for i in dimension.indicators]
    if any(s is None for s in scores):
        return None
    span = edition.score_max - edition.score_min
    total = sum(s - edition.score_min for s in scores if s is not None)
    return Fraction(total, span * len(scores))


def score(edition: Edition, answers: Mapping[str, int]) -> Score:
    """Score one village's answers (indicator code → score) under `edition`."""
    shares = {d.key: dimension_share(edition, d.key, answers) for d in edition.dimensions}
    complete = {key: share for key, share in shares.items() if share is not None}
    composite = status = None
    if len(complete) == len(shares):
        weight = sum(Fraction(d.weight) for d in edition.dimensions)
        mean = sum(Fraction(d.weight) * complete[d.key] for d in edition.dimensions) / weight
        composite = exact_decimal(edition, mean)
        status = status_of(edition, composite)
    weak = sorted(
        (
            (indicator, answers[indicator.code])
            for indicator in edition.indicators
            if indicator.code in answers and answers[indicator.code] <= edition.weak_at_most
        ),
        key=lambda pair: (pair[1], pair[0].code),
    )
    return Score(
        dimensions={key: exact_decimal(edition, share) for key, share in complete.items()},
        composite=composite,
        status=status,
        missing=tuple(i for i in edition.indicators if i.code not in answers),
        weakest=tuple(weak),
    )


def to_units(edition: Edition, figure: Decimal) -> int:
    """A published figure as a whole number of its last digit (0.7403 → 7403), for storage."""
    return int(figure.scaleb(edition.digits))


def from_units(edition: Edition, units: int) -> Decimal:
    return Decimal(units).scaleb(-edition.digits)
