"""Reading requests: one request in a scope, filtered pages of them, and the regency's summary.

A scope is a region-code prefix: a village code for village pages, the regency code for the
regency queue. Every query filters by it, as well as the database's own Row-Level Security.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from core.db.jsonvalue import json_dict
from core.localtime import local_day
from core.tenancy.tables import Village
from plugins.population.services.age import day_start, request_age, submitted_on_or_before
from plugins.population.services.kinds import KINDS
from plugins.population.tables import ServiceRequest

__all__ = [
    "DONE_STATES",
    "OPEN_STATES",
    "SHOW_ALL",
    "SHOW_DONE",
    "SHOW_OPEN",
    "Filters",
    "VillageInfo",
    "age_of",
    "is_overdue",
    "list_requests",
    "load_request",
    "onboarded_villages",
    "parse_show",
    "summarise",
]

OPEN_STATES = ("diajukan", "dikembalikan", "diperiksa", "diteruskan", "diproses")
DONE_STATES = ("diserahkan", "dinilai", "dibatalkan")
"""No one has work left on these: the lists hide them unless asked (``tampil``)."""
SHOW_OPEN, SHOW_DONE, SHOW_ALL = "terbuka", "selesai", "semua"
SHOWS = (SHOW_OPEN, SHOW_DONE, SHOW_ALL)
PAGE_SIZE = 25
_TARGETS = {kind.key: kind.target_working_days for kind in KINDS}


@dataclass(frozen=True, slots=True)
class Filters:
    district: str = ""
    village: str = ""
    kind: str = ""
    status: str = ""
    min_age: int | None = None
    page: int = 1
    show: str = SHOW_OPEN
    """Open work (``terbuka``, also when ``siap``: the village still hands it over), the
    finished and cancelled (``selesai``) or all; a chosen ``status`` wins over it."""

    def query(self) -> dict[str, Any]:
        """The filters as URL parameters for pager and sort links (the default ``show`` left
        out, so a bare URL means open work)."""
        values = {
            "district": self.district,
            "village": self.village,
            "kind": self.kind,
            "status": self.status,
            "min_age": "" if self.min_age is None else str(self.min_age),
            "tampil": "" if self.show == SHOW_OPEN else self.show,
        }
        return {key: value for key, value in values.items() if value}


def parse_show(value: str) -> str:
    """The ``tampil`` URL parameter; anything else means the default, open work."""
    return value if value in SHOWS else SHOW_OPEN


@dataclass(frozen=True, slots=True)
class VillageInfo:
    code: str
    name: str
    slug: str
    district_code: str


def _in_scope(scope_code: str) -> Any:
    if len(scope_code.split(".")) >= 4:
        return ServiceRequest.village_code == scope_code
    return ServiceRequest.village_code.like(scope_code + ".%")


async def onboarded_villages(scope_code: str) -> dict[str, VillageInfo]:
    rows = await Village.select(
        Village.code, Village.name, Village.slug, Village.district_code
    ).where(
        Village.onboarded == True  # noqa: E712
    )
    return {
        r["code"]: VillageInfo(r["code"], r["name"], r["slug"], r["district_code"])
        for r in rows
        if r["code"] == scope_code or r["code"].startswith(scope_code + ".")
    }


_COLUMNS = (
    ServiceRequest.id,
    ServiceRequest.village_code,
    ServiceRequest.kind,
    ServiceRequest.resident,
    ServiceRequest.applicant_name,
    ServiceRequest.applicant_nik,
    ServiceRequest.channel,
    ServiceRequest.status,
    ServiceRequest.document_number,
    ServiceRequest.rating,
    ServiceRequest.rating_comment,
    ServiceRequest.payload,
    ServiceRequest.submitted_at,
    ServiceRequest.updated_at,
    ServiceRequest.resident.name.as_alias("resident_name"),
    ServiceRequest.resident.nik.as_alias("resident_nik"),
    ServiceRequest.resident.family.as_alias("resident_family"),
)


async def load_request(scope_code: str, request_id: int) -> dict[str, Any] | None:
    """One request inside the scope, or None (another village's request is simply not there)."""
    return (
        await ServiceRequest.select(*_COLUMNS)
        .where((ServiceRequest.id == request_id) & _in_scope(scope_code))
        .first()
    )


def age_of(row: dict[str, Any], now: dt.datetime) -> int:
    """Working days the request has been open, or took until the document was ready."""
    if row["status"] in OPEN_STATES:
        until = now
    else:
        ready = json_dict(row["payload"]).get("ready_at")
        until = dt.datetime.fromisoformat(ready) if ready else row["updated_at"]
    return request_age(row["submitted_at"], until)


def is_overdue(row: dict[str, Any], now: dt.datetime) -> bool:
    return row["status"] in OPEN_STATES and age_of(row, now) > _TARGETS.get(row["kind"], 0)


async def list_requests(
    scope_code: str,
    filters: Filters,
    now: dt.datetime,
    *,
    villages: list[str] | None = None,
    oldest_first: bool = False,
) -> tuple[list[dict[str, Any]], int]:
    """One page of requests matching ``filters`` and the number of matches."""
    where: Any = _in_scope(scope_code)
    if villages is not None:
        if not villages:
            return [], 0
        where &= ServiceRequest.village_code.is_in(villages)
    if filters.district:
        where &= ServiceRequest.village_code.like(filters.district + ".%")
    if filters.village:
        where &= ServiceRequest.village_code == filters.village
    if filters.kind:
        where &= ServiceRequest.kind == filters.kind
    if filters.status:
        where &= ServiceRequest.status == filters.status
    elif filters.show == SHOW_OPEN:
        where &= ServiceRequest.status.not_in(list(DONE_STATES))
    elif filters.show == SHOW_DONE:
        where &= ServiceRequest.status.is_in(list(DONE_STATES))
    if filters.min_age is not None:
        today = local_day(now)
        last_day = submitted_on_or_before(today, filters.min_age)
        where &= ServiceRequest.submitted_at < day_start(last_day + dt.timedelta(days=1))
        where &= ServiceRequest.status.is_in(list(OPEN_STATES))
    total = await ServiceRequest.count().where(where)
    order = ServiceRequest.submitted_at
    rows = (
        await ServiceRequest.select(*_COLUMNS)
        .where(where)
        .order_by(order, ascending=oldest_first)
        .order_by(ServiceRequest.id, ascending=oldest_first)
        .offset((max(filters.page, 1) - 1) * PAGE_SIZE)
        .limit(PAGE_SIZE)
    )
    return rows, total


@dataclass(frozen=True, slots=True)
class VillageSummary:
    village: VillageInfo
    total: int
    open: int
    overdue: int


@dataclass(frozen=True, slots=True)
class KindSummary:
    key: str
    title: str
    target: int
    finished: int
    median_days: float | None


@dataclass(frozen=True, slots=True)
class Summary:
    villages: list[VillageSummary]
    kinds: list[KindSummary]
    open: int
    overdue: int
    average_rating: float | None
    ratings: int


async def summarise(scope_code: str, now: dt.datetime) -> Summary:
    """Requests per village, median turnaround per kind, overdue count and satisfaction."""
    villages = await onboarded_villages(scope_code)
    rows = []
    if villages:
        rows = await ServiceRequest.select(
            ServiceRequest.village_code,
            ServiceRequest.kind,
            ServiceRequest.status,
            ServiceRequest.payload,
            ServiceRequest.rating,
            ServiceRequest.submitted_at,
            ServiceRequest.updated_at,
        ).where(_in_scope(scope_code) & ServiceRequest.village_code.is_in(list(villages)))
    per_village: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    turnaround: dict[str, list[int]] = defaultdict(list)
    ratings = [r["rating"] for r in rows if r["rating"] is not None]
    for row in rows:
        counts = per_village[row["village_code"]]
        counts[0] += 1
        if row["status"] in OPEN_STATES:
            counts[1] += 1
            counts[2] += is_overdue(row, now)
        elif json_dict(row["payload"]).get("ready_at"):
            turnaround[row["kind"]].append(age_of(row, now))
    village_rows = [
        VillageSummary(info, *per_village.get(code, [0, 0, 0]))
        for code, info in sorted(villages.items())
        if code in per_village
    ]
    kinds = [
        KindSummary(
            kind.key,
            kind.title,
            kind.target_working_days,
            len(turnaround[kind.key]),
            statistics.median(turnaround[kind.key]) if turnaround[kind.key] else None,
        )
        for kind in KINDS
    ]
    return Summary(
        villages=village_rows,
        kinds=kinds,
        open=sum(v.open for v in village_rows),
        overdue=sum(v.overdue for v in village_rows),
        average_rating=round(sum(ratings) / len(ratings), 2) if ratings else None,
        ratings=len(ratings),
    )
