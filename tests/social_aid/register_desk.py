"""A village's register written the way its operator writes it (families through population's
pages, residents through its API), and a programme whose recipients are already decided."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from typing import Any

import httpx

from plugins.population import public as population
from plugins.social_aid.programmes import programmes, recipients

_serial = itertools.count(1)


def nik_for(village: Any, birth_date: dt.date, sex: int) -> str:
    """A NIK that fits the village's district, the birth date and the sex (women's day + 40)."""
    region = village.district_code.replace(".", "")
    day = birth_date.day + (40 if sex == 2 else 0)
    return f"{region}{day:02d}{birth_date:%m%y}{next(_serial) % 10000:04d}"


@dataclass
class RegisterDesk:
    """Population's register of one village, written through population's own pages and API."""

    village: Any
    client: httpx.AsyncClient

    async def family(self, dusun: str = "Krajan") -> str:
        kk = f"{self.village.district_code.replace('.', '')}0101{next(_serial):06d}"
        answer = await self.client.post(
            f"{self.village.url}/keluarga/baru",
            data={"kk_number": kk, "address": "Jl. Mawar", "dusun": dusun, "rw": "1", "rt": "2"},
        )
        assert answer.status_code == 303, answer.text[:2000]
        return kk

    async def resident(
        self,
        name: str,
        *,
        born: dt.date = dt.date(1980, 5, 17),
        sex: int = 1,
        kk: str = "",
        relationship: int | None = None,
        disability: int | None = None,
        dusun: str = "Krajan",
        nik: str = "",
    ) -> dict[str, Any]:
        body: dict[str, Any] = {
            "idempotency_key": f"resident-{next(_serial)}-key",
            "nik": nik or nik_for(self.village, born, sex),
            "name": name,
            "sex": sex,
            "birth_date": born.isoformat(),
            "citizenship": 1,
            "nik_checked": True,
            "dusun": dusun,
            "rw": "1",
            "rt": "2",
        }
        if kk:
            body.update(kk_number=kk, relationship=relationship or 1)
        if disability is not None:
            body["disability"] = disability
        answer = await self.client.post(f"{self.village.api}/penduduk", json=body)
        assert answer.status_code == 201, answer.text[:2000]
        return answer.json()


PROGRAMME = {
    "code": "BLT-DD", "name": "BLT Dana Desa", "kind": "tunai", "target": "family",
    "period_start": "2026-01-01", "period_end": "2026-12-31", "fund_source": "Dana Desa",
    "budget": "36000000", "amount": "300000", "amount_basis": "target", "cycles": "12",
}  # fmt: skip


async def programme_with_recipients(
    kampung: Any, desk: RegisterDesk, people: list[tuple[str, dt.date]], **fields: str
) -> tuple[int, list[dict[str, Any]]]:
    """A village programme whose list holds one family per name (the Musdesus already held:
    its own tests walk through it), and the residents made for it."""
    operator = await kampung.login("aid_operator", desk.village)
    created = await operator.post(
        f"{desk.village.url}/bantuan/program/baru", data={**PROGRAMME, **fields}
    )
    assert created.status_code == 303, created.text[:3000]
    programme_id = int(created.headers["location"].rsplit("/", 1)[1])
    residents = [
        await desk.resident(name, kk=await desk.family(), born=born) for name, born in people
    ]
    async with kampung.scope(desk.village.code):
        programme = await programmes.programme(programme_id)
        for resident in residents:
            person = await population.person(resident["id"])
            await recipients.add(
                kampung.kernel,
                desk.village.code,
                programme,
                person,
                source="deliberation",
                since=dt.date(2026, 1, 5),
                actor="test",
                now=dt.datetime.now(dt.UTC),
            )
    return programme_id, residents


async def record_death(client: Any, village: Any, resident_id: int) -> Any:
    """A death recorded on population's own form, as the village operator records it."""
    return await client.post(
        f"{village.url}/penduduk/{resident_id}/peristiwa",
        data={
            "kind": "2",
            "event_date": "2026-03-01",
            "report_date": "2026-03-02",
            "place": "Rumah",
            "cause": "1",
            "attested_by": "Ketua RT 02",
            "idempotency_key": f"death-{resident_id}-key",
        },
    )
