"""What the database itself refuses, whatever the code does: unbalanced or one-sided postings,
balances beyond their bounds, a second entry under one key, edits of the history."""

from __future__ import annotations

from typing import Any

import pytest
from piccolo.columns.combination import WhereRaw

from plugins.tourism_market.ledger.operations import sell_tokens
from plugins.tourism_market.tables import Account, JournalEntry, Posting
from tests.tourism_market.markets import NOW, key, open_market_day, raw_shift

REFUSED = (
    r"(?i)check constraint|violates|unique|not null|insert-only|permission denied|constraint failed"
)


async def _sold(kampung: Any) -> tuple[str, dict[str, int], int, list[int]]:
    village = await kampung.village(0)
    ids = await open_market_day(kampung, village.code)
    till = await raw_shift(kampung, village.code, ids)
    async with kampung.scope(village.code):
        booked = await sell_tokens(till, 4, key())
        accounts = await Account.select(Account.id).where(Account.market == ids["market"])
    return village.code, ids, booked.entry_id, [row["id"] for row in accounts]


async def _refused(kampung: Any, village: str, query: Any) -> None:
    with pytest.raises(Exception, match=REFUSED):
        async with kampung.scope(village):
            await query


@pytest.mark.parametrize("amount", [0, -2000])
async def test_a_posting_must_move_a_positive_amount(kampung, amount: int) -> None:
    village, _, entry, (one, other) = await _sold(kampung)
    posting = Posting(entry=entry, debit=one, credit=other, amount=amount)
    await _refused(kampung, village, Posting.insert(posting))


async def test_a_posting_cannot_move_money_within_one_account(kampung) -> None:
    village, _, entry, (one, _) = await _sold(kampung)
    await _refused(
        kampung, village, Posting.insert(Posting(entry=entry, debit=one, credit=one, amount=1))
    )


async def test_a_posting_with_one_side_only_is_refused(kampung) -> None:
    village, _, entry, (one, _) = await _sold(kampung)
    one_sided = Posting(entry=entry, debit=one, credit=None, amount=2000)
    await _refused(kampung, village, Posting.insert(one_sided))


async def test_the_database_holds_an_account_to_its_bounds(kampung) -> None:
    village, _, _, _ = await _sold(kampung)
    overdraft = Account.update({Account.balance: 1}).where(Account.key == "tokens_out")
    await _refused(kampung, village, overdraft)
    negative_cash = Account.update({Account.balance: -1}).where(WhereRaw("key LIKE {}", "drawer:%"))
    await _refused(kampung, village, negative_cash)


async def test_a_second_entry_under_the_same_key_is_refused(kampung) -> None:
    village, ids, entry, _ = await _sold(kampung)
    async with kampung.scope(village):
        first = await JournalEntry.select().where(JournalEntry.id == entry).first()
    copy = JournalEntry(
        market=ids["market"],
        kind="sell",
        idempotency_key=first["idempotency_key"],
        amount=8000,
        tokens=4,
        actor="kasir",
        created_at=NOW,
    )
    await _refused(kampung, village, JournalEntry.insert(copy))


async def test_entries_and_postings_are_never_edited_or_removed(kampung) -> None:
    village, _, entry, _ = await _sold(kampung)
    await _refused(
        kampung,
        village,
        JournalEntry.update({JournalEntry.amount: 1}).where(JournalEntry.id == entry),
    )
    await _refused(kampung, village, Posting.delete().where(Posting.entry == entry))
    await _refused(
        kampung, village, Posting.update({Posting.amount: 99}).where(Posting.entry == entry)
    )
