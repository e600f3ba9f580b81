"""A plugin's writes sent twice with one idempotency key, as a double click or a retry sends them.

The core's double-submit protection (`core.idempotency`): a page with a creating form renders a
fresh `idempotency_key` in a hidden field (an API client puts one in its JSON body), and the
handler answers a key it has seen with what it answered first, storing nothing more.

The contract sends every POST, PUT and PATCH route of a plugin under a village twice with one key:

- the body is the route's sample, declared on its handler as `opt={"sample": {...}}` (the fields
  of a valid submission, without the key), plus `idempotency_key`; a route with no sample gets
  the key alone. JSON goes to a route under `/api/`, a urlencoded form to any other;
- it is sent by a new user holding the first village role the route's permission is given to;
- an integer path parameter takes the id of one of the plugin's rows in the village, which the
  plugin's demo data fills when a route with a sample needs one.

The repeat must answer like the first (no error; the same redirect, or the same `id` in JSON)
and leave every table of the plugin with the rows the first left. A sample the route refuses is
a fault of the sample; a route without one that refuses the key alone is not judged, and named
in a `ContractWarning` so its author can add the sample.
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable
from dataclasses import dataclass, field
from typing import Any

import httpx

from core.testing.harness import Harness, VillageRef, csrf_ready
from core.testing.sweep import (
    PARAMETER,
    VILLAGE_PREFIXES,
    fill,
    fill_with_demo_data,
    plugin_tables,
    stored_ids,
    village_roles,
)
from core.web.guards import declared_permission

SAMPLE = "sample"
"""The handler `opt` key of a route's sample submission."""
KEY_FIELD = "idempotency_key"
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH"})
NOT_FOUND = 404


class ContractWarning(UserWarning):
    """Part of a plugin the contract could not judge, and what the plugin can declare so it can."""


@dataclass(frozen=True)
class WriteRoute:
    method: str
    path: str
    handler: Any

    @property
    def name(self) -> str:
        return f"{self.method} {self.path}"

    @property
    def sample(self) -> dict[str, Any] | None:
        sample = self.handler.opt.get(SAMPLE)
        return dict(sample) if sample is not None else None

    @property
    def needs_ids(self) -> bool:
        return any(kind == "int" for _, kind in PARAMETER.findall(self.path))

    def send(self, client: httpx.AsyncClient, url: str, key: str) -> Awaitable[httpx.Response]:
        body = {**(self.sample or {}), KEY_FIELD: key}
        if self.path.startswith("/api/"):
            return client.request(self.method, url, json=body)
        return client.request(self.method, url, data=body)


@dataclass
class Verdict:
    problems: list[str] = field(default_factory=list)
    unjudged: list[str] = field(default_factory=list)


def write_routes(kampung: Harness, plugin: str) -> list[WriteRoute]:
    """The plugin's POST, PUT and PATCH routes under a village."""
    found = [
        WriteRoute(method, route.path, handler)
        for route in kampung.app.routes
        if route.path.startswith(VILLAGE_PREFIXES)
        for handler in getattr(route, "route_handlers", [])
        if handler.opt.get("plugin") == plugin
        for method in sorted(set(handler.http_methods or ()) & WRITE_METHODS)
    ]
    return sorted(found, key=lambda route: (route.path, route.method))


def sender_role(kampung: Harness, route: WriteRoute) -> str | None:
    """The first village role given the route's permission; None for a public route."""
    permission = kampung.kernel.permissions.get(declared_permission(route.handler) or "")
    if permission is None:
        return None
    return next((role for role in village_roles(kampung) if role in permission.default_roles), None)


def answered(response: httpx.Response) -> Any:
    """What a client learns from a write: where it is sent, the record's id, or the status."""
    if response.is_redirect:
        return response.headers.get("location")
    if response.headers.get("content-type", "").startswith("application/json"):
        body = response.json()
        return body.get("id", body) if isinstance(body, dict) else body
    return response.status_code


async def row_counts(kampung: Harness, village: VillageRef, plugins: list[str]) -> dict[str, int]:
    async with kampung.scope(village.code):
        return {
            table._meta.tablename: await table.count() for table in plugin_tables(kampung, plugins)
        }


async def send_every_write_twice(kampung: Harness, plugins: list[str]) -> Verdict:
    """Send each write route of the plugins twice with one key, and judge the repeats."""
    village = await kampung.village(0)
    routes = [route for plugin in plugins for route in write_routes(kampung, plugin)]
    if any(route.sample is not None and route.needs_ids for route in routes):
        await fill_with_demo_data(kampung, village, plugins)
    ids = await stored_ids(kampung, village, plugins)
    clients: dict[str | None, httpx.AsyncClient] = {}
    verdict = Verdict()
    for route in routes:
        role = sender_role(kampung, route)
        if role not in clients:
            clients[role] = await _client(kampung, role, village)
        await _judge(kampung, route, clients[role], village, ids, plugins, verdict)
    return verdict


async def _client(kampung: Harness, role: str | None, village: VillageRef) -> httpx.AsyncClient:
    if role is not None:
        return await kampung.login(role, village)
    client = kampung.client()
    await csrf_ready(client)
    return client


async def _judge(
    kampung: Harness,
    route: WriteRoute,
    client: httpx.AsyncClient,
    village: VillageRef,
    ids: list[int],
    plugins: list[str],
    verdict: Verdict,
) -> None:
    key = secrets.token_hex(16)
    first: httpx.Response | None = None
    for url in fill(route.path, village, ids):
        first = await route.send(client, url, key)
        if first.status_code != NOT_FOUND:
            break
    assert first is not None, "fill gives at least one path"
    if first.status_code >= 400:
        if route.sample is None:
            verdict.unjudged.append(f"{route.name} (answered {first.status_code} to the key alone)")
        else:
            verdict.problems.append(
                f"{route.name}: its sample was refused ({first.status_code}): {first.text[:300]}"
            )
        return
    stored = await row_counts(kampung, village, plugins)
    second = await route.send(client, str(first.request.url), key)
    grown = {
        table: count - stored[table]
        for table, count in (await row_counts(kampung, village, plugins)).items()
        if count != stored[table]
    }
    if grown:
        verdict.problems.append(f"{route.name}: the repeat stored more rows: {grown}")
    if second.status_code >= 400 or answered(second) != answered(first):
        verdict.problems.append(
            f"{route.name}: the repeat answered {second.status_code} {answered(second)!r}, "
            f"the first {first.status_code} {answered(first)!r}"
        )
