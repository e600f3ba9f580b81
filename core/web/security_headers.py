"""The headers every answer carries: what the browser may run, frame, send on, and keep.

Applied as a `before_send` hook, so they are on every answer Litestar sends: pages, API answers,
static files, error pages and the 404 of a path no route matches. A header a handler set itself
is kept (a handler that knows its answer is public may say how to cache it).

- Content-Security-Policy: scripts only from the instance's own files, no inline script, no
  eval; styles from its own files plus the one `<style>` of a page (a village's colours) that
  carries the request's nonce. `frame-ancestors 'none'` stops click-jacking.
- Referrer-Policy `no-referrer`: URLs carry search terms (a NIK typed into the search box) and the
  token of a letter's verification page reached from its QR code; neither leaves the page.
- Cache-Control `no-store` on everything that is not a static file: pages and API answers carry
  personal data, and a shared computer or a proxy must not keep them.
- Strict-Transport-Security when cookies are Secure, that is when the instance is served by HTTPS.

The API's documentation pages under `/schema` (Litestar's Redoc, Swagger UI, Elements) run an
inline script and scripts from public CDNs. They get a policy of their own that allows those, in a
`sandbox`: the page runs in an opaque origin, so a script served by a CDN can neither read the
instance's cookies nor call its API with the reader's session.
"""

from __future__ import annotations

import secrets
from typing import Any

from litestar.datastructures import MutableScopeHeaders
from litestar.types import Message, Scope

from core.config import Settings

NONCE_KEY = "kampung_csp_nonce"
HSTS_SECONDS = 31536000
DOCS_PREFIX = "/schema"
DOCS_CDNS = "https://cdn.redoc.ly https://cdn.jsdelivr.net https://unpkg.com"
DOCS_POLICY = "; ".join(
    [
        "sandbox allow-scripts allow-popups",
        "default-src 'none'",
        f"script-src 'unsafe-inline' {DOCS_CDNS}",
        f"style-src 'unsafe-inline' {DOCS_CDNS} https://fonts.googleapis.com",
        "font-src https://fonts.gstatic.com",
        f"img-src data: {DOCS_CDNS}",
        "worker-src blob:",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    ]
)
"""For the documentation pages only: their scripts run, sandboxed away from the instance."""


def csp_nonce(scope: Scope | dict[str, Any]) -> str:
    """The nonce of this response's Content-Security-Policy, made when a page first asks."""
    state = scope.setdefault("state", {})
    nonce = state.get(NONCE_KEY)
    if nonce is None:
        nonce = state[NONCE_KEY] = secrets.token_urlsafe(16)
    return str(nonce)


def content_security_policy(nonce: str | None) -> str:
    style = "style-src 'self'" + (f" 'nonce-{nonce}'" if nonce else "")
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            style,
            "img-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


class SecurityHeaders:
    """The `before_send` hook that adds the headers to the start of every answer."""

    def __init__(self, settings: Settings) -> None:
        self.fixed = {
            "x-content-type-options": "nosniff",
            "x-frame-options": "DENY",
            "referrer-policy": "no-referrer",
            "cross-origin-opener-policy": "same-origin",
        }
        if settings.cookie_secure:
            self.fixed["strict-transport-security"] = f"max-age={HSTS_SECONDS}"

    async def __call__(self, message: Message, scope: Scope) -> None:
        if message["type"] != "http.response.start":
            return
        headers = MutableScopeHeaders.from_message(message)
        for name, value in self.fixed.items():
            if name not in headers:
                headers[name] = value
        if "content-security-policy" not in headers:
            headers["content-security-policy"] = self.policy(scope, headers)
        if "cache-control" not in headers:
            headers["cache-control"] = "no-store"

    @staticmethod
    def policy(scope: Scope, headers: MutableScopeHeaders) -> str:
        is_page = headers.get("content-type", "").startswith("text/html")
        if is_page and scope.get("path", "").startswith(DOCS_PREFIX):
            return DOCS_POLICY
        return content_security_policy(scope.get("state", {}).get(NONCE_KEY))
