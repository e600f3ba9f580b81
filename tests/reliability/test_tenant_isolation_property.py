"""No staff member ever sees or changes another village's rows, whatever route they try.

Three onboarded villages in three districts hold residents, a family, a life event, requests with
an uploaded document and letters (one signed). Users of every village role and a district viewer
in each village then send requests to every route of the app with the other villages' slugs and
row ids (see `bench.reliability.attacks` for how each answer is judged).
"""

from __future__ import annotations

import os

from hypothesis import given, settings
from hypothesis import strategies as st

from bench.reliability.attacks import Attack, attempt, routes
from bench.reliability.threaded import LoopBridge, run_in_thread
from bench.reliability.world import build_world

PROFILE = settings.get_profile(os.environ.get("KAMPUNG_RELIABILITY", "reliability-ci"))


async def test_every_route_refuses_an_operator_and_an_admin_of_another_village(kampung) -> None:
    world = await build_world(kampung)
    failures = []
    for route in routes(kampung.app):
        for actor in (0, 1):  # the admin and the operator of the first village
            for own_slug in (False, True):
                outcome = await attempt(world, Attack(route, actor, 1, own_slug, pick=0))
                if outcome.problems:
                    failures.append(outcome.describe(world))
    assert failures == []


async def test_random_staff_on_random_routes_never_reach_another_village(kampung) -> None:
    world = await build_world(kampung)
    every_route = routes(kampung.app)
    failures: list[str] = []

    @settings(PROFILE)
    @given(
        route=st.sampled_from(every_route),
        actor=st.integers(0, len(world.actors) - 1),
        victim_offset=st.integers(1, len(world.places) - 1),
        own_slug=st.booleans(),
        pick=st.integers(0, 9),
    )
    def prop(bridge: LoopBridge, route, actor, victim_offset, own_slug, pick) -> None:
        victim = (world.actors[actor].home + victim_offset) % len(world.places)
        outcome = bridge.run(attempt(world, Attack(route, actor, victim, own_slug, pick)))
        if outcome.problems:
            failures.append(outcome.describe(world))
        assert not outcome.problems, outcome.describe(world)

    await run_in_thread(lambda bridge: prop(bridge))
    assert failures == []
