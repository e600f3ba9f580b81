"""Dates as Indonesian letters write them ("23 November 2026", "Senin, 23 November 2026")."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date


def format_letter_date(day: date) -> str:
    """Return the long Indonesian date used in the place-and-date line and in letter bodies."""
    return format_date(day, "d MMMM y", locale="id")


def format_letter_day_date(day: date) -> str:
    """Return the date with its weekday, as birth and death letters state when an event happened."""
    return format_date(day, "EEEE, d MMMM y", locale="id")
