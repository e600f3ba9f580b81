"""The DIP's entries: adding one (with its checked file), withdrawing one, listing them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from core.idempotency import recall, remember
from core.kernel import Kernel
from plugins.public_info.dip.classification import CATEGORIES, DOWNLOADABLE
from plugins.public_info.tables import InfoDocument
from plugins.public_info.uploads import CheckedFile, store_file

IDEMPOTENCY_KIND = "public_info.document"


async def add_document(
    kernel: Kernel,
    village_code: str,
    fields: dict[str, Any],
    checked: CheckedFile | None,
    *,
    actor: str,
    now: datetime,
    key: str,
) -> int:
    """Store the entry and its file; a retry under the same key returns the first entry."""
    earlier = await recall(village_code, IDEMPOTENCY_KIND, key) if key else None
    if earlier is not None:
        return earlier
    file_fields: dict[str, Any] = {}
    if checked is not None:
        file_fields = {
            "filename": checked.filename,
            "stored_name": store_file(kernel.settings, village_code, checked),
            "content_type": checked.content_type,
            "size": len(checked.data),
            "sha256": checked.sha256,
        }
    rows = await InfoDocument.insert(
        InfoDocument(**fields, **file_fields, created_by=actor, created_at=now, idempotency_key=key)
    ).returning(InfoDocument.id)
    document_id = int(rows[0]["id"])
    if key:
        await remember(village_code, IDEMPOTENCY_KIND, key, actor, document_id)
    await kernel.audit(
        village_code,
        actor=actor,
        action="public_info.document.add",
        entity="public_info_document",
        entity_id=document_id,
        after={"title": fields["title"], "category": fields["category"]},
    )
    return document_id


async def withdraw_document(
    kernel: Kernel, village_code: str, document_id: int, actor: str
) -> bool:
    row = await load_document(document_id)
    if row is None:
        return False
    await InfoDocument.update({InfoDocument.withdrawn: True}).where(InfoDocument.id == document_id)
    await kernel.audit(
        village_code,
        actor=actor,
        action="public_info.document.withdraw",
        entity="public_info_document",
        entity_id=document_id,
        before={"withdrawn": row["withdrawn"]},
        after={"withdrawn": True},
    )
    return True


async def load_document(document_id: int) -> dict[str, Any] | None:
    return await InfoDocument.select().where(InfoDocument.id == document_id).first()


async def all_documents() -> list[dict[str, Any]]:
    return await InfoDocument.select().order_by(InfoDocument.produced_on, ascending=False)


async def public_list() -> dict[str, list[dict[str, Any]]]:
    """The entries a visitor sees, by class, newest first; withdrawn ones left out."""
    rows = (
        await InfoDocument.select()
        .where(InfoDocument.withdrawn == False)  # noqa: E712 -- Piccolo builds SQL from ==
        .order_by(InfoDocument.produced_on, ascending=False)
    )
    grouped: dict[str, list[dict[str, Any]]] = {key: [] for key in CATEGORIES}
    for row in rows:
        row["downloadable"] = row["category"] in DOWNLOADABLE and bool(row["stored_name"])
        grouped.setdefault(row["category"], []).append(row)
    return grouped
