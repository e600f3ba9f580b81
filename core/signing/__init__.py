"""PDF signing for every plugin: the instance's own certificate authority, PAdES signatures made
with pyHanko, and offline verification.

A plugin that signs a document (a letter, a disbursement list, a market's daily account) asks
`LocalSigner(settings.data_path / "signing")` to sign as a `SignerIdentity`, stores the signed
bytes and their hash, and checks a file later with `verify_pdf(pdf, [signer.trust_root()])`.
One directory of keys serves the whole instance, so one trust root verifies everything it signed.
BSrE (the national signing service) can replace `LocalSigner` behind the `PdfSigner` protocol.
"""

from core.signing.authority import LocalCertificateAuthority
from core.signing.signer import LocalSigner, PdfSigner, SignerIdentity
from core.signing.verification import SignatureReport, verify_pdf

__all__ = [
    "LocalCertificateAuthority",
    "LocalSigner",
    "PdfSigner",
    "SignatureReport",
    "SignerIdentity",
    "verify_pdf",
]
