"""What every social aid form handler shares: the form body type and a fresh idempotency key."""

from __future__ import annotations

import secrets
from collections.abc import Mapping

from litestar.enums import RequestEncodingType
from litestar.params import Body

from core.idempotency import recall, remember

FORM = Body(media_type=RequestEncodingType.URL_ENCODED)


def new_key() -> str:
    """A key for a form's hidden `idempotency_key`, so a double click creates one record."""
    return secrets.token_urlsafe(16)


async def seen(village_code: str, kind: str, data: Mapping[str, str]) -> int | None:
    """The record an earlier submission with this form's key made or changed, if any."""
    return await recall(village_code, kind, str(data.get("idempotency_key", "")))


async def note(
    village_code: str, kind: str, data: Mapping[str, str], actor: str, record: int
) -> None:
    """Remember this form's key, so its retry changes nothing and answers the same."""
    await remember(village_code, kind, str(data.get("idempotency_key", "")), actor, record)
