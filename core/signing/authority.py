"""The instance's own certificate authority: keys and certificates kept as PEM files in one
directory, created on first use, private keys readable by the service account only."""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from core.i18n import _

AUTHORITY_VALIDITY = timedelta(days=20 * 365)
SIGNER_VALIDITY = timedelta(days=3 * 365)
CLOCK_SKEW = timedelta(minutes=5)
RENEW_BEFORE = timedelta(days=30)
SIGNER_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


@dataclass(frozen=True)
class Credentials:
    """A private key with the certificate that vouches for it."""

    key: ec.EllipticCurvePrivateKey
    certificate: x509.Certificate


def _write_atomically(path: Path, data: bytes, mode: int) -> None:
    """Through a temporary file made with its final permissions: a key is never briefly readable
    by others, and a crash never leaves half a file."""
    temporary = path.with_name(f".{path.name}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
    os.replace(temporary, path)


def _load_or_create_key(path: Path) -> ec.EllipticCurvePrivateKey:
    if path.exists():
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if not isinstance(key, ec.EllipticCurvePrivateKey):
            raise ValueError(
                _("Berkas kunci {path} bukan kunci EC yang dibuat oleh Kampung.").format(path=path)
            )
        return key
    key = ec.generate_private_key(ec.SECP256R1())
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    _write_atomically(path, pem, 0o600)
    return key


def _key_usage(*, signs_documents: bool) -> x509.KeyUsage:
    """Documents for signers (with non-repudiation, which PDF validators demand), certificates
    for the authority; never both."""
    return x509.KeyUsage(
        digital_signature=signs_documents,
        content_commitment=signs_documents,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=not signs_documents,
        crl_sign=not signs_documents,
        encipher_only=False,
        decipher_only=False,
    )


class LocalCertificateAuthority:
    """Issues and keeps the instance's signing keys and certificates in `directory`."""

    def __init__(self, directory: Path, *, name: str = "Kampung Otoritas Lokal") -> None:
        self._directory = directory
        self._subject = x509.Name(
            [
                x509.NameAttribute(NameOID.COMMON_NAME, name),
                x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
            ]
        )
        self._lock = threading.Lock()

    def root(self) -> x509.Certificate:
        """The authority's certificate: the trust root for everything this instance signs."""
        with self._lock:
            return self._authority().certificate

    def credentials_for(self, signer_id: str, subject: x509.Name) -> Credentials:
        """One signer's key and certificate; the key stays, the certificate follows `subject`.

        A changed name or office, or a certificate about to expire, gets a fresh certificate for
        the same key, so documents signed earlier still verify with their embedded certificate.
        """
        if not SIGNER_ID.fullmatch(signer_id):
            raise ValueError(
                _(
                    "ID penanda tangan {signer_id!r} tidak dapat dipakai sebagai nama berkas: "
                    "gunakan 1–64 huruf, angka, '-' atau '_'."
                ).format(signer_id=signer_id)
            )
        with self._lock:
            authority = self._authority()
            key = _load_or_create_key(self._directory / f"signer-{signer_id}.key.pem")
            path = self._directory / f"signer-{signer_id}.cert.pem"
            now = datetime.now(UTC)
            if self._needs_certificate(path, subject, now):
                certificate = self._issue(authority, key, subject, now)
                _write_atomically(path, certificate.public_bytes(serialization.Encoding.PEM), 0o644)
            return Credentials(key, x509.load_pem_x509_certificate(path.read_bytes()))

    @staticmethod
    def _needs_certificate(path: Path, subject: x509.Name, now: datetime) -> bool:
        if not path.exists():
            return True
        certificate = x509.load_pem_x509_certificate(path.read_bytes())
        return (
            certificate.subject != subject or certificate.not_valid_after_utc < now + RENEW_BEFORE
        )

    def _authority(self) -> Credentials:
        self._directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        key = _load_or_create_key(self._directory / "authority.key.pem")
        path = self._directory / "authority.cert.pem"
        if not path.exists():
            certificate = self._self_signed(key)
            _write_atomically(path, certificate.public_bytes(serialization.Encoding.PEM), 0o644)
        return Credentials(key, x509.load_pem_x509_certificate(path.read_bytes()))

    def _self_signed(self, key: ec.EllipticCurvePrivateKey) -> x509.Certificate:
        now = datetime.now(UTC)
        public_key = key.public_key()
        return (
            x509.CertificateBuilder()
            .subject_name(self._subject)
            .issuer_name(self._subject)
            .public_key(public_key)
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - CLOCK_SKEW)
            .not_valid_after(now + AUTHORITY_VALIDITY)
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(_key_usage(signs_documents=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
            .sign(key, hashes.SHA256())
        )

    @staticmethod
    def _issue(
        authority: Credentials, key: ec.EllipticCurvePrivateKey, subject: x509.Name, now: datetime
    ) -> x509.Certificate:
        public_key = key.public_key()
        return (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(authority.certificate.subject)
            .public_key(public_key)
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - CLOCK_SKEW)
            .not_valid_after(min(now + SIGNER_VALIDITY, authority.certificate.not_valid_after_utc))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(_key_usage(signs_documents=True), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(authority.key.public_key()),
                critical=False,
            )
            .sign(authority.key, hashes.SHA256())
        )
