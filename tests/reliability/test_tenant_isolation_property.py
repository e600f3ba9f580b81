"""No staff member ever sees or changes another village's rows, whatever route they try.

Three onboarded villages in three districts hold residents, a family, a life event, requests with
an uploaded document and letters (one signed). Users of every village role and a district viewer
in each village then send requests to every route of the app with the other villages' slugs and
row ids (see `bench.reliability.attacks` for how each answer is judged).
"""

from __future__ import annotations

import os
from dataclasses import replace

from hypothesis import settings
from hypothesis.stateful import run_state_machine_as_test

from bench.reliability.attacks import Attack, Route, attempt, routes
from bench.reliability.machine import Tally, isolation_machine
from bench.reliability.threaded import LoopBridge, run_in_thread
from bench.reliability.world import World, build_world

PROFILE = settings.get_profile(os.environ.get("KAMPUNG_RELIABILITY", "reliability-ci"))


SWEEP = ((0, False), (0, True), (2, True), (3, True))
"""(actor, own slug) of the sweep: the first village's admin under the neighbour's slug, and under
its own slug the admin, the secretary and the head, who between them hold every village
permission, so each handler runs and must itself refuse the neighbour's rows."""


async def test_every_route_refuses_staff_reaching_for_another_village(kampung) -> None:
    world = await build_world(kampung)
    failures = []
    for route in routes(kampung.app):
        for actor, own_slug in SWEEP:
            outcome = await attempt(world, Attack(route, actor, 1, own_slug, pick=0))
            if outcome.problems:
                failures.append(outcome.describe(world))
    assert failures == []
    assert await judge_sees_a_leak(world, routes(kampung.app))


async def judge_sees_a_leak(world: World, every_route: list[Route]) -> bool:
    """The judge is not blind: the first village's admin, passed off as the second village's,
    reading the first village's resident list is flagged."""
    impostor = replace(world.actors[0], home=1, sees=frozenset({1}))
    world.actors.append(impostor)
    listing = next(r for r in every_route if r.template.endswith("/penduduk") and r.method == "GET")
    outcome = await attempt(world, Attack(listing, len(world.actors) - 1, 0, False, pick=0))
    world.actors.pop()
    return any(problem.startswith("shows") for problem in outcome.problems)


async def test_random_staff_on_random_routes_never_reach_another_village(kampung) -> None:
    world = await build_world(kampung)
    tally = Tally()

    def run(bridge: LoopBridge) -> None:
        machine = isolation_machine(world, bridge, routes(kampung.app), tally, strict=True)
        run_state_machine_as_test(machine, settings=PROFILE)

    await run_in_thread(run)
    assert tally.total() > 0
    assert tally.failures == []
