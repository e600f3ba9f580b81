"""PAdES signatures over finished PDFs, behind one protocol so BSrE can replace local keys."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Protocol

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko.sign.signers import PdfSignatureMetadata, SimpleSigner, async_sign_pdf
from pyhanko_certvalidator.registry import SimpleCertificateStore

from core.signing.authority import Credentials, LocalCertificateAuthority


@dataclass(frozen=True)
class SignerIdentity:
    """The official whose key signs, as their certificate names them."""

    id: str
    """Stable identifier (e.g. `user-12`); names the signer's key files."""
    name: str
    position: str
    """Office held, e.g. `Kepala Desa Noreh`; goes into the certificate's title."""
    organisation: str
    """e.g. `Pemerintah Desa Noreh`."""


class PdfSigner(Protocol):
    """Signs a finished PDF; implemented locally now and by BSrE later."""

    async def sign(
        self, pdf: bytes, *, signer: SignerIdentity, reason: str, location: str
    ) -> bytes:
        """`pdf` with the signer's signature added as an incremental update."""
        ...


def _subject(signer: SignerIdentity) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, signer.name),
            x509.NameAttribute(NameOID.TITLE, signer.position),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, signer.organisation),
            x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
        ]
    )


def asn1_certificate(certificate: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))


def _pyhanko_signer(credentials: Credentials, root: x509.Certificate) -> SimpleSigner:
    key_der = credentials.key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    chain = SimpleCertificateStore()
    chain.register(asn1_certificate(root))
    return SimpleSigner(
        signing_cert=asn1_certificate(credentials.certificate),
        signing_key=asn1_keys.PrivateKeyInfo.load(key_der),
        cert_registry=chain,
    )


class LocalSigner:
    """Signs with keys this instance generates and keeps in `directory`.

    What it signs verifies against `trust_root()`: genuine electronic signatures, though not ones
    the national trust list (BSrE) recognises.
    """

    def __init__(self, directory: Path, *, authority_name: str = "Kampung Otoritas Lokal") -> None:
        self._authority = LocalCertificateAuthority(directory, name=authority_name)

    def trust_root(self) -> asn1_x509.Certificate:
        """The instance authority's certificate, to pass to `verify_pdf`."""
        return asn1_certificate(self._authority.root())

    async def sign(
        self, pdf: bytes, *, signer: SignerIdentity, reason: str, location: str
    ) -> bytes:
        """Sign `pdf` as `signer`, creating their key and certificate on first use."""
        credentials = await asyncio.to_thread(
            self._authority.credentials_for, signer.id, _subject(signer)
        )
        root = await asyncio.to_thread(self._authority.root)
        metadata = PdfSignatureMetadata(
            field_name=f"TandaTangan_{signer.id}",
            md_algorithm="sha256",
            subfilter=SigSeedSubFilter.PADES,
            reason=reason,
            location=location,
            name=signer.name,
        )
        writer = IncrementalPdfFileWriter(BytesIO(pdf))
        signed: BytesIO = await async_sign_pdf(
            writer, metadata, signer=_pyhanko_signer(credentials, root)
        )
        return signed.getvalue()
