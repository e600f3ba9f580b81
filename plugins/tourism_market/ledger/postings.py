"""Booking one entry: its postings, the accounts' balances, once per idempotency key.

`book` is the only way anything reaches the ledger. The entry is inserted first with
`ON CONFLICT DO NOTHING` on the till's key, so a retried send — even one racing the first on
another connection — finds the entry already booked and books nothing (on PostgreSQL the second
insert waits for the first transaction and then sees its row). Balances are then moved with one
guarded UPDATE per account, in one fixed order (no deadlock between booths): the UPDATE's WHERE
holds the account's bounds, so a refund larger than the tokens out matches no row and is refused,
and the row lock makes concurrent booths queue instead of both spending the same tokens.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from piccolo.columns.combination import WhereRaw

from core.i18n import _
from core.idempotency import valid_key
from plugins.tourism_market.ledger.accounts import account_ids, kind_of
from plugins.tourism_market.tables import Account, JournalEntry, Posting


class LedgerError(ValueError):
    """An operation the ledger refuses; the message is shown to the cashier as it is."""


@dataclass(frozen=True)
class Leg:
    """`amount` rupiah move from the `credit` account to the `debit` account."""

    debit: str
    credit: str
    amount: int


@dataclass(frozen=True)
class Booked:
    """The entry that holds an operation; `created` is False when a retry found it booked."""

    entry_id: int
    created: bool

    @property
    def receipt(self) -> str:
        """The number the cashier reads out and the visitor's receipt shows."""
        return f"PB-{self.entry_id:06d}"


@dataclass(frozen=True)
class Operation:
    """What an entry records besides its postings."""

    market_id: int
    kind: str
    key: str
    amount: int
    actor: str
    now: datetime
    tokens: int = 0
    market_day: int | None = None
    shift: int | None = None
    vendor: int | None = None
    reverses: int | None = None
    note: str = ""


SHARED = frozenset(
    {"tokens_out", "fee_income", "safe", "imbalance", "parking_cash", "parking_income"}
)
"""Accounts every booth posts to. Their rows are locked last, right before the commit, so a
booth holds them as briefly as it can; the fixed order (own accounts by id, then shared ones by
id) keeps two booths from waiting on each other in a cycle."""

BOUND_REFUSALS = {
    "drawer": "Uang di laci kas tidak cukup.",
    "tokens_out": "Jumlah koin melebihi koin yang beredar.",
    "vendor": "Saldo pedagang tidak cukup.",
    "parking_cash": "Uang kas parkir tidak cukup.",
}


def _whole(value: object, label: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise LedgerError(_("{label} harus bilangan bulat.").format(label=label))
    return value


def check_legs(legs: Sequence[Leg]) -> None:
    """Refuse what the database would refuse, with a message a cashier can read."""
    if not legs:
        raise LedgerError(_("Transaksi tanpa posting tidak dapat dibukukan."))
    for leg in legs:
        if _whole(leg.amount, "Jumlah") <= 0:
            raise LedgerError(_("Jumlah setiap posting harus lebih dari nol."))
        if leg.debit == leg.credit:
            raise LedgerError(_("Debit dan kredit tidak boleh akun yang sama."))


async def book(
    operation: Operation, legs: Sequence[Leg], labels: dict[str, str] | None = None
) -> Booked:
    """Book `legs` as one entry, or return the entry this key already booked."""
    if not valid_key(operation.key):
        raise LedgerError(_("Kunci transaksi (idempotency key) tidak sah."))
    _whole(operation.amount, "Jumlah")
    _whole(operation.tokens, "Jumlah koin")
    check_legs(legs)
    entry_id = await _insert_entry(operation)
    if entry_id is None:
        return Booked(await _booked_before(operation), created=False)
    ids = await account_ids(
        operation.market_id,
        {leg.debit for leg in legs} | {leg.credit for leg in legs},
        labels or {},
    )
    await Posting.insert(
        *[
            Posting(entry=entry_id, debit=ids[leg.debit], credit=ids[leg.credit], amount=leg.amount)
            for leg in legs
        ]
    )
    await _move_balances(legs, ids)
    return Booked(entry_id, created=True)


async def _insert_entry(operation: Operation) -> int | None:
    rows = (
        await JournalEntry.insert(
            JournalEntry(
                market=operation.market_id,
                market_day=operation.market_day,
                kind=operation.kind,
                idempotency_key=operation.key,
                shift=operation.shift,
                vendor=operation.vendor,
                amount=operation.amount,
                tokens=operation.tokens,
                reverses=operation.reverses,
                note=operation.note[:200],
                actor=operation.actor,
                created_at=operation.now,
            )
        )
        .on_conflict(
            target=(JournalEntry.village_code, JournalEntry.idempotency_key), action="DO NOTHING"
        )
        .returning(JournalEntry.id)
    )
    return int(rows[0]["id"]) if rows else None


async def _booked_before(operation: Operation) -> int:
    row = (
        await JournalEntry.select(
            JournalEntry.id, JournalEntry.kind, JournalEntry.amount, JournalEntry.market
        )
        .where(JournalEntry.idempotency_key == operation.key)
        .first()
    )
    if row is None:
        raise LedgerError(_("Transaksi dengan kunci ini sedang diproses; coba lagi."))
    same = (row["kind"], row["amount"], row["market"]) == (
        operation.kind,
        operation.amount,
        operation.market_id,
    )
    if not same:
        raise LedgerError(_("Kunci transaksi ini sudah dipakai untuk transaksi lain."))
    return int(row["id"])


async def _move_balances(legs: Sequence[Leg], ids: dict[str, int]) -> None:
    deltas: dict[str, int] = defaultdict(int)
    for leg in legs:
        deltas[leg.debit] += leg.amount
        deltas[leg.credit] -= leg.amount
    for key in sorted(deltas, key=lambda k: (k.split(":", 1)[0] in SHARED, ids[k])):
        delta = deltas[key]
        if delta == 0:
            continue
        moved = (
            await Account.update({Account.balance: Account.balance + delta})
            .where(
                (Account.id == ids[key])
                & WhereRaw(
                    "(min_balance IS NULL OR balance + {} >= min_balance) "
                    "AND (max_balance IS NULL OR balance + {} <= max_balance)",
                    delta,
                    delta,
                )
            )
            .returning(Account.id)
        )
        if not moved:
            kind = kind_of(key).name
            raise LedgerError(BOUND_REFUSALS.get(kind, "Saldo akun tidak mencukupi."))
