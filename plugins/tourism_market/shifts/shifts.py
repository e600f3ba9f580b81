"""A cashier's shift: opened with a float, closed with the cash counted by denomination, and
approved by a supervisor, who books the difference to the imbalance account and takes the cash.

The count is recorded at close; nothing is booked until approval, so a supervisor who sends the
count back for a recount leaves the ledger untouched. A shift's status is replayed from its steps.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from core.i18n import _
from core.workflow import Lifecycle, RequiredText, WorkflowError
from plugins.tourism_market.ledger import operations as ops
from plugins.tourism_market.ledger.accounts import balance, drawer_key
from plugins.tourism_market.ledger.operations import Till
from plugins.tourism_market.market_days.days import require_open
from plugins.tourism_market.tables import Booth, MarketDay, Shift, ShiftStep

OPENED, COUNTED, APPROVED = "opened", "counted", "approved"

SHIFT_LIFECYCLE = Lifecycle(
    name="tourism_market.shift",
    initial=OPENED,
    transitions={
        (OPENED, "close"): COUNTED,
        (COUNTED, "approve"): APPROVED,
        (COUNTED, "send_back"): OPENED,
    },
    labels={
        OPENED: "Buka",
        COUNTED: "Dihitung, menunggu persetujuan",
        APPROVED: "Disetujui",
        "close": "Tutup dan hitung kas",
        "approve": "Setujui",
        "send_back": "Kembalikan untuk dihitung ulang",
    },
    action_payload={"send_back": (RequiredText("note", "Alasan pengembalian"),)},
)

DENOMINATIONS = (100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100)
"""Rupiah notes and coins a drawer is counted in."""


class ShiftError(WorkflowError):
    """A shift action refused; the message is shown as it is."""


async def open_shift(
    market_day_id: int, booth_id: int, cashier: str, float_amount: int, now: datetime, key: str
) -> int:
    """Open a shift at a booth of an open market day, its float booked from the BUMDes safe."""
    if isinstance(float_amount, bool) or not isinstance(float_amount, int) or float_amount < 0:
        raise ShiftError(_("Modal laci harus bilangan bulat, nol atau lebih."))
    await require_open(market_day_id)
    day = await MarketDay.select(MarketDay.market).where(MarketDay.id == market_day_id).first()
    booth = await Booth.select(Booth.market).where(Booth.id == booth_id).first()
    if booth is None or booth["market"] != day["market"]:
        raise ShiftError(_("Loket tidak ditemukan di pasar ini."))
    for other in await Shift.select(Shift.id).where(
        (Shift.booth == booth_id) & (Shift.market_day == market_day_id)
    ):
        if await shift_status(other["id"]) != APPROVED:
            raise ShiftError(_("Loket ini masih punya shift yang belum disetujui tutupnya."))
    rows = await Shift.insert(
        Shift(
            market_day=market_day_id,
            booth=booth_id,
            cashier=cashier,
            float_amount=float_amount,
            opened_at=now,
        )
    ).returning(Shift.id)
    shift_id = int(rows[0]["id"])
    till = Till(day["market"], market_day_id, shift_id, cashier, now)
    await ops.open_float(till, float_amount, key)
    return shift_id


async def shift_row(shift_id: int) -> dict[str, object]:
    market = Shift.market_day.market
    row = (
        await Shift.select(
            *Shift.all_columns(),
            market.as_alias("market"),
            market.token_value.as_alias("token_value"),
            market.fee_mode.as_alias("fee_mode"),
            market.fee_value.as_alias("fee_value"),
        )
        .where(Shift.id == shift_id)
        .first()
    )
    if row is None:
        raise ShiftError(_("Shift tidak ditemukan."))
    return row


async def shift_status(shift_id: int) -> str:
    actions = (
        await ShiftStep.select(ShiftStep.action)
        .where(ShiftStep.shift == shift_id)
        .order_by(ShiftStep.id)
        .output(as_list=True)
    )
    return SHIFT_LIFECYCLE.derive(actions)


async def till(shift_id: int, actor: str, now: datetime) -> Till:
    """The till of an open shift, for its own cashier only."""
    row = await shift_row(shift_id)
    if row["cashier"] != actor:
        raise ShiftError(_("Shift ini milik kasir lain."))
    if await shift_status(shift_id) != OPENED:
        raise ShiftError(_("Shift sudah ditutup; buka shift baru untuk bertransaksi."))
    terms = {key: row[key] for key in ("token_value", "fee_mode", "fee_value")}
    return Till(int(row["market"]), int(row["market_day"]), shift_id, actor, now, terms)


def counted_total(counts: Mapping[int, int]) -> int:
    """Rupiah in a count of pieces by denomination; refuses an unknown note or a negative count."""
    total = 0
    for value, pieces in counts.items():
        if value not in DENOMINATIONS:
            raise ShiftError(_("Pecahan Rp{value} tidak dikenal.").format(value=value))
        if isinstance(pieces, bool) or not isinstance(pieces, int) or pieces < 0:
            raise ShiftError(
                _("Jumlah lembar/keping Rp{value} harus bilangan bulat, nol atau lebih.").format(
                    value=value
                )
            )
        total += value * pieces
    return total


async def close_shift(
    shift_id: int, counts: Mapping[int, int], note: str, actor: str, now: datetime
) -> tuple[int, int]:
    """Record the cashier's count; (counted, expected). A difference needs the cashier's note."""
    row = await shift_row(shift_id)
    if row["cashier"] != actor:
        raise ShiftError(_("Hanya kasir shift ini yang menutupnya."))
    status = await shift_status(shift_id)
    SHIFT_LIFECYCLE.next_state(status, "close")
    counted = counted_total(counts)
    expected = await balance(int(row["market"]), drawer_key(shift_id))
    if counted != expected and not note.strip():
        raise ShiftError(
            f"Kas terhitung Rp{counted:,} berbeda dari seharusnya Rp{expected:,}: "
            "tulis keterangan selisihnya.".replace(",", ".")
        )
    await ShiftStep.insert(
        ShiftStep(
            shift=shift_id,
            action="close",
            counted=counted,
            expected=expected,
            denominations={str(value): pieces for value, pieces in counts.items() if pieces},
            note=note.strip(),
            actor=actor,
            at=now,
        )
    )
    return counted, expected


async def last_count(shift_id: int) -> dict[str, object] | None:
    return (
        await ShiftStep.select()
        .where((ShiftStep.shift == shift_id) & (ShiftStep.action == "close"))
        .order_by(ShiftStep.id, ascending=False)
        .first()
    )


async def review_shift(
    shift_id: int, action: str, supervisor: str, now: datetime, note: str = ""
) -> str:
    """A supervisor approves the count (booking difference and hand-over) or sends it back."""
    row = await shift_row(shift_id)
    if row["cashier"] == supervisor:
        raise ShiftError(_("Kasir tidak boleh menyetujui tutup shiftnya sendiri."))
    errors = SHIFT_LIFECYCLE.validate_payload(action, {"note": note})
    if errors:
        raise ShiftError(next(iter(errors.values())))
    status = SHIFT_LIFECYCLE.next_state(await shift_status(shift_id), action)
    if action == "approve":
        count = await last_count(shift_id)
        till_ = Till(int(row["market"]), int(row["market_day"]), shift_id, supervisor, now)
        await ops.settle_drawer(till_, int(count["counted"]), f"shift-{shift_id}-settle")
    await ShiftStep.insert(
        ShiftStep(shift=shift_id, action=action, note=note.strip(), actor=supervisor, at=now)
    )
    return status


async def day_shifts(market_day_id: int) -> list[dict[str, object]]:
    """The day's shifts with their status, booth and, once counted, the count."""
    rows = (
        await Shift.select(*Shift.all_columns(), Shift.booth.name.as_alias("booth_name"))
        .where(Shift.market_day == market_day_id)
        .order_by(Shift.id)
    )
    for row in rows:
        row["status"] = await shift_status(row["id"])
        row["status_label"] = SHIFT_LIFECYCLE.label(row["status"])
        row["count"] = await last_count(row["id"])
    return rows
