"""The yearly public information service report (Perki 1/2021): per village and for the regency.

Counted from the requests filed in the year: by requester category, how each was answered,
how many are still open or late, how many were objected to, and the median working days from
filing to the first answer. The regency's row is the plain sum of its villages' (and the
median over all their answered requests), so it equals a recount.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from core.localtime import local_day
from core.workdays import working_days_between
from plugins.public_info.ppid import deadlines
from plugins.public_info.ppid.lifecycle import PENDING
from plugins.public_info.tables import InfoRequest, InfoRequestStep

ANSWERS = {"kabulkan": "granted", "kabulkan_sebagian": "partly", "tolak": "refused"}
ORGANISATION = "badan_hukum"


@dataclass(slots=True)
class ServiceReport:
    village_code: str
    requests: int = 0
    by_individuals: int = 0
    by_organisations: int = 0
    granted: int = 0
    partly: int = 0
    refused: int = 0
    open: int = 0
    late: int = 0
    objections: int = 0
    answer_days: list[int] = field(default_factory=list)

    @property
    def median_days(self) -> float | None:
        return statistics.median(self.answer_days) if self.answer_days else None

    def add(self, other: ServiceReport) -> None:
        for name in (
            "requests", "by_individuals", "by_organisations", "granted", "partly", "refused",
            "open", "late", "objections",
        ):  # fmt: skip
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.answer_days.extend(other.answer_days)


def count(
    requests: Iterable[Mapping[str, Any]],
    steps: Iterable[Mapping[str, Any]],
    today: date,
) -> dict[str, ServiceReport]:
    """The report of each village from its requests and their steps (pure, for tests)."""
    by_request: dict[int, list[Mapping[str, Any]]] = defaultdict(list)
    for step in steps:
        by_request[step["request"]].append(step)
    reports: dict[str, ServiceReport] = {}
    for row in requests:
        code = row["village_code"]
        report = reports.setdefault(code, ServiceReport(code))
        report.requests += 1
        if row["identity_kind"] == ORGANISATION:
            report.by_organisations += 1
        else:
            report.by_individuals += 1
        history = sorted(by_request[row["id"]], key=lambda s: s["id"])
        answer = next((s for s in history if s["action"] in ANSWERS), None)
        if answer is not None:
            kind = ANSWERS[answer["action"]]
            setattr(report, kind, getattr(report, kind) + 1)
            answered_on = local_day(answer["at"])
            report.answer_days.append(working_days_between(row["filed_on"], answered_on))
        if row["status"] in PENDING:
            report.open += 1
            if deadlines.is_late(row["due_on"], today):
                report.late += 1
        if any(s["action"] == "ajukan_keberatan" for s in history):
            report.objections += 1
    return reports


async def yearly_reports(year: int, today: date) -> dict[str, ServiceReport]:
    """The reports of every village in the current scope for requests filed in ``year``."""
    requests = await InfoRequest.select(
        InfoRequest.id,
        InfoRequest.village_code,
        InfoRequest.identity_kind,
        InfoRequest.filed_on,
        InfoRequest.status,
        InfoRequest.due_on,
    ).where(
        (InfoRequest.filed_on >= date(year, 1, 1)) & (InfoRequest.filed_on <= date(year, 12, 31))
    )
    filed = InfoRequestStep.request.filed_on
    steps = await InfoRequestStep.select(
        InfoRequestStep.id, InfoRequestStep.request, InfoRequestStep.action, InfoRequestStep.at
    ).where((filed >= date(year, 1, 1)) & (filed <= date(year, 12, 31)))
    return count(requests, steps, today)


def regency_total(reports: Iterable[ServiceReport], code: str) -> ServiceReport:
    total = ServiceReport(code)
    for report in reports:
        total.add(report)
    return total
