"""Background jobs: work longer than a request, queued in the database and run by workers.

A plugin declares its jobs with the `kampung_jobs` hook and enqueues one inside the transaction
whose rows need it; `kampung worker` (or the runner `kampung serve` starts beside a SQLite
instance) runs it in the job's village scope, retrying with back-off. See docs/jobs.md.
"""

from __future__ import annotations

from core.jobs.context import RunningJob, current_job
from core.jobs.declaration import Job, JobCatalog, JobError, catalog_of
from core.jobs.enqueue import enqueue, job_status
from core.jobs.store import JobStatus
from core.jobs.worker import Worker, make_worker

__all__ = [
    "Job",
    "JobCatalog",
    "JobError",
    "JobStatus",
    "RunningJob",
    "Worker",
    "catalog_of",
    "current_job",
    "enqueue",
    "job_status",
    "make_worker",
]
