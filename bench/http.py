"""HTTP throughput and latency of real pages on a regency of a million residents.

    python -m bench.http [--residents 1000000] [--seconds 20] [--warmup 5]

Kampung is started with its production command (`kampung serve --workers 2`) on PostgreSQL; wrk,
a separate process, loads each page with 32 connections of a signed-in session (a village operator
for the village pages, a regency officer for the regency's). The reference is a bare Litestar
"hello" served the same way in the same run; every page's req/s is printed as a fraction of it.
Each page is warmed up for `--warmup` seconds plus twice its first, cold request, so both workers
have filled what they keep (the regency statistics) before the measured run starts.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import asyncpg
import httpx

from bench.common import machine, verdict
from bench.regency import OFFICER, OPERATOR, PASSWORD, Regency, regency
from bench.serving import (
    CONNECTIONS,
    Reference,
    WrkResult,
    hello_command,
    kampung_command,
    load_note,
    run_wrk,
    served,
    shared_cores_note,
    sign_in,
)

HELLO_PORT = 8761
KAMPUNG_PORT = 8762
SAMPLE = 2000
"""Distinct residents the detail and search pages rotate over."""
FAST_SHARE = 0.25
FAST_P95_MS = 50.0
STATISTICS_P95_MS = 300.0


@dataclass(frozen=True)
class Page:
    name: str
    paths: list[str]
    officer: bool
    """Signed in as the regency officer (else as the village operator)."""
    fast: bool = False
    """Held to ≥ 25 % of the reference with p95 ≤ 50 ms."""
    p95_limit_ms: float | None = None


async def _pages(database_url: str, village: str) -> list[Page]:
    connection = await asyncpg.connect(database_url)
    try:
        slug = await connection.fetchval("SELECT slug FROM core_village WHERE code = $1", village)
        rows = await connection.fetch(
            "SELECT id, nik, name_key FROM population_resident "
            "WHERE village_code = $1 AND status = 1",
            village,
        )
    finally:
        await connection.close()
    sample = random.Random(3).sample(list(rows), min(SAMPLE, len(rows)))
    base = f"/desa/{slug}"
    prefixes = sorted({row["name_key"][:3] for row in sample if len(row["name_key"]) >= 3})
    return [
        Page(
            "search: name prefix",
            [f"{base}/penduduk?{urlencode({'q': p})}" for p in prefixes],
            False,
            True,
        ),
        Page("search: NIK", [f"{base}/penduduk?nik={row['nik']}" for row in sample], False, True),
        Page("resident detail", [f"{base}/penduduk/{row['id']}" for row in sample], False, True),
        Page("village dashboard", [f"{base}/"], False),
        Page("regency request queue", ["/kabupaten/layanan"], True),
        Page("regency statistics", ["/kabupaten/statistik"], True, p95_limit_ms=STATISTICS_P95_MS),
    ]


def _load(
    url: str, paths: list[str], cookie: str | None, seconds: float, warmup: float
) -> WrkResult:
    with tempfile.NamedTemporaryFile("w", suffix=".paths", delete=False) as listing:
        listing.write("\n".join(paths) + "\n")
    headers = {"Cookie": cookie} if cookie else {}
    try:
        if warmup:
            run_wrk("paths.lua", url, seconds=warmup, headers=headers, args=[listing.name])
        return run_wrk("paths.lua", url, seconds=seconds, headers=headers, args=[listing.name])
    finally:
        Path(listing.name).unlink()


def _check(base: str, page: Page, cookie: str) -> float:
    """One request before the load, cold: the page must answer 200 to this session. Its ms."""
    response = httpx.get(base + page.paths[0], headers={"Cookie": cookie}, timeout=60)
    if response.status_code != 200:
        raise SystemExit(f"{page.name}: {page.paths[0]} answered {response.status_code}")
    return response.elapsed.total_seconds() * 1000


def run(residents: int, seconds: float, warmup: float) -> bool:
    built: Regency = regency(residents)
    pages = asyncio.run(_pages(built.database.owner_url, built.busiest_village))
    print(f"machine: {machine()}")
    print(shared_cores_note())
    print(f"before the runs, {load_note()}")
    before = _hello(seconds, warmup)
    print(f"reference before (bare Litestar hello, uvicorn 2 workers): {before.line}")
    results: list[tuple[Page, WrkResult, float]] = []
    with served(kampung_command(KAMPUNG_PORT), KAMPUNG_PORT, built.database.environ()) as base:
        operator = sign_in(base, OPERATOR, PASSWORD).cookie()
        officer = sign_in(base, OFFICER, PASSWORD).cookie()
        for page in pages:
            cookie = officer if page.officer else operator
            single_ms = _check(base, page, cookie)
            result = _load(base, page.paths, cookie, seconds, warmup + 2 * single_ms / 1000)
            print(f"{page.name}: {result.line}")
            results.append((page, result, single_ms))
    after = _hello(seconds, warmup)
    print(f"reference after: {after.line}")
    print(f"after the runs, {load_note()}")
    return _report(residents, seconds, Reference(before, after), results)


def _hello(seconds: float, warmup: float) -> WrkResult:
    with served(hello_command(HELLO_PORT), HELLO_PORT) as base:
        return _load(base, ["/"], None, seconds, warmup)


def _report(
    residents: int, seconds: float, hello: Reference, results: list[tuple[Page, WrkResult, float]]
) -> bool:
    print()
    print(
        f"HTTP benchmark: {residents:,} residents, PostgreSQL, `kampung serve --workers 2`, "
        f"wrk {CONNECTIONS} connections, {seconds:g} s per page after a warm-up"
    )
    header = (
        f"{'page':24} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>6} "
        f"{'vs hello':>8} {'first ms':>8}  target"
    )
    print(header)
    print("-" * len(header))
    for name, measured in (("hello, before", hello.before), ("hello, after", hello.after)):
        print(
            f"{name:24} {measured.rps:8.0f} {measured.p50_ms:8.1f} {measured.p95_ms:8.1f} "
            f"{measured.p99_ms:8.1f} {measured.errors:6d} {measured.rps / hello.rps:8.0%}"
        )
    passed = True
    gaps = []
    for page, result, single_ms in results:
        ratio = result.rps / hello.rps
        target, ok = _target(page, result, ratio)
        ok = ok and result.errors == 0 and result.requests > 0
        passed &= ok
        if not ok:
            gaps.append(page.name)
        print(
            f"{page.name:24} {result.rps:8.0f} {result.p50_ms:8.1f} {result.p95_ms:8.1f} "
            f"{result.p99_ms:8.1f} {result.errors:6d} {ratio:8.1%} {single_ms:8.1f}  "
            f"{target} {verdict(ok) if target else ''}".rstrip()
        )
    print("vs hello: req/s over the mean of the two reference runs")
    print(f"reference drift (after vs before): {hello.drift:+.0%}")
    print("first ms: one request before the warm-up (statistics: counted with the cache empty)")
    figures = {page.name: (result, result.rps / hello.rps) for page, result, _ in results}
    search, detail = figures["search: name prefix"], figures["resident detail"]
    statistics = figures["regency statistics"][0]
    print(
        f"summary: {verdict(passed)} — hello {hello.rps:.0f} req/s (mean); name search "
        f"{search[1]:.0%} of it (p95 {search[0].p95_ms:.0f} ms), detail {detail[1]:.0%} "
        f"(p95 {detail[0].p95_ms:.0f} ms), regency statistics p95 {statistics.p95_ms:.0f} ms"
        + (f"; gaps: {', '.join(gaps)}" if gaps else "")
    )
    return passed


def _target(page: Page, result: WrkResult, ratio: float) -> tuple[str, bool]:
    if page.fast:
        target = f"≥ {FAST_SHARE:.0%} of hello, p95 ≤ {FAST_P95_MS:g} ms"
        return target, ratio >= FAST_SHARE and result.p95_ms <= FAST_P95_MS
    if page.p95_limit_ms is not None:
        return f"p95 ≤ {page.p95_limit_ms:g} ms", result.p95_ms <= page.p95_limit_ms
    return "", True


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench.http", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--residents", type=int, default=1_000_000)
    parser.add_argument("--seconds", type=float, default=20, help="measured seconds per page")
    parser.add_argument("--warmup", type=float, default=5, help="warm-up seconds per page")
    args = parser.parse_args(argv)
    raise SystemExit(0 if run(args.residents, args.seconds, args.warmup) else 1)


if __name__ == "__main__":
    main()
