"""The aid ledger: double entry in whole rupiah, appended only.

Accounts are names: `fund:<programme>` (the budget not yet given out), `due:<entitlement>` (owed to
one recipient) and `paid:<programme>`. Approval books fund → due, a payout due → paid, and a
suspension or non-collection due → fund; an entitlement's balance is therefore what is still owed.
"""

from __future__ import annotations

from datetime import datetime

from piccolo.query.functions.aggregate import Sum

from plugins.social_aid.tables import LedgerEntry


def fund(programme_id: int) -> str:
    return f"fund:{programme_id}"


def due(entitlement_id: int) -> str:
    return f"due:{entitlement_id}"


def paid(programme_id: int) -> str:
    return f"paid:{programme_id}"


async def book(
    village_code: str,
    cycle_id: int,
    entitlement_id: int | None,
    *,
    debit: str,
    credit: str,
    amount: int,
    at: datetime,
    memo: str,
) -> None:
    if amount <= 0:
        raise ValueError("a ledger entry moves a positive whole number of rupiah")
    await LedgerEntry.insert(
        LedgerEntry(
            village_code=village_code,
            cycle=cycle_id,
            entitlement=entitlement_id,
            debit=debit,
            credit=credit,
            amount=amount,
            at=at,
            memo=memo[:120],
        )
    )


async def balance(account: str) -> int:
    """Debits minus credits of one account, in the scope's villages."""
    debits = await LedgerEntry.select(Sum(LedgerEntry.amount)).where(LedgerEntry.debit == account)
    credits = await LedgerEntry.select(Sum(LedgerEntry.amount)).where(LedgerEntry.credit == account)
    return int(debits[0]["sum"] or 0) - int(credits[0]["sum"] or 0)


async def booked(entitlement_id: int) -> bool:
    """Whether the entitlement was ever owed (its cycle approved)."""
    return await LedgerEntry.exists().where(LedgerEntry.debit == due(entitlement_id))
