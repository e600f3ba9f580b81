"""New people in the register: a birth into a family, or a move in from elsewhere."""

from __future__ import annotations

import datetime as dt
from typing import Any

from core.i18n import _
from core.kernel import Kernel
from plugins.population.register.errors import RegisterError
from plugins.population.register.events import record_event
from plugins.population.register.resident_form import ResidentInput
from plugins.population.register.residents import create_resident
from plugins.population.register.status import BIRTH, MOVE_IN

ARRIVAL_KINDS = {BIRTH: "Kelahiran", MOVE_IN: "Pindah masuk"}


async def register_arrival(
    kernel: Kernel,
    village_code: str,
    actor: str,
    data: ResidentInput,
    kind: int,
    event_date: dt.date,
    report_date: dt.date,
    details: dict[str, Any] | None = None,
) -> tuple[int, int]:
    """Create the resident and record how they arrived; returns (resident id, event id)."""
    if kind not in ARRIVAL_KINDS:
        raise RegisterError(_("Peristiwa kedatangan harus kelahiran atau pindah masuk."), "arrival")
    if kind == BIRTH:
        if not data.kk_number:
            raise RegisterError(_("Bayi harus dicatat dalam sebuah KK: isi Nomor KK."), "kk_number")
        if event_date != data.birth_date:
            raise RegisterError(
                _("Tanggal kelahiran harus sama dengan tanggal lahir."), "event_date"
            )
    resident_id = await create_resident(kernel, village_code, actor, data)
    event_id = await record_event(
        kernel, village_code, actor, resident_id, kind, event_date, report_date, details
    )
    return resident_id, event_id
