"""The reconciliation report: figures recomputed from the entries, beside the account balances
they must equal, so a manager (and a test) can see that the books hold rather than trust them.

Invariants checked for the market as a whole:
- all balances sum to zero (each posting takes from one account what it gives another);
- every account's running balance equals its debits minus its credits in the postings;
- tokens issued − refunded − redeemed = tokens still out (the tokens-out account);
- fee income equals the fees taken on redemptions;
- every shift's drawer holds its float + sales − refunds − payouts ± counted difference − handover.
A correction counts against the kind of the entry it reverses.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from piccolo.query.functions.aggregate import Sum

from plugins.tourism_market.ledger import operations as ops
from plugins.tourism_market.ledger.accounts import FEE_INCOME, TOKENS_OUT, drawer_key
from plugins.tourism_market.tables import Account, JournalEntry, Posting

_DRAWER_SIGN = {
    ops.SELL: 1,
    ops.REFUND: -1,
    ops.FLOAT: 1,
    ops.SURPLUS: 1,
    ops.SHORTAGE: -1,
    ops.HANDOVER: -1,
    ops.REDEEM: -1,
}
"""How an entry of each kind moves its shift's drawer (a redemption pays out less its fee)."""


@dataclass(frozen=True)
class Check:
    label: str
    expected: int
    actual: int

    @property
    def holds(self) -> bool:
        return self.expected == self.actual


@dataclass
class Flow:
    """Net count, token units and rupiah of one kind of operation."""

    entries: int = 0
    tokens: int = 0
    rupiah: int = 0


@dataclass
class Reconciliation:
    flows: dict[str, Flow]
    """By kind: the market's, or the day's when the report is for a day."""
    checks: list[Check]
    takings: dict[int, int] = field(default_factory=dict)
    """Rupiah of tokens each vendor redeemed (before the fee), by vendor id."""
    fees: dict[int, int] = field(default_factory=dict)
    """Fees taken from each vendor, by vendor id."""
    drawers: dict[int, int] = field(default_factory=dict)
    """Cash each shift's drawer should hold now, by shift id."""

    @property
    def holds(self) -> bool:
        return all(check.holds for check in self.checks)

    def flow(self, kind: str) -> Flow:
        return self.flows.get(kind, Flow())


async def reconcile(market_id: int, market_day: int | None = None) -> Reconciliation:
    """The market's invariants; with `market_day`, the flows, takings and fees are that day's."""
    entries = await JournalEntry.select(
        JournalEntry.id,
        JournalEntry.kind,
        JournalEntry.amount,
        JournalEntry.tokens,
        JournalEntry.shift,
        JournalEntry.vendor,
        JournalEntry.market_day,
        JournalEntry.reverses,
    ).where(JournalEntry.market == market_id)
    fee_of = await _fee_by_entry(market_id)
    totals: dict[str, Flow] = defaultdict(Flow)
    day: dict[str, Flow] = defaultdict(Flow)
    drawers: dict[int, int] = defaultdict(int)
    takings: dict[int, int] = defaultdict(int)
    fees: dict[int, int] = defaultdict(int)
    fee_total = 0
    for entry in entries:
        sign = -1 if entry["reverses"] else 1
        in_day = market_day is None or entry["market_day"] == market_day
        for flows in (totals, day) if in_day else (totals,):
            flow = flows[entry["kind"]]
            flow.entries += sign
            flow.tokens += sign * entry["tokens"]
            flow.rupiah += sign * entry["amount"]
        fee = fee_of.get(entry["id"], 0)
        fee_total += sign * fee
        if entry["kind"] == ops.REDEEM and in_day:
            takings[entry["vendor"]] += sign * entry["amount"]
            fees[entry["vendor"]] += sign * fee
        if entry["shift"] is not None and entry["kind"] in _DRAWER_SIGN:
            cash = entry["amount"] - fee
            drawers[entry["shift"]] += sign * _DRAWER_SIGN[entry["kind"]] * cash
    balances, posted = await _balances(market_id)
    wrong_drawers = [s for s, cash in drawers.items() if balances.get(drawer_key(s), 0) != cash]
    wrong_accounts = [key for key, value in posted.items() if balances[key] != value]
    checks = [
        Check("Jumlah semua saldo akun", 0, sum(balances.values())),
        Check("Akun yang saldonya tidak sama dengan postingnya", 0, len(wrong_accounts)),
        Check(
            "Koin terjual − dikembalikan − ditukar = koin beredar",
            totals[ops.SELL].rupiah - totals[ops.REFUND].rupiah - totals[ops.REDEEM].rupiah,
            -balances.get(TOKENS_OUT, 0),
        ),
        Check(
            "Pendapatan retribusi = retribusi penukaran", fee_total, -balances.get(FEE_INCOME, 0)
        ),
        Check("Laci kas yang tidak sesuai transaksinya", 0, len(wrong_drawers)),
    ]
    return Reconciliation(
        dict(day if market_day is not None else totals),
        checks,
        dict(takings),
        dict(fees),
        dict(drawers),
    )


async def _fee_by_entry(market_id: int) -> dict[int, int]:
    """The fee each redemption took (its posting to or, when reversed, from the fee income)."""
    rows = await Posting.select(Posting.entry, Posting.amount).where(
        (Posting.entry.market == market_id)
        & ((Posting.credit.key == FEE_INCOME) | (Posting.debit.key == FEE_INCOME))
    )
    fees: dict[int, int] = defaultdict(int)
    for row in rows:
        fees[row["entry"]] += row["amount"]
    return dict(fees)


async def _balances(market_id: int) -> tuple[dict[str, int], dict[str, int]]:
    """(running balance, debits − credits in the postings) of every account, by key."""
    accounts = await Account.select(Account.id, Account.key, Account.balance).where(
        Account.market == market_id
    )
    keys = {row["id"]: row["key"] for row in accounts}
    posted: dict[str, int] = dict.fromkeys(keys.values(), 0)
    for side, sign in ((Posting.debit, 1), (Posting.credit, -1)):
        rows = (
            await Posting.select(side.as_alias("account"), Sum(Posting.amount).as_alias("total"))
            .where(Posting.entry.market == market_id)
            .group_by(side)
        )
        for row in rows:
            posted[keys[row["account"]]] += sign * int(row["total"] or 0)
    return {row["key"]: int(row["balance"]) for row in accounts}, posted
