"""Reading a submission from a multipart form: the text fields and the checklist files.

Shared by the counter form and the citizen portal, so both check files the same way.
"""

from __future__ import annotations

from typing import Any

from litestar.datastructures import UploadFile

from core.config import Settings
from plugins.population.services.kinds import get_kind
from plugins.population.services.uploads import CheckedUpload, check_upload, max_upload_bytes

__all__ = ["form_values", "read_uploads", "upload_field"]


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
        for item in form.getall(name, []) if hasattr(form, "getall") else [form.get(name)]:
            if not isinstance(item, UploadFile) or not item.filename:
                continue
            data = await item.read(limit + 1)
            result = check_upload(document.key, document.label, item.filename, data, limit)
            if isinstance(result, str):
                errors[name] = result
            else:
                uploads.append(result)
    return uploads, errors
