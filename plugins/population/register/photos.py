"""A resident's photo: uploaded from the resident's page, shown there, served only to staff.

A phone's picture is decoded, turned upright, shrunk to `PHOTO_SIDE` pixels and written again
without its metadata (GPS position included) by the core's `reencode_image`; the file is kept
under a random name in `<data>/photos/<village>/` and removed again if the upload's transaction
does not commit. Each upload is a new row, so the earlier photos stay in the history, and every
view of a photo is a disclosure in the access trail.
"""

from __future__ import annotations

import re
import secrets
from pathlib import Path
from typing import Any

from anyio import to_thread
from litestar import Request, Response, get, post
from litestar.datastructures import UploadFile
from litestar.exceptions import NotFoundException
from litestar.response import Redirect

from core import idempotency
from core.audit import DisclosureKind, disclose
from core.auth.principal import Principal
from core.config import Settings
from core.db import remove_on_rollback
from core.i18n import N_, _
from core.images import NotAnImage, reencode_image
from core.kernel import Kernel
from core.tenancy.context import Tenant
from core.web.guards import requires
from core.web.render import flash
from plugins.population import disclosures as trail
from plugins.population.permissions import RESIDENT_READ, RESIDENT_WRITE
from plugins.population.register.errors import NotInVillage
from plugins.population.register.photo_tables import ResidentPhoto
from plugins.population.register.residents import load_resident
from plugins.population.register.web import desk
from plugins.population.services.uploads import max_upload_bytes, megabytes

__all__ = ["ROUTES", "current_photo"]

FIELD = "foto"
IDEMPOTENCY_KIND = "population.photo"
PHOTO_SIDE = 800
"""Enough for a printed biodata and a screen; a phone's 4000-pixel picture is 40 times larger."""
PHOTO_VIEW = DisclosureKind("population.resident.photo", N_("Foto penduduk"))
_STORED = re.compile(r"^[0-9a-f]{32}\.(jpg|png)$")


def _folder(settings: Settings, village_code: str) -> Path:
    return settings.data_path / "photos" / village_code


async def current_photo(resident_id: int) -> dict[str, Any] | None:
    """The newest photo row of a resident of the current village, or None."""
    return await (
        ResidentPhoto.select()
        .where(ResidentPhoto.resident == resident_id)
        .order_by(ResidentPhoto.id, ascending=False)
        .first()
    )


async def _resident(village_code: str, resident_id: int) -> dict[str, Any]:
    try:
        return await load_resident(village_code, resident_id)
    except NotInVillage:
        raise NotFoundException() from None


def _checked(data: bytes, limit: int) -> Any:
    """The re-encoded picture, or the Indonesian reason it was refused (CPU-bound)."""
    if not data:
        return _("Foto: pilih berkas foto JPG atau PNG.")
    if len(data) > limit:
        return _("Foto: ukuran berkas paling besar {size} MB.").format(size=megabytes(limit))
    try:
        return reencode_image(data, frozenset({"JPEG", "PNG"}), PHOTO_SIDE)
    except NotAnImage:
        return _("Foto: berkas bukan gambar JPG atau PNG yang utuh.")


@post(
    "/penduduk/{resident_id:int}/foto",
    guards=[requires(RESIDENT_WRITE)],
    include_in_schema=False,
    request_max_body_size=12 * 1024 * 1024,
)
async def upload_photo(
    request: Request[Any, Any, Any],
    resident_id: int,
    kernel: Kernel,
    tenant: Tenant,
    principal: Principal,
) -> Response[Any]:
    d = desk(request, tenant, principal)
    resident = await _resident(d.code, resident_id)
    page = f"{d.base}/penduduk/{resident_id}"
    form = await request.form()
    key = str(form.get("idempotency_key") or "")
    if await idempotency.recall(d.code, IDEMPOTENCY_KIND, key) is not None:
        return Redirect(page, status_code=303)  # the same upload sent again: stored once
    upload = form.get(FIELD)
    data = await upload.read() if isinstance(upload, UploadFile) else b""
    picture = await to_thread.run_sync(_checked, data, max_upload_bytes(kernel.settings))
    if isinstance(picture, str):
        await flash(request, "error", picture)
        return Redirect(page, status_code=303)
    folder = _folder(kernel.settings, d.code)
    folder.mkdir(parents=True, exist_ok=True)
    name = secrets.token_hex(16) + picture.extension
    (folder / name).write_bytes(picture.data)
    remove_on_rollback(folder / name)
    rows = await ResidentPhoto.insert(
        ResidentPhoto(
            resident=resident_id,
            stored_name=name,
            content_type=picture.content_type,
            width=picture.width,
            height=picture.height,
            uploaded_by=d.actor,
            uploaded_at=d.now,
        )
    ).returning(ResidentPhoto.id)
    await idempotency.remember(d.code, IDEMPOTENCY_KIND, key, d.actor, rows[0]["id"])
    await kernel.audit(
        tenant,
        actor=d.actor,
        action="upload_photo",
        entity="resident",
        entity_id=resident_id,
        after={"photo": rows[0]["id"], "width": picture.width, "height": picture.height},
    )
    await flash(request, "success", _("Foto {name} disimpan.").format(name=resident["name"]))
    return Redirect(page, status_code=303)


@get("/penduduk/{resident_id:int}/foto", guards=[requires(RESIDENT_READ)], include_in_schema=False)
async def show_photo(
    request: Request[Any, Any, Any], resident_id: int, kernel: Kernel, tenant: Tenant
) -> Response[bytes]:
    resident = await _resident(tenant.code, resident_id)
    photo = await current_photo(resident_id)
    if photo is None or not _STORED.match(photo["stored_name"]):
        raise NotFoundException()
    path = _folder(kernel.settings, tenant.code) / photo["stored_name"]
    data = await to_thread.run_sync(path.read_bytes)
    disclose(request, PHOTO_VIEW, subjects=[trail.resident(resident)])
    return Response(
        data,
        media_type=photo["content_type"],
        headers={"Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff"},
    )


ROUTES = [upload_photo, show_photo]
