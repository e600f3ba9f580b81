"""A village's public home page under load, beside the bare Litestar "hello" reference.

    .venv/bin/python -m bench.public_site [--seconds 20] [--warmup 5]

The instance is the demo (what `kampung demo` builds: every plugin's demo data), built once on
PostgreSQL (database `bench_public_site`, reused), served as a regency serves it (`kampung serve`,
two workers). wrk loads the first demo village's `/desa/<slug>/situs` with 32 connections of
visitors who are not signed in, as the public reads it, and then the same page as a signed-in
editor would see it (never kept), so the kept page's gain is on the table too. The reference is
`bench.hello`, run before and after on the same uvicorn runner. The page's size, plain and
gzipped, is printed against the issue's 100 kB.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import tempfile
from pathlib import Path

import asyncpg
import httpx

from bench.common import PG_APP_ROLE, BenchDatabase, machine, pg_admin, pg_row_count, verdict
from bench.regency import pg_database
from bench.serving import (
    CONNECTIONS,
    Reference,
    WrkResult,
    hello_command,
    kampung_command,
    load_note,
    run_wrk,
    served,
    sign_in,
)
from core.demo import DEMO_PASSWORD, build_demo
from core.kernel import Kernel

NAME = "bench_public_site"
HELLO_PORT = 8771
KAMPUNG_PORT = 8772
TARGET_RPS = 1000
PAGE_LIMIT_BYTES = 100_000
EDITOR_ROLE = "public_info_editor"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--warmup", type=float, default=5)
    args = parser.parse_args(argv)
    print(machine())
    database = _demo_database()
    path, editor = asyncio.run(_first_village(database))
    before = _hello(args.seconds, args.warmup)
    with served(kampung_command(KAMPUNG_PORT), KAMPUNG_PORT, database.environ()) as base:
        size, squeezed = _sizes(base + path)
        print(load_note())
        public = _load(base, path, None, args.seconds, args.warmup)
        session = sign_in(base, editor, DEMO_PASSWORD)
        signed_in = _load(base, path, session.cookie(), args.seconds, args.warmup)
    after = _hello(args.seconds, args.warmup)
    passed = _report(Reference(before, after), public, signed_in, size, squeezed, args.seconds)
    raise SystemExit(0 if passed else 1)


def _demo_database() -> BenchDatabase:
    database = pg_database(NAME)
    if asyncio.run(pg_row_count(database, "public_info_post")):
        print(f"reusing database {NAME}")
        return database
    asyncio.run(
        pg_admin(
            f"DO $$BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
            f"'{PG_APP_ROLE}') THEN CREATE ROLE {PG_APP_ROLE} LOGIN; END IF; END$$",
            f'DROP DATABASE IF EXISTS "{NAME}" WITH (FORCE)',
            f'CREATE DATABASE "{NAME}"',
        )
    )
    asyncio.run(_build_demo(database))
    print(f"built the demo in {NAME}")
    return database


async def _build_demo(database: BenchDatabase) -> None:
    """What `kampung demo` builds, on PostgreSQL (the command itself always builds on SQLite)."""
    kernel = Kernel.build(database.settings())
    await kernel.database.start()
    try:
        await build_demo(kernel)
    finally:
        await kernel.database.close()


async def _first_village(database: BenchDatabase) -> tuple[str, str]:
    """The public home page of the demo's first village with a site, and its editor's name."""
    connection = await asyncpg.connect(database.owner_url)
    try:
        row = await connection.fetchrow(
            "SELECT v.slug, u.username FROM core_village v "
            "JOIN core_role_grant g ON g.scope_code = v.code AND g.role = $1 "
            'JOIN core_user u ON u.id = g."user" '
            "WHERE EXISTS (SELECT 1 FROM public_info_post p WHERE p.village_code = v.code) "
            "ORDER BY v.code LIMIT 1",
            EDITOR_ROLE,
        )
    finally:
        await connection.close()
    if row is None:
        raise SystemExit("the demo has no village with a public site and an editor")
    return f"/desa/{row['slug']}/situs", str(row["username"])


def _sizes(url: str) -> tuple[int, int]:
    response = httpx.get(url, headers={"accept-encoding": "identity"}, timeout=30)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    return len(response.content), len(gzip.compress(response.content, compresslevel=6))


def _load(base: str, path: str, cookie: str | None, seconds: float, warmup: float) -> WrkResult:
    with tempfile.NamedTemporaryFile("w", suffix=".paths", delete=False) as listing:
        listing.write(path + "\n")
    headers = (
        {"Cookie": cookie, "Accept-Encoding": "gzip"} if cookie else {"Accept-Encoding": "gzip"}
    )
    try:
        run_wrk("paths.lua", base, seconds=warmup, headers=headers, args=[listing.name])
        return run_wrk("paths.lua", base, seconds=seconds, headers=headers, args=[listing.name])
    finally:
        Path(listing.name).unlink()


def _hello(seconds: float, warmup: float) -> WrkResult:
    with served(hello_command(HELLO_PORT), HELLO_PORT) as base:
        return _load(base, "/", None, seconds, warmup)


def _report(
    hello: Reference, public: WrkResult, signed_in: WrkResult, size: int, squeezed: int,
    seconds: float,
) -> bool:  # fmt: skip
    print(
        f"public site benchmark: PostgreSQL, `kampung serve --workers 2`, wrk {CONNECTIONS} "
        f"connections, {seconds:g} s per row after a warm-up"
    )
    header = (
        f"{'page':30} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>6} "
        f"{'vs hello':>8}"
    )
    print(header)
    print("-" * len(header))
    rows = (
        ("hello, before", hello.before),
        ("hello, after", hello.after),
        ("home page, visitor", public),
        ("home page, signed-in editor", signed_in),
    )
    for name, measured in rows:
        print(
            f"{name:30} {measured.rps:8.0f} {measured.p50_ms:8.1f} {measured.p95_ms:8.1f} "
            f"{measured.p99_ms:8.1f} {measured.errors:6d} {measured.rps / hello.rps:8.1%}"
        )
    print(f"reference drift (after vs before): {hello.drift:+.0%}")
    print(f"page size: {size:,} bytes, {squeezed:,} gzipped (limit {PAGE_LIMIT_BYTES:,})")
    passed = public.rps >= TARGET_RPS and public.errors == 0 and size <= PAGE_LIMIT_BYTES
    print(
        f"summary: {verdict(passed)} — the public home page serves {public.rps:.0f} req/s to "
        f"visitors ({public.rps / hello.rps:.0%} of hello, target ≥{TARGET_RPS}), "
        f"{signed_in.rps:.0f} req/s signed in; {size / 1000:.0f} kB"
    )
    return passed


if __name__ == "__main__":
    main()
