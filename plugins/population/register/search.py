"""Finding residents in a village: filters read from the URL, run only on indexed columns.

Every query starts with the village code (the leading column of the indexes) and pages with
LIMIT/OFFSET; the count uses the same filters, so a 20,000-resident village stays fast.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from piccolo.columns.combination import WhereRaw

from plugins.population.register.names import prefix_pattern, prefix_range
from plugins.population.tables import Family, Resident

PAGE_SIZE = 50
SORTS = {"name": Resident.name_key, "nik": Resident.nik, "birth_date": Resident.birth_date}
AGE_BANDS = [(f"{low}-{low + 4}", low, low + 4) for low in range(0, 75, 5)] + [("75+", 75, None)]
ALL_STATUSES = "semua"
DEFAULT_STATUS = "1"


@dataclass(slots=True)
class ResidentFilter:
    q: str = ""
    nik: str = ""
    kk: str = ""
    dusun: str = ""
    rw: str = ""
    rt: str = ""
    age: str = ""
    age_min: int | None = None
    age_max: int | None = None
    status: str = DEFAULT_STATUS
    sort: str = "name"
    order: str = "asc"
    page: int = 1
    errors: dict[str, str] = field(default_factory=dict)

    def query(self) -> dict[str, str]:
        """The filters as URL parameters (sort and page are added by the table)."""
        values = {
            "q": self.q,
            "nik": self.nik,
            "kk": self.kk,
            "dusun": self.dusun,
            "rw": self.rw,
            "rt": self.rt,
            "age": self.age,
            "age_min": "" if self.age_min is None else str(self.age_min),
            "age_max": "" if self.age_max is None else str(self.age_max),
            "status": "" if self.status == DEFAULT_STATUS else self.status,
        }
        return {key: value for key, value in values.items() if value}


def _int(value: str, key: str, errors: dict[str, str], label: str) -> int | None:
    if not value:
        return None
    if not value.isdigit() or int(value) > 150:
        errors[key] = f"{label} harus angka 0 sampai 150."
        return None
    return int(value)


def _three_digits(value: str) -> str:
    return value.zfill(3) if value.isdigit() and len(value) <= 3 else value


def read_filter(params: Mapping[str, Any]) -> ResidentFilter:
    """Filters from query parameters; a bad value is reported and ignored, never a 500."""
    get = lambda key: str(params.get(key) or "").strip()  # noqa: E731
    errors: dict[str, str] = {}
    age = get("age")
    if age and age not in {band for band, _, _ in AGE_BANDS}:
        errors["age"] = "Kelompok umur tidak dikenal."
        age = ""
    status = get("status") or DEFAULT_STATUS
    if status != ALL_STATUSES and status not in {"1", "2", "3", "4", "6", "9"}:
        errors["status"] = "Status dasar tidak dikenal."
        status = DEFAULT_STATUS
    sort = get("sort") if get("sort") in SORTS else "name"
    page = int(get("page")) if get("page").isdigit() and int(get("page")) > 0 else 1
    return ResidentFilter(
        q=get("q")[:120],
        nik=get("nik").replace(" ", "")[:16],
        kk=get("kk").replace(" ", "")[:16],
        dusun=get("dusun")[:60],
        rw=_three_digits(get("rw")),
        rt=_three_digits(get("rt")),
        age=age,
        age_min=_int(get("age_min"), "age_min", errors, "Umur minimal"),
        age_max=_int(get("age_max"), "age_max", errors, "Umur maksimal"),
        status=status,
        sort=sort,
        order="desc" if get("order") == "desc" else "asc",
        page=page,
        errors=errors,
    )


def _years_before(today: dt.date, years: int) -> dt.date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


async def _conditions(village_code: str, f: ResidentFilter, today: dt.date) -> Any:
    conditions: list[Any] = [Resident.village_code == village_code]
    if f.q:
        conditions.append(Resident.name_key.like(prefix_pattern(f.q)))
        bounds = prefix_range(f.q)
        if bounds and Resident._meta.db.engine_type == "postgres":
            column = f'"{Resident._meta.tablename}"."name_key"'
            conditions.append(WhereRaw(f"{column} ~>=~ {{}} AND {column} ~<~ {{}}", *bounds))
    if f.nik:
        conditions.append(Resident.nik == f.nik)
    if f.kk:
        family_ids = await Family.select(Family.id).where(
            (Family.village_code == village_code) & (Family.kk_number == f.kk)
        )
        if not family_ids:
            return None
        conditions.append(Resident.family.is_in([row["id"] for row in family_ids]))
    for column, value in ((Resident.dusun, f.dusun), (Resident.rw, f.rw), (Resident.rt, f.rt)):
        if value:
            conditions.append(column == value)
    low, high = f.age_min, f.age_max
    for band, band_low, band_high in AGE_BANDS:
        if f.age == band:
            low, high = band_low, band_high
    if low is not None:
        conditions.append(Resident.birth_date <= _years_before(today, low))
    if high is not None:
        conditions.append(Resident.birth_date > _years_before(today, high + 1))
    if f.status != ALL_STATUSES:
        conditions.append(Resident.status == int(f.status))
    where = conditions[0]
    for condition in conditions[1:]:
        where = where & condition
    return where


@dataclass(frozen=True, slots=True)
class ResidentPage:
    rows: list[dict[str, Any]]
    total: int
    page: int
    pages: int


async def search_residents(village_code: str, f: ResidentFilter, today: dt.date) -> ResidentPage:
    where = await _conditions(village_code, f, today)
    if where is None:
        return ResidentPage([], 0, 1, 1)
    total = await Resident.count().where(where)
    pages = max(1, math.ceil(total / PAGE_SIZE))
    page = min(f.page, pages)
    rows = await (
        Resident.select(
            Resident.id,
            Resident.nik,
            Resident.name,
            Resident.sex,
            Resident.birth_date,
            Resident.dusun,
            Resident.rw,
            Resident.rt,
            Resident.status,
            Resident.family.kk_number,
        )
        .where(where)
        .order_by(SORTS[f.sort], ascending=f.order == "asc")
        .order_by(Resident.id, ascending=f.order == "asc")
        .limit(PAGE_SIZE)
        .offset((page - 1) * PAGE_SIZE)
    )
    return ResidentPage(rows, total, page, pages)
