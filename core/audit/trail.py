"""Reading the access trail and the audit chain: who saw a record, who changed it, and searches.

Queries only; they run in the caller's transaction, so Row-Level Security and the scope the
request set keep a village admin inside their village and a citizen inside theirs.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from core.audit.disclosure import number_token, token
from core.audit.tables import AuditEntry, Disclosure
from core.i18n import _

PAGE_SIZE = 50
_NUMBER = re.compile(r"^\d{16}$")
_RECORD = re.compile(r"^[a-z_]{2,40}:\d{1,19}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(slots=True)
class TrailFilter:
    """A search of the trail, as typed: every field optional; `errors` names bad ones."""

    actor: str = ""
    village: str = ""
    record: str = ""
    since: str = ""
    until: str = ""
    kind: str = ""
    page: int = 1
    errors: dict[str, str] = field(default_factory=dict)

    def query(self) -> dict[str, str]:
        values = {
            "actor": self.actor,
            "village": self.village,
            "record": self.record,
            "since": self.since,
            "until": self.until,
            "kind": self.kind,
        }
        return {key: value for key, value in values.items() if value}


def read_trail_filter(params: Mapping[str, Any]) -> TrailFilter:
    """The search form's fields, checked; a bad field is named and left out of the search."""

    def get(key: str, limit: int) -> str:
        return str(params.get(key) or "").strip()[:limit]

    f = TrailFilter(
        actor=get("actor", 120),
        village=get("village", 13),
        record=get("record", 60).replace(" ", ""),
        since=get("since", 10),
        until=get("until", 10),
        kind=get("kind", 80),
    )
    raw_page = get("page", 6)
    f.page = int(raw_page) if raw_page.isdigit() and int(raw_page) > 0 else 1
    if f.village and not all(part.isdigit() for part in f.village.split(".")):
        f.errors["village"] = _("Kode desa hanya angka dan titik, mis. 35.27.01.2001.")
    if f.record and not (_NUMBER.match(f.record) or _RECORD.match(f.record)):
        f.errors["record"] = _(
            "Isi NIK atau nomor KK (16 angka), atau rujukan seperti resident:12."
        )
    for key, label in (("since", "Dari tanggal"), ("until", "Sampai tanggal")):
        value = getattr(f, key)
        if value and (not _DATE.match(value) or _date(value) is None):
            f.errors[key] = _("{label} harus berformat TTTT-BB-HH.").format(label=label)
    return f


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def record_tokens(record: str) -> list[str]:
    """The subject tokens a typed record stands for (a NIK/KK number, or `entity:id`)."""
    return [number_token(record)] if _NUMBER.match(record) else [record]


@dataclass(frozen=True, slots=True)
class TrailPage:
    rows: list[dict[str, Any]]
    total: int
    page: int
    pages: int


def _matching(tokens: Iterable[str]) -> Any:
    condition: Any = None
    for found in tokens:
        like = Disclosure.subjects.like(f"%|{found}|%")
        condition = like if condition is None else condition | like
    return condition


async def search_trail(scope_code: str, f: TrailFilter) -> TrailPage:
    """Disclosures within a scope (a village, a district or the regency), newest first."""
    where: Any = (Disclosure.village_code == scope_code) | Disclosure.village_code.like(
        scope_code + ".%"
    )
    if f.village and "village" not in f.errors:
        where = where & (
            (Disclosure.village_code == f.village) | Disclosure.village_code.like(f.village + ".%")
        )
    if f.actor:
        where = where & (Disclosure.actor == f.actor)
    if f.kind:
        where = where & (Disclosure.kind == f.kind)
    if f.record and "record" not in f.errors:
        where = where & _matching(record_tokens(f.record))
    since = _date(f.since) if "since" not in f.errors else None
    until = _date(f.until) if "until" not in f.errors else None
    if since is not None:
        where = where & (Disclosure.at >= _start_of(since))
    if until is not None:
        where = where & (Disclosure.at < _start_of(until + dt.timedelta(days=1)))
    total = await Disclosure.count().where(where)
    pages = max(1, math.ceil(total / PAGE_SIZE))
    page = min(f.page, pages)
    rows = await (
        Disclosure.select()
        .where(where)
        .order_by(Disclosure.at, ascending=False)
        .order_by(Disclosure.id, ascending=False)
        .limit(PAGE_SIZE)
        .offset((page - 1) * PAGE_SIZE)
    )
    return TrailPage(rows, total, page, pages)


def _start_of(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)


async def disclosures_of(
    village_code: str, subjects: Iterable[tuple[str, object]], *, limit: int = PAGE_SIZE
) -> list[dict[str, Any]]:
    """The latest responses of one village that showed any of these records."""
    condition = _matching(token(entity, entity_id) for entity, entity_id in subjects)
    if condition is None:
        return []
    return await (
        Disclosure.select()
        .where((Disclosure.village_code == village_code) & condition)
        .order_by(Disclosure.at, ascending=False)
        .order_by(Disclosure.id, ascending=False)
        .limit(limit)
    )


async def changes_of(
    village_code: str, entity: str, entity_id: object, *, limit: int = PAGE_SIZE
) -> list[dict[str, Any]]:
    """The audit chain's entries about one record, newest first (reads recorded before the
    access trail existed included)."""
    return await (
        AuditEntry.select(
            AuditEntry.at,
            AuditEntry.actor,
            AuditEntry.action,
            AuditEntry.entity,
            AuditEntry.entity_id,
        )
        .where(
            (AuditEntry.village_code == village_code)
            & (AuditEntry.entity == entity)
            & (AuditEntry.entity_id == str(entity_id))
        )
        .order_by(AuditEntry.seq, ascending=False)
        .limit(limit)
    )
