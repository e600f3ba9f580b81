"""The job being run, for the code it calls: its id, village and the actor to audit as."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RunningJob:
    id: int
    name: str
    scope_code: str
    actor: str
    """Who enqueued it (e.g. `user:12`): a job's audit entries are recorded as theirs."""
    attempt: int


_running: ContextVar[RunningJob | None] = ContextVar("kampung_running_job", default=None)


def current_job() -> RunningJob | None:
    """The job whose attempt is running in this task, or None outside a job."""
    return _running.get()


def set_running(job: RunningJob | None) -> None:
    _running.set(job)
