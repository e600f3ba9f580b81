"""Programmes without HTTP: creating one (a village's own, or a regency programme's share in each
village), listing them, and the amount a target receives per cycle."""

from __future__ import annotations

import secrets
from dataclasses import asdict
from datetime import datetime
from typing import Any

from core.i18n import _
from core.kernel import Kernel
from core.tenancy.tables import Village
from plugins.social_aid.programmes.forms import ProgrammeData
from plugins.social_aid.tables import Programme

ENTITY = "social_aid.programme"


class ProgrammeError(ValueError):
    """A programme cannot be saved; `field` names the form field to show it beside."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.field = field


def amount_for(programme: dict[str, Any], members: int) -> int:
    """Whole rupiah one target receives per cycle: flat, or per member up to the cap."""
    if programme["amount_basis"] != "member":
        return int(programme["amount"])
    total = int(programme["amount"]) * max(members, 1)
    cap = int(programme["amount_cap"])
    return min(total, cap) if cap > 0 else total


async def programmes(*, national: bool | None = None) -> list[dict[str, Any]]:
    """The scope's programmes, newest period first."""
    query = Programme.select().order_by(Programme.period_start, ascending=False)
    if national is not None:
        query = query.where(Programme.national == national)
    return await query.order_by(Programme.code)


async def programme(programme_id: int) -> dict[str, Any] | None:
    return await Programme.select().where(Programme.id == programme_id).first()


async def by_code(code: str) -> dict[str, Any] | None:
    return await Programme.select().where(Programme.code == code).first()


async def _refuse_duplicate_code(code: str) -> None:
    if await Programme.exists().where(Programme.code == code):
        raise ProgrammeError(
            _("Kode program {code} sudah dipakai di desa ini.").format(code=code), "code"
        )


async def create(
    kernel: Kernel, village_code: str, data: ProgrammeData, actor: str, now: datetime
) -> int:
    """A village's own programme (or a national one it records)."""
    await _refuse_duplicate_code(data.code)
    return await _insert(kernel, village_code, data, actor, now, regency_key="")


async def create_for_regency(
    kernel: Kernel, regency_code: str, data: ProgrammeData, actor: str, now: datetime
) -> list[int]:
    """A regency programme: one share in every onboarded village, each with `data.budget`.

    Runs in the regency's scope. A village that already uses the code is named in the error, so
    the officer picks another code rather than finding half the villages created.
    """
    villages = [
        row["code"]
        for row in await Village.select(Village.code)
        .where(Village.onboarded == True)  # noqa: E712 -- Piccolo builds SQL from ==
        .order_by(Village.code)
        if row["code"].startswith(regency_code + ".")
    ]
    if not villages:
        raise ProgrammeError(_("Belum ada desa yang terintegrasi; program kabupaten tidak dibuat."))
    taken = await Programme.select(Programme.village_code).where(Programme.code == data.code)
    if taken:
        raise ProgrammeError(
            _("Kode program {code} sudah dipakai di desa {village_code}.").format(
                code=data.code, village_code=taken[0]["village_code"]
            ),
            "code",
        )
    key = secrets.token_hex(8)
    return [await _insert(kernel, code, data, actor, now, regency_key=key) for code in villages]


async def create_share(
    kernel: Kernel,
    village_code: str,
    data: ProgrammeData,
    regency_key: str,
    actor: str,
    now: datetime,
) -> int:
    """One village's share of a regency programme, for a village joining it later (or the demo,
    which fills one village at a time)."""
    await _refuse_duplicate_code(data.code)
    return await _insert(kernel, village_code, data, actor, now, regency_key=regency_key)


async def _insert(
    kernel: Kernel,
    village_code: str,
    data: ProgrammeData,
    actor: str,
    now: datetime,
    *,
    regency_key: str,
) -> int:
    row = Programme(
        village_code=village_code,
        regency_key=regency_key,
        created_by=actor,
        created_at=now,
        **asdict(data),
    )
    inserted = await Programme.insert(row).returning(Programme.id)
    programme_id = int(inserted[0]["id"])
    after = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in asdict(data).items()}
    await kernel.audit(
        village_code,
        actor=actor,
        action="create",
        entity=ENTITY,
        entity_id=programme_id,
        after={**after, "regency_key": regency_key},
    )
    return programme_id
