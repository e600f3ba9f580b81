"""A local PostgreSQL cluster a fault benchmark may stop and start (Debian's postgresql-common).

Stopping a server cuts off everyone on it, so the benchmarks that do so drive a cluster of their
own, created here on first use with trust authentication for TCP from this machine only.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

STOP_MODES = ("fast", "immediate")
"""`fast` rolls back open transactions and closes connections; `immediate` is a crash: no
shutdown checkpoint, the next start recovers from the WAL."""


def installed_version() -> str:
    """The newest PostgreSQL major version installed (Debian: /usr/lib/postgresql/<version>)."""
    versions = [
        entry.name for entry in Path("/usr/lib/postgresql").iterdir() if entry.name.isdigit()
    ]
    if not versions:
        raise SystemExit("PostgreSQL server packages not found under /usr/lib/postgresql")
    return max(versions, key=int)


@dataclass(frozen=True)
class Cluster:
    version: str
    name: str
    port: int

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}"

    def status(self) -> str | None:
        """`online` or `down`, or None when the cluster does not exist."""
        listing = subprocess.run(
            ["pg_lsclusters", "--no-header"], capture_output=True, text=True, check=True
        ).stdout
        for line in listing.splitlines():
            fields = line.split()
            if fields[:2] == [self.version, self.name]:
                if int(fields[2]) != self.port:
                    raise SystemExit(
                        f"cluster {self.version}/{self.name} listens on port {fields[2]}, not "
                        f"{self.port}; pass --pg-port {fields[2]}"
                    )
                return fields[3]
        return None

    def ensure_running(self) -> None:
        """Create the cluster on first use (trust over local TCP), then start it if it is down."""
        state = self.status()
        if state is None:
            print(f"creating cluster {self.version}/{self.name} on port {self.port}")
            subprocess.run(
                [
                    "pg_createcluster",
                    self.version,
                    self.name,
                    "--port",
                    str(self.port),
                    "--start-conf=manual",
                    "--",
                    "--auth-local=peer",
                    "--auth-host=trust",
                ],
                check=True,
                stdout=subprocess.DEVNULL,
            )
        if state != "online":
            self.start()

    def stop(self, mode: str) -> None:
        self._ctl("stop", "-m", mode)

    def start(self) -> None:
        """Returns once the server accepts connections (pg_ctl waits for it)."""
        self._ctl("start")

    def _ctl(self, *action: str) -> None:
        subprocess.run(
            ["pg_ctlcluster", "--skip-systemctl-redirect", self.version, self.name, *action],
            check=True,
        )
