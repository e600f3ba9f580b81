"""Doses given, recorded once each, each recounting its village's month for the wider pages."""

from __future__ import annotations

import datetime as dt

from core.i18n import N_
from plugins.health.children.children import ChildRow
from plugins.health.dates import month_key
from plugins.health.immunisation.given import given
from plugins.health.immunisation.schedule import Schedule
from plugins.health.reports import figures
from plugins.health.tables import Immunisation

ENDEMIC_SETTING = "health.je_endemic"


class DoseError(ValueError):
    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


async def record(
    child: ChildRow,
    vaccine: str,
    given_on: dt.date,
    today: dt.date,
    by: str,
    at: dt.datetime,
    schedule: Schedule,
) -> int:
    if schedule.dose(vaccine) is None:
        raise DoseError(N_("Jenis imunisasi tidak dikenal."), "vaccine")
    if given_on > today:
        raise DoseError(N_("Tanggal imunisasi tidak boleh setelah hari ini."), "given_on")
    if given_on < child.birth_date:
        raise DoseError(N_("Tanggal imunisasi tidak boleh sebelum tanggal lahir."), "given_on")
    if vaccine in await given(child.id):
        raise DoseError(N_("Imunisasi ini sudah tercatat untuk anak ini."), "vaccine")
    rows = await Immunisation.insert(
        Immunisation(
            child=child.id, vaccine=vaccine, given_on=given_on, recorded_by=by, created_at=at
        )
    ).returning(Immunisation.id)
    await figures.refresh(month_key(today), schedule)
    return int(rows[0]["id"])
