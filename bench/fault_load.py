"""The fault benchmark's clerks: writers submitting one-door requests over the JSON API and
recording every answer, stamped with the phase of the outage it was sent in."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any

import httpx

OPERATOR = "faults-operator"
PASSWORD = "kampung-faults-password"
PHASES = ("before", "outage", "restart", "recovery", "after")
"""Phases by when a request was sent: PG up; stop issued; start issued; PG accepting again
(until the app's first success); the app serving again."""
PAUSE_AFTER_FAILURE = 0.2
"""Writers retry sooner than Retry-After asks, so recovery is seen to a fraction of a second."""
SUBMISSION = {"kind": "pindah_datang", "alamat_asal": "Jl. Uji Gangguan 1, Kota Lama"}
"""A kind that needs no resident in the register, so the fresh database needs no import."""
ORIGINALS_SEEN = {"asli_dilihat": ["skpwni"]}
"""The move-in's one required document, seen on paper at the counter."""


@dataclass(frozen=True)
class Outcome:
    phase: str
    action: str
    key: str
    status: int
    """0 when no HTTP answer came at all."""
    seconds: float
    finished: float
    request_id: int | None = None
    retry_after: str | None = None
    detail: str = ""
    """For an answer neither 2xx nor 503: the start of its body, or the client's error."""

    @property
    def success(self) -> bool:
        return 200 <= self.status < 300


@dataclass
class Run:
    """The phase clock the controller moves on and the writers read, and every answer."""

    phase: str = PHASES[0]
    finished: bool = False
    outcomes: list[Outcome] = field(default_factory=list)
    started_at: dict[str, float] = field(default_factory=dict)
    recovered: asyncio.Event = field(default_factory=asyncio.Event)

    def enter(self, phase: str) -> None:
        self.phase = phase
        self.started_at[phase] = time.perf_counter()

    async def send(
        self, client: httpx.AsyncClient, action: str, key: str, url: str, body: dict[str, Any]
    ) -> Outcome:
        phase, started = self.phase, time.perf_counter()
        try:
            response = await client.post(url, json=body)
        except httpx.HTTPError as exc:
            finished = time.perf_counter()
            outcome = Outcome(phase, action, key, 0, finished - started, finished, detail=repr(exc))
        else:
            finished = time.perf_counter()
            status = response.status_code
            ok = 200 <= status < 300
            outcome = Outcome(
                phase,
                action,
                key,
                status,
                finished - started,
                finished,
                request_id=response.json().get("id") if ok else None,
                retry_after=response.headers.get("retry-after"),
                detail="" if ok or status == 503 else response.text[:160],
            )
        self.outcomes.append(outcome)
        if outcome.success and phase in ("restart", "recovery"):
            self.recovered.set()
        return outcome


async def writer(client: httpx.AsyncClient, api: str, index: int, run: Run) -> None:
    number = 0
    while not run.finished:
        number += 1
        key = f"faults-{index:02d}-{number:06d}"
        body = {**SUBMISSION, "applicant_name": f"Pemohon {index} {number}", "idempotency_key": key}
        submitted = await run.send(client, "submit", key, f"{api}/layanan", body)
        if submitted.success:
            url = f"{api}/layanan/{submitted.request_id}/aksi/lengkap"
            checked = await run.send(client, "lengkap", key, url, ORIGINALS_SEEN)
            if checked.success:
                continue
        await asyncio.sleep(PAUSE_AFTER_FAILURE)


async def sign_in(base_url: str) -> httpx.AsyncClient:
    client = httpx.AsyncClient(base_url=base_url, timeout=30)
    await client.get("/masuk")
    token = client.cookies["kampung_csrf"]
    client.headers.update({"x-csrf-token": token, "accept": "application/json"})
    response = await client.post("/masuk", data={"username": OPERATOR, "password": PASSWORD})
    if response.status_code != 303:
        raise SystemExit(f"sign-in failed: {response.status_code} {response.text[:200]}")
    client.headers["x-csrf-token"] = client.cookies["kampung_csrf"]  # replaced at sign-in
    return client
