"""The register's JSON API (`/api/v1/desa/{village}/penduduk`): the pages' rules and permissions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import msgspec
from litestar import Request, Response, get, post
from litestar.exceptions import NotFoundException

from core import idempotency
from core.audit import disclose
from core.auth.principal import Principal
from core.i18n import _
from core.kernel import Kernel
from core.tenancy.context import Tenant
from core.web.guards import requires
from plugins.population import disclosures
from plugins.population.permissions import RESIDENT_READ, RESIDENT_WRITE
from plugins.population.register.errors import NotInVillage, RegisterError
from plugins.population.register.resident_form import LABELS, read_resident
from plugins.population.register.residents import create_resident, load_resident
from plugins.population.register.search import read_filter, search_residents
from plugins.population.register.web import Desk, desk

FLAGS = ("nik_checked", "nik_temporary")
ResidentIn = msgspec.defstruct(
    "ResidentIn",
    [
        ("idempotency_key", str, ""),
        *((name, str | int | None, None) for name in LABELS if name not in FLAGS),
        *((name, bool | str | None, None) for name in FLAGS),
    ],
    kw_only=True,
)
"""A resident to add: the form's fields (codes as numbers or their labels), `idempotency_key`
(8–64 letters, digits, - or _) and `nik_checked: true` to accept NIK warnings."""


@dataclass(frozen=True, slots=True)
class ResidentSummary:
    id: int
    nik: str
    name: str
    sex: int
    birth_date: dt.date | None
    dusun: str
    rw: str
    rt: str
    status: int
    kk_number: str | None


@dataclass(frozen=True, slots=True)
class ResidentList:
    items: list[ResidentSummary]
    total: int
    page: int
    pages: int


@dataclass(frozen=True, slots=True)
class ResidentRecord:
    id: int
    nik: str
    nik_temporary: bool
    nik_needs_check: bool
    name: str
    sex: int
    birth_place: str
    birth_date: dt.date | None
    religion: int | None
    education: int | None
    occupation: int | None
    marital_status: int | None
    relationship: int | None
    citizenship: int
    blood_type: int | None
    disability: int | None
    father_nik: str
    father_name: str
    mother_nik: str
    mother_name: str
    family_id: int | None
    dusun: str
    rw: str
    rt: str
    address: str
    status: int
    version: int


def _record(row: dict[str, Any]) -> ResidentRecord:
    names = ResidentRecord.__dataclass_fields__
    return ResidentRecord(**{k: row[k] for k in names if k != "family_id"}, family_id=row["family"])


@get("/penduduk", guards=[requires(RESIDENT_READ)], summary="Cari penduduk", tags=["penduduk"])
async def list_residents(
    request: Request[Any, Any, Any], tenant: Tenant, principal: Principal
) -> ResidentList:
    """The page's filters: q (name prefix), nik, kk, dusun, rw, rt, age, status, sort, page."""
    d = desk(request, tenant, principal)
    f = read_filter(request.query_params)
    page = await search_residents(d.code, f, d.today)
    disclose(
        request,
        disclosures.API_RESIDENT_LIST,
        subjects=disclosures.residents(page.rows),
        query={**f.query(), "page": page.page},
        count=page.total,
    )
    items = [
        ResidentSummary(
            r["id"],
            r["nik"],
            r["name"],
            r["sex"],
            r["birth_date"],
            r["dusun"],
            r["rw"],
            r["rt"],
            r["status"],
            r.get("family.kk_number"),
        )
        for r in page.rows
    ]
    return ResidentList(items, page.total, page.page, page.pages)


async def _load(d: Desk, resident_id: int) -> dict[str, Any]:
    try:
        return await load_resident(d.code, resident_id)
    except NotInVillage:
        raise NotFoundException("Penduduk tidak ditemukan di desa ini.") from None


@get(
    "/penduduk/{resident_id:int}",
    guards=[requires(RESIDENT_READ)],
    summary="Data penduduk",
    tags=["penduduk"],
)
async def get_resident(
    request: Request[Any, Any, Any], resident_id: int, tenant: Tenant, principal: Principal
) -> ResidentRecord:
    d = desk(request, tenant, principal)
    row = await _load(d, resident_id)
    disclose(request, disclosures.API_RESIDENT, subjects=[disclosures.resident(row)])
    return _record(row)


@post("/penduduk", guards=[requires(RESIDENT_WRITE)], summary="Tambah penduduk", tags=["penduduk"])
async def post_resident(
    request: Request[Any, Any, Any],
    kernel: Kernel,
    data: ResidentIn,
    tenant: Tenant,
    principal: Principal,
) -> Response[ResidentRecord]:
    """Fields as in the form (codes as numbers); `idempotency_key` makes retries safe;
    `nik_checked: true` accepts NIK warnings."""
    d = desk(request, tenant, principal)
    values = {k: v for k, v in msgspec.structs.asdict(data).items() if v is not None}
    key = str(values.get("idempotency_key") or "")
    if not idempotency.valid_key(key):
        return _invalid(
            {"idempotency_key": "idempotency_key wajib diisi (8–64 huruf, angka, - atau _)."}
        )
    earlier = await idempotency.recall(d.code, "population.resident", key)
    if earlier is not None:
        return Response(_record(await _load(d, earlier)), status_code=200)
    result = read_resident(values, village_code=d.code, today=d.today)
    if result.data is None:
        return _invalid(result.errors)
    if result.warnings:
        return _invalid({"nik": " ".join(result.warnings)}, warnings=result.warnings)
    try:
        resident_id = await create_resident(kernel, d.code, d.actor, result.data)
    except RegisterError as exc:
        return _invalid({exc.field or "nik": exc.message})
    await idempotency.remember(d.code, "population.resident", key, d.actor, resident_id)
    return Response(_record(await _load(d, resident_id)), status_code=201)


def _invalid(errors: dict[str, str], warnings: list[str] | None = None) -> Response[Any]:
    body: dict[str, Any] = {
        "status": 422,
        "title": _("Data tidak valid"),
        "detail": "Periksa kembali isian berikut: " + ", ".join(errors) + ".",
        "errors": errors,
    }
    if warnings:
        body["warnings"] = warnings
        body["detail"] = (
            "NIK tidak cocok dengan data; kirim ulang dengan nik_checked: true "
            "bila sudah diperiksa."
        )
    return Response(body, status_code=422)


ROUTES = [list_residents, get_resident, post_resident]
