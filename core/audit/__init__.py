"""The audit chain (what changed) and the access trail (who saw personal data).

What a plugin uses: `disclose()` on every response that shows personal data, and, to show the
trail, `disclosures_of()` / `changes_of()` with the `lines()` / `change_lines()` views.
"""

from core.audit.disclosure import (
    Actor,
    Collected,
    DisclosureKind,
    Subject,
    disclose,
    record,
    record_command,
)
from core.audit.trail import changes_of, disclosures_of
from core.audit.views import CHANGE_COLUMNS, TRAIL_COLUMNS, change_lines, lines
from core.builtin.permissions import AUDIT as AUDIT_VIEW

__all__ = [
    "AUDIT_VIEW",
    "CHANGE_COLUMNS",
    "TRAIL_COLUMNS",
    "Actor",
    "Collected",
    "DisclosureKind",
    "Subject",
    "change_lines",
    "changes_of",
    "disclose",
    "disclosures_of",
    "lines",
    "record",
    "record_command",
]
