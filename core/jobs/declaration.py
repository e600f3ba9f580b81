"""What a plugin declares about a job, and the catalog of every loaded plugin's jobs."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from core.kernel import Kernel
    from core.plugins.registry import PluginRegistry

JobFunction = Callable[["Kernel", dict[str, Any]], Awaitable[None]]
"""`async def run(kernel, payload)`: one attempt of the work, inside the job's transaction."""

_NAME = re.compile(r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$")


class JobError(RuntimeError):
    """A job was declared or enqueued wrongly; the message names the plugin or the job."""


@dataclass(frozen=True, slots=True)
class Job:
    """A kind of background work a plugin offers, e.g. `population.import_register`."""

    name: str
    """`<plugin>.<job>`: lowercase letters, digits and `_`, the plugin's own name first."""
    run: JobFunction
    """Called with the kernel and the JSON payload, in a transaction scoped to the job's
    village; a raised exception rolls that transaction back and counts as a failed attempt."""
    max_attempts: int = 5
    """Attempts before the job is marked failed with its last error."""
    backoff: timedelta = timedelta(seconds=10)
    """Wait before the second attempt; it doubles with each further attempt."""
    max_backoff: timedelta = timedelta(hours=1)
    """The longest wait between two attempts."""
    timeout: timedelta = timedelta(minutes=30)
    """An attempt running longer is cancelled and counts as failed."""

    def delay_after(self, attempts: int) -> timedelta:
        """The wait before the next attempt, after `attempts` failed ones."""
        return min(self.backoff * (2 ** max(attempts - 1, 0)), self.max_backoff)


class JobCatalog:
    """Every job the loaded plugins declare, by name (built once per kernel)."""

    def __init__(self, jobs: dict[str, Job]) -> None:
        self.jobs = jobs

    @classmethod
    def from_registry(cls, registry: PluginRegistry) -> JobCatalog:
        jobs: dict[str, Job] = {}
        owners: dict[str, str] = {}
        for plugin, declared in registry.results("kampung_jobs"):
            for job in declared:
                if not _NAME.match(job.name) or job.name.split(".")[0] != plugin:
                    raise JobError(
                        f"plugin {plugin}: job {job.name!r} must be named "
                        f"'{plugin}.<job>' (lowercase letters, digits and _)"
                    )
                if job.name in jobs:
                    raise JobError(
                        f"plugin {plugin}: job {job.name} is declared twice "
                        f"(also by {owners[job.name]}); give each job one declaration"
                    )
                if job.max_attempts < 1:
                    raise JobError(f"plugin {plugin}: job {job.name} needs max_attempts >= 1")
                jobs[job.name] = job
                owners[job.name] = plugin
        return cls(jobs)

    def get(self, name: str) -> Job:
        job = self.jobs.get(name)
        if job is None:
            plugin = name.split(".")[0]
            raise JobError(
                f"job {name}: no loaded plugin declares it (plugin {plugin} must return it "
                "from kampung_jobs and be installed)"
            )
        return job

    @property
    def names(self) -> list[str]:
        return sorted(self.jobs)


def catalog_of(kernel: Kernel) -> JobCatalog:
    """The kernel's catalog: collected when the kernel is built, so a job named badly or twice
    stops start-up, not the first enqueue."""
    return kernel.jobs
