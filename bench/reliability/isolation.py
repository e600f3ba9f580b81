"""Tenant isolation at scale: at least N cross-village attacks, every one judged, then a table.

    python -m bench.reliability.isolation --attempts 10000 [--database sqlite|postgresql]

First every route is sent by every actor (each role in each village), once naming a neighbour's
slug and once its own slug with the neighbour's rows; then the hypothesis state machine of the CI
test (`bench.reliability.machine`) runs until the attempts are reached, without stopping at a
failure, so the table counts them all. PostgreSQL runs as the non-owner app role, so Row-Level
Security is in force as in production. Exit status 1 when anything leaked or failed.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis.stateful import run_state_machine_as_test

from bench.reliability.attacks import Attack, attempt, routes
from bench.reliability.machine import COLUMNS, Tally, isolation_machine
from bench.reliability.threaded import LoopBridge, run_in_thread
from bench.reliability.world import World, build_world
from core.testing.databases import build_template, drop_templates, make_test_settings
from core.testing.harness import Harness
from core.web.app import create_app

STEPS = 25


def _chunk(attempts: int) -> settings:
    """Enough state-machine runs of up to `STEPS` steps for `attempts` more attacks: one long
    run, since every new run starts over from hypothesis's simplest examples."""
    return settings(
        max_examples=attempts // (STEPS // 2) + 1,
        stateful_step_count=STEPS,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench.reliability.isolation", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--attempts", type=int, default=10_000, help="at least this many")
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    args = parser.parse_args(argv)
    os.environ["KAMPUNG_TEST_DATABASE"] = args.database
    logging.getLogger("httpx").setLevel(logging.WARNING)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kampung-isolation-") as work:
        tally = asyncio.run(_measure(args.attempts, Path(work)))
    print(table(tally))
    print(summary(tally, args.database, time.perf_counter() - started))
    for failure in tally.failures[:20]:
        print("  " + failure)
    raise SystemExit(1 if tally.failures else 0)


async def _measure(attempts: int, work: Path) -> Tally:
    template = await asyncio.to_thread(build_template, None, [], work)
    app_url, owner_url = await asyncio.to_thread(template.copy_for_test, work)
    try:
        instance = make_test_settings(app_url, owner_url, data_dir=str(work / "data"))
        app = create_app(instance)
        await app.state.kernel.database.start()
        try:
            world = await build_world(Harness(app, instance))
            return await _attack(world, attempts)
        finally:
            await app.state.kernel.database.close()
    finally:
        await asyncio.to_thread(template.drop_copy, app_url)
        await asyncio.to_thread(drop_templates, [template])


async def _attack(world: World, attempts: int) -> Tally:
    tally = Tally()
    every_route = routes(world.kampung.app)
    for route in every_route:
        for actor, who in enumerate(world.actors):
            victim = (who.home + 1) % len(world.places)
            for own_slug in (False, True):
                tally.add(world, await attempt(world, Attack(route, actor, victim, own_slug, 0)))

    def run(bridge: LoopBridge) -> None:
        machine = isolation_machine(world, bridge, every_route, tally, strict=False)
        while tally.total() < attempts:
            run_state_machine_as_test(machine, settings=_chunk(attempts - tally.total()))

    await run_in_thread(run)
    return tally


def table(tally: Tally) -> str:
    header = f"{'route kind':<12} {'actor role':<18}" + "".join(f"{c:>10}" for c in COLUMNS)
    lines = [header, "-" * len(header)]
    for (kind, role), row in sorted(tally.counts.items()):
        lines.append(f"{kind:<12} {role:<18}" + "".join(f"{row[c]:>10,}" for c in COLUMNS))
    lines.append("-" * len(header))
    lines.append(f"{'all':<31}" + "".join(f"{tally.total(c):>10,}" for c in COLUMNS))
    return "\n".join(lines)


def summary(tally: Tally, database: str, seconds: float) -> str:
    verdict = "PASS" if not tally.failures else "FAIL"
    return (
        f"{verdict}: {tally.total():,} attempts on {database} in {seconds:.0f} s, "
        f"{tally.total('foreign'):,} naming another village, {tally.total('refused'):,} refused, "
        f"{tally.total('leaks')} leaks, {tally.total('unrefused')} not refused, "
        f"{tally.total('5xx')} server errors"
    )


if __name__ == "__main__":
    main()
