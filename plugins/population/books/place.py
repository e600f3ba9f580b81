"""Where a printout comes from: the village, its district, regency and province, and its clock.

Printed pages carry the government heading the forms require and the local date and time
(the instance's zone: WIB, WITA or WIT), never the server's UTC day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import lokal

from core.kernel import Kernel
from core.localtime import local_clock, local_day
from core.tenancy.context import Tenant
from plugins.population.letters.issue import village_names


@dataclass(frozen=True, slots=True)
class VillagePlace:
    word: str
    """What the village is called locally (Desa, Kelurahan, Nagari…)."""
    village: str
    district: str
    regency: str
    """The instance's name as the regency calls itself, e.g. `Kabupaten Sampang`."""
    province: str
    today: dt.date
    """The local date, for "Noreh, 02-12-2026"."""
    printed_at: str
    """`02-12-2026 14:05 WIB`."""

    def government(self) -> tuple[str, ...]:
        regency = (
            self.regency
            if self.regency.startswith(("Kabupaten", "Kota"))
            else (f"Kabupaten {self.regency}")
        )
        lines = [f"PEMERINTAH {regency}".upper()]
        if self.district:
            lines.append(f"KECAMATAN {self.district}".upper())
        lines.append(f"{self.word} {self.village}".upper())
        return tuple(lines)

    @property
    def signer(self) -> str:
        return f"Kepala {self.word} {self.village}"

    @property
    def place_and_date(self) -> str:
        return f"{self.village}, {self.today:%d-%m-%Y}"


async def village_place(kernel: Kernel, tenant: Tenant, now: dt.datetime) -> VillagePlace:
    names = await village_names(kernel, tenant)
    return VillagePlace(
        word=tenant.local_word or "Desa",
        village=names.village,
        district=names.district,
        regency=kernel.settings.instance_name,
        province=str(lokal.PROVINCES.get(tenant.code[:2], "")),
        today=local_day(now),
        printed_at=local_clock(now),
    )
