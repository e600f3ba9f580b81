"""What the public list shows: for each programme, the recipients of its latest approved cycle,
NIK masked and name shortened as the village chose. It is read in a transaction of its own under
the village's scope, in a fresh context, so a visitor's request never gains a scope itself."""

from __future__ import annotations

import asyncio
import contextvars
from dataclasses import dataclass

from piccolo.engine.base import Engine

from core.db import tenant_transaction
from plugins.social_aid.cycles import cycles, document
from plugins.social_aid.cycles.lifecycle import APPROVED, CLOSED, DISBURSING
from plugins.social_aid.tables import Programme

PUBLISHED = (APPROVED, DISBURSING, CLOSED)
NAME_STYLES = ("first", "initials")


@dataclass(frozen=True)
class PublicLine:
    name: str
    masked_nik: str
    dusun: str
    amount: int


@dataclass(frozen=True)
class PublicList:
    programme: str
    cycle: str
    lines: tuple[PublicLine, ...]


def shorten(name: str, style: str) -> str:
    """`SITI AMINAH` as `SITI A.` (first) or `S. A.` (initials)."""
    words = name.split()
    if not words:
        return ""
    if style == "initials":
        return " ".join(f"{w[0]}." for w in words)
    return " ".join([words[0], *(f"{w[0]}." for w in words[1:])])


async def _read(style: str) -> list[PublicList]:
    published = []
    for programme in await Programme.select().where(Programme.national == False):  # noqa: E712
        states = [
            s
            for s in await cycles.cycles()
            if s.row["programme"] == programme["id"] and s.status in PUBLISHED
        ]
        if not states:
            continue
        latest = states[0]
        lines = tuple(
            PublicLine(shorten(e["name"], style), document.mask(e["nik"]), e["dusun"], e["amount"])
            for e in await cycles.entitlements(latest.row["id"])
            if e["outcome"] != "suspended"
        )
        published.append(
            PublicList(f"{programme['code']} · {programme['name']}", latest.row["title"], lines)
        )
    return published


async def public_lists(engine: Engine, village_code: str, style: str) -> list[PublicList]:
    async def read() -> list[PublicList]:
        async with tenant_transaction(engine, village_code):
            return await _read(style if style in NAME_STYLES else "first")

    return await asyncio.create_task(read(), context=contextvars.Context())
