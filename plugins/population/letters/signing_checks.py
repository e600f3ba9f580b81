"""What must hold before anyone signs: a public URL the QR code can point to, and the signer's
own password, typed again at the moment of signing.

The password is checked with the core's `confirm_user_password` (argon2id, constant time) and
counted by the core's sign-in throttle under its own key, so a session left open on the office PC
cannot be used to guess the head's password, nor to sign without it.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import fields
from datetime import datetime
from typing import Any

from core.auth.passwords import confirm_user_password
from core.auth.principal import Principal
from core.auth.throttle import forgive, reserve_attempt
from core.config import Settings
from core.i18n import _
from core.kernel import Kernel
from core.tenancy.context import Tenant
from plugins.population.letters.signatories import SignatoryChoice, choose_signatory

__all__ = [
    "PasswordCheck",
    "SigningRefused",
    "check_signer_password",
    "prepare_signing",
    "public_url_refusal",
]

DEFAULT_PUBLIC_URL: str = next(f.default for f in fields(Settings) if f.name == "public_url")
"""What `public_url` is when nobody configured it, read from the core's `Settings` itself."""

THROTTLE_KIND = "letter_sign"


def _loopback(host: str) -> bool:
    if host in {"localhost", ""}:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def public_url_refusal(settings: Settings) -> str | None:
    """Why letters may not be issued with these settings, or None when they may.

    A letter's QR code prints `public_url`; left at its default it points at 127.0.0.1, which no
    citizen's phone can open. Only an instance that serves its own machine alone (a demo or a
    developer's laptop: a loopback `host` and no reverse proxy in front) may keep the default.
    """
    if settings.public_url.rstrip("/") != DEFAULT_PUBLIC_URL:
        return None
    if _loopback(settings.host) and not settings.trusted_proxies:
        return None
    return _(
        "Surat belum dapat ditandatangani: alamat publik instansi (public_url) masih bawaan "
        "{default}, sehingga kode QR di surat tidak dapat dibuka warga. Minta admin TI kabupaten "
        "mengisi public_url di kampung.toml (atau KAMPUNG_PUBLIC_URL) dengan alamat yang dibuka "
        "warga, misalnya https://kampung.sampangkab.go.id, lalu memulai ulang layanan."
    ).format(default=DEFAULT_PUBLIC_URL)


class PasswordCheck:
    """The answer to one signing password: ``ok``, or the Indonesian reason it was refused."""

    def __init__(self, ok: bool, error: str = "") -> None:
        self.ok = ok
        self.error = error


async def check_signer_password(
    kernel: Kernel, user_id: int, username: str, password: str, now: datetime
) -> PasswordCheck:
    """Check the signer's own password, at most `login_attempts_per_account` tries per window."""
    reservation = await reserve_attempt(
        kernel.settings,
        now,
        kind=THROTTLE_KIND,
        identifier=username,
        address=f"user-{user_id}",
        trusted_device=None,
    )
    if not reservation.allowed:
        return PasswordCheck(
            False,
            _(
                "Terlalu banyak percobaan kata sandi. Surat belum ditandatangani; coba lagi "
                "dalam {minutes} menit."
            ).format(minutes=kernel.settings.login_window_minutes),
        )
    if not await confirm_user_password(user_id, password):
        return PasswordCheck(False, _("Kata sandi salah. Surat belum ditandatangani."))
    await forgive(reservation)
    return PasswordCheck(True)


class SigningRefused(PermissionError):
    """The signer's password was wrong (or tried too often): nothing was signed, and the
    attempt is in the audit chain. The caller commits anyway, so the attempt stays recorded."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors


async def prepare_signing(
    kernel: Kernel,
    tenant: Tenant,
    principal: Principal,
    letter: Mapping[str, Any],
    payload: Mapping[str, Any],
    now: datetime,
    unattended: bool,
) -> SignatoryChoice | dict[str, str]:
    """Everything signing needs before the letter is claimed: the signatory, a public URL for
    its QR code, and the signer's password. Errors by field, or the signatory chosen."""
    refusal = public_url_refusal(kernel.settings)
    if refusal:
        return {"public_url": refusal}
    choice = await choose_signatory(tenant, payload.get("penanda_tangan"), principal.display_name)
    password = str(payload.get("kata_sandi") or "")
    errors = dict(choice) if isinstance(choice, dict) else {}
    if not unattended and not password:
        errors["kata_sandi"] = _("Kata sandi Anda wajib diisi untuk menandatangani surat.")
    if errors or isinstance(choice, dict):
        return errors
    if unattended:
        return choice
    check = await check_signer_password(
        kernel, principal.user_id, principal.username, password, now
    )
    if not check.ok:
        await kernel.audit(
            tenant,
            actor=principal.username,
            action="tandatangani_ditolak",
            entity="letter",
            entity_id=letter["id"],
            after={"status": letter["status"], "alasan": check.error},
        )
        raise SigningRefused({"kata_sandi": check.error})
    return choice
