"""Cross-village attacks: every route of the app, filled with another village's slug and ids.

An attack is one request by a signed-in staff member whose path (and body) names rows of a
village they may not see. It is judged by three rules:

- the server never fails (no 5xx);
- no response carries a private value of a village the actor may not see (values the actor sent
  themselves excepted, since a form echoes what was typed);
- no village the actor may not see has any row changed, added or removed.

A request that names another village's slug or rows must also be refused: 401, 403, 404, 405,
409, 422, or a redirect to a sign-in page. Public routes (letter verification, citizen sign-in)
answer anyone by design; for them only full NIK and KK numbers count as private.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from typing import Any

from litestar import Litestar
from piccolo.table import Table

from bench.reliability.world import Actor, World, nik
from core.audit.tables import AuditEntry
from core.auth.tables import RoleGrant
from core.tenancy.tables import Village, VillagePlugin
from core.web.guards import declared_permission
from plugins.population.tables import TABLES

SKIPPED_PREFIXES = ("/static/", "/vendor/", "/schema")
SKIPPED = {("POST", "/keluar"), ("POST", "/warga/keluar"), ("POST", "/masuk"), ("POST", "/-/lang")}
"""Signing out, signing in again or switching the language would change the attacker, not data."""
REFUSED = {401, 403, 404, 405, 409, 422}
ACTIONS = (
    "periksa",
    "tandatangani",
    "batalkan",
    "kembalikan",
    "lengkap",
    "teruskan",
    "terima",
    "selesai",
    "serahkan",
    "nilai",
)
NEUTRAL_PARAMS = {"action", "kind", "plugin", "filename", "file_path", "path"}
PARAM = re.compile(r"\{(\w+):(\w+)\}")


@dataclass(frozen=True, slots=True)
class Route:
    method: str
    template: str
    permission: str

    @property
    def public(self) -> bool:
        return self.permission == "public"


@dataclass(frozen=True, slots=True)
class Attack:
    """What to send: the route, who sends it, whose slug goes in the path, whose rows are named."""

    route: Route
    actor: int
    victim: int
    own_slug: bool
    pick: int


@dataclass(frozen=True, slots=True)
class Outcome:
    attack: Attack
    method: str
    url: str
    status: int
    problems: tuple[str, ...]
    names_foreign: bool
    refused: bool

    @property
    def leaked(self) -> bool:
        """The answer showed, or the request changed, something of a village the actor may not
        see."""
        return any(p.startswith(("shows", "changed")) for p in self.problems)

    def describe(self, world: World) -> str:
        actor = world.actors[self.attack.actor]
        return (
            f"{self.method} {self.url} as {actor.role} of "
            f"{world.places[actor.home].ref.slug} -> {self.status}: {'; '.join(self.problems)}"
        )


def routes(app: Litestar) -> list[Route]:
    """Every method of every route the app serves, with the permission its handler declares."""
    found = []
    for route in app.routes:
        if route.path.startswith(SKIPPED_PREFIXES):
            continue
        for handler in getattr(route, "route_handlers", []):
            for method in sorted(handler.http_methods - {"OPTIONS", "HEAD"}):
                if (method, route.path) in SKIPPED:
                    continue
                found.append(Route(method, route.path, declared_permission(handler) or ""))
    return found


def fill(world: World, attack: Attack) -> tuple[str, bool]:
    """The URL of an attack, and whether it names anything of another village."""
    victim = world.places[attack.victim]
    home = world.places[world.actors[attack.actor].home]
    # Another village's slug names a foreign place only where the path has one (not /akun/...).
    foreign = not attack.own_slug and "{village_slug:" in attack.route.template

    def value(match: re.Match[str]) -> str:
        nonlocal foreign
        name = match.group(1)
        if name == "village_slug":
            return home.ref.slug if attack.own_slug else victim.ref.slug
        if name in NEUTRAL_PARAMS:
            return _neutral(name, attack.pick)
        foreign = True
        if name == "district_slug":
            return victim.district_slug
        if name in ("code", "village_code"):
            return victim.ref.code
        if name == "token":
            return _nth(victim.letter_tokens, attack.pick) or "x"
        return str(_nth(victim.ids.get(name, []), attack.pick) or 1)

    return PARAM.sub(value, attack.route.template), foreign


def _nth(values: list[Any], pick: int) -> Any:
    return values[pick % len(values)] if values else None


def _neutral(name: str, pick: int) -> str:
    if name == "action":
        return ACTIONS[pick % len(ACTIONS)]
    if name == "kind":
        return "domisili"
    if name == "plugin":
        return "population"
    if name == "filename":
        return ("umur.csv", "penduduk.svg", "agama.csv")[pick % 3]
    return "x"


def body(world: World, attack: Attack) -> dict[str, Any]:
    """Form fields that point at the victim's rows, as a forged or tampered form would."""
    victim = world.places[attack.victim]
    resident = _nth(victim.ids["resident_id"], attack.pick)
    return {
        "nik": _victim_nik(world, attack),
        "resident_id": resident,
        "new_head": resident,
        "members": resident,
        "head": resident,
        "family_id": _nth(victim.ids["family_id"], attack.pick),
        "kk_number": "",
        "kind": "domisili",
        "applicant_name": "Penyerang",
        "keperluan": "uji isolasi",
        "alasan": "uji isolasi",
        "nomor_dokumen": "X-1",
        "rating": 5,
        "enabled": "1",
        "active": "0",
        "display_name": "Diambil alih",
        "idempotency_key": secrets.token_hex(16),
    }


def _victim_nik(world: World, attack: Attack) -> str:
    return nik(attack.victim, 1 + attack.pick % 2)


async def fingerprints(world: World, indexes: list[int]) -> dict[int, str]:
    """A hash per village of every row it owns, its settings, switches and staff accounts.

    A village's hash is kept until an actor who may see it sends a request, so most attacks pay
    only for the hashes taken after them."""
    stale = [i for i in indexes if i not in world.fingerprints]
    if stale:
        world.fingerprints.update(await _hash_villages(world, stale))
    return {i: world.fingerprints[i] for i in indexes}


async def _hash_villages(world: World, indexes: list[int]) -> dict[int, str]:
    codes = {world.places[i].ref.code: i for i in indexes}
    async with world.kampung.scope():
        hashes = await village_hashes(list(codes))
    return {index: hashes[code] for code, index in codes.items()}


async def village_hashes(
    codes: list[str], *, audit: bool = True, ignore: frozenset[str] = frozenset()
) -> dict[str, str]:
    """A hash per scope code of its rows in every population table, its plugin switches, its
    settings and its staff grants, and (with `audit`) its audit chain, leaving out the columns
    named in `ignore`; run in a transaction that sees them all."""
    digests = {code: hashlib.sha256() for code in codes}
    tables: list[type[Table]] = [*TABLES, VillagePlugin, *([AuditEntry] if audit else [])]
    for table in tables:
        rows = await (
            table.select()
            .where(table.village_code.is_in(codes))
            .order_by(table.village_code)
            .order_by(table.id)
        )
        for row in rows:
            kept = {key: value for key, value in row.items() if key not in ignore}
            digests[row["village_code"]].update(repr(kept).encode())
    for row in await Village.select().where(Village.code.is_in(codes)):
        digests[row["code"]].update(repr(row).encode())
    grants = await (
        RoleGrant.select(
            RoleGrant.id,
            RoleGrant.scope_code,
            RoleGrant.role,
            RoleGrant.user.active,
            RoleGrant.user.username,
        )
        .where(RoleGrant.scope_code.is_in(codes))
        .order_by(RoleGrant.id)
    )
    for row in grants:
        digests[row["scope_code"]].update(repr(row).encode())
    return {code: digest.hexdigest() for code, digest in digests.items()}


async def attempt(world: World, attack: Attack) -> Outcome:
    """Send one attack and judge it."""
    actor: Actor = world.actors[attack.actor]
    route = attack.route
    url, names_foreign = fill(world, attack)
    unseen = [i for i in range(len(world.places)) if i not in actor.sees]
    before = await fingerprints(world, unseen)
    sent = body(world, attack) if route.method != "GET" else {}
    if route.method == "GET":
        response = await actor.client.get(url)
    elif "/api/" in route.template:
        response = await actor.client.request(route.method, url, json=sent)
    else:
        response = await actor.client.request(route.method, url, data=sent)
    for index in [*actor.sees, *unseen]:
        world.fingerprints.pop(index, None)
    after = await fingerprints(world, unseen)
    problems = []
    if response.status_code >= 500:
        problems.append("server error")
    request_text = url + repr(sent)
    private = world.foreign_secrets(actor)
    if route.public:
        private = {s for s in private if s.isdigit() and len(s) == 16}
    shown = response.text.lower()
    leaked = sorted(s for s in private if s not in request_text and s.lower() in shown)
    if leaked:
        problems.append(f"shows {leaked[:3]}")
    changed = [world.places[i].ref.slug for i in unseen if before[i] != after[i]]
    if changed:
        problems.append(f"changed rows of {changed}")
    refused = _refused(response.status_code, response)
    if names_foreign and not route.public and not refused:
        problems.append("not refused")
    return Outcome(
        attack, route.method, url, response.status_code, tuple(problems), names_foreign, refused
    )


def _refused(status: int, response: Any) -> bool:
    if status in REFUSED:
        return True
    return 300 <= status < 400 and "/masuk" in response.headers.get("location", "")
