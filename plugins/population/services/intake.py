"""Reading a submission from a multipart form: the text fields and the checklist files.

Shared by the counter form and the citizen portal, so both check files the same way, and both
routes take a body as large as the page promises: every checklist file at the per-file limit,
plus the text fields.
"""

from __future__ import annotations

import asyncio
from typing import Any

from litestar.datastructures import UploadFile

from core.config import Settings
from core.i18n import _
from plugins.population.services.kinds import KINDS, get_kind
from plugins.population.services.uploads import (
    CEILING_MAX_BYTES,
    MAX_SIDE,
    CheckedUpload,
    check_upload,
    max_upload_bytes,
    megabytes,
)

__all__ = [
    "BODY_LIMIT",
    "MAX_FILES",
    "form_values",
    "read_uploads",
    "upload_field",
    "upload_limits",
]

MAX_FILES = max(len(kind.documents) for kind in KINDS)
"""One file per checklist item, so no request carries more than the longest checklist."""
FORM_ALLOWANCE = 1024 * 1024
BODY_LIMIT = MAX_FILES * CEILING_MAX_BYTES + FORM_ALLOWANCE
"""``request_max_body_size`` of the request form routes: what the largest configurable
per-file limit needs, so the server never refuses what the page promises."""


def upload_limits(settings: Settings) -> dict[str, Any]:
    """What the request form states and its script enforces before sending."""
    limit = max_upload_bytes(settings)
    return {
        "upload_max_bytes": limit,
        "upload_max_mb": megabytes(limit),
        "photo_max_side": MAX_SIDE,
    }


def upload_field(doc_key: str) -> str:
    return f"dok_{doc_key}"


def form_values(form: Any) -> dict[str, str]:
    """Every text field of the form (files left out), stripped of surrounding spaces."""
    return {
        key: str(value).strip()
        for key, value in form.items()
        if not isinstance(value, UploadFile) and key != "_csrf_token"
    }


async def read_uploads(
    form: Any, kind_key: str, settings: Settings
) -> tuple[list[CheckedUpload], dict[str, str]]:
    """The checked files for the checklist of ``kind_key`` and errors by upload field."""
    try:
        kind = get_kind(kind_key)
    except LookupError:
        return [], {}
    limit = max_upload_bytes(settings)
    uploads: list[CheckedUpload] = []
    errors: dict[str, str] = {}
    for document in kind.documents:
        name = upload_field(document.key)
        items = [
            item
            for item in (form.getall(name, []) if hasattr(form, "getall") else [form.get(name)])
            if isinstance(item, UploadFile) and item.filename
        ]
        if len(items) > 1:
            errors[name] = _("{label}: kirim satu berkas saja.").format(label=document.label)
            continue
        for item in items:
            data = await item.read(limit + 1)
            result = await asyncio.to_thread(
                check_upload, document.key, document.label, item.filename, data, limit
            )
            if isinstance(result, str):
                errors[name] = result
            else:
                uploads.append(result)
    return uploads, errors
