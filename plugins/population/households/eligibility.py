"""Who may join a household: a living resident of the village, found by NIK, who is in no
other household now. A refusal names the form field and, for a person already elsewhere, the
household they are in and its head."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from core.i18n import _
from plugins.population.households.queries import ALIVE, stays_of
from plugins.population.register.errors import RegisterError
from plugins.population.tables import Resident


async def resident_by_nik(nik: str, field: str = "nik") -> dict[str, Any]:
    """The living resident of this village holding `nik`; a refusal naming `field` otherwise."""
    digits = nik.replace(" ", "")
    if not digits:
        raise RegisterError(_("NIK wajib diisi."), field)
    if len(digits) != 16 or not digits.isdigit():
        raise RegisterError(_("NIK harus 16 angka."), field)
    rows = await (
        Resident.select(Resident.id, Resident.nik, Resident.name, Resident.status, Resident.family)
        .where(Resident.nik == digits)
        .order_by(Resident.id)
    )
    if not rows:
        raise RegisterError(
            _("NIK {nik} tidak terdaftar sebagai penduduk desa ini.").format(nik=digits), field
        )
    living = [r for r in rows if r["status"] == ALIVE]
    if not living:
        raise RegisterError(
            _("{name} (NIK {nik}) tidak lagi berstatus hidup di desa ini.").format(
                name=rows[-1]["name"], nik=digits
            ),
            field,
        )
    return living[0]


async def refuse_if_elsewhere(
    people: Iterable[dict[str, Any]], field: str, household_id: int | None = None
) -> None:
    """Refuse when any of these residents is in a household now, naming it."""
    people = list(people)
    stays = await stays_of([p["id"] for p in people])
    for person in people:
        stay = stays.get(person["id"])
        if stay is None:
            continue
        if stay.household_id == household_id:
            message = _("{name} sudah menjadi anggota rumah tangga ini.")
        else:
            message = _(
                "{name} sudah menjadi anggota rumah tangga {number} (kepala: {head}); "
                "keluarkan dari rumah tangga itu lebih dahulu."
            )
        raise RegisterError(
            message.format(name=person["name"], number=stay.number, head=stay.head_name), field
        )
