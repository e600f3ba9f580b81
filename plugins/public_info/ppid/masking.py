"""Identity numbers as a public page may show them: never whole."""

from __future__ import annotations

SHOWN = 4


def mask_identity(number: str) -> str:
    """All but the last four characters hidden, so a requester recognises their own number
    and nobody else learns it (a NIK's first twelve digits give region, birth date and sex)."""
    if len(number) <= SHOWN:
        return "*" * len(number)
    return "*" * (len(number) - SHOWN) + number[-SHOWN:]
