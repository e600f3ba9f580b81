"""Resident pages: the searchable list, the detail, and the create and edit forms."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from litestar import Request, Response, get, post
from litestar.exceptions import NotFoundException
from litestar.response import Redirect
from markupsafe import Markup, escape

from core import idempotency
from core.audit import AUDIT_VIEW, disclose
from core.auth.principal import Principal, has_permission
from core.db.jsonvalue import json_dict
from core.i18n import N_, _
from core.kernel import Kernel
from core.tenancy.context import Tenant
from core.web.guards import requires
from core.web.render import flash, render
from plugins.population import disclosures
from plugins.population.domain.codes import BASIC_STATUS, SEX
from plugins.population.permissions import RESIDENT_READ, RESIDENT_WRITE
from plugins.population.register.arrivals import ARRIVAL_KINDS, register_arrival
from plugins.population.register.errors import NotInVillage, RegisterError, VersionConflict
from plugins.population.register.event_form import detail_lines
from plugins.population.register.events import resident_events
from plugins.population.register.families import family_members, load_family
from plugins.population.register.photos import current_photo
from plugins.population.register.resident_form import (
    LABELS,
    field_options,
    form_values,
    parse_date,
    read_resident,
    text,
)
from plugins.population.register.residents import (
    create_resident,
    family_defaults,
    load_resident,
    update_resident,
)
from plugins.population.register.search import AGE_BANDS, read_filter, search_residents
from plugins.population.register.status import BIRTH
from plugins.population.register.web import Desk, desk, form_dict, label, labels
from plugins.population.tables import Family

TEMPLATES = "population/register/"
COLUMNS = [
    {"key": "name", "label": N_("Nama"), "sortable": True},
    {"key": "nik", "label": N_("NIK"), "sortable": True},
    {"key": "kk", "label": N_("No. KK"), "sortable": False},
    {"key": "sex", "label": N_("L/P"), "sortable": False},
    {"key": "birth_date", "label": N_("Tanggal lahir"), "sortable": True},
    {"key": "place", "label": N_("Dusun / RW / RT"), "sortable": False},
    {"key": "status", "label": N_("Status"), "sortable": False},
]
FORM_LAYOUT = [
    ("Identitas", ["nik", "name", "sex", "birth_place", "birth_date", "citizenship"]),
    (
        "Keluarga",
        [
            "kk_number",
            "relationship",
            "marital_status",
            "father_nik",
            "father_name",
            "mother_nik",
            "mother_name",
        ],
    ),
    ("Data lain", ["religion", "education", "occupation", "blood_type", "disability", "phone"]),
    ("Alamat", ["dusun", "rw", "rt", "address"]),
]
REQUIRED = {"nik", "name", "sex", "birth_date", "citizenship"}
TYPES = {"birth_date": "date"}


def _date(value: dt.date | None) -> str:
    """DD-MM-YYYY, the one way the register shows a date."""
    return value.strftime("%d-%m-%Y") if value else "-"


def _shown(value: Any, options: list[tuple[str, str]] | None) -> Any:
    """A stored value as a person reads it: a code by its label, a date as DD-MM-YYYY."""
    if options is not None:
        return dict(options).get(str(value), "-")
    if isinstance(value, dt.date):
        return _date(value)
    return value


def _status_options() -> list[tuple[str, str]]:
    return [("", _("Hidup")), ("semua", _("Semua status"))] + [
        (str(code), _(name)) for code, name in BASIC_STATUS.labels.items() if code != 1
    ]


def _row(d: Desk, row: dict[str, Any]) -> dict[str, Any]:
    url = f"{d.base}/penduduk/{row['id']}"
    tone = {1: "success", 2: "danger", 4: "warning"}.get(row["status"], "neutral")
    return {
        "name": Markup('<a href="{}">{}</a>').format(url, row["name"]),
        "nik": row["nik"],
        "kk": row.get("family.kk_number") or "-",
        "sex": "L" if row["sex"] == 1 else "P",
        "birth_date": _date(row["birth_date"]),
        "place": " / ".join(p for p in (row["dusun"], row["rw"], row["rt"]) if p) or "-",
        "status": Markup('<span class="badge badge-{}">{}</span>').format(
            tone, escape(label(BASIC_STATUS, row["status"]))
        ),
    }


@get("/penduduk", guards=[requires(RESIDENT_READ)], include_in_schema=False)
async def resident_list(
    request: Request[Any, Any, Any], tenant: Tenant, principal: Principal
) -> Response[Any]:
    d = desk(request, tenant, principal)
    f = read_filter(request.query_params)
    page = await search_residents(d.code, f, d.today)
    disclose(
        request,
        disclosures.RESIDENT_LIST,
        subjects=disclosures.residents(page.rows),
        query={**f.query(), "page": page.page},
        count=page.total,
    )
    return await render(
        request,
        TEMPLATES + "residents.html",
        {
            "filter": f,
            "columns": COLUMNS,
            "rows": [_row(d, r) for r in page.rows],
            "page": page,
            "age_bands": [("", _("Semua umur"))] + [(b, b) for b, _, _ in AGE_BANDS],
            "status_options": _status_options(),
        },
    )


def _form_context(
    d: Desk,
    values: dict[str, Any],
    errors: dict[str, str],
    warnings: list[str],
    *,
    action: str,
    heading: str,
    creating: bool,
) -> dict[str, Any]:
    options = field_options()
    sections = [
        (
            title,
            [
                {
                    "name": name,
                    "label": LABELS[name],
                    "type": TYPES.get(name, "text"),
                    "options": options.get(name),
                    "required": name in REQUIRED,
                }
                for name in names
            ],
        )
        for title, names in FORM_LAYOUT
    ]
    return {
        "heading": heading,
        "action": action,
        "values": values,
        "errors": errors,
        "warnings": warnings,
        "sections": sections,
        "creating": creating,
        "arrival_options": [("", _("Tidak ada (data penduduk lama)"))]
        + [(str(k), v) for k, v in ARRIVAL_KINDS.items()],
    }


@get("/penduduk/baru", guards=[requires(RESIDENT_WRITE)], include_in_schema=False)
async def new_resident(
    request: Request[Any, Any, Any], tenant: Tenant, principal: Principal
) -> Response[Any]:
    d = desk(request, tenant, principal)
    kk_number = str(request.query_params.get("kk", "")).strip()
    arrival = str(request.query_params.get("arrival", "")).strip()
    values: dict[str, Any] = {
        **await family_defaults(d.code, kk_number, birth=arrival == str(BIRTH)),
        "idempotency_key": secrets.token_hex(16),
        "citizenship": "1",
        "kk_number": kk_number,
        "arrival": arrival,
        "report_date": d.today.isoformat(),
    }
    context = _form_context(
        d,
        values,
        {},
        [],
        action=f"{d.base}/penduduk/baru",
        heading=_("Tambah penduduk"),
        creating=True,
    )
    return await render(request, TEMPLATES + "resident_form.html", context)


def _arrival(
    values: dict[str, Any], errors: dict[str, str]
) -> tuple[int | None, dt.date | None, dt.date | None]:
    raw = text(values, "arrival")
    if not raw:
        return None, None, None
    if not raw.isdigit() or int(raw) not in ARRIVAL_KINDS:
        errors["arrival"] = _("Peristiwa kedatangan tidak dikenal.")
        return None, None, None
    event_date = parse_date(text(values, "event_date"), "Tanggal peristiwa", errors, "event_date")
    report_date = parse_date(text(values, "report_date"), "Tanggal lapor", errors, "report_date")
    return int(raw), event_date, report_date


@post("/penduduk/baru", guards=[requires(RESIDENT_WRITE)], include_in_schema=False)
async def create_resident_page(
    request: Request[Any, Any, Any], kernel: Kernel, tenant: Tenant, principal: Principal
) -> Response[Any]:
    d = desk(request, tenant, principal)
    values = await form_dict(request)
    key = text(values, "idempotency_key")
    earlier = await idempotency.recall(d.code, "population.resident", key)
    if earlier is not None:
        return Redirect(f"{d.base}/penduduk/{earlier}", status_code=303)
    result = read_resident(values, village_code=d.code, today=d.today)
    errors = dict(result.errors)
    kind, event_date, report_date = _arrival(values, errors)
    if result.data is not None and not errors and not result.warnings:
        try:
            if kind is not None and event_date and report_date:
                details = {"origin": text(values, "origin")} if text(values, "origin") else {}
                resident_id, _arrived = await register_arrival(
                    kernel, d.code, d.actor, result.data, kind, event_date, report_date, details
                )
            else:
                resident_id = await create_resident(kernel, d.code, d.actor, result.data)
        except RegisterError as exc:
            errors[exc.field or "nik"] = exc.message
        else:
            await idempotency.remember(d.code, "population.resident", key, d.actor, resident_id)
            await flash(
                request, "success", _("Penduduk {name} disimpan.").format(name=result.data.name)
            )
            return Redirect(f"{d.base}/penduduk/{resident_id}", status_code=303)
    context = _form_context(
        d,
        values,
        errors,
        result.warnings,
        action=f"{d.base}/penduduk/baru",
        heading=_("Tambah penduduk"),
        creating=True,
    )
    return await render(request, TEMPLATES + "resident_form.html", context, status_code=422)


async def _resident_or_404(d: Desk, resident_id: int) -> dict[str, Any]:
    try:
        return await load_resident(d.code, resident_id)
    except NotInVillage:
        raise NotFoundException() from None


async def _kk_number(d: Desk, family_id: int | None) -> str:
    if family_id is None:
        return ""
    row = await Family.select(Family.kk_number).where(Family.id == family_id).first()
    return row["kk_number"] if row else ""


@get("/penduduk/{resident_id:int}", guards=[requires(RESIDENT_READ)], include_in_schema=False)
async def resident_detail(
    request: Request[Any, Any, Any],
    resident_id: int,
    kernel: Kernel,
    tenant: Tenant,
    principal: Principal,
) -> Response[Any]:
    d = desk(request, tenant, principal)
    resident = await _resident_or_404(d, resident_id)
    family = await load_family(d.code, resident["family"]) if resident["family"] else None
    members = await family_members(d.code, resident["family"]) if family else []
    options = field_options()
    shown = [
        (LABELS[key], _shown(resident[key], options.get(key)))
        for _, names in FORM_LAYOUT
        for key in names
        if key != "kk_number"
    ]
    disclose(
        request,
        disclosures.RESIDENT_DETAIL,
        subjects=[
            disclosures.resident(resident),
            *([disclosures.family(family)] if family else []),
            *disclosures.residents(members),
        ],
    )
    return await render(
        request,
        TEMPLATES + "resident_detail.html",
        {
            "resident": resident,
            "shown": shown,
            "family": family,
            "members": members,
            "events": [
                {**event, "detail_lines": detail_lines(json_dict(event["details"]))}
                for event in await resident_events(d.code, resident_id)
            ],
            "can_view_trail": _can_view_trail(kernel, tenant, principal),
            "photo": await current_photo(resident_id),
            "photo_key": secrets.token_hex(16),
            "sex": SEX,
            **labels(),
        },
    )


def _can_view_trail(kernel: Kernel, tenant: Tenant, principal: Principal) -> bool:
    return has_permission(principal, tenant, AUDIT_VIEW, kernel.permissions)


@get("/penduduk/{resident_id:int}/ubah", guards=[requires(RESIDENT_WRITE)], include_in_schema=False)
async def edit_resident(
    request: Request[Any, Any, Any], resident_id: int, tenant: Tenant, principal: Principal
) -> Response[Any]:
    d = desk(request, tenant, principal)
    resident = await _resident_or_404(d, resident_id)
    values = form_values(resident, await _kk_number(d, resident["family"]))
    values["version"] = str(resident["version"])
    disclose(request, disclosures.RESIDENT_FORM, subjects=[disclosures.resident(resident)])
    context = _form_context(
        d,
        values,
        {},
        [],
        action=f"{d.base}/penduduk/{resident_id}/ubah",
        heading=_("Ubah data {name}").format(name=resident["name"]),
        creating=False,
    )
    return await render(request, TEMPLATES + "resident_form.html", context)


@post(
    "/penduduk/{resident_id:int}/ubah", guards=[requires(RESIDENT_WRITE)], include_in_schema=False
)
async def update_resident_page(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    resident_id: int,
    tenant: Tenant,
    principal: Principal,
) -> Response[Any]:
    d = desk(request, tenant, principal)
    resident = await _resident_or_404(d, resident_id)
    values = await form_dict(request)
    version = text(values, "version")
    result = read_resident(values, village_code=d.code, today=d.today)
    errors = dict(result.errors)
    if not version.isdigit():
        errors["version"] = _("Formulir tidak lengkap; muat ulang halaman.")
    if result.data is not None and not errors and not result.warnings:
        try:
            await update_resident(kernel, d.code, d.actor, resident_id, int(version), result.data)
        except VersionConflict as exc:
            return await render(
                request,
                TEMPLATES + "conflict.html",
                {"message": exc.message, "url": f"{d.base}/penduduk/{resident_id}"},
                status_code=409,
            )
        except RegisterError as exc:
            errors[exc.field or "nik"] = exc.message
        else:
            await flash(
                request, "success", _("Data {name} disimpan.").format(name=result.data.name)
            )
            return Redirect(f"{d.base}/penduduk/{resident_id}", status_code=303)
    context = _form_context(
        d,
        values,
        errors,
        result.warnings,
        action=f"{d.base}/penduduk/{resident_id}/ubah",
        heading=_("Ubah data {name}").format(name=resident["name"]),
        creating=False,
    )
    return await render(request, TEMPLATES + "resident_form.html", context, status_code=422)


ROUTES = [
    resident_list,
    new_resident,
    create_resident_page,
    resident_detail,
    edit_resident,
    update_resident_page,
]
