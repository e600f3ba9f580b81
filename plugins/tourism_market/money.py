"""How rupiah and tokens are written for people: "Rp20.000", "10 koin"."""

from __future__ import annotations


def rupiah(amount: int) -> str:
    """Whole rupiah with dots between thousands, the Indonesian way; a minus before "Rp"."""
    sign = "-" if amount < 0 else ""
    return f"{sign}Rp{abs(int(amount)):,}".replace(",", ".")


def whole_number(text: str | None) -> int | None:
    """A non-negative whole number typed in a form ("20.000" and "20000" alike), else None."""
    cleaned = (text or "").strip().replace(".", "").replace(" ", "")
    if not cleaned.isdecimal() or len(cleaned) > 12:
        return None
    return int(cleaned)
