"""What the request pages show: table rows, the detail with its checklist, history and buttons.

The village page and the regency page show the same request; they differ only in which actions
they offer and where those post to, so both build their context here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from core import Permission
from core.auth.principal import Principal, has_permission
from core.db.jsonvalue import json_dict
from core.tenancy.context import Tenant
from plugins.population.domain.identity import mask_nik
from plugins.population.services.details import DETAIL_FIELDS
from plugins.population.services.kinds import KINDS, get_kind
from plugins.population.services.queries import OPEN_STATES, age_of
from plugins.population.services.requests import kind_title
from plugins.population.services.workflow import REQUEST_LIFECYCLE
from plugins.population.tables import ServiceDocument, ServiceStep

__all__ = [
    "REGENCY_ACTIONS",
    "ActionView",
    "detail_context",
    "kind_options",
    "permitted_actions",
    "status_options",
    "table_rows",
    "tone",
]

REGENCY_ACTIONS = frozenset({"terima", "kembalikan_ke_desa", "selesai"})
_TONES = {
    "dikembalikan": "warning",
    "dibatalkan": "neutral",
    "siap": "success",
    "diserahkan": "success",
    "dinilai": "success",
    "diteruskan": "info",
    "diproses": "info",
}
ACTION_FIELDS: dict[str, tuple[tuple[str, str, str, Any], ...]] = {
    "kembalikan": (("alasan", "Alasan", "textarea", None),),
    "kembalikan_ke_desa": (("alasan", "Alasan", "textarea", None),),
    "selesai": (("nomor_dokumen", "Nomor dokumen (untuk KK: nomor KK baru)", "text", None),),
    "nilai": (
        (
            "nilai",
            "Nilai (1 kurang – 4 sangat baik)",
            "select",
            [("", "Pilih nilai"), ("1", "1"), ("2", "2"), ("3", "3"), ("4", "4")],
        ),
        ("komentar", "Komentar", "textarea", None),
    ),
}


def tone(status: str) -> str:
    return _TONES.get(status, "info" if status in OPEN_STATES else "neutral")


def kind_options(blank: str = "Semua jenis") -> list[tuple[str, str]]:
    return [("", blank), *((k.key, k.title) for k in KINDS)]


def status_options() -> list[tuple[str, str]]:
    states = sorted(REQUEST_LIFECYCLE.states)
    return [("", "Semua status"), *((s, REQUEST_LIFECYCLE.label(s)) for s in states)]


def permitted_actions(
    status: str,
    principal: Principal | None,
    tenant: Tenant,
    permissions: Mapping[str, Permission],
    only: Iterable[str] | None = None,
) -> list[str]:
    """Actions the state allows and the user's roles here hold the permission for."""
    wanted = set(only) if only is not None else None
    return [
        action
        for action in REQUEST_LIFECYCLE.allowed_actions(status)
        if (wanted is None or action in wanted)
        and has_permission(
            principal, tenant, REQUEST_LIFECYCLE.permission_for(action) or "", permissions
        )
    ]


def table_rows(
    rows: list[dict[str, Any]],
    now: dt.datetime,
    link: Any,
    villages: Mapping[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """Formatted cells for ``components/table.html``; ``link(row)`` gives the detail URL."""
    out = []
    for row in rows:
        label = REQUEST_LIFECYCLE.label(row["status"])
        village = villages.get(row["village_code"]) if villages else None
        out.append(
            {
                "id": Markup('<a href="{}">#{}</a>').format(link(row), row["id"]),
                "village": village.name if village else row["village_code"],
                "kind": kind_title(row["kind"]),
                "person": row["resident_name"] or row["applicant_name"],
                "status": Markup('<span class="badge badge-{}">{}</span>').format(
                    tone(row["status"]), label
                ),
                "submitted": row["submitted_at"].strftime("%d-%m-%Y"),
                "age": f"{age_of(row, now)} hari kerja",
                "channel": "Daring" if row["channel"] == "online" else "Loket",
            }
        )
    return out


@dataclass(frozen=True, slots=True)
class ActionView:
    key: str
    label: str
    url: str
    fields: tuple[tuple[str, str, str, Any], ...]


async def detail_context(
    request_row: dict[str, Any],
    now: dt.datetime,
    actions: list[str],
    action_base: str,
    download_base: str | None,
) -> dict[str, Any]:
    """The request, its checklist, its history and the actions offered."""
    request_id = request_row["id"]
    village = request_row["village_code"]
    documents = await ServiceDocument.select().where(
        (ServiceDocument.request == request_id) & (ServiceDocument.village_code == village)
    )
    steps = (
        await ServiceStep.select()
        .where((ServiceStep.request == request_id) & (ServiceStep.village_code == village))
        .order_by(ServiceStep.at)
        .order_by(ServiceStep.id)
    )
    try:
        kind = get_kind(request_row["kind"])
        checklist_docs = kind.documents
    except LookupError:
        checklist_docs = ()
    by_key: dict[str, list[dict[str, Any]]] = {}
    for doc in documents:
        by_key.setdefault(doc["doc_key"], []).append(doc)
    checklist = [
        {"label": d.label, "required": d.required, "files": by_key.get(d.key, [])}
        for d in checklist_docs
    ]
    details = json_dict(request_row["payload"])
    detail_rows = [
        (spec.label, details.get(spec.key, ""))
        for spec in DETAIL_FIELDS.get(request_row["kind"], ())
    ]
    history = [
        {
            "at": s["at"].strftime("%d-%m-%Y %H:%M"),
            "actor": s["actor"],
            "action": REQUEST_LIFECYCLE.label(s["action"]),
            "to": REQUEST_LIFECYCLE.label(s["to_status"]),
            "note": "; ".join(f"{k}: {v}" for k, v in json_dict(s["payload"]).items()),
        }
        for s in steps
    ]
    return {
        "req": request_row,
        "kind_title": kind_title(request_row["kind"]),
        "status_label": REQUEST_LIFECYCLE.label(request_row["status"]),
        "status_tone": tone(request_row["status"]),
        "age": age_of(request_row, now),
        "resident_nik_masked": mask_nik(request_row["resident_nik"] or ""),
        "details": detail_rows,
        "checklist": checklist,
        "history": history,
        "download_base": download_base,
        "actions": [
            ActionView(
                a,
                REQUEST_LIFECYCLE.label(a),
                f"{action_base}/{request_id}/aksi/{a}",
                ACTION_FIELDS.get(a, ()),
            )
            for a in actions
        ],
        "errors": {},
        "values": {},
        "failed_action": None,
    }
