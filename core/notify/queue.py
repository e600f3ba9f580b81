"""Sending through the job queue: a slow or absent gateway never holds up the request that
caused the notice, and a failed send is retried with back-off.

Jobs are named after the plugin that declares them, so a plugin that notifies declares its own
delivery job with `delivery_job("<plugin>")` in `kampung_jobs` and queues with `send_later`.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from core.jobs import Job, current_job, enqueue
from core.notify.config import notifier_for
from core.notify.message import Message
from core.notify.outbox import deliver

if TYPE_CHECKING:
    from core.kernel import Kernel

__all__ = ["DELIVERY_JOB", "delivery_job", "send_later"]

DELIVERY_JOB = "notify"
"""The job's own part of its name: `<plugin>.notify`."""


async def _run(kernel: Kernel, payload: dict[str, Any]) -> None:
    job = current_job()
    assert job is not None, "run only as a job"
    await deliver(notifier_for(kernel.settings), job.scope_code, Message.from_payload(payload))


def delivery_job(plugin: str) -> Job:
    """The job that delivers a plugin's messages, with retries spread over about an hour."""
    return Job(
        f"{plugin}.{DELIVERY_JOB}",
        _run,
        max_attempts=6,
        backoff=timedelta(minutes=1),
        max_backoff=timedelta(minutes=30),
        timeout=timedelta(minutes=2),
    )


async def send_later(
    kernel: Kernel, plugin: str, message: Message, *, village_code: str, actor: str = "system"
) -> int:
    """Queue `message` in the caller's transaction; the job's id. The same reference queued again
    returns the first job and adds nothing."""
    return await enqueue(
        kernel,
        f"{plugin}.{DELIVERY_JOB}",
        message.to_payload(),
        village_code=village_code,
        actor=actor,
        dedupe_key=f"{village_code}:{message.reference}",
    )
