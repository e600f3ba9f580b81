"""Paper the village office loads: A4, or F4 (folio, 215 × 330 mm) that many still print on."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm

from plugins.population.books.filters import Paper

SIZES: dict[Paper, tuple[float, float]] = {"A4": A4, "F4": (215 * mm, 330 * mm)}


def portrait(paper: Paper) -> tuple[float, float]:
    return SIZES[paper]


def wide(paper: Paper) -> tuple[float, float]:
    """The page turned sideways, as the wide books are printed."""
    return landscape(SIZES[paper])
