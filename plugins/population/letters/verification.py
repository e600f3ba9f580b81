"""Check a signed letter PDF: is it the document that was signed, by whom, and do we trust them.

Used by the public verification page and when an uploaded copy is compared with the archive;
an unreadable or unsigned file is a report with everything false, not an exception, because
"this copy is not genuine" is an ordinary answer there.
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
    """What the last signature in a letter PDF says about it."""

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
    """SHA-256 (hex) of the PDF bytes as checked, for storing with the issued letter."""

    @property
    def genuine(self) -> bool:
        """Whether the file can be shown as an authentic, unmodified letter."""
        return self.intact and self.valid and self.trusted and self.whole_document


def _not_genuine(signed_hash: str) -> SignatureReport:
    return SignatureReport(
        intact=False,
        valid=False,
        trusted=False,
        whole_document=False,
        signer_name=None,
        signed_at=None,
        signed_hash=signed_hash,
    )


async def verify_letter_signature(
    pdf: bytes, trust_roots: Sequence[asn1_x509.Certificate]
) -> SignatureReport:
    """Validate the most recent signature in ``pdf`` against ``trust_roots``, offline."""
    signed_hash = hashlib.sha256(pdf).hexdigest()
    context = ValidationContext(trust_roots=list(trust_roots), allow_fetching=False)
    try:
        signatures = PdfFileReader(BytesIO(pdf)).embedded_regular_signatures
        if not signatures:
            return _not_genuine(signed_hash)
        status = await async_validate_pdf_signature(signatures[-1], context)
    except (PdfError, ValueError):
        return _not_genuine(signed_hash)
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
