"""A vendor from registration to approval (or refusal) and suspension, and their takings.

A vendor is a resident: where the village uses the population plugin, the manager picks the
resident and the name comes from the register (through population's public read API only);
elsewhere the name is typed. Status is replayed from the vendor's steps.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from core.i18n import N_, _
from core.workflow import Lifecycle, RequiredText, WorkflowError
from plugins.tourism_market.ledger.operations import REDEEM
from plugins.tourism_market.tables import JournalEntry, Posting, Vendor, VendorStep

PENDING, APPROVED, REJECTED, SUSPENDED = "pending", "approved", "rejected", "suspended"

VENDOR_LIFECYCLE = Lifecycle(
    name="tourism_market.vendor",
    initial=PENDING,
    transitions={
        (PENDING, "approve"): APPROVED,
        (PENDING, "reject"): REJECTED,
        (APPROVED, "suspend"): SUSPENDED,
        (SUSPENDED, "reinstate"): APPROVED,
    },
    labels={
        PENDING: "Menunggu persetujuan",
        APPROVED: "Disetujui",
        REJECTED: "Ditolak",
        SUSPENDED: "Dibekukan",
        "approve": "Setujui",
        "reject": "Tolak",
        "suspend": "Bekukan",
        "reinstate": "Aktifkan lagi",
    },
    action_payload={
        "reject": (RequiredText("note", "Alasan penolakan"),),
        "suspend": (RequiredText("note", "Alasan pembekuan"),),
    },
)

CATEGORIES = (
    ("makanan", N_("Makanan")),
    ("minuman", N_("Minuman")),
    ("jajanan", N_("Jajanan pasar")),
    ("hasil_tani", N_("Hasil tani")),
    ("kerajinan", N_("Kerajinan")),
    ("mainan", N_("Mainan")),
    ("lainnya", N_("Lainnya")),
)
PHONE = re.compile(r"^(\+62|0)8\d{7,12}$")


class VendorError(WorkflowError):
    """A vendor action refused; the message is shown as it is."""


@dataclass(frozen=True)
class Registration:
    name: str
    stall_name: str
    category: str
    phone: str
    resident_id: int | None = None
    username: str = ""


def parse_registration(
    data: dict[str, str], resident: Any | None
) -> tuple[Registration | None, dict[str, str]]:
    """A registration from a form; `resident` (population's PersonFacts) supplies the name."""
    errors: dict[str, str] = {}
    name = resident.name if resident is not None else (data.get("name") or "").strip()
    if not name:
        errors["name"] = _("Nama pedagang wajib diisi (atau pilih warga).")
    elif len(name) > 100:
        errors["name"] = _("Nama pedagang paling banyak 100 karakter.")
    stall_name = (data.get("stall_name") or "").strip()
    if not stall_name or len(stall_name) > 100:
        errors["stall_name"] = _("Nama lapak wajib diisi, paling banyak 100 karakter.")
    category = data.get("category") or ""
    if category not in dict(CATEGORIES):
        errors["category"] = _("Pilih jenis dagangan.")
    phone = re.sub(r"[\s-]", "", data.get("phone") or "")
    if phone and not PHONE.match(phone):
        errors["phone"] = _("Nomor HP diawali 08 atau +628, 10–15 angka.")
    username = (data.get("username") or "").strip()
    if len(username) > 64:
        errors["username"] = _("Nama akun paling banyak 64 karakter.")
    if errors:
        return None, errors
    resident_id = resident.id if resident is not None else None
    return Registration(name, stall_name, category, phone, resident_id, username), {}


async def register(market_id: int, registration: Registration, now: datetime) -> int:
    if registration.resident_id is not None:
        taken = await Vendor.exists().where(
            (Vendor.market == market_id) & (Vendor.resident_id == registration.resident_id)
        )
        if taken:
            raise VendorError(_("Warga ini sudah terdaftar sebagai pedagang pasar ini."))
    rows = await Vendor.insert(
        Vendor(market=market_id, created_at=now, **registration.__dict__)
    ).returning(Vendor.id)
    return int(rows[0]["id"])


async def vendor_status(vendor_id: int) -> str:
    actions = (
        await VendorStep.select(VendorStep.action)
        .where(VendorStep.vendor == vendor_id)
        .order_by(VendorStep.id)
        .output(as_list=True)
    )
    return VENDOR_LIFECYCLE.derive(actions)


async def statuses(market_id: int) -> dict[int, str]:
    """Every vendor's status in one query, for lists."""
    steps = (
        await VendorStep.select(VendorStep.vendor, VendorStep.action)
        .where(VendorStep.vendor.market == market_id)
        .order_by(VendorStep.id)
    )
    history: dict[int, list[str]] = defaultdict(list)
    for step in steps:
        history[step["vendor"]].append(step["action"])
    ids = await Vendor.select(Vendor.id).where(Vendor.market == market_id).output(as_list=True)
    return {vendor: VENDOR_LIFECYCLE.derive(history.get(vendor, [])) for vendor in ids}


async def act(vendor_id: int, action: str, actor: str, now: datetime, note: str = "") -> str:
    errors = VENDOR_LIFECYCLE.validate_payload(action, {"note": note})
    if errors:
        raise VendorError(next(iter(errors.values())))
    status = VENDOR_LIFECYCLE.next_state(await vendor_status(vendor_id), action)
    await VendorStep.insert(
        VendorStep(vendor=vendor_id, action=action, note=note.strip(), actor=actor, at=now)
    )
    return status


async def vendors(market_id: int) -> list[dict[str, Any]]:
    rows = await Vendor.select().where(Vendor.market == market_id).order_by(Vendor.stall_name)
    status = await statuses(market_id)
    for row in rows:
        row["status"] = status[row["id"]]
        row["status_label"] = VENDOR_LIFECYCLE.label(row["status"])
    return rows


async def vendor_of_user(username: str) -> list[dict[str, Any]]:
    """The vendors a market_vendor account stands for (one per market they sell at)."""
    return await Vendor.select().where(Vendor.username == username)


async def takings_by_day(vendor_id: int) -> list[dict[str, Any]]:
    """A vendor's redemptions per market day, newest first: tokens, rupiah, fee, paid out."""
    entries = await JournalEntry.select(
        JournalEntry.id,
        JournalEntry.tokens,
        JournalEntry.amount,
        JournalEntry.reverses,
        JournalEntry.market_day.day.as_alias("day"),
    ).where((JournalEntry.vendor == vendor_id) & (JournalEntry.kind == REDEEM))
    fees = await Posting.select(Posting.entry, Posting.amount).where(
        (Posting.entry.vendor == vendor_id)
        & ((Posting.credit.key == "fee_income") | (Posting.debit.key == "fee_income"))
    )
    fee_of = {row["entry"]: row["amount"] for row in fees}
    days: dict[Any, dict[str, Any]] = {}
    for entry in entries:
        sign = -1 if entry["reverses"] else 1
        day = days.setdefault(
            entry["day"], {"day": entry["day"], "tokens": 0, "rupiah": 0, "fee": 0}
        )
        day["tokens"] += sign * entry["tokens"]
        day["rupiah"] += sign * entry["amount"]
        day["fee"] += sign * fee_of.get(entry["id"], 0)
    rows = sorted(days.values(), key=lambda row: row["day"], reverse=True)
    for row in rows:
        row["paid"] = row["rupiah"] - row["fee"]
    return rows
