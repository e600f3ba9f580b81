"""One-door civil-registry requests: the kinds a village takes in and the lifecycle they follow."""

from __future__ import annotations

from plugins.population.services.kinds import KINDS, Document, ServiceKind, get_kind
from plugins.population.services.workflow import REQUEST_LIFECYCLE, validate_action_payload

__all__ = [
    "KINDS",
    "REQUEST_LIFECYCLE",
    "Document",
    "ServiceKind",
    "get_kind",
    "validate_action_payload",
]
