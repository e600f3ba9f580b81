"""What a signed-in citizen may see: their own family, its requests and its letters."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from core.i18n import N_, _
from plugins.population.domain import BASIC_STATUS
from plugins.population.tables import Letter, Resident, ServiceRequest

__all__ = [
    "CitizenView",
    "family_letter",
    "family_letters",
    "family_requests",
    "load_citizen",
    "member_status",
]

LIVING = 1
_GENTLE_LABELS = {2: N_("Meninggal dunia"), 3: N_("Pindah keluar")}
"""How the family page names a member no longer living here: a family reads "Meninggal dunia"
where the register's code list says "Mati"."""


@dataclass(frozen=True, slots=True)
class CitizenView:
    resident: dict[str, Any]
    members: list[dict[str, Any]]

    @property
    def member_ids(self) -> list[int]:
        return [m["id"] for m in self.members]

    def owns_request(self, row: dict[str, Any]) -> bool:
        return row["resident"] in self.member_ids or row["applicant_nik"] == self.resident["nik"]


def member_status(code: int | None) -> str:
    """The label of a member's register status; empty for a member living in the village, so
    the list marks only those who died, moved out or are otherwise gone."""
    if code is None or code == LIVING:
        return ""
    return _(_GENTLE_LABELS.get(code) or BASIC_STATUS.labels.get(code, N_("Tidak diketahui")))


async def load_citizen(village_code: str, resident_id: int) -> CitizenView | None:
    resident = (
        await Resident.select()
        .where((Resident.id == resident_id) & (Resident.village_code == village_code))
        .first()
    )
    if resident is None:
        return None
    members = [resident]
    if resident["family"] is not None:
        members = (
            await Resident.select()
            .where(
                (Resident.village_code == village_code) & (Resident.family == resident["family"])
            )
            .order_by(Resident.relationship)
            .order_by(Resident.id)
        )
    return CitizenView(resident, members)


async def family_requests(village_code: str, citizen: CitizenView) -> list[dict[str, Any]]:
    where = (ServiceRequest.village_code == village_code) & (
        ServiceRequest.resident.is_in(citizen.member_ids)
        | (ServiceRequest.applicant_nik == citizen.resident["nik"])
    )
    return (
        await ServiceRequest.select()
        .where(where)
        .order_by(ServiceRequest.submitted_at, ascending=False)
    )


async def family_letters(village_code: str, citizen: CitizenView) -> list[dict[str, Any]]:
    return (
        await Letter.select(
            Letter.id,
            Letter.kind,
            Letter.status,
            Letter.number,
            Letter.pdf_name,
            Letter.resident,
            Letter.created_at,
        )
        .where((Letter.village_code == village_code) & Letter.resident.is_in(citizen.member_ids))
        .order_by(Letter.created_at, ascending=False)
    )


async def family_letter(
    village_code: str, citizen: CitizenView, letter_id: int
) -> dict[str, Any] | None:
    return (
        await Letter.select(Letter.id, Letter.pdf_name, Letter.number, Letter.status)
        .where(
            (Letter.id == letter_id)
            & (Letter.village_code == village_code)
            & Letter.resident.is_in(citizen.member_ids)
        )
        .first()
    )
