"""The OpenAPI document tells the truth: how a client signs in, and what a refusal looks like.

Every JSON API handler gets the same documented refusals (the body `core.web.errors` sends), and
the API router declares the two ways in: an API token, or a browser's session with its CSRF
header on unsafe requests.
"""

from __future__ import annotations

from copy import copy
from dataclasses import dataclass
from typing import Any

from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import Components, SecurityRequirement, SecurityScheme

TOKEN_SCHEME = "apiToken"
SESSION_SCHEME = "session"
CSRF_SCHEME = "csrfHeader"


@dataclass
class Problem:
    """Every refusal of the API: the status, a title, and a detail that says what to fix."""

    status: int
    title: str
    detail: str
    errors: dict[str, str] | None = None
    """The fields that were refused, each with its reason."""
    warnings: list[str] | None = None


REFUSALS = {
    400: "Permintaan tidak dapat dibaca (parameter bertipe salah).",
    401: "Tidak masuk, atau token API tidak sah, kedaluwarsa, atau dicabut.",
    403: "Tidak berhak di wilayah ini, atau token CSRF tidak cocok.",
    404: "Desa atau data tidak ditemukan di wilayah ini.",
    409: "Bertentangan dengan keadaan data saat ini.",
    422: "Isian tidak valid; `errors` menyebut setiap kolom yang ditolak.",
}

ERROR_RESPONSES = {
    status: ResponseSpec(data_container=Problem, description=text, generate_examples=False)
    for status, text in REFUSALS.items()
}

SECURITY_SCHEMES: dict[str, Any] = {
    TOKEN_SCHEME: SecurityScheme(
        type="http",
        scheme="bearer",
        bearer_format="kpg_<id>_<secret>",
        description="Token API dari halaman Token API kabupaten atau `kampung token create`.",
    ),
    SESSION_SCHEME: SecurityScheme(
        type="apiKey",
        name="kampung_session",
        security_scheme_in="cookie",
        description="Sesi peramban setelah masuk di /masuk.",
    ),
    CSRF_SCHEME: SecurityScheme(
        type="apiKey",
        name="x-csrf-token",
        security_scheme_in="header",
        description="Nilai cookie kampung_csrf; wajib bersama sesi pada POST.",
    ),
}

COMPONENTS = Components(security_schemes=SECURITY_SCHEMES)
API_SECURITY: list[SecurityRequirement] = [
    {TOKEN_SCHEME: []},
    {SESSION_SCHEME: [], CSRF_SCHEME: []},
]


def documented(handler: Any) -> Any:
    """A copy of an API handler whose schema lists the refusals it can give."""
    described = copy(handler)
    described.responses = {**ERROR_RESPONSES, **(handler.responses or {})}
    return described
