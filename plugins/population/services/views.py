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
from core.i18n import N_, _
from core.localtime import local_clock, local_day
from core.tenancy.context import Tenant
from plugins.population.domain.identity import mask_nik
from plugins.population.services.checklist import GUARDED_ACTIONS, ChecklistItem, load_checklist
from plugins.population.services.details import DETAIL_FIELDS
from plugins.population.services.history import MAX_RATING, actor_names, load_history
from plugins.population.services.kinds import KINDS, kind_title
from plugins.population.services.queries import OPEN_STATES, SHOW_ALL, SHOW_DONE, SHOW_OPEN, age_of
from plugins.population.services.workflow import REQUEST_LIFECYCLE

__all__ = [
    "CONFIRM_ACTIONS",
    "REGENCY_ACTIONS",
    "ActionView",
    "action_links",
    "detail_context",
    "detail_value",
    "kind_options",
    "permitted_actions",
    "show_options",
    "status_options",
    "table_rows",
    "tone",
]

REGENCY_ACTIONS = frozenset({"terima", "kembalikan_ke_desa", "selesai"})
CONFIRM_ACTIONS = frozenset({"batalkan"})
"""Actions that cannot be undone: the page asks "yakin?" on a page of its own before taking them."""
DANGER_ACTIONS = frozenset({"batalkan", "kembalikan", "kembalikan_ke_desa"})
_SEXES = {"1": N_("Laki-laki"), "2": N_("Perempuan")}
_ACTION_LINK = Markup('<a class="button button-small button-secondary" href="{}#aksi-{}">{}</a>')
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


def kind_options(blank: str = N_("Semua jenis")) -> list[tuple[str, str]]:
    return [("", _(blank)), *((k.key, _(k.title)) for k in KINDS)]


def status_options() -> list[tuple[str, str]]:
    states = sorted(REQUEST_LIFECYCLE.states)
    return [("", _("Semua status")), *((s, REQUEST_LIFECYCLE.label(s)) for s in states)]


def show_options() -> list[tuple[str, str]]:
    """The ``tampil`` filter: open work by default, the finished ones on request."""
    return [
        (SHOW_OPEN, N_("Masih dikerjakan")),
        (SHOW_DONE, N_("Sudah selesai atau dibatalkan")),
        (SHOW_ALL, N_("Semua permohonan")),
    ]


def detail_value(spec_type: str, value: str) -> str:
    """A kind-specific fact as people read it: a sex by name, a date as DD-MM-YYYY."""
    if spec_type == "sex":
        return _SEXES.get(value, value)
    if spec_type == "date" and value:
        try:
            return dt.date.fromisoformat(value).strftime("%d-%m-%Y")
        except ValueError:
            return value
    return value


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
                "kind": _(kind_title(row["kind"])),
                "person": row["resident_name"] or row["applicant_name"],
                "status": Markup('<span class="badge badge-{}">{}</span>').format(
                    tone(row["status"]), label
                ),
                "submitted": local_day(row["submitted_at"]).strftime("%d-%m-%Y"),
                "age": f"{age_of(row, now)} hari kerja",
                "channel": "Daring" if row["channel"] == "online" else "Loket",
            }
        )
    return out


def action_links(
    rows: list[dict[str, Any]], cells: list[dict[str, Any]], actions: Any, link: Any
) -> None:
    """Add a ``actions`` cell to each of ``cells``: a link per action ``actions(row)`` allows,
    to that action's form on the request's page, where the files are looked at first."""
    for row, cell in zip(rows, cells, strict=True):
        cell["actions"] = Markup(" ").join(
            _ACTION_LINK.format(link(row), action, REQUEST_LIFECYCLE.label(action))
            for action in actions(row)
        )


def checklist_row(item: ChecklistItem, names: Mapping[str, str], village: str) -> dict[str, Any]:
    """One checklist line: uploaded, original seen (by whom, when), missing or optional."""
    if item.uploaded:
        state = "uploaded"
    elif item.seen:
        state = "seen"
    else:
        state = "missing" if item.required else "absent"
    return {
        "label": item.label,
        "required": item.required,
        "files": item.files,
        "state": state,
        "seen_by": names.get(item.seen_by, item.seen_by),
        "seen_at": local_clock(item.seen_at) if item.seen_at else "",
    }


@dataclass(frozen=True, slots=True)
class ActionView:
    key: str
    label: str
    url: str
    fields: tuple[tuple[str, str, str, Any], ...]
    originals: tuple[ChecklistItem, ...] = ()
    """Required documents still missing, each offered as "dokumen asli sudah dilihat"."""
    confirm: bool = False
    """The button asks for confirmation on the next page before the action is taken."""
    danger: bool = False


async def detail_context(
    request_row: dict[str, Any],
    now: dt.datetime,
    actions: list[str],
    action_base: str,
    download_base: str | None,
) -> dict[str, Any]:
    """The request, its checklist, its history and the actions offered."""
    request_id = request_row["id"]
    checklist = await load_checklist(request_row)
    missing = tuple(item for item in checklist if item.missing)
    names = await actor_names([item.seen_by for item in checklist if item.seen])
    details = json_dict(request_row["payload"])
    detail_rows = [
        (spec.label, detail_value(spec.type, str(details.get(spec.key, ""))))
        for spec in DETAIL_FIELDS.get(request_row["kind"], ())
    ]
    village = request_row["village_code"]
    return {
        "req": request_row,
        "kind_title": _(kind_title(request_row["kind"])),
        "status_label": REQUEST_LIFECYCLE.label(request_row["status"]),
        "status_tone": tone(request_row["status"]),
        "age": age_of(request_row, now),
        "submitted_at": local_clock(request_row["submitted_at"]),
        "resident_nik_masked": mask_nik(request_row["resident_nik"] or ""),
        "details": detail_rows,
        "checklist": [checklist_row(item, names, village) for item in checklist],
        "missing": missing,
        "max_rating": MAX_RATING,
        "history": await load_history(request_row),
        "download_base": download_base,
        "actions": [
            ActionView(
                a,
                REQUEST_LIFECYCLE.label(a),
                f"{action_base}/{request_id}/aksi/{a}",
                ACTION_FIELDS.get(a, ()),
                missing if a in GUARDED_ACTIONS else (),
                a in CONFIRM_ACTIONS,
                a in DANGER_ACTIONS,
            )
            for a in actions
        ],
        "viewer_note": None,
        "errors": {},
        "values": {},
        "failed_action": None,
    }
