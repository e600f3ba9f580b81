"""A market day from planned to closed: its lifecycle, the gate's visitor tally, parking.

A day's row is made when the manager first acts on it (opens it, cancels it, or announces a
special edition); its status is replayed from its steps, never stored.
"""

from __future__ import annotations

from datetime import date, datetime

from core.i18n import _
from core.workflow import Lifecycle, RequiredText, WorkflowError
from plugins.tourism_market.pasaran.schedule import parse_schedule
from plugins.tourism_market.pasaran.weton import Weton
from plugins.tourism_market.tables import GateTally, Market, MarketDay, MarketDayStep

PLANNED, OPEN, CLOSED, CANCELLED = "planned", "opened", "closed", "cancelled"

DAY_LIFECYCLE = Lifecycle(
    name="tourism_market.day",
    initial=PLANNED,
    transitions={
        (PLANNED, "open"): OPEN,
        (PLANNED, "cancel"): CANCELLED,
        (OPEN, "close"): CLOSED,
        (OPEN, "cancel"): CANCELLED,
        (CANCELLED, "reinstate"): PLANNED,
    },
    labels={
        PLANNED: "Direncanakan",
        OPEN: "Buka",
        CLOSED: "Ditutup",
        CANCELLED: "Batal",
        "open": "Buka pasar",
        "close": "Tutup pasar",
        "cancel": "Batalkan",
        "reinstate": "Adakan lagi",
    },
    action_payload={"cancel": (RequiredText("note", "Alasan pembatalan"),)},
)


class MarketDayError(WorkflowError):
    """A market-day action refused; the message is shown as it is."""


async def day_row(market_id: int, day: date) -> dict[str, object] | None:
    return (
        await MarketDay.select()
        .where((MarketDay.market == market_id) & (MarketDay.day == day))
        .first()
    )


async def ensure_day(
    market_id: int, day: date, now: datetime, *, special: bool = False, note: str = ""
) -> int:
    """The market day's id, made on first use; a date off the schedule must be a special edition."""
    existing = await day_row(market_id, day)
    if existing is not None:
        return int(existing["id"])
    market = await Market.select().where(Market.id == market_id).first()
    if market is None:
        raise MarketDayError(_("Pasar tidak ditemukan."))
    on_schedule = Weton.of(day) in parse_schedule(str(market["schedule"]))
    if not on_schedule and not special:
        raise MarketDayError(
            _(
                "{indonesian} bukan hari pasar menurut jadwal ({schedule}); tandai sebagai edisi "
                "khusus."
            ).format(indonesian=Weton.of(day).indonesian, schedule=market["schedule"])
        )
    rows = await MarketDay.insert(
        MarketDay(
            market=market_id,
            day=day,
            special="y" if special and not on_schedule else "",
            opens_at=market["opens_at"],
            closes_at=market["closes_at"],
            note=note.strip()[:200],
            created_at=now,
        )
    ).returning(MarketDay.id)
    return int(rows[0]["id"])


async def day_status(market_day_id: int) -> str:
    actions = (
        await MarketDayStep.select(MarketDayStep.action)
        .where(MarketDayStep.market_day == market_day_id)
        .order_by(MarketDayStep.id)
        .output(as_list=True)
    )
    return DAY_LIFECYCLE.derive(actions)


async def act(market_day_id: int, action: str, actor: str, now: datetime, note: str = "") -> str:
    """Take `action` on the day if its lifecycle allows it; the new status."""
    errors = DAY_LIFECYCLE.validate_payload(action, {"note": note})
    if errors:
        raise MarketDayError(next(iter(errors.values())))
    status = DAY_LIFECYCLE.next_state(await day_status(market_day_id), action)
    await MarketDayStep.insert(
        MarketDayStep(
            market_day=market_day_id, action=action, note=note.strip(), actor=actor, at=now
        )
    )
    return status


async def require_open(market_day_id: int) -> None:
    status = await day_status(market_day_id)
    if status != OPEN:
        raise MarketDayError(
            _("Pasar berstatus '{status}': hanya pasar yang buka dapat dicatat.").format(
                status=DAY_LIFECYCLE.label(status)
            )
        )


async def count_visitors(
    market_day_id: int, visitors: int, actor: str, now: datetime, note: str = ""
) -> int:
    """Add visitors counted at the gate (negative, with a note, corrects a miscount); the total."""
    if isinstance(visitors, bool) or not isinstance(visitors, int) or visitors == 0:
        raise MarketDayError(_("Jumlah pengunjung harus bilangan bulat, bukan nol."))
    await require_open(market_day_id)
    total = await visitor_total(market_day_id)
    if visitors < 0 and not note.strip():
        raise MarketDayError(_("Koreksi hitungan pengunjung wajib diberi keterangan."))
    if total + visitors < 0:
        raise MarketDayError(
            _("Koreksi melebihi jumlah pengunjung tercatat ({total}).").format(total=total)
        )
    await GateTally.insert(
        GateTally(
            market_day=market_day_id,
            visitors=visitors,
            note=note.strip()[:200],
            actor=actor,
            at=now,
        )
    )
    return total + visitors


async def visitor_total(market_day_id: int) -> int:
    rows = await GateTally.select(GateTally.visitors).where(GateTally.market_day == market_day_id)
    return sum(row["visitors"] for row in rows)
