"""What every health handler shares: the form body, idempotency keys, the local date."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from litestar import Request
from litestar.enums import RequestEncodingType
from litestar.params import Body

from core.localtime import local_day
from core.web.request_state import request_state

FORM = Body(media_type=RequestEncodingType.URL_ENCODED)


def new_key() -> str:
    """A key for a form's hidden `idempotency_key`, so a double click creates one record."""
    return secrets.token_urlsafe(16)


def today(request: Request[Any, Any, Any]) -> dt.date:
    """The request's date on the instance's clock: a posyandu at 06:30 WIB is not yesterday."""
    return local_day(request_state(request).now)


def now(request: Request[Any, Any, Any]) -> dt.datetime:
    return request_state(request).now


def checked(data: dict[str, str], name: str) -> bool:
    return data.get(name, "") in ("1", "on", "true")
