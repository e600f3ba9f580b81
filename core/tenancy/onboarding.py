"""Onboarding: a regency admin switches a village on, so its users can sign in."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from core.tenancy.tables import Village

if TYPE_CHECKING:
    from core.kernel import Kernel


class UnknownVillage(ValueError):
    pass


async def onboard(kernel: Kernel, village_code: str, *, actor: str) -> None:
    village = await Village.select().where(Village.code == village_code).first()
    if village is None:
        raise UnknownVillage(f"desa {village_code} tidak ada; jalankan `kampung init` dulu")
    if village["onboarded"]:
        return
    await Village.update({Village.onboarded: True, Village.onboarded_at: datetime.now(UTC)}).where(
        Village.code == village_code
    )
    await kernel.audit(
        kernel.settings.regency_code,
        actor=actor,
        action="onboard",
        entity="village",
        entity_id=village_code,
        before={"onboarded": False},
        after={"onboarded": True},
    )
