"""Device cookies (OWASP): a browser that signed in to an account keeps its own allowance.

After a successful sign-in the browser gets a cookie holding a random nonce signed together with
the account it signed in to. The account is not in the cookie (a citizen's account is their NIK),
only inside the signature, so the cookie proves "this browser signed in as X" only to a server
that is asked about X. A few entries are kept, for a computer shared at the village office.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Any

from litestar import Response

from core.config import Settings

DEVICE_COOKIE = "kampung_device"
KEEP_ENTRIES = 4
MAX_AGE_SECONDS = 180 * 24 * 3600


def _signature(settings: Settings, account: str, nonce: str) -> str:
    key = hashlib.sha256(b"kampung-device-cookie:" + settings.secret_key.encode()).digest()
    return hmac.new(key, f"{account}|{nonce}".encode(), hashlib.sha256).hexdigest()[:32]


def _account(kind: str, identifier: str) -> str:
    return f"{kind}:{identifier.strip().lower()}"


def _entries(cookie: str | None) -> list[tuple[str, str]]:
    entries = []
    for entry in (cookie or "").split("~")[:KEEP_ENTRIES]:
        nonce, _, signature = entry.partition(".")
        if nonce and signature:
            entries.append((nonce, signature))
    return entries


def trusted_device(
    settings: Settings, cookie: str | None, kind: str, identifier: str
) -> str | None:
    """The nonce of the cookie's entry for this account, or None when the browser never signed
    in as it (or the cookie was forged)."""
    account = _account(kind, identifier)
    for nonce, signature in _entries(cookie):
        if hmac.compare_digest(signature, _signature(settings, account, nonce)):
            return nonce
    return None


def remember_device(
    response: Response[Any], settings: Settings, cookie: str | None, kind: str, identifier: str
) -> None:
    """Put a fresh entry for this account first; keep the other accounts' entries."""
    account = _account(kind, identifier)
    nonce = secrets.token_hex(12)
    others = [
        f"{n}.{s}"
        for n, s in _entries(cookie)
        if not hmac.compare_digest(s, _signature(settings, account, n))
    ]
    value = "~".join([f"{nonce}.{_signature(settings, account, nonce)}", *others][:KEEP_ENTRIES])
    response.set_cookie(
        DEVICE_COOKIE,
        value,
        max_age=MAX_AGE_SECONDS,
        httponly=True,
        samesite="lax",
        secure=settings.cookie_secure,
        path="/",
    )
