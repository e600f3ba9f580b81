"""Every population GET page or API answer that shows a seeded NIK or KK writes a trail entry.

The sweep walks the app's own route table, so a page added later is swept too; a path
parameter the sweep cannot fill fails the test instead of being skipped.
"""

from __future__ import annotations

import re
from typing import Any

from litestar.routes import HTTPRoute

from core.audit.tables import Disclosure
from core.demo import DEMO_PASSWORD, build_demo
from core.tenancy.tables import Village
from core.testing.harness import sign_in
from plugins.population.areas.tables import Area
from plugins.population.households.tables import Household
from plugins.population.letters.archive_tables import MailEntry
from plugins.population.letters.kinds import LETTER_KINDS
from plugins.population.tables import (
    Family,
    ImportBatch,
    Letter,
    Resident,
    ServiceDocument,
    ServiceRequest,
)

NUMBER = re.compile(r"(?<!\d)\d{16}(?!\d)")
PARAM = re.compile(r"\{(\w+)(?::\w+)?\}")
STAFF = ("admin-{slug}", "operator-{slug}", "admin", "dukcapil")


async def _first(kampung: Any, code: str, table: Any) -> str:
    async with kampung.scope():
        row = await table.select(table.id).where(table.village_code == code).first()
    return str(row["id"]) if row else "1"


async def _values(kampung: Any, village: dict[str, Any]) -> dict[str, str]:
    code = village["code"]
    return {
        "village_slug": village["slug"],
        "village_code": code,
        "district_slug": await kampung.district_slug(village["district_code"]),
        "resident_id": await _first(kampung, code, Resident),
        "family_id": await _first(kampung, code, Family),
        "request_id": await _first(kampung, code, ServiceRequest),
        "document_id": await _first(kampung, code, ServiceDocument),
        "letter_id": await _first(kampung, code, Letter),
        "batch_id": await _first(kampung, code, ImportBatch),
        "area_id": await _first(kampung, code, Area),
        "household_id": await _first(kampung, code, Household),
        "direction": "masuk",
        "entry_id": await _first(kampung, code, MailEntry),
        "version": "1",
        "kind": next(iter(LETTER_KINDS)),
        "filename": "umur.svg",
        "token": "0" * 32,
    }


def _population_get_paths(app: Any) -> list[str]:
    paths = set()
    for route in app.routes:
        if not isinstance(route, HTTPRoute):
            continue
        for handler in route.route_handlers:
            if "GET" in handler.http_methods and handler.opt.get("plugin") == "population":
                paths.add(route.path)
    return sorted(paths)


def _fill(path: str, values: dict[str, str]) -> str:
    missing = [name for name in PARAM.findall(path) if name not in values]
    assert not missing, f"the disclosure sweep cannot fill {missing} in {path}: add a value"
    return PARAM.sub(lambda m: values[m.group(1)], path)


async def _count(kampung: Any) -> int:
    async with kampung.scope():
        return await Disclosure.count()


async def test_every_population_page_showing_a_nik_records_a_disclosure(kampung) -> None:
    await build_demo(kampung.kernel)
    async with kampung.scope():
        village = (await Resident.select(Resident.village_code).first())["village_code"]
        row = await Village.select().where(Village.code == village).first()
        numbers = {r["nik"] for r in await Resident.select(Resident.nik)} | {
            r["kk_number"] for r in await Family.select(Family.kk_number)
        }
    values = await _values(kampung, row)
    paths = [_fill(path, values) for path in _population_get_paths(kampung.app)]
    assert any("/penduduk" in path for path in paths), paths
    silent: list[str] = []
    showing = 0
    for pattern in STAFF:
        username = pattern.format(slug=row["slug"])
        client = kampung.client()
        response = await sign_in(client, username, DEMO_PASSWORD)
        assert response.status_code == 303, username
        for path in paths:
            before = await _count(kampung)
            response = await client.get(path)
            shown = set(NUMBER.findall(response.text)) & numbers
            if response.status_code != 200 or not shown:
                continue
            showing += 1
            written = await _count(kampung) - before
            if written != 1:
                silent.append(f"{username} {path}: {written} entries")
    assert showing > 5, "the sweep saw too few pages with personal data to mean anything"
    assert not silent, "pages showing NIK/KK without exactly one disclosure:\n" + "\n".join(silent)
