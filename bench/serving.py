"""Serving an app the way a regency does and loading it with wrk from a separate process.

Both the Kampung server and the reference "hello" app run as uvicorn with two worker processes;
wrk runs as its own process with a Lua script under bench/wrk/ whose `done()` prints one
`WRK_RESULT key=value ...` line, parsed here. On a two-core machine wrk and the server share the
cores, which every figure printed beside it says.
"""

from __future__ import annotations

import math
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
WORKERS = 2
CONNECTIONS = 32
THREADS = 2
CSRF_COOKIE = "kampung_csrf"
SESSION_COOKIE = "kampung_session"


def kampung_command(port: int) -> list[str]:
    """The project's production command, as a regency starts it."""
    kampung = str(Path(sys.executable).with_name("kampung"))
    return [kampung, "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "2"]


def hello_command(port: int) -> list[str]:
    """The reference app on the same uvicorn runner and options as `kampung serve`."""
    return [sys.executable, "-m", "bench.hello", str(port)]


@contextmanager
def served(
    command: Sequence[str], port: int, env: Mapping[str, str] | None = None
) -> Iterator[str]:
    """Start the server, wait until it answers, yield its base URL, stop it (and its workers)."""
    logs = BENCH.parent / "var" / "bench"
    logs.mkdir(parents=True, exist_ok=True)
    log = open(logs / f"server-{port}.log", "w")  # noqa: SIM115
    process = subprocess.Popen(
        list(command),
        cwd=ROOT,
        env=dict(env or os.environ),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, process)
        yield base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()


def _wait_until_up(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"server exited with code {process.returncode}; see var/bench/")
        try:
            httpx.get(base + "/", timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    raise SystemExit(f"server at {base} did not answer within 60 s")


@dataclass(frozen=True)
class Session:
    """A signed-in browser's cookies, as the headers wrk sends."""

    session: str
    csrf: str

    def cookie(self) -> str:
        return f"{SESSION_COOKIE}={self.session}; {CSRF_COOKIE}={self.csrf}"


def sign_in(base: str, username: str, password: str) -> Session:
    """Sign in over HTTP like a browser: the login page for the CSRF cookie, then the form."""
    with httpx.Client(base_url=base, timeout=30) as client:
        client.get("/masuk")
        csrf = client.cookies[CSRF_COOKIE]
        response = client.post(
            "/masuk",
            data={"username": username, "password": password},
            headers={"x-csrf-token": csrf},
        )
        if response.status_code != 303:
            raise SystemExit(f"sign-in of {username} failed: {response.status_code}")
        return Session(client.cookies[SESSION_COOKIE], csrf)


@dataclass(frozen=True)
class WrkResult:
    requests: int
    seconds: float
    rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    errors: int
    """Connect, read, write and timeout errors and answers with status 400 or above."""
    extra: dict[str, str]
    """Whatever else the script's `done()` reported (status tallies of the writes script)."""
    line: str
    """The script's printed line, verbatim."""


def run_wrk(
    script: str,
    url: str,
    *,
    seconds: float,
    headers: Mapping[str, str] | None = None,
    args: Sequence[str] = (),
) -> WrkResult:
    """Load `url` with 32 connections on two threads for `seconds`, through bench/wrk/`script`."""
    if shutil.which("wrk") is None:
        raise SystemExit("wrk not found: install it first (Debian: apt install wrk)")
    command = [
        "wrk",
        f"-t{THREADS}",
        f"-c{CONNECTIONS}",
        f"-d{max(1, math.ceil(seconds))}s",
        "--timeout",
        "10s",
        "-s",
        str(BENCH / "wrk" / script),
    ]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    command += [url, "--", *args]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"wrk failed: {(result.stdout + result.stderr).strip()}")
    line = next((row for row in result.stdout.splitlines() if row.startswith("WRK_RESULT ")), None)
    if line is None:
        raise SystemExit(f"wrk printed no WRK_RESULT line:\n{result.stdout}")
    values = dict(pair.split("=", 1) for pair in line.split()[1:])
    errors = sum(int(values.pop(key)) for key in list(values) if key.startswith("errors_"))
    return WrkResult(
        requests=int(values.pop("requests")),
        seconds=float(values.pop("seconds")),
        rps=float(values.pop("rps")),
        p50_ms=float(values.pop("p50_ms")),
        p95_ms=float(values.pop("p95_ms")),
        p99_ms=float(values.pop("p99_ms")),
        max_ms=float(values.pop("max_ms")),
        errors=errors,
        extra=values,
        line=line,
    )


def shared_cores_note() -> str:
    cores = os.cpu_count() or 0
    return (
        f"note: {cores} cores shared by wrk ({THREADS} threads), the {WORKERS} server workers and "
        "PostgreSQL: the figures are for all of them on one small machine"
    )


@dataclass(frozen=True)
class Reference:
    """The reference measured before and after the app's runs: other load on the machine moves
    both, so the ratios use their mean and the drift between them says how far to trust it."""

    before: WrkResult
    after: WrkResult

    @property
    def rps(self) -> float:
        return (self.before.rps + self.after.rps) / 2

    @property
    def drift(self) -> float:
        return self.after.rps / self.before.rps - 1


def load_note() -> str:
    return "load average: " + " ".join(f"{x:.2f}" for x in os.getloadavg())
