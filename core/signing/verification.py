"""Check a signed PDF offline: is it the document that was signed, by whom, do we trust them.

An unreadable or unsigned file is a report with everything false, not an exception: "this copy
is not genuine" is an ordinary answer for a verification page.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO

from asn1crypto import x509 as asn1_x509
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import async_validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext


@dataclass(frozen=True)
class SignatureReport:
    """What the last signature in a PDF says about it."""

    intact: bool
    """The signed bytes are unchanged."""
    valid: bool
    """The signature over them is cryptographically correct."""
    trusted: bool
    """The signer's certificate chains to one of the given trust roots."""
    whole_document: bool
    """Nothing was appended to the file after signing."""
    signer_name: str | None
    signed_at: datetime | None
    """Signing time the signer stated (no timestamp authority is involved)."""
    signed_hash: str
    """SHA-256 (hex) of the PDF bytes as checked, to compare with the hash stored at signing."""

    @property
    def genuine(self) -> bool:
        return self.intact and self.valid and self.trusted and self.whole_document


async def verify_pdf(pdf: bytes, trust_roots: Sequence[asn1_x509.Certificate]) -> SignatureReport:
    """Validate the most recent signature in `pdf` against `trust_roots`, offline."""
    signed_hash = hashlib.sha256(pdf).hexdigest()
    context = ValidationContext(trust_roots=list(trust_roots), allow_fetching=False)
    nothing = SignatureReport(False, False, False, False, None, None, signed_hash)
    try:
        signatures = PdfFileReader(BytesIO(pdf)).embedded_regular_signatures
        if not signatures:
            return nothing
        status = await async_validate_pdf_signature(signatures[-1], context)
    except (PdfError, ValueError):
        return nothing
    finally:
        await context.aclose()
    return SignatureReport(
        intact=status.intact,
        valid=status.valid,
        trusted=status.trusted,
        whole_document=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
        signer_name=status.signing_cert.subject.native.get("common_name"),
        signed_at=status.signer_reported_dt,
        signed_hash=signed_hash,
    )
