"""The village's standing pages: its profile, its government, its agenda, its services."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from core.kernel import Kernel
from plugins.public_info.tables import AgendaItem, Official, ServiceStandard, SiteProfile

AGENDA_PAGE = 30


def json_list(value: Any) -> list[str]:
    """A JSON list column read back (Piccolo returns JSON as text on select)."""
    if isinstance(value, list):
        return [str(v) for v in value]
    if not value:
        return []
    loaded = json.loads(value)
    return [str(v) for v in loaded] if isinstance(loaded, list) else []


async def profile() -> dict[str, Any] | None:
    row = await SiteProfile.select().first()
    if row is not None:
        row["hamlets"] = json_list(row["hamlets"])
    return row


async def save_profile(
    kernel: Kernel, village_code: str, fields: dict[str, Any], *, actor: str, now: datetime
) -> None:
    """The profile is one row per village: the first save makes it, later ones change it."""
    existing = await SiteProfile.select(SiteProfile.id).first()
    values = {**fields, "updated_by": actor, "updated_at": now}
    if existing is None:
        await SiteProfile.insert(SiteProfile(**values))
    else:
        await SiteProfile.update({getattr(SiteProfile, k): v for k, v in values.items()}).where(
            SiteProfile.id == existing["id"]
        )
    await kernel.audit(
        village_code,
        actor=actor,
        action="public_info.profile.save",
        entity="public_info_profile",
        entity_id=existing["id"] if existing else "baru",
        after={k: v for k, v in fields.items() if k != "hamlets"},
    )


async def officials() -> list[dict[str, Any]]:
    return await Official.select().order_by(Official.rank).order_by(Official.id)


async def agenda_from(moment: datetime) -> list[dict[str, Any]]:
    return (
        await AgendaItem.select()
        .where(AgendaItem.starts_at >= moment)
        .order_by(AgendaItem.starts_at)
        .limit(AGENDA_PAGE)
    )


async def services() -> list[dict[str, Any]]:
    rows = (
        await ServiceStandard.select().order_by(ServiceStandard.rank).order_by(ServiceStandard.id)
    )
    for row in rows:
        row["requirements"] = json_list(row["requirements"])
        row["steps"] = json_list(row["steps"])
    return rows


async def add_row(
    kernel: Kernel, village_code: str, table: Any, fields: dict[str, Any], *, actor: str
) -> int:
    """Add an official, an agenda item or a service, in the audit chain."""
    rows = await table.insert(table(**fields)).returning(table.id)
    row_id = int(rows[0]["id"])
    await kernel.audit(
        village_code,
        actor=actor,
        action=f"{table._meta.tablename}.add",
        entity=table._meta.tablename,
        entity_id=row_id,
        after={k: v for k, v in fields.items() if isinstance(v, str | int)},
    )
    return row_id


async def remove_row(
    kernel: Kernel, village_code: str, table: Any, row_id: int, *, actor: str
) -> bool:
    row = await table.select().where(table.id == row_id).first()
    if row is None:
        return False
    await table.delete().where(table.id == row_id)
    await kernel.audit(
        village_code,
        actor=actor,
        action=f"{table._meta.tablename}.remove",
        entity=table._meta.tablename,
        entity_id=row_id,
        before={k: v for k, v in row.items() if isinstance(v, str | int)},
    )
    return True
