"""The access trail: every response that shows personal data leaves one record of who saw what.

UU PDP asks that a controller can say who accessed a person's data and when. A handler that shows
NIKs, KK numbers or birth dates calls `disclose()` with what it shows: the records (`Subject`s), or
for a list the query, the count and the records on the page. Calls within one request are
collected and written as ONE row after the response is rendered (by the request middleware,
through `record_request()`), so the write is the request's cheapest last step and a page that
fails (4xx/5xx) records nothing. Commands without a request call `record()` themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from core.audit.tables import Disclosure
from core.web.request_state import STATE_KEY, RequestState

COLLECTOR_KEY = "kampung_disclosure"
CITIZEN_ROLE = "citizen"
COMMAND_ACTOR = "cli"


@dataclass(frozen=True, slots=True)
class Subject:
    """A record shown: its entity and id, the number people know it by, and its village."""

    entity: str
    id: object
    number: str = ""
    """The NIK or KK number, so the trail can be searched by it."""
    village_code: str = ""
    """Where the record lives, when it is not the request's own village (regency pages)."""

    def tokens(self) -> list[str]:
        found = [token(self.entity, self.id)]
        if self.number:
            found.append(number_token(self.number))
        return found


def token(entity: str, entity_id: object) -> str:
    """How a record is named in `Disclosure.subjects` (and searched for)."""
    return f"{entity}:{entity_id}"


def number_token(number: str) -> str:
    return f"#{number}"


@dataclass(frozen=True, slots=True)
class DisclosureKind:
    """What a page shows, for the trail: a stable key and its Indonesian name (marked `N_`)."""

    key: str
    label: str


@dataclass(frozen=True, slots=True)
class Actor:
    """Who saw the data: a username (or `warga:<ref>`, `cli`), a name, and the roles held."""

    id: str
    name: str
    roles: tuple[str, ...]


@dataclass(slots=True)
class Collected:
    """What one response disclosed so far; `count` may grow while an export streams."""

    kind: str
    label: str
    subjects: list[Subject] = field(default_factory=list)
    query: dict[str, Any] = field(default_factory=dict)
    count: int | None = None

    def add(self, subjects: Iterable[Subject], query: Mapping[str, Any], count: int | None) -> None:
        self.subjects.extend(subjects)
        self.query.update(query)
        if count is not None:
            self.count = (self.count or 0) + count


def disclose(
    connection: Any,
    kind: DisclosureKind,
    *,
    subjects: Iterable[Subject] = (),
    query: Mapping[str, Any] | None = None,
    count: int | None = None,
) -> Collected:
    """Note that this response shows personal data; written once, after rendering.

    A second call in the same request adds its records, filters and count to the first.
    """
    scope = connection.scope if hasattr(connection, "scope") else connection
    state = scope.setdefault("state", {})
    collected: Collected | None = state.get(COLLECTOR_KEY)
    if collected is None:
        collected = Collected(kind=kind.key, label=kind.label)
        state[COLLECTOR_KEY] = collected
    collected.add(subjects, _plain_query(query or {}), count)
    return collected


def _plain_query(query: Mapping[str, Any]) -> dict[str, Any]:
    """Only the filters a user set: empty values say nothing about what was shown."""
    return {key: str(value) for key, value in query.items() if value not in (None, "", [], ())}


def request_actor(state: RequestState) -> Actor:
    principal = state.principal
    if principal is not None:
        roles = principal.roles_in(state.tenant) if state.tenant is not None else set()
        return Actor(principal.username, principal.display_name, tuple(sorted(roles)))
    citizen = state.citizen_ref
    if citizen is not None:
        return Actor(f"warga:{citizen}", "", (CITIZEN_ROLE,))
    return Actor("anonim", "", ())


async def record_request(scope: Any, status: int) -> None:
    """Write what the request disclosed, if it succeeded; called once by the request middleware."""
    state = scope.get("state", {})
    collected: Collected | None = state.get(COLLECTOR_KEY)
    if collected is None or status >= 400:
        return
    request: RequestState = state[STATE_KEY]
    tenant_code = request.tenant.code if request.tenant is not None else ""
    await record(
        village_code=_home(collected.subjects, tenant_code),
        at=request.now,
        actor=request_actor(request),
        collected=collected,
        path=scope.get("path", ""),
    )


def _home(subjects: list[Subject], tenant_code: str) -> str:
    """The village every subject lives in, else the request's tenant (a regency list)."""
    villages = {s.village_code or tenant_code for s in subjects}
    return villages.pop() if len(villages) == 1 else tenant_code


async def record(
    *,
    village_code: str,
    at: datetime,
    actor: Actor,
    collected: Collected,
    path: str,
) -> None:
    """Append one disclosure, inside the caller's transaction (one INSERT, no lock)."""
    tokens: dict[str, None] = {}
    for subject in collected.subjects:
        for found in subject.tokens():
            tokens[found] = None
    await Disclosure.insert(
        Disclosure(
            village_code=village_code,
            at=at,
            actor=actor.id[:120],
            actor_name=actor.name[:200],
            actor_roles=",".join(actor.roles)[:200],
            kind=collected.kind,
            label=collected.label,
            path=path[:300],
            query=collected.query or None,
            total=collected.count,
            subjects=("|" + "|".join(tokens) + "|") if tokens else "",
        )
    )


async def record_command(
    kind: DisclosureKind,
    *,
    village_code: str,
    command: str,
    query: Mapping[str, Any] | None = None,
    count: int | None = None,
) -> None:
    """A command-line disclosure (an export to a file), inside the command's transaction."""
    collected = Collected(kind=kind.key, label=kind.label)
    collected.add((), _plain_query(query or {}), count)
    await record(
        village_code=village_code,
        at=datetime.now(UTC),
        actor=Actor(COMMAND_ACTOR, "", (COMMAND_ACTOR,)),
        collected=collected,
        path=command,
    )
