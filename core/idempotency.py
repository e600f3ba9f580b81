"""Idempotency keys for creating records: a double click or an API retry returns the first result.

Any plugin's create handler calls `recall` before writing and `remember` after. The outcome is kept
under a key scoped to the village and the kind of record (`population.resident`, …), so two villages
(or a form and an unrelated request) can never share one.
"""

from __future__ import annotations

import datetime as dt
import re

from core.auth.tables import IdempotencyRecord

KEY_PATTERN = re.compile(r"^[A-Za-z0-9_-]{8,64}$")


def valid_key(key: str) -> bool:
    return bool(KEY_PATTERN.match(key))


def _scoped(village_code: str, kind: str, key: str) -> str:
    return f"{kind}:{village_code}:{key}"


async def recall(village_code: str, kind: str, key: str) -> int | None:
    """The id created earlier under this key, if any."""
    if not valid_key(key):
        return None
    row = (
        await IdempotencyRecord.select(IdempotencyRecord.location)
        .where(IdempotencyRecord.key == _scoped(village_code, kind, key))
        .first()
    )
    return int(row["location"]) if row and (row["location"] or "").isdigit() else None


async def remember(village_code: str, kind: str, key: str, actor: str, created_id: int) -> None:
    if not valid_key(key):
        return
    await IdempotencyRecord.insert(
        IdempotencyRecord(
            key=_scoped(village_code, kind, key),
            user_ref=actor,
            status_code=201,
            location=str(created_id),
            body="null",
            created_at=dt.datetime.now(dt.UTC),
        )
    )
