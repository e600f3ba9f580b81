"""The domain event every status change of a request publishes, for whoever must react.

The citizen's notifications (and any other plugin) learn that a request moved on from this event
rather than by reading population's tables, so the payload carries what a message needs: the
kind and the new status with their Indonesian names, the operator's reason and who to tell.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from core import DomainEvent
from plugins.population.services.kinds import kind_title
from plugins.population.services.workflow import REQUEST_LIFECYCLE

__all__ = ["REQUEST_STATUS_CHANGED", "status_changed"]

REQUEST_STATUS_CHANGED = "population.request_status_changed"


def status_changed(
    request: Mapping[str, Any], action: str, from_status: str, to_status: str, reason: str
) -> DomainEvent:
    """The event for ``request`` (a row as ``queries.load_request`` reads it) moved by
    ``action`` from ``from_status`` to ``to_status``; ``reason`` is "" when none was given."""
    payload = {
        "request_id": int(request["id"]),
        "kind": str(request["kind"]),
        "kind_title": kind_title(str(request["kind"])),
        "action": action,
        "from_status": from_status,
        "to_status": to_status,
        "to_status_label": REQUEST_LIFECYCLE.label(to_status),
        "reason": reason,
        "resident_id": request["resident"],
        "applicant_nik": str(request["applicant_nik"] or ""),
        "channel": str(request["channel"]),
    }
    return DomainEvent(REQUEST_STATUS_CHANGED, str(request["village_code"]), payload)
