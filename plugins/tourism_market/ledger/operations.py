"""The market's money operations, each one balanced entry: what a booth, the gate and the
manager do with rupiah and tokens.

Token amounts are whole token units (the smallest piece, `Market.token_value` rupiah each), so a
token's rupiah value is always an exact integer. The BUMDes fee on a redemption is either a
percentage of the tokens' value, rounded down to the rupiah in the vendor's favour, or a fixed
amount per stall and market day, taken from the first redemption of that day (never more than it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from core.i18n import N_, _
from plugins.tourism_market.ledger.accounts import (
    FEE_INCOME,
    IMBALANCE,
    PARKING_CASH,
    PARKING_INCOME,
    SAFE,
    TOKENS_OUT,
    balance,
    drawer_key,
    vendor_key,
)
from plugins.tourism_market.ledger.postings import Booked, LedgerError, Leg, Operation, book
from plugins.tourism_market.tables import JournalEntry, Market, Posting

SELL = "sell"
REFUND = "refund"
REDEEM = "redeem"
FLOAT = "float"
HANDOVER = "handover"
SHORTAGE = "shortage"
SURPLUS = "surplus"
PARKING = "parking"

KIND_LABELS = {
    SELL: N_("Penjualan koin"),
    REFUND: N_("Pengembalian koin"),
    REDEEM: N_("Penukaran koin pedagang"),
    FLOAT: N_("Modal laci"),
    HANDOVER: N_("Setoran ke kas BUMDes"),
    SHORTAGE: N_("Kekurangan kas"),
    SURPLUS: N_("Kelebihan kas"),
    PARKING: N_("Parkir"),
}


@dataclass(frozen=True)
class Till:
    """Where and by whom an operation is made: a market, its day, a cashier's shift."""

    market_id: int
    market_day: int | None
    shift: int | None
    actor: str
    now: datetime
    terms: dict[str, int | str] | None = None
    """The market's token value and fee, when whoever made the till read them already."""

    def operation(self, kind: str, key: str, amount: int, **extra: object) -> Operation:
        return Operation(
            market_id=self.market_id,
            kind=kind,
            key=key,
            amount=amount,
            actor=self.actor,
            now=self.now,
            market_day=self.market_day,
            shift=self.shift,
            **extra,  # type: ignore[arg-type]
        )


async def terms_of(till: Till) -> dict[str, int | str]:
    return till.terms if till.terms is not None else await market_terms(till.market_id)


async def market_terms(market_id: int) -> dict[str, int | str]:
    row = (
        await Market.select(
            Market.token_value, Market.fee_mode, Market.fee_value, Market.parking_fee
        )
        .where(Market.id == market_id)
        .first()
    )
    if row is None:
        raise LedgerError(_("Pasar tidak ditemukan."))
    return row


def _positive_tokens(tokens: object) -> int:
    if isinstance(tokens, bool) or not isinstance(tokens, int) or tokens <= 0:
        raise LedgerError(_("Jumlah koin harus bilangan bulat lebih dari nol."))
    return tokens


def _drawer(till: Till) -> str:
    if till.shift is None:
        raise LedgerError(_("Operasi ini hanya dari loket dengan shift yang terbuka."))
    return drawer_key(till.shift)


async def sell_tokens(till: Till, tokens: int, key: str, note: str = "") -> Booked:
    """A visitor pays rupiah for tokens: cash into the drawer, tokens out. `note` marks a sale
    of a QR voucher (`ledger.vouchers`) instead of coins."""
    value = _positive_tokens(tokens) * int((await terms_of(till))["token_value"])
    legs = [Leg(_drawer(till), TOKENS_OUT, value)]
    return await book(till.operation(SELL, key, value, tokens=tokens, note=note), legs)


async def refund_tokens(till: Till, tokens: int, key: str) -> Booked:
    """A visitor brings unspent tokens back: tokens in, cash out of the drawer."""
    value = _positive_tokens(tokens) * int((await terms_of(till))["token_value"])
    legs = [Leg(TOKENS_OUT, _drawer(till), value)]
    return await book(till.operation(REFUND, key, value, tokens=tokens), legs)


async def redeem_tokens(
    till: Till, vendor_id: int, vendor_name: str, tokens: int, key: str
) -> Booked:
    """A vendor turns in collected tokens: their takings, less the BUMDes fee, paid in cash."""
    terms = await terms_of(till)
    value = _positive_tokens(tokens) * int(terms["token_value"])
    fee = await _fee(till, vendor_id, value, terms)
    vendor = vendor_key(vendor_id)
    legs = [Leg(TOKENS_OUT, vendor, value)]
    if fee:
        legs.append(Leg(vendor, FEE_INCOME, fee))
    if value - fee:
        legs.append(Leg(vendor, _drawer(till), value - fee))
    operation = till.operation(REDEEM, key, value, tokens=tokens, vendor=vendor_id)
    return await book(operation, legs, {vendor: f"Pedagang: {vendor_name}"})


async def _fee(till: Till, vendor_id: int, value: int, terms: dict[str, int | str]) -> int:
    rate = int(terms["fee_value"])
    if terms["fee_mode"] == "percent":
        return value * rate // 100
    charged = await fee_charged(till.market_id, till.market_day, vendor_id)
    return max(0, min(rate - charged, value))


async def fee_charged(market_id: int, market_day: int | None, vendor_id: int) -> int:
    """The fee already taken from a vendor's redemptions of this market day."""
    rows = await Posting.select(Posting.amount, Posting.entry.reverses).where(
        (Posting.entry.market == market_id)
        & (Posting.entry.market_day == market_day)
        & (Posting.entry.vendor == vendor_id)
        & (Posting.credit.key == FEE_INCOME)
    )
    return sum(row["amount"] * (-1 if row["entry.reverses"] else 1) for row in rows)


async def open_float(till: Till, amount: int, key: str) -> Booked:
    """The BUMDes gives a shift its starting cash (may be nothing)."""
    if amount == 0:
        return Booked(0, created=False)
    return await book(till.operation(FLOAT, key, amount), [Leg(_drawer(till), SAFE, amount)])


async def settle_drawer(till: Till, counted: int, key: str) -> list[Booked]:
    """At an approved shift close: book the difference to imbalance, hand the counted cash over.

    Afterwards the drawer is empty and what the cashier counted is in the BUMDes safe.
    """
    drawer = _drawer(till)
    expected = await balance(till.market_id, drawer)
    booked = []
    if counted < expected:
        leg = Leg(IMBALANCE, drawer, expected - counted)
        booked.append(await book(till.operation(SHORTAGE, key + "-d", expected - counted), [leg]))
    elif counted > expected:
        leg = Leg(drawer, IMBALANCE, counted - expected)
        booked.append(await book(till.operation(SURPLUS, key + "-d", counted - expected), [leg]))
    if counted:
        leg = Leg(SAFE, drawer, counted)
        booked.append(await book(till.operation(HANDOVER, key + "-h", counted), [leg]))
    return booked


async def record_parking(till: Till, vehicles: int, fee: int, key: str) -> Booked:
    """Parking money collected at the gate: into the parking cash, as parking income."""
    amount = vehicles * fee
    if amount <= 0:
        raise LedgerError(_("Jumlah kendaraan harus lebih dari nol."))
    return await book(
        till.operation(PARKING, key, amount), [Leg(PARKING_CASH, PARKING_INCOME, amount)]
    )


async def reverse(till: Till, entry_id: int, key: str, note: str) -> Booked:
    """Undo an entry with its mirror image; the original stays as it was."""
    if not note.strip():
        raise LedgerError(_("Alasan koreksi wajib diisi."))
    retried = (
        await JournalEntry.select(JournalEntry.id)
        .where(JournalEntry.idempotency_key == key)
        .first()
    )
    if retried is not None:
        return Booked(int(retried["id"]), created=False)
    original = await JournalEntry.select().where(JournalEntry.id == entry_id).first()
    if original is None or original["market"] != till.market_id:
        raise LedgerError(_("Transaksi yang dikoreksi tidak ditemukan."))
    if original["reverses"] is not None:
        raise LedgerError(_("Koreksi tidak dapat dikoreksi lagi; buat transaksi baru."))
    already = await JournalEntry.exists().where(JournalEntry.reverses == entry_id)
    if already:
        raise LedgerError(_("Transaksi ini sudah dikoreksi."))
    postings = await Posting.select(Posting.debit.key, Posting.credit.key, Posting.amount).where(
        Posting.entry == entry_id
    )
    legs = [Leg(row["credit.key"], row["debit.key"], row["amount"]) for row in postings]
    operation = Operation(
        market_id=till.market_id,
        kind=original["kind"],
        key=key,
        amount=original["amount"],
        actor=till.actor,
        now=till.now,
        tokens=original["tokens"],
        market_day=original["market_day"],
        shift=original["shift"],
        vendor=original["vendor"],
        reverses=entry_id,
        note=note.strip(),
    )
    return await book(operation, legs)
