"""The trail as people read it: when, who (name and role, or "a citizen"), what and how much."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from core.audit.disclosure import CITIZEN_ROLE, COMMAND_ACTOR
from core.auth.principal import role_label
from core.i18n import N_, _
from core.localtime import local_clock

_ACTION_LABELS = {
    "create": N_("membuat"),
    "update": N_("mengubah"),
    "read": N_("melihat"),
    "export": N_("mengekspor"),
    "delete": N_("menghapus"),
}


TRAIL_COLUMNS = [
    {"key": "at", "label": N_("Waktu"), "sortable": False},
    {"key": "who", "label": N_("Siapa"), "sortable": False},
    {"key": "role", "label": N_("Peran / kantor"), "sortable": False},
    {"key": "what", "label": N_("Data yang dibuka"), "sortable": False},
    {"key": "records", "label": N_("Jumlah"), "sortable": False},
    {"key": "query", "label": N_("Pencarian / filter"), "sortable": False},
]
CHANGE_COLUMNS = [
    {"key": "at", "label": N_("Waktu"), "sortable": False},
    {"key": "actor", "label": N_("Siapa"), "sortable": False},
    {"key": "action", "label": N_("Tindakan"), "sortable": False},
]


def role_names(actor: str, roles: str) -> str:
    """The office a person acted in, in the reader's language."""
    if actor == COMMAND_ACTOR:
        return _("Baris perintah server")
    names = [name for name in roles.split(",") if name]
    if CITIZEN_ROLE in names:
        return _("Warga (akun portal keluarga)")
    return ", ".join(role_label(name) for name in names) or "-"


def _records(row: dict[str, Any]) -> str:
    shown = [t for t in row["subjects"].split("|") if t and not t.startswith("#")]
    parts = []
    if row["total"] is not None:
        parts.append(_("{count} hasil").format(count=row["total"]))
    if shown:
        parts.append(_("{count} data ditampilkan").format(count=len(shown)))
    return " · ".join(parts) or "-"


def lines(rows: Iterable[dict[str, Any]]) -> list[dict[str, str]]:
    """Disclosure rows as the cells of the trail tables, times on the instance's clock."""
    return [
        {
            "at": local_clock(row["at"]),
            "who": _who(row),
            "role": role_names(row["actor"], row["actor_roles"]),
            "actor": row["actor"],
            "what": _(row["label"]) if row["label"] else row["kind"],
            "kind": row["kind"],
            "records": _records(row),
            "query": ", ".join(f"{k}={v}" for k, v in _query(row["query"]).items()) or "-",
        }
        for row in rows
    ]


def _who(row: dict[str, Any]) -> str:
    """Staff by name and username; a citizen by office only (the portal shows no personal
    names of family members to each other beyond what the KK already shows)."""
    if row["actor"].startswith("warga:"):
        return _("Warga")
    if row["actor_name"] and row["actor_name"] != row["actor"]:
        return f"{row['actor_name']} ({row['actor']})"
    return row["actor"]


def _query(value: Any) -> dict[str, Any]:
    if isinstance(value, str):
        return dict(json.loads(value))
    return dict(value or {})


def change_lines(rows: Iterable[dict[str, Any]]) -> list[dict[str, str]]:
    """Audit chain entries about one record: when (on the instance's clock), who, what they did."""
    return [
        {
            "at": local_clock(row["at"]),
            "actor": row["actor"],
            "action": _(_ACTION_LABELS[row["action"]])
            if row["action"] in _ACTION_LABELS
            else row["action"],
        }
        for row in rows
    ]
