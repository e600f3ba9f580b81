"""The isolation property as a hypothesis state machine, and the tally of what it tried.

Each step is either an attack (a random staff member sends a random route filled with another
village's slug and rows, see `bench.reliability.attacks`) or ordinary work (an operator registers
a resident, who then becomes a target too). The CI test asserts on every step; the bench keeps
going and counts.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, rule

from bench.reliability.attacks import Attack, Outcome, Route, attempt
from bench.reliability.threaded import LoopBridge
from bench.reliability.world import World, register_resident

MAX_RESIDENTS = 12
"""Registering stops here, so a long run spends its steps on attacks."""
COLUMNS = ("attempts", "foreign", "refused", "leaks", "unrefused", "5xx")


def route_kind(route: Route) -> str:
    """public, page read, page write, api read or api write."""
    if route.public:
        return "public"
    area = "api" if route.template.startswith("/api/") else "page"
    return f"{area} {'read' if route.method == 'GET' else 'write'}"


@dataclass
class Tally:
    """Counts per (route kind, actor role), and every attack that broke a rule."""

    counts: dict[tuple[str, str], Counter[str]] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)

    def add(self, world: World, outcome: Outcome) -> None:
        key = (route_kind(outcome.attack.route), world.actors[outcome.attack.actor].role)
        row = self.counts.setdefault(key, Counter())
        row["attempts"] += 1
        row["foreign"] += outcome.names_foreign
        row["refused"] += outcome.names_foreign and outcome.refused
        row["leaks"] += outcome.leaked
        row["unrefused"] += "not refused" in outcome.problems
        row["5xx"] += outcome.status >= 500
        if outcome.problems:
            self.failures.append(outcome.describe(world))

    def total(self, column: str = "attempts") -> int:
        return sum(row[column] for row in self.counts.values())


def isolation_machine(
    world: World, bridge: LoopBridge, routes: list[Route], tally: Tally, *, strict: bool
) -> type[RuleBasedStateMachine]:
    """A state machine over `world`; with `strict`, the first broken rule fails (and shrinks)."""
    actors = st.integers(0, len(world.actors) - 1)
    places = st.integers(0, len(world.places) - 1)

    class Isolation(RuleBasedStateMachine):
        @rule(
            route=st.sampled_from(routes),
            actor=actors,
            victim_offset=st.integers(1, len(world.places) - 1),
            own_slug=st.booleans(),
            pick=st.integers(0, 9),
        )
        def attack(
            self, route: Route, actor: int, victim_offset: int, own_slug: bool, pick: int
        ) -> None:
            victim = (world.actors[actor].home + victim_offset) % len(world.places)
            outcome = bridge.run(attempt(world, Attack(route, actor, victim, own_slug, pick)))
            tally.add(world, outcome)
            if strict:
                assert not outcome.problems, outcome.describe(world)

        @rule(place=places)
        def register(self, place: int) -> None:
            """Registers a resident until the village holds `MAX_RESIDENTS` (no precondition:
            hypothesis needs the rules on offer not to depend on the world it cannot see)."""
            if len(world.places[place].ids["resident_id"]) < MAX_RESIDENTS:
                bridge.run(register_resident(world, place))

    return Isolation
