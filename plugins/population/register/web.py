"""What every register handler needs from a request: the village, who acts, and today."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from litestar import Request

from core.auth.principal import Principal
from core.i18n import _
from core.localtime import local_day
from core.tenancy.context import Tenant
from core.web.request_state import request_state
from plugins.population.domain.codes import BASIC_STATUS, LIFE_EVENT, SEX, CodeList

STATUS_TONES = {1: "success", 2: "danger", 3: "neutral", 4: "warning", 6: "info", 9: "warning"}


@dataclass(frozen=True, slots=True)
class Desk:
    tenant: Tenant
    actor: str
    now: dt.datetime

    @property
    def today(self) -> dt.date:
        """The instance's day (at 06:30 WIB the UTC day is still yesterday)."""
        return local_day(self.now)

    @property
    def code(self) -> str:
        return self.tenant.code

    @property
    def base(self) -> str:
        return self.tenant.base_url


def desk(request: Request[Any, Any, Any], tenant: Tenant, principal: Principal) -> Desk:
    """The handler's injected tenant and user, with the moment the request arrived."""
    return Desk(tenant, principal.username, request_state(request).now)


def label(codes: CodeList, code: int | None) -> str:
    if code is None:
        return "-"
    return _(codes.labels[code]) if code in codes.labels else str(code)


def labels() -> dict[str, Any]:
    """Template helpers that turn codes into words."""
    return {
        "sex_label": lambda code: label(SEX, code),
        "status_label": lambda code: label(BASIC_STATUS, code),
        "status_tone": lambda code: STATUS_TONES.get(code, "neutral"),
        "event_label": lambda code: label(LIFE_EVENT, code),
    }


async def form_dict(request: Request[Any, Any, Any]) -> dict[str, Any]:
    """The posted form with single values as strings and repeated ones as lists."""
    form = await request.form()
    values: dict[str, Any] = {}
    for key in form:
        items = form.getall(key)
        values[key] = [str(i) for i in items] if len(items) > 1 else str(items[0])
    return values
