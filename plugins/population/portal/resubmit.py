"""Fixing a returned request and sending it again: the citizen corrects what the request kind
asks for (its details and its checklist files) and the request goes back to the village queue.

The lifecycle move, its history step and its audit entry are the services' `take_action`
(action `ajukan_ulang`), so the operator sees the resubmission like any other step; the
corrected details and the new files are written after it, in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from core.db.jsonvalue import json_dict
from core.i18n import _
from core.kernel import Kernel
from plugins.population.services.details import validate_details
from plugins.population.services.requests import add_document, take_action
from plugins.population.services.uploads import CheckedUpload
from plugins.population.tables import ServiceRequest

__all__ = ["NOTE_LIMIT", "resubmit", "resubmit_errors"]

NOTE_LIMIT = 500


def resubmit_errors(kind: str, values: Mapping[str, str], today: dt.date) -> dict[str, str]:
    """Indonesian errors by field for a resubmission form; empty when it may be sent."""
    _details, errors = validate_details(kind, values, today)
    if len(values.get("catatan", "")) > NOTE_LIMIT:
        errors["catatan"] = _("Catatan paling banyak {n} karakter.").format(n=NOTE_LIMIT)
    return errors


async def resubmit(
    kernel: Kernel,
    row: dict[str, Any],
    values: Mapping[str, str],
    uploads: Sequence[CheckedUpload],
    actor: str,
    now: dt.datetime,
    today: dt.date,
) -> None:
    """Send a returned request again with its corrections.

    Raises the services' `ActionConflict` when the request is no longer returned (someone acted
    first, or the same form was sent twice), before anything is written.
    """
    note = values.get("catatan", "").strip()
    await take_action(kernel, row, "ajukan_ulang", {"catatan": note}, actor, now)
    village = row["village_code"]
    before = json_dict(row["payload"])
    corrected, _errors = validate_details(row["kind"], values, today)
    changed = {key: value for key, value in corrected.items() if before.get(key) != value}
    if changed:
        await ServiceRequest.update({ServiceRequest.payload: {**before, **changed}}).where(
            (ServiceRequest.id == row["id"]) & (ServiceRequest.village_code == village)
        )
    for upload in uploads:
        await add_document(kernel, village, row["id"], upload, actor, now)
    if changed or uploads:
        await kernel.audit(
            village,
            actor=actor,
            action="update",
            entity="service_request",
            entity_id=row["id"],
            before={key: before.get(key, "") for key in changed},
            after={**changed, "documents": [upload.doc_key for upload in uploads]},
        )
