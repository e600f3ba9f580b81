"""A programme's rules page: the facts a rule may use, its tiers, and the form that previews a rule
("who qualifies and why") before it is saved."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from litestar import Request, Response, get, post
from litestar.exceptions import NotFoundException
from litestar.response import Redirect

from core.audit import disclose
from core.auth.principal import Principal
from core.i18n import _
from core.idempotency import recall, remember
from core.kernel import Kernel
from core.tenancy.context import Tenant
from core.web.guards import requires
from core.web.render import flash, render
from core.web.request_state import request_state
from plugins.social_aid import disclosures
from plugins.social_aid.eligibility import engine, examples, rules
from plugins.social_aid.eligibility.facts import CATALOG
from plugins.social_aid.form_input import FORM, new_key
from plugins.social_aid.permissions import MANAGE
from plugins.social_aid.programmes import programmes

BASE = "/bantuan/program/{programme_id:int}/aturan"
EXAMPLES = "social_aid.rule_examples"


async def _programme(programme_id: int) -> dict[str, Any]:
    found = await programmes.programme(programme_id)
    if found is None:
        raise NotFoundException("Program tidak ditemukan di desa ini.")
    return found


async def _page(
    request: Request[Any, Any, Any],
    programme: dict[str, Any],
    values: dict[str, str],
    errors: dict[str, str],
    outcome: rules.Outcome | None = None,
    status_code: int = 200,
) -> Response[str]:
    if outcome is not None:
        shown = outcome.selected[: rules.PREVIEW_LIMIT]
        disclose(
            request,
            disclosures.RULE_PREVIEW,
            subjects=disclosures.people(s.person for s in shown),
            query={"programme": programme["id"], "rule": outcome.rule.expression},
            count=len(outcome.selected),
        )
    context = {
        "programme": programme,
        "rules": await rules.rules_of(programme["id"]),
        "facts": CATALOG,
        "examples": examples.SETS.values(),
        "values": values,
        "errors": errors,
        "outcome": outcome,
        "idempotency_key": new_key(),
        "preview_limit": rules.PREVIEW_LIMIT,
    }
    return await render(request, "social_aid/rules.html", context, status_code=status_code)


@get(BASE, guards=[requires(MANAGE)], include_in_schema=False)
async def page(request: Request[Any, Any, Any], programme_id: int) -> Response[str]:
    return await _page(request, await _programme(programme_id), {}, {})


@post(BASE, guards=[requires(MANAGE)], include_in_schema=False)
async def submit(
    request: Request[Any, Any, Any],
    programme_id: int,
    data: Annotated[dict[str, str], FORM],
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[Any]:
    """`action=preview` shows who qualifies and why; `action=save` saves the rule as a tier."""
    programme = await _programme(programme_id)
    name, expression = data.get("name", ""), data.get("expression", "")
    today = request_state(request).now.date()
    key = data.get("idempotency_key", "")
    back = Redirect(f"{tenant.base_url}/bantuan/program/{programme_id}/aturan", status_code=303)
    try:
        if data.get("action") == "save":
            if await recall(tenant.code, rules.ENTITY, key) is not None:
                return back
            created = await rules.add(
                kernel,
                tenant.code,
                programme_id,
                name,
                expression,
                principal.username,
                datetime.now(UTC),
            )
            await remember(tenant.code, rules.ENTITY, key, principal.username, created)
        else:
            outcome = await rules.preview(name, expression, programme["target"], today)
            return await _page(request, programme, data, {}, outcome)
    except engine.RuleError as exc:
        return await _page(request, programme, data, {"expression": str(exc)}, status_code=422)
    await flash(request, "success", _("Aturan tersimpan."))
    return back


@post(BASE + "/contoh", guards=[requires(MANAGE)], include_in_schema=False)
async def add_examples(
    request: Request[Any, Any, Any],
    programme_id: int,
    data: Annotated[dict[str, str], FORM],
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[Any]:
    await _programme(programme_id)
    back = Redirect(f"{tenant.base_url}/bantuan/program/{programme_id}/aturan", status_code=303)
    key = data.get("idempotency_key", "")
    if await recall(tenant.code, EXAMPLES, key) is not None:
        return back
    try:
        await rules.add_examples(
            kernel,
            tenant.code,
            programme_id,
            data.get("example", ""),
            principal.username,
            datetime.now(UTC),
        )
    except engine.RuleError as exc:
        await flash(request, "error", str(exc))
    else:
        await remember(tenant.code, EXAMPLES, key, principal.username, programme_id)
        await flash(request, "success", _("Contoh aturan ditambahkan; sesuaikan bila perlu."))
    return back


@post(BASE + "/{rule_id:int}/hapus", guards=[requires(MANAGE)], include_in_schema=False)
async def remove(
    request: Request[Any, Any, Any],
    programme_id: int,
    rule_id: int,
    tenant: Tenant,
    principal: Principal,
    kernel: Kernel,
) -> Response[Any]:
    await _programme(programme_id)
    try:
        await rules.remove(kernel, tenant.code, programme_id, rule_id, principal.username)
    except engine.RuleError as exc:
        await flash(request, "error", str(exc))
    else:
        await flash(request, "success", _("Aturan dihapus."))
    return Redirect(f"{tenant.base_url}/bantuan/program/{programme_id}/aturan", status_code=303)


ROUTES = [page, submit, add_examples, remove]
