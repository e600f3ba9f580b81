"""Writes: one-door requests submitted at 32 concurrent clients, each sent twice, audit on.

    python -m bench.writes [--residents 1000000] [--seconds 20] [--warmup 3]

The counter form (`POST /desa/<slug>/layanan/baru`) is loaded by wrk with a signed-in session and
its CSRF token; every request goes out twice with the same idempotency key, the two sends back to
back on two connections. Afterwards the rows are counted (no key may be stored twice), every stored
request must have its audit entry, and the audit chains of the villages must verify. Two layouts:
32 counters in 32 villages (a regency's normal morning) and 32 connections on one village (every
audit append queues on that village's chain lock). The reference is the bare Litestar app's POST
handler reading the same form, served the same way in the same run.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import asyncpg
import httpx

from bench.common import machine, verdict
from bench.regency import COUNTER_PREFIX, PASSWORD, Regency, regency
from bench.serving import (
    CONNECTIONS,
    Reference,
    Session,
    WrkResult,
    hello_command,
    kampung_command,
    load_note,
    run_wrk,
    served,
    shared_cores_note,
    sign_in,
)
from core.audit.chain import verify_chains
from core.db import tenant_transaction
from core.kernel import Kernel

HELLO_PORT = 8763
KAMPUNG_PORT = 8764


@dataclass(frozen=True)
class Counter:
    """A signed-in village operator and the resident their form is for."""

    path: str
    body: str
    session: Session

    def line(self) -> str:
        return f"{self.path}\t{self.body}\t{self.session.cookie()}\t{self.session.csrf}"


@dataclass(frozen=True)
class Stored:
    rows: int
    keys: int
    audited: int
    villages: list[str]

    @property
    def duplicates(self) -> int:
        return self.rows - self.keys


async def _forms(database_url: str, villages: tuple[str, ...]) -> list[tuple[str, str]]:
    """(path, form body without the key) per village: a ktp_el request for a living resident."""
    connection = await asyncpg.connect(database_url)
    try:
        forms = []
        for code in villages:
            slug = await connection.fetchval("SELECT slug FROM core_village WHERE code = $1", code)
            person = await connection.fetchrow(
                "SELECT nik, name FROM population_resident WHERE village_code = $1 AND status = 1 "
                "ORDER BY id LIMIT 1",
                code,
            )
            body = urlencode(
                {"kind": "ktp_el", "nik": person["nik"], "applicant_name": person["name"]}
            )
            forms.append((f"/desa/{slug}/layanan/baru", body))
        return forms
    finally:
        await connection.close()


def _targets_file(lines: list[str]) -> str:
    with tempfile.NamedTemporaryFile("w", suffix=".targets", delete=False) as targets:
        targets.write("\n".join(lines) + "\n")
    return targets.name


def _load(url: str, lines: list[str], run_id: str, seconds: float, warmup: float) -> WrkResult:
    listing = _targets_file(lines)
    try:
        if warmup:
            run_wrk("submit.lua", url, seconds=warmup, args=[listing, f"{run_id}w"])
        return run_wrk("submit.lua", url, seconds=seconds, args=[listing, run_id])
    finally:
        Path(listing).unlink()


def _preflight(base: str, counter: Counter, run_id: str) -> None:
    response = httpx.post(
        base + counter.path,
        content=f"{counter.body}&idempotency_key={run_id}-check",
        headers={
            "Cookie": counter.session.cookie(),
            "x-csrf-token": counter.session.csrf,
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )
    if response.status_code != 303:
        raise SystemExit(f"submission refused: {response.status_code} {response.text[:300]}")


async def _stored(owner_url: str, run_id: str) -> Stored:
    """The requests stored under this run's keys, their distinct keys and their audit entries."""
    connection = await asyncpg.connect(owner_url)
    try:
        row = await connection.fetchrow(
            "SELECT count(*) AS rows, count(DISTINCT idempotency_key) AS keys, "
            "array_agg(DISTINCT village_code) AS villages "
            "FROM population_service_request WHERE idempotency_key LIKE $1",
            f"%:{run_id}%",
        )
        audited = await connection.fetchval(
            "SELECT count(*) FROM core_audit_entry a JOIN population_service_request r "
            "ON a.entity_id = r.id::text AND a.village_code = r.village_code "
            "WHERE a.entity = 'service_request' AND a.action = 'create' "
            "AND r.idempotency_key LIKE $1",
            f"%:{run_id}%",
        )
    finally:
        await connection.close()
    return Stored(row["rows"], row["keys"], audited, sorted(row["villages"] or []))


async def _broken_chains(built: Regency, villages: list[str]) -> int:
    kernel = Kernel.build(built.database.settings(as_owner=True))
    await kernel.database.start()
    try:
        broken = 0
        for code in villages:
            async with tenant_transaction(kernel.engine, code):
                broken += len(await verify_chains(code))
        return broken
    finally:
        await kernel.database.close()


def run(residents: int, seconds: float, warmup: float) -> bool:
    built = regency(residents)
    forms = asyncio.run(_forms(built.database.owner_url, built.counter_villages))
    print(f"machine: {machine()}")
    print(shared_cores_note())
    print(f"before the runs, {load_note()}")
    stamp = f"b{int(time.time())}"
    before = _hello(forms[0][1], stamp, seconds, warmup)
    print(f"reference before (bare Litestar POST reading the form, 2 workers): {before.line}")
    layouts = {}
    with served(kampung_command(KAMPUNG_PORT), KAMPUNG_PORT, built.database.environ()) as base:
        counters = [
            Counter(path, body, sign_in(base, f"{COUNTER_PREFIX}{index}", PASSWORD))
            for index, (path, body) in enumerate(forms)
        ]
        _preflight(base, counters[0], stamp)
        for name, chosen, suffix in (
            (f"{len(counters)} villages", counters, "m"),
            ("1 village", counters[:1], "o"),
        ):
            result = _load(base, [c.line() for c in chosen], stamp + suffix, seconds, warmup)
            print(f"{name}: {result.line}")
            layouts[name] = (result, stamp + suffix)
    after = _hello(forms[0][1], stamp, seconds, warmup)
    print(f"reference after: {after.line}")
    print(f"after the runs, {load_note()}")
    return _report(built, seconds, Reference(before, after), layouts)


def _hello(body: str, stamp: str, seconds: float, warmup: float) -> WrkResult:
    """The reference app's POST, loaded by the same script with the same form."""
    with served(hello_command(HELLO_PORT), HELLO_PORT) as base:
        return _load(base, [f"/\t{body}\tx=y\tnone"], stamp, seconds, warmup)


def _report(
    built: Regency, seconds: float, hello: Reference, layouts: dict[str, tuple[WrkResult, str]]
) -> bool:
    print()
    print(
        f"Writes benchmark: counter submissions of one-door requests, audit on, every request "
        f"sent twice; {built.residents:,} residents, PostgreSQL, `kampung serve --workers 2`, "
        f"wrk {CONNECTIONS} connections, {seconds:g} s per layout after a warm-up"
    )
    header = (
        f"{'layout':16} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'vs hello':>8} "
        f"{'303':>6} {'409':>5} {'other':>5} {'stored':>6} {'dups':>4} {'audited':>7} "
        f"{'chains':>6}"
    )
    print(header)
    print("-" * len(header))
    for label, measured in (("hello, before", hello.before), ("hello, after", hello.after)):
        print(
            f"{label:16} {measured.rps:7.0f} {measured.p50_ms:7.1f} {measured.p95_ms:7.1f} "
            f"{measured.p99_ms:7.1f} {measured.rps / hello.rps:8.0%}"
        )
    passed = True
    summary = []
    for name, (result, run_id) in layouts.items():
        stored = asyncio.run(_stored(built.database.owner_url, run_id))
        broken = asyncio.run(_broken_chains(built, stored.villages))
        extra = result.extra
        ok = (
            stored.duplicates == 0
            and int(extra["answered_other"]) == 0
            and result.errors == int(extra["answered_409"])
            and stored.audited == stored.rows
            and broken == 0
        )
        passed &= ok
        chains = "ok" if broken == 0 else f"{broken} broken"
        print(
            f"{name:16} {result.rps:7.0f} {result.p50_ms:7.1f} {result.p95_ms:7.1f} "
            f"{result.p99_ms:7.1f} {result.rps / hello.rps:8.1%} {extra['answered_303']:>6} "
            f"{extra['answered_409']:>5} {extra['answered_other']:>5} {stored.rows:6d} "
            f"{stored.duplicates:4d} {stored.audited:7d} {chains:>6}  {verdict(ok)}"
        )
        summary.append(
            f"{name}: {result.rps:.0f} req/s ({result.rps / hello.rps:.0%} of hello), "
            f"p95 {result.p95_ms:.0f} ms, {stored.duplicates} duplicates"
        )
    print(
        "303: stored, or a repeat sent to the request stored first; 409: a repeat that raced "
        "the first send, refused; stored/dups/audited: rows under the layout's keys (warm-up "
        "included), keys stored twice, their audit entries; chains: `verify_chains` of the villages"
    )
    print("vs hello: req/s over the mean of the two reference runs")
    print(f"reference drift (after vs before): {hello.drift:+.0%}")
    audit = "every stored request audited, chains verify" if passed else "see the table"
    print(f"summary: {verdict(passed)} — " + "; ".join(summary) + f"; {audit}")
    return passed


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench.writes", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--residents", type=int, default=1_000_000)
    parser.add_argument("--seconds", type=float, default=20, help="measured seconds per layout")
    parser.add_argument("--warmup", type=float, default=3, help="warm-up seconds per layout")
    args = parser.parse_args(argv)
    raise SystemExit(0 if run(args.residents, args.seconds, args.warmup) else 1)


if __name__ == "__main__":
    main()
