"""The accounts of a market's ledger, by key, made the first time an operation needs one.

Each kind of account has the bounds the database holds its balance to (debit-positive): cash can
only be held (≥ 0), what the BUMDes owes — tokens out, a vendor's takings, income — can only be
owed (≤ 0). A refund beyond the tokens out, or a payout beyond the drawer's cash, is refused.
"""

from __future__ import annotations

from dataclasses import dataclass

from plugins.tourism_market.tables import Account


@dataclass(frozen=True)
class AccountKind:
    name: str
    label: str
    min_balance: int | None
    max_balance: int | None


KINDS = {
    kind.name: kind
    for kind in (
        AccountKind("drawer", "Laci kas", 0, None),
        AccountKind("safe", "Kas BUMDes", None, None),
        AccountKind("tokens_out", "Koin beredar", None, 0),
        AccountKind("vendor", "Pedagang", None, 0),
        AccountKind("fee_income", "Pendapatan retribusi lapak", None, 0),
        AccountKind("parking_cash", "Kas parkir", 0, None),
        AccountKind("parking_income", "Pendapatan parkir", None, 0),
        AccountKind("imbalance", "Selisih kas", None, None),
    )
}

TOKENS_OUT = "tokens_out"
SAFE = "safe"
FEE_INCOME = "fee_income"
PARKING_CASH = "parking_cash"
PARKING_INCOME = "parking_income"
IMBALANCE = "imbalance"


def drawer_key(shift_id: int) -> str:
    return f"drawer:{shift_id}"


def vendor_key(vendor_id: int) -> str:
    return f"vendor:{vendor_id}"


def kind_of(key: str) -> AccountKind:
    return KINDS[key.split(":", 1)[0]]


async def account_ids(market_id: int, keys: set[str], labels: dict[str, str]) -> dict[str, int]:
    """The ids of these accounts of the market, opening those that do not exist yet.

    Opening is `INSERT … ON CONFLICT DO NOTHING` on the market's unique key, so two booths that
    open the same account at once end with one account.
    """
    existing = await _ids(market_id, keys)
    missing = keys - set(existing)
    for key in sorted(missing):
        kind = kind_of(key)
        label = labels.get(key) or kind.label
        await Account.insert(
            Account(
                market=market_id,
                key=key,
                kind=kind.name,
                label=label[:120],
                balance=0,
                min_balance=kind.min_balance,
                max_balance=kind.max_balance,
            )
        ).on_conflict(
            target=(Account.village_code, Account.market, Account.key), action="DO NOTHING"
        )
    if missing:
        existing = await _ids(market_id, keys)
    return existing


async def _ids(market_id: int, keys: set[str]) -> dict[str, int]:
    if not keys:
        return {}
    rows = await Account.select(Account.id, Account.key).where(
        (Account.market == market_id) & Account.key.is_in(sorted(keys))
    )
    return {row["key"]: row["id"] for row in rows}


async def balances(market_id: int) -> list[dict[str, object]]:
    """Every account of the market with its balance, by key."""
    return (
        await Account.select(Account.id, Account.key, Account.kind, Account.label, Account.balance)
        .where(Account.market == market_id)
        .order_by(Account.key)
    )


async def balance(market_id: int, key: str) -> int:
    row = (
        await Account.select(Account.balance)
        .where((Account.market == market_id) & (Account.key == key))
        .first()
    )
    return int(row["balance"]) if row else 0
