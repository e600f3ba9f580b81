"""The fault benchmark's verdict: a table per phase, the timings, and what fell short."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bench.common import machine, verdict
from bench.fault_checks import Findings, confirmed_writes
from bench.fault_load import PHASES, Outcome, Run

QUICK_SECONDS = 1.0
"""A 503 slower than this (95th percentile) keeps a clerk staring at a spinner."""


@dataclass(frozen=True)
class AppHealth:
    workers_kept: bool
    """The same worker processes before and after: none crashed and was replaced."""
    stopped_cleanly: bool
    """It stopped on SIGTERM within 20 s, as a service manager expects."""


@dataclass(frozen=True)
class Timings:
    stop_seconds: float
    start_seconds: float
    """How long `pg_ctlcluster start` took; the server accepts connections before it returns."""
    recovery_seconds: float | None
    """From PG accepting connections again to the app's first success; None: never."""


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def phase_table(outcomes: Sequence[Outcome]) -> list[str]:
    lines = [
        f"{'phase':9} {'requests':>8} {'2xx':>6} {'503':>6} {'other':>6} "
        f"{'p50 ms':>8} {'p95 ms':>8}"
    ]
    for phase in PHASES:
        rows = [o for o in outcomes if o.phase == phase]
        ok = sum(o.success for o in rows)
        refused = sum(o.status == 503 for o in rows)
        seconds = [o.seconds for o in rows]
        lines.append(
            f"{phase:9} {len(rows):8} {ok:6} {refused:6} {len(rows) - ok - refused:6} "
            f"{percentile(seconds, 0.5) * 1000:8.1f} {percentile(seconds, 0.95) * 1000:8.1f}"
        )
    return lines


def gaps(
    outcomes: Sequence[Outcome],
    timings: Timings,
    findings: Findings,
    audit_ok: bool,
    health: AppHealth,
) -> list[str]:
    """Each way the run fell short of the issue, in words; empty when it passed."""
    found = []
    others = [o for o in outcomes if not o.success and o.status != 503]
    if others:
        statuses = sorted({o.status for o in others})
        found.append(f"{len(others)} answers neither 2xx nor 503 (status {statuses}; 0 = none)")
    refused = [o for o in outcomes if o.status == 503]
    if not refused:
        found.append("no 503 during the outage")
    if any(not o.retry_after for o in refused):
        found.append("503 without Retry-After")
    slow = percentile([o.seconds for o in refused], 0.95)
    if slow > QUICK_SECONDS:
        found.append(f"503 p95 {slow:.2f} s > {QUICK_SECONDS:.0f} s")
    if timings.recovery_seconds is None:
        found.append("the app did not recover by itself")
    if any(not o.success for o in outcomes if o.phase == "after"):
        found.append("failures after recovery")
    if not health.workers_kept:
        found.append("a worker process was restarted")
    if not health.stopped_cleanly:
        found.append("the app did not stop on SIGTERM")
    found.extend(findings.problems[:10])
    if not audit_ok:
        found.append("audit chains do not verify")
    return found


def report(
    run: Run, timings: Timings, findings: Findings, audit: str, health: AppHealth, args: Any
) -> bool:
    outcomes = run.outcomes
    refused = [o.seconds for o in outcomes if o.status == 503]
    confirmed = confirmed_writes(outcomes)
    recovery = timings.recovery_seconds
    print(f"machine: {machine()}")
    print(
        f"{args.writers} writers, stop -m {args.stop_mode}, PG down {args.outage:.0f} s, "
        f"cluster {args.cluster} port {args.pg_port}"
    )
    print("\n".join(phase_table(outcomes)))
    print(
        f"503 latency: p50 {percentile(refused, 0.5) * 1000:.1f} ms, "
        f"p95 {percentile(refused, 0.95) * 1000:.1f} ms, "
        f"max {max(refused, default=0) * 1000:.1f} ms; "
        f"all with Retry-After: {all(o.retry_after for o in outcomes if o.status == 503)}"
    )
    print(
        f"PG stop took {timings.stop_seconds:.2f} s, start {timings.start_seconds:.2f} s; "
        "app recovered "
        + (f"{recovery:.2f} s after PG accepted connections" if recovery is not None else "NEVER")
        + f"; workers kept: {health.workers_kept}, stopped on SIGTERM: {health.stopped_cleanly}"
    )
    print(
        f"database: {len(confirmed.submissions)} confirmed submissions, "
        f"{len(confirmed.checked)} confirmed lengkap, {findings.requests} requests stored, "
        f"{findings.stored_unconfirmed} stored though not confirmed (whole; a retry with the "
        f"same key returns them); problems: {len(findings.problems)}"
    )
    for odd in [o for o in outcomes if not o.success and o.status != 503][:3]:
        print(f"  {odd.phase} {odd.action} {odd.key}: {odd.status} {odd.detail}")
    print(f"audit: {audit}")
    found = gaps(outcomes, timings, findings, audit.endswith("verifies"), health)
    summary = "outage answered with quick 503s, recovered unaided, every confirmed write whole"
    print(f"{verdict(not found)}: " + ("; ".join(found) if found else summary))
    return not found
