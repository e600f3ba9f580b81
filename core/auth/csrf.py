"""A new CSRF token at every sign-in.

The CSRF middleware checks a form's token against the `kampung_csrf` cookie (double submit). A
token planted in a browser before sign-in (a shared computer, a cookie set by a sibling host) would
otherwise stay valid for the signed-in session; replacing the cookie at sign-in makes every
earlier token stale.
"""

from __future__ import annotations

from typing import Any

from litestar import Response
from litestar.middleware.csrf import generate_csrf_token

from core.config import Settings

CSRF_COOKIE = "kampung_csrf"


def rotate_csrf_token(response: Response[Any], settings: Settings) -> None:
    """Give the browser a fresh token, made as the middleware makes its own."""
    response.set_cookie(
        CSRF_COOKIE,
        generate_csrf_token(settings.secret_key),
        httponly=False,
        samesite="lax",
        secure=settings.cookie_secure,
        path="/",
    )
