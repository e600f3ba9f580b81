"""The village map's pages: the map with its table of features, the GeoJSON of the features,
and the page where staff with the register's write permission add points, upload a GeoJSON file
and remove features."""

from __future__ import annotations

import json
import secrets
from typing import Any

from litestar import Request, Response, get, post
from litestar.datastructures import UploadFile
from litestar.exceptions import NotFoundException
from litestar.response import Redirect
from markupsafe import Markup

from core.i18n import _
from core.localtime import local_clock
from core.tenancy.context import Tenant
from core.web.guards import requires
from core.web.render import flash, render
from core.web.request_state import request_state
from plugins.population.permissions import RESIDENT_READ, RESIDENT_WRITE
from plugins.population.village_map.drawing import map_svg
from plugins.population.village_map.features import (
    add_features,
    all_features,
    delete_feature,
    feature_collection,
)
from plugins.population.village_map.forms import (
    MAX_FILE_BYTES,
    ParsedForm,
    parse_point_form,
    parse_upload,
)
from plugins.population.village_map.kinds import BOUNDARY_KINDS, KINDS, POINT_KINDS
from plugins.population.village_map.tiles import tile_source

__all__ = ["GEOJSON", "ROUTES", "coordinates_text"]

GEOJSON = "application/geo+json"
BODY_LIMIT = MAX_FILE_BYTES + 64 * 1024
MANAGE_TEMPLATE = "population/village_map/manage.html"


def _tenant(request: Request[Any, Any, Any]) -> Tenant:
    tenant = request_state(request).tenant
    assert tenant is not None
    return tenant


def coordinates_text(geometry: dict[str, Any]) -> str:
    """What the table shows of a geometry: a point's latitude, longitude; a boundary's size."""
    if geometry["type"] == "Point":
        lon, lat = geometry["coordinates"]
        return f"{lat:.6f}, {lon:.6f}"
    polygons = (
        [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    )
    vertices = sum(len(ring) - 1 for polygon in polygons for ring in polygon)
    return _("{polygons} poligon, {vertices} titik sudut").format(
        polygons=len(polygons), vertices=vertices
    )


def _table_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "id": row["id"],
            "name": row["name"],
            "kind_label": _(KINDS[row["kind"]].label) if row["kind"] in KINDS else row["kind"],
            "coordinates": coordinates_text(row["geometry"]),
            "created_by": row["created_by"],
            "created_at": local_clock(row["created_at"]),
        }
        for row in rows
    ]


@get("/peta", guards=[requires(RESIDENT_READ)], include_in_schema=False)
async def map_page(request: Request[Any, Any, Any]) -> Response[Any]:
    tenant = _tenant(request)
    rows = await all_features()
    tiles = tile_source(request.app.state.kernel.settings)
    title = _("Peta {place}").format(place=f"{tenant.local_word} {tenant.display_name}")
    svg = map_svg(title, rows, tiles.url if tiles else "")
    return await render(
        request,
        "population/village_map/map.html",
        {
            "title": title,
            "svg": Markup(svg) if svg else None,
            "tiles": tiles,
            "rows": _table_rows(rows),
        },
    )


@get("/peta.geojson", guards=[requires(RESIDENT_READ)], include_in_schema=False)
async def map_geojson(request: Request[Any, Any, Any]) -> Response[Any]:
    collection = feature_collection(await all_features())
    tenant = _tenant(request)
    return Response(
        json.dumps(collection, ensure_ascii=False),
        media_type=GEOJSON,
        headers={"content-disposition": f'inline; filename="peta-{tenant.slug}.geojson"'},
    )


def _options(codes: tuple[str, ...]) -> list[tuple[str, str]]:
    return [("", _("— pilih —")), *((code, _(KINDS[code].label)) for code in codes)]


async def _manage_page(
    request: Request[Any, Any, Any],
    *,
    point: ParsedForm | None = None,
    upload: ParsedForm | None = None,
    status_code: int = 200,
) -> Response[Any]:
    key = secrets.token_urlsafe(16)
    return await render(
        request,
        MANAGE_TEMPLATE,
        {
            "rows": _table_rows(await all_features()),
            "point_values": point.values if point else {},
            "point_errors": point.errors if point else {},
            "upload_values": upload.values if upload else {},
            "upload_errors": upload.errors if upload else {},
            "point_options": _options(POINT_KINDS),
            "upload_options": _options((*BOUNDARY_KINDS, *POINT_KINDS)),
            "point_key": (point.values.get("idempotency_key") if point else None) or key,
            "upload_key": (upload.values.get("idempotency_key") if upload else None) or key,
            "max_megabytes": MAX_FILE_BYTES // (1024 * 1024),
        },
        status_code=status_code,
    )


@get("/peta/kelola", guards=[requires(RESIDENT_WRITE)], include_in_schema=False)
async def manage_page(request: Request[Any, Any, Any]) -> Response[Any]:
    return await _manage_page(request)


async def _store(request: Request[Any, Any, Any], parsed: ParsedForm, key: str) -> int:
    state = request_state(request)
    assert state.tenant is not None and state.principal is not None
    return await add_features(
        request.app.state.kernel,
        state.tenant,
        state.principal.username,
        parsed.features,
        state.now,
        key,
    )


@post(
    "/peta/titik",
    guards=[requires(RESIDENT_WRITE)],
    include_in_schema=False,
    opt={
        "sample": {
            "name": "Posyandu Melati",
            "kind": "posyandu",
            "latitude": "-7,1912",
            "longitude": "113,2401",
        }
    },
)
async def add_point(request: Request[Any, Any, Any]) -> Response[Any]:
    form = await request.form()
    values = {key: value for key, value in form.items() if isinstance(value, str)}
    parsed = parse_point_form(values)
    key = values.get("idempotency_key", "")
    parsed.values["idempotency_key"] = key
    if parsed.errors:
        return await _manage_page(request, point=parsed, status_code=422)
    await _store(request, parsed, key)
    await flash(
        request,
        "success",
        _("Titik {name} ditambahkan ke peta.").format(name=parsed.values["name"]),
    )
    return Redirect(f"{_tenant(request).base_url}/peta/kelola", status_code=303)


@post(
    "/peta/unggah",
    guards=[requires(RESIDENT_WRITE)],
    include_in_schema=False,
    request_max_body_size=BODY_LIMIT,
)
async def upload_geojson(request: Request[Any, Any, Any]) -> Response[Any]:
    form = await request.form()
    upload = form.get("file")
    data, filename = b"", ""
    if isinstance(upload, UploadFile) and upload.filename:
        data, filename = await upload.read(), upload.filename
    kind = form.get("upload_kind")
    key = form.get("idempotency_key")
    parsed = parse_upload(kind if isinstance(kind, str) else "", filename, data)
    parsed.values["idempotency_key"] = key if isinstance(key, str) else ""
    if parsed.errors:
        return await _manage_page(request, upload=parsed, status_code=422)
    stored = await _store(request, parsed, parsed.values["idempotency_key"])
    if stored:
        message = _("{count} fitur dari berkas ditambahkan ke peta.").format(count=stored)
        await flash(request, "success", message)
    else:
        await flash(request, "info", _("Berkas itu sudah diunggah; tidak ada yang ditambahkan."))
    return Redirect(f"{_tenant(request).base_url}/peta/kelola", status_code=303)


@post("/peta/{feature_id:int}/hapus", guards=[requires(RESIDENT_WRITE)], include_in_schema=False)
async def remove_feature(request: Request[Any, Any, Any], feature_id: int) -> Response[Any]:
    state = request_state(request)
    tenant, principal = state.tenant, state.principal
    assert tenant is not None and principal is not None
    try:
        name = await delete_feature(
            request.app.state.kernel, tenant, principal.username, feature_id, state.now
        )
    except LookupError:
        raise NotFoundException() from None
    if name is None:
        await flash(request, "info", _("Fitur itu sudah tidak ada di peta."))
    else:
        await flash(request, "success", _("{name} dihapus dari peta.").format(name=name))
    return Redirect(f"{tenant.base_url}/peta/kelola", status_code=303)


ROUTES = [map_page, map_geojson, manage_page, add_point, upload_geojson, remove_feature]
