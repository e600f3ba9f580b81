"""`kampung demo` as a real process on a free loopback port, for the tests that drive a browser.

The demo builds its own SQLite instance in the folder it is started in, so these tests exercise
exactly what a newcomer gets from `./dev demo`.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

CHROMIUM = Path("/usr/bin/chromium")
"""Debian's Chromium: Playwright cannot download its own browser on these machines."""
DEMO_START_SECONDS = 300


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running_demo(folder: Path) -> Iterator[tuple[str, Path]]:
    """The demo's URL and its log, while it serves; the test fails if it stops or never answers.
    Lines the demo logged as ERROR are printed when it is stopped."""
    port = free_port()
    log_path = folder / "demo.log"
    log = log_path.open("wb")
    command = [str(Path(sys.executable).with_name("kampung")), "demo", "--port", str(port)]
    process = subprocess.Popen(
        command, cwd=folder, stdout=log, stderr=subprocess.STDOUT, env=dict(os.environ)
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + DEMO_START_SECONDS
        while True:
            if process.poll() is not None:
                output = log_path.read_text(errors="replace")[-3000:]
                pytest.fail(f"kampung demo stopped ({process.returncode}):\n{output}")
            try:
                if httpx.get(url + "/masuk", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"kampung demo did not answer on {url} in {DEMO_START_SECONDS} s")
            time.sleep(1)
        yield url, log_path
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
        errors = [
            line for line in log_path.read_text(errors="replace").splitlines() if "ERROR" in line
        ]
        if errors:
            print("kampung demo logged errors:", *errors, sep="\n  ")
