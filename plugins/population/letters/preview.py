"""The draft preview: the letter as it will print, for the secretary and the head to read
before they approve it.

It is rendered on each request and never stored, so it can never be served as the signed
file; it carries no number and no QR code, and every page is stamped ``DRAF — TIDAK SAH``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from core.kernel import Kernel
from core.localtime import local_day
from core.tenancy.context import Tenant
from plugins.population.letters.issue import (
    head_position,
    letterhead_for,
    village_names,
)
from plugins.population.letters.kinds import kind_title
from plugins.population.letters.pdf import LetterDocument, Signatory, render_letter_pdf

__all__ = ["PREVIEW_STATUSES", "render_preview"]

PREVIEW_STATUSES = frozenset({"draf", "diperiksa"})
"""A letter with a body that is not signed yet; a signed one has its real PDF instead."""


async def render_preview(
    kernel: Kernel, tenant: Tenant, letter: dict[str, Any], now: datetime
) -> bytes:
    """The unsigned, unnumbered, stamped PDF of a draft (dated today, as it would be if signed)."""
    names = await village_names(kernel, tenant)
    document = LetterDocument(
        letterhead=letterhead_for(tenant, names),
        title=kind_title(letter["kind"]),
        number="",
        body=letter["body"],
        place=names.village,
        issued_on=local_day(now),
        signatory=Signatory(position=head_position(tenant), name="(belum ditandatangani)"),
        verify_url="",
        preview=True,
    )
    return render_letter_pdf(document, paper=letter["paper"])
