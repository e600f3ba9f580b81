"""The market's tables, each a `TenantTable`: the core scopes every query to the request's village.

Histories (a market day's or a shift's steps, journal entries and their postings, gate tallies)
are `@insert_only`: what happened is never rewritten, and a status is replayed from its steps.
The one figure updated in place is `Account.balance`, a running total the ledger keeps beside
the postings so the database can refuse an overdraft (its bounds are CHECK constraints) and so
concurrent booths queue on the account's row; the reconciliation report proves it equals the sum
of the postings. Constraints Piccolo cannot declare are added by the second migration.
"""

from __future__ import annotations

from piccolo.columns import (
    JSON,
    BigInt,
    Date,
    ForeignKey,
    Integer,
    OnDelete,
    Text,
    Timestamptz,
    Varchar,
)

from core.db import TenantTable
from core.db.insert_only import insert_only


class Market(TenantTable, tablename="tourism_market_market"):
    """A village's tourism market, its schedule on the Javanese calendar and its token money."""

    name = Varchar(length=100)
    schedule = Varchar(length=200)
    """Wetons, as the manager wrote them: "Minggu Legi dan Minggu Pahing"."""
    opens_at = Varchar(length=5, default="06:00")
    closes_at = Varchar(length=5, default="11:00")
    token_value = Integer(default=2000)
    """Rupiah of one token unit (the smallest piece); every token amount is a multiple of it."""
    denominations = Varchar(length=50, default="1")
    """Pieces in circulation, in token units: "1" for one coin, "1,2,5,10" for several."""
    parking_fee = Integer(default=2000)
    fee_mode = Varchar(length=10, default="percent")
    """"percent" of a vendor's takings, or "fixed" rupiah per stall and market day."""
    fee_value = Integer(default=0)
    created_at = Timestamptz()


class MarketDay(TenantTable, tablename="tourism_market_day"):
    """A date the market opens (by its rule or as a special edition) or is cancelled."""

    market = ForeignKey(Market, null=False, on_delete=OnDelete.restrict, index=True)
    day = Date(index=True)
    special = Varchar(length=1, default="")
    """"y" for a special edition outside the schedule."""
    opens_at = Varchar(length=5)
    closes_at = Varchar(length=5)
    note = Varchar(length=200, default="")
    """What visitors read about the day: "Edisi khusus HUT RI", "Pentas kesenian"."""
    created_at = Timestamptz()


@insert_only
class MarketDayStep(TenantTable, tablename="tourism_market_day_step"):
    """One action on a market day (open, close, cancel) with its note; the day's status."""

    market_day = ForeignKey(MarketDay, null=False, on_delete=OnDelete.restrict, index=True)
    action = Varchar(length=20)
    note = Text(default="")
    actor = Varchar(length=64)
    at = Timestamptz()


@insert_only
class GateTally(TenantTable, tablename="tourism_market_gate_tally"):
    """Visitors counted at the gate; a miscount is corrected with a negative tally and a note."""

    market_day = ForeignKey(MarketDay, null=False, on_delete=OnDelete.restrict, index=True)
    visitors = Integer()
    note = Varchar(length=200, default="")
    actor = Varchar(length=64)
    at = Timestamptz()


class Booth(TenantTable, tablename="tourism_market_booth"):
    """A loket where cashiers exchange money and tokens."""

    market = ForeignKey(Market, null=False, on_delete=OnDelete.restrict, index=True)
    name = Varchar(length=50)


class Vendor(TenantTable, tablename="tourism_market_vendor"):
    """A resident who sells at the market; approval and suspension are its steps."""

    market = ForeignKey(Market, null=False, on_delete=OnDelete.restrict, index=True)
    resident_id = Integer(null=True, default=None)
    """The population plugin's resident, when the village uses it; else entered by hand."""
    name = Varchar(length=100)
    stall_name = Varchar(length=100)
    category = Varchar(length=30)
    phone = Varchar(length=20, default="")
    username = Varchar(length=64, default="", index=True)
    """The staff account (role market_vendor) that sees this vendor's own page."""
    created_at = Timestamptz()


@insert_only
class VendorStep(TenantTable, tablename="tourism_market_vendor_step"):
    """Register, approve, reject, suspend, reinstate: a vendor's history."""

    vendor = ForeignKey(Vendor, null=False, on_delete=OnDelete.restrict, index=True)
    action = Varchar(length=20)
    note = Text(default="")
    actor = Varchar(length=64)
    at = Timestamptz()


class Stall(TenantTable, tablename="tourism_market_stall"):
    """A numbered place on the market's plan."""

    market = ForeignKey(Market, null=False, on_delete=OnDelete.restrict, index=True)
    number = Integer()
    zone = Varchar(length=50, default="")


class StallAssignment(TenantTable, tablename="tourism_market_stall_assignment"):
    """A stall given to a vendor from one date to another (one market day, or a season)."""

    stall = ForeignKey(Stall, null=False, on_delete=OnDelete.restrict, index=True)
    vendor = ForeignKey(Vendor, null=False, on_delete=OnDelete.restrict, index=True)
    starts_on = Date()
    ends_on = Date()
    actor = Varchar(length=64)
    at = Timestamptz()


class PriceItem(TenantTable, tablename="tourism_market_price_item"):
    """What a vendor sells and its price in tokens, for the public page."""

    vendor = ForeignKey(Vendor, null=False, on_delete=OnDelete.restrict, index=True)
    name = Varchar(length=100)
    price_tokens = Integer()


class Shift(TenantTable, tablename="tourism_market_shift"):
    """A cashier's turn at a booth on a market day, opened with a float of cash."""

    market_day = ForeignKey(MarketDay, null=False, on_delete=OnDelete.restrict, index=True)
    booth = ForeignKey(Booth, null=False, on_delete=OnDelete.restrict, index=True)
    cashier = Varchar(length=64)
    float_amount = BigInt()
    opened_at = Timestamptz()


@insert_only
class ShiftStep(TenantTable, tablename="tourism_market_shift_step"):
    """Close (with the count), approve or send back: a shift's history."""

    shift = ForeignKey(Shift, null=False, on_delete=OnDelete.restrict, index=True)
    action = Varchar(length=20)
    counted = BigInt(null=True, default=None)
    expected = BigInt(null=True, default=None)
    denominations = JSON(default="{}")
    """Counted pieces by banknote or coin value: {"50000": 3, "2000": 10}."""
    note = Text(default="")
    actor = Varchar(length=64)
    at = Timestamptz()


class Account(TenantTable, tablename="tourism_market_account"):
    """One account of a market's ledger: a drawer, the tokens out, a vendor, an income…

    `balance` is debit-positive (cash held is positive; what the BUMDes owes, tokens out or a
    vendor's takings, is negative). `min_balance`/`max_balance` are the bounds the database holds
    it to: a drawer cannot pay out cash it does not have, a refund cannot exceed the tokens out.
    """

    market = ForeignKey(Market, null=False, on_delete=OnDelete.restrict, index=True)
    key = Varchar(length=40)
    """Unique in the market: "tokens_out", "drawer:12" (a shift), "vendor:7", "fee_income"."""
    kind = Varchar(length=20)
    label = Varchar(length=120)
    balance = BigInt(default=0)
    min_balance = BigInt(null=True, default=None)
    max_balance = BigInt(null=True, default=None)


@insert_only
class JournalEntry(TenantTable, tablename="tourism_market_entry"):
    """One ledger operation (a sale of tokens, a refund, a redemption…), booked once.

    `idempotency_key` is generated by the till; a retried send finds the first entry instead of
    booking again (unique per village in the database). `reverses` names the entry a correction
    undoes; an entry is reversed at most once (a unique index).
    """

    market = ForeignKey(Market, null=False, on_delete=OnDelete.restrict, index=True)
    market_day = ForeignKey(MarketDay, null=True, default=None, on_delete=OnDelete.restrict)
    kind = Varchar(length=20, index=True)
    idempotency_key = Varchar(length=64)
    shift = ForeignKey(Shift, null=True, default=None, on_delete=OnDelete.restrict, index=True)
    vendor = ForeignKey(Vendor, null=True, default=None, on_delete=OnDelete.restrict, index=True)
    amount = BigInt()
    """The rupiah the operation is about (the tokens' value for an exchange)."""
    tokens = BigInt(default=0)
    """Token units moved (0 for cash-only operations)."""
    reverses = ForeignKey("self", null=True, default=None, on_delete=OnDelete.restrict)
    note = Varchar(length=200, default="")
    actor = Varchar(length=64)
    created_at = Timestamptz(index=True)


@insert_only
class ParkingTally(TenantTable, tablename="tourism_market_parking_tally"):
    """Vehicles parked and the fee charged each; the money is booked by the ledger entry."""

    market_day = ForeignKey(MarketDay, null=False, on_delete=OnDelete.restrict, index=True)
    vehicles = Integer()
    fee = Integer()
    entry = ForeignKey(JournalEntry, null=False, on_delete=OnDelete.restrict)
    actor = Varchar(length=64)
    at = Timestamptz()


@insert_only
class Posting(TenantTable, tablename="tourism_market_posting"):
    """One leg pair of an entry: `amount` moves from `credit` to `debit`.

    A posting always names both sides with one positive amount, so every entry's postings sum to
    zero by construction; the database refuses a missing side, a non-positive amount and an
    account posted against itself.
    """

    entry = ForeignKey(JournalEntry, null=False, on_delete=OnDelete.restrict, index=True)
    debit = ForeignKey(Account, null=False, on_delete=OnDelete.restrict, index=True)
    credit = ForeignKey(Account, null=False, on_delete=OnDelete.restrict, index=True)
    amount = BigInt()


TABLES = [
    Market,
    MarketDay,
    MarketDayStep,
    GateTally,
    ParkingTally,
    Booth,
    Vendor,
    VendorStep,
    Stall,
    StallAssignment,
    PriceItem,
    Shift,
    ShiftStep,
    Account,
    JournalEntry,
    Posting,
]
