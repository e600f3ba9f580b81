"""The rules of the village's areas: add a hamlet, an RW in a hamlet or an RT in an RW; rename
one; set or clear its head; remove one no family uses; create them from the families' text.

Each function writes inside the caller's transaction (the request's), audits what it changed
and refuses with a `RegisterError` naming the form field. A rename carries the families (and
their members' own copies of the address) along, so the counts keep them in the renamed area.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from piccolo.engine.base import Engine

from core.i18n import _
from core.kernel import Kernel
from plugins.population.areas.names import (
    DUSUN,
    HEAD_LABELS,
    LEVEL_LABELS,
    LEVELS,
    PARENT_LEVEL,
    RT,
    RW,
    area_key,
    checked_name,
)
from plugins.population.areas.places import Places, all_areas, families_in, text_path, within
from plugins.population.areas.tables import Area
from plugins.population.register.errors import NotInVillage, RegisterError, unique_guarded
from plugins.population.tables import Family, Resident

ENTITY = "area"
ALIVE = 1
COLUMN_OF = {DUSUN: "dusun", RW: "rw", RT: "rt"}


def _now(now: dt.datetime | None) -> dt.datetime:
    return now or dt.datetime.now(dt.UTC)


def _engine() -> Engine:
    return Area._meta.db


def _label(level: str) -> str:
    return _(LEVEL_LABELS[level])


def _duplicate(level: str, name: str, parent: dict[str, Any] | None) -> RegisterError:
    if parent is None:
        message = _("Dusun {name} sudah ada di desa ini.").format(name=name)
    else:
        message = _("{level} {name} sudah ada di {parent_level} {parent}.").format(
            level=_label(level),
            name=name,
            parent_level=_label(parent["level"]),
            parent=parent["name"],
        )
    return RegisterError(message, "name")


def _parent_for(level: str, parent_id: int | None, places: Places) -> dict[str, Any] | None:
    """The record a new area of `level` goes under, or a refusal naming the `parent` field."""
    wanted = PARENT_LEVEL[level]
    if wanted is None:
        return None
    parent = places.by_id.get(parent_id) if parent_id is not None else None
    if parent is None or parent["level"] != wanted:
        if level == RT:
            raise RegisterError(_("RT harus berada di dalam RW: pilih RW-nya."), "parent")
        raise RegisterError(_("RW harus berada di dalam dusun: pilih dusunnya."), "parent")
    return parent


async def add_area(
    kernel: Kernel,
    village_code: str,
    actor: str,
    level: str,
    name: str,
    parent_id: int | None = None,
    *,
    now: dt.datetime | None = None,
) -> int:
    """A new hamlet (no parent), RW (in a hamlet) or RT (in an RW); its id."""
    if level not in LEVELS:
        raise RegisterError(_("Jenis wilayah tidak dikenal."), "level")
    places = Places.of(await all_areas())
    parent = _parent_for(level, parent_id, places)
    clean = checked_name(level, name)
    key = area_key(level, clean)
    parent_key = parent["id"] if parent else None
    if (parent_key, key) in places.by_key:
        raise _duplicate(level, clean, parent)
    moment = _now(now)

    async def write() -> int:
        rows = await Area.insert(
            Area(
                level=level,
                parent=parent_key,
                name=clean,
                name_key=key,
                head=None,
                created_by=actor,
                created_at=moment,
                updated_by=actor,
                updated_at=moment,
            )
        ).returning(Area.id)
        return int(rows[0]["id"])

    area_id = await unique_guarded(_engine(), write, _duplicate(level, clean, parent))
    await kernel.audit(
        village_code,
        actor=actor,
        action="create",
        entity=ENTITY,
        entity_id=area_id,
        after={"level": level, "name": clean, "parent": parent_key},
    )
    return area_id


async def _carry_families(level: str, old: tuple[str, ...], new_name: str) -> tuple[int, int]:
    """Rewrite the hamlet/RW/RT text of the families and residents in the area at `old`."""
    column = COLUMN_OF[level]
    counts = []
    for table in (Family, Resident):
        rows = await table.select(table.id, table.dusun, table.rw, table.rt)
        ids = [r["id"] for r in rows if within(old, text_path(r["dusun"], r["rw"], r["rt"]))]
        if ids:
            await table.update(
                {table._meta.get_column_by_name(column): new_name, table.version: table.version + 1}
            ).where(table.id.is_in(ids))
        counts.append(len(ids))
    return counts[0], counts[1]


async def rename_area(
    kernel: Kernel,
    village_code: str,
    actor: str,
    area_id: int,
    name: str,
    *,
    now: dt.datetime | None = None,
) -> int:
    """Give the area a new name (a hamlet) or number (an RW, an RT); the families carried along."""
    places = Places.of(await all_areas())
    area = places.by_id.get(area_id)
    if area is None:
        raise NotInVillage("area")
    level = area["level"]
    clean = checked_name(level, name)
    key = area_key(level, clean)
    parent = places.by_id.get(area["parent"]) if area["parent"] else None
    if clean == area["name"]:
        return 0
    clash = places.by_key.get((area["parent"], key))
    if clash is not None and clash["id"] != area_id:
        raise _duplicate(level, clean, parent)
    old_path = places.path(area_id)

    async def write() -> None:
        await Area.update(
            {
                Area.name: clean,
                Area.name_key: key,
                Area.updated_by: actor,
                Area.updated_at: _now(now),
            }
        ).where(Area.id == area_id)

    await unique_guarded(_engine(), write, _duplicate(level, clean, parent))
    families, residents = await _carry_families(level, old_path, clean)
    await kernel.audit(
        village_code,
        actor=actor,
        action="rename",
        entity=ENTITY,
        entity_id=area_id,
        before={"name": area["name"]},
        after={"name": clean, "families": families, "residents": residents},
    )
    return families


async def head_by_nik(nik: str, field: str = "head_nik") -> dict[str, Any]:
    """The living resident of this village holding `nik`, or a refusal naming `field`."""
    digits = nik.replace(" ", "")
    if len(digits) != 16 or not digits.isdigit():
        raise RegisterError(_("NIK harus 16 angka."), field)
    rows = await (
        Resident.select(Resident.id, Resident.name, Resident.status)
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


async def set_head(
    kernel: Kernel,
    village_code: str,
    actor: str,
    area_id: int,
    nik: str,
    *,
    now: dt.datetime | None = None,
) -> dict[str, Any] | None:
    """Make the resident holding `nik` the area's head; an empty NIK leaves it without one."""
    area = next((a for a in await all_areas() if a["id"] == area_id), None)
    if area is None:
        raise NotInVillage("area")
    head = await head_by_nik(nik) if nik.strip() else None
    head_id = head["id"] if head else None
    if head_id == area["head"]:
        return head
    await Area.update(
        {Area.head: head_id, Area.updated_by: actor, Area.updated_at: _now(now)}
    ).where(Area.id == area_id)
    await kernel.audit(
        village_code,
        actor=actor,
        action="set_head",
        entity=ENTITY,
        entity_id=area_id,
        before={"head": area["head"]},
        after={"head": head_id, "role": HEAD_LABELS[area["level"]]},
    )
    return head


async def remove_area(kernel: Kernel, village_code: str, actor: str, area_id: int) -> int | None:
    """Remove an area no active family uses, with the RWs and RTs in it; its parent's id."""
    places = Places.of(await all_areas())
    area = places.by_id.get(area_id)
    if area is None:
        raise NotInVillage("area")
    users = await families_in(places.path(area_id))
    if users:
        raise RegisterError(
            _(
                "{level} {name} masih dipakai {n} KK; pindahkan KK itu ke wilayah lain "
                "sebelum menghapusnya."
            ).format(level=_label(area["level"]), name=area["name"], n=len(users)),
            "area",
        )
    removed = [area_id]
    for child in places.children(area_id):
        removed = [*[g["id"] for g in places.children(child["id"])], child["id"], *removed]
    for each in removed:
        await Area.delete().where(Area.id == each)
    await kernel.audit(
        village_code,
        actor=actor,
        action="delete",
        entity=ENTITY,
        entity_id=area_id,
        before={"level": area["level"], "name": area["name"], "parent": area["parent"]},
        after={"removed": removed},
    )
    return area["parent"]


def _spelling(counts: Counter[str]) -> str:
    """The spelling most families use (on a tie, the one the oldest KK uses)."""
    return max(counts.items(), key=lambda item: item[1])[0]


async def import_from_families(
    kernel: Kernel, village_code: str, actor: str, *, now: dt.datetime | None = None
) -> int:
    """Create the hamlets, RWs and RTs the families' text names that have no record yet.

    Running it again adds nothing: an area that exists (matched by key) is left as it is. An RT
    whose family names no RW, and an RW or RT whose family names no hamlet, is not created.
    """
    rows = await Family.select(Family.dusun, Family.rw, Family.rt).order_by(Family.id)
    spellings: dict[tuple[str, ...], Counter[str]] = {}
    for row in rows:
        path: tuple[str, ...] = ()
        for level in LEVELS:
            text = " ".join(str(row[COLUMN_OF[level]] or "").split())
            if not text:
                break
            if level != DUSUN:
                try:
                    text = checked_name(level, text)
                except RegisterError:
                    break
            path = (*path, area_key(level, text))
            spellings.setdefault(path, Counter())[text] += 1
    created = 0
    ids: dict[tuple[str, ...], int | None] = {(): None}
    places = Places.of(await all_areas())
    for path in sorted(spellings, key=lambda p: (len(p), p)):
        parent_id = ids.get(path[:-1])
        if len(path) > 1 and parent_id is None:
            continue
        existing = places.by_key.get((parent_id, path[-1]))
        if existing is not None:
            ids[path] = existing["id"]
            continue
        name = _spelling(spellings[path])
        level = LEVELS[len(path) - 1]
        ids[path] = await add_area(kernel, village_code, actor, level, name, parent_id, now=now)
        places = Places.of(await all_areas())
        created += 1
    return created
