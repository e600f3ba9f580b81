"""Sending a stored supporting document back: always as a download, never shown inline.

A file that passed the type check could still be crafted to look like HTML to a careless
browser; ``attachment`` and ``nosniff`` make sure it is only ever saved, and each download is
written to the audit log since these are identity papers.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from litestar import Response
from litestar.exceptions import NotFoundException

from core.kernel import Kernel
from plugins.population.services.queries import load_request
from plugins.population.services.uploads import stored_path
from plugins.population.tables import ServiceDocument

__all__ = ["attachment_headers", "document_response"]


def attachment_headers(filename: str) -> dict[str, str]:
    ascii_name = "".join(
        c if c.isascii() and c not in '"\\;' and c.isprintable() else "_" for c in filename
    )
    return {
        "Content-Disposition": (
            f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"
        ),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
    }


async def document_response(
    kernel: Kernel, scope_code: str, actor: str, request_id: int, document_id: int
) -> Response[Any]:
    """The file of one document of a request within ``scope_code``; 404 for anything else."""
    request_row = await load_request(scope_code, request_id)
    if request_row is None:
        raise NotFoundException()
    village = request_row["village_code"]
    doc = (
        await ServiceDocument.select()
        .where(
            (ServiceDocument.id == document_id)
            & (ServiceDocument.request == request_id)
            & (ServiceDocument.village_code == village)
        )
        .first()
    )
    if doc is None:
        raise NotFoundException()
    try:
        data = stored_path(kernel.settings, village, doc["stored_name"]).read_bytes()
    except (ValueError, FileNotFoundError):
        raise NotFoundException() from None
    await kernel.audit(
        village, actor=actor, action="read", entity="service_document", entity_id=document_id
    )
    return Response(
        data,
        media_type=doc["content_type"],
        headers=attachment_headers(doc["filename"]),
    )
