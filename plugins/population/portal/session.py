"""The citizen a portal page serves, read from the session once for every citizen handler."""

from __future__ import annotations

from typing import Any

from litestar import Request, Response
from litestar.response import Redirect

from core.web.request_state import request_state
from plugins.population.portal.accounts import find_account
from plugins.population.portal.family import CitizenView, load_citizen
from plugins.population.portal.guard import citizen_resident_id
from plugins.population.portal.sign_in import CHANGE, LOGIN

__all__ = ["signed_in_citizen"]


async def signed_in_citizen(request: Request[Any, Any, Any]) -> CitizenView | Response[Any]:
    """The signed-in citizen, or where to send them (PIN change first, or sign-in again)."""
    state = request_state(request)
    assert state.citizen_ref is not None, "the citizen guard let only a citizen through"
    village, resident_id = citizen_resident_id(state.citizen_ref)
    account = await find_account(village, resident_id)
    if account is None or not account["active"]:
        return Redirect(LOGIN, status_code=303)
    if account["must_change_pin"]:
        return Redirect(CHANGE, status_code=303)
    citizen = await load_citizen(village, resident_id)
    return citizen if citizen is not None else Redirect(LOGIN, status_code=303)
