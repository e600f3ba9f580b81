"""Finding residents in a village: filters read from the URL, run only on indexed columns.

Every query starts with the village code (the leading column of the indexes) and pages with
LIMIT/OFFSET; the count uses the same filters, so a large village stays fast. A name matches when
each word typed starts a word of it; digits typed in the search box, or in the NIK and KK fields,
match a number by its last digits (`search_index` explains the index behind both).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from piccolo.querystring import QueryString

from core.i18n import _
from plugins.population.register.search_index import (
    MIN_DIGITS,
    kk_condition,
    name_condition,
    nik_condition,
    number_condition,
    number_error,
)
from plugins.population.tables import Resident

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

    def folded_active(self) -> int:
        """How many filters besides the search box are set: the folded filters open when any
        is, or when one was refused, so the operator sees what narrows the list."""
        active = [value for key, value in self.query().items() if key != "q"]
        return len(active) + len(set(self.errors) - {"q"})


def _int(value: str, key: str, errors: dict[str, str], label: str) -> int | None:
    if not value:
        return None
    if not value.isdigit() or int(value) > 150:
        errors[key] = _("{label} harus angka 0 sampai 150.").format(label=label)
        return None
    return int(value)


def _three_digits(value: str) -> str:
    return value.zfill(3) if value.isdigit() and len(value) <= 3 else value


def _number(value: str, key: str, errors: dict[str, str], label: str) -> str:
    digits = value.replace(" ", "")
    if not digits:
        return ""
    error = number_error(digits, label)
    if error:
        errors[key] = error
        return ""
    return digits


def _digits_only(text: str) -> str:
    """The search box's text when it is a number (spaces ignored), else ""."""
    digits = text.replace(" ", "")
    return digits if digits.isdigit() else ""


def read_filter(params: Mapping[str, Any]) -> ResidentFilter:
    """Filters from query parameters; a bad value is reported and ignored, never a 500."""
    get = lambda key: str(params.get(key) or "").strip()  # noqa: E731
    errors: dict[str, str] = {}
    age = get("age")
    if age and age not in {band for band, _, _ in AGE_BANDS}:
        errors["age"] = _("Kelompok umur tidak dikenal.")
        age = ""
    status = get("status") or DEFAULT_STATUS
    if status != ALL_STATUSES and status not in {"1", "2", "3", "4", "6", "9"}:
        errors["status"] = _("Status dasar tidak dikenal.")
        status = DEFAULT_STATUS
    sort = get("sort") if get("sort") in SORTS else "name"
    page = int(get("page")) if get("page").isdigit() and int(get("page")) > 0 else 1
    q = get("q")[:120]
    if 0 < len(_digits_only(q)) < MIN_DIGITS:
        errors["q"] = _(
            "Pencarian nomor: isi sekurangnya {min_digits} angka terakhir NIK atau KK."
        ).format(min_digits=MIN_DIGITS)
    return ResidentFilter(
        q=q,
        nik=_number(get("nik"), "nik", errors, "NIK"),
        kk=_number(get("kk"), "kk", errors, "Nomor KK"),
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


def filter_conditions(village_code: str, f: ResidentFilter, today: dt.date) -> Any:
    """The WHERE for `f` in one village, or None when nothing can match (a number too short)."""
    conditions: list[Any] = [Resident.village_code == village_code]
    number = _digits_only(f.q)
    if number:
        if len(number) < MIN_DIGITS:
            return None
        conditions.append(number_condition(village_code, number))
    elif f.q:
        words = name_condition(village_code, f.q)
        if words is not None:
            conditions.append(words)
    for digits, condition in ((f.nik, nik_condition), (f.kk, kk_condition)):
        if digits:
            if number_error(digits, ""):
                return None
            conditions.append(condition(village_code, digits))
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


def sort_key(f: ResidentFilter) -> Any:
    """The column to sort by; when the search terms pick the rows, as `coalesce(column, column)`
    (the same order), which no index provides. Otherwise the planner may walk the village's name
    index in order and test each resident against the terms until 50 match: a whole-village scan
    for a rare name (SQLite, which has no statistics), and for a common one too (PostgreSQL:
    the SITIs all sort together, far down the index)."""
    column = SORTS[f.sort]
    if f.q or f.nik or f.kk:
        name = f'"{Resident._meta.tablename}"."{column._meta.db_column_name}"'
        return QueryString(f"coalesce({name}, {name})")
    return column


@dataclass(frozen=True, slots=True)
class ResidentPage:
    rows: list[dict[str, Any]]
    total: int
    page: int
    pages: int


async def search_residents(village_code: str, f: ResidentFilter, today: dt.date) -> ResidentPage:
    where = filter_conditions(village_code, f, today)
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
        .order_by(sort_key(f), ascending=f.order == "asc")
        .order_by(Resident.id, ascending=f.order == "asc")
        .limit(PAGE_SIZE)
        .offset((page - 1) * PAGE_SIZE)
    )
    return ResidentPage(rows, total, page, pages)
