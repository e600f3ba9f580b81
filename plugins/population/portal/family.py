"""What a signed-in citizen may see: their own family, its requests and its letters."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from plugins.population.tables import Letter, Resident, ServiceRequest

__all__ = ["CitizenView", "family_letter", "family_letters", "family_requests", "load_citizen"]


@dataclass(frozen=True, slots=True)
class CitizenView:
    resident: dict[str, Any]
    members: list[dict[str, Any]]

    @property
    def member_ids(self) -> list[int]:
        return [m["id"] for m in self.members]

    def owns_request(self, row: dict[str, Any]) -> bool:
        return row["resident"] in self.member_ids or row["applicant_nik"] == self.resident["nik"]


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
