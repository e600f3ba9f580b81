"""QR vouchers: tokens on paper or a phone screen instead of coins, through the same ledger.

A voucher is a token sale like any other (drawer in, tokens out), marked as a voucher; its code is
the sale's entry id signed with the instance's secret, so a code cannot be guessed or made up, and
the QR printed for the visitor carries just that code. The visitor pays a vendor with the whole
voucher; the vendor turns it in at a booth (a redemption, less the fee, as for coins), or the
visitor brings it back unspent (a refund). Either use is booked under one key derived from the
voucher, so the database's unique key allows one use only: a second scan, at any booth, at the
same moment or later, finds the first and is refused with its receipt — unless it is the same use
sent again, which gets the same receipt.
"""

from __future__ import annotations

import hashlib
import hmac
import re

from core.i18n import _
from plugins.tourism_market.ledger import operations as ops
from plugins.tourism_market.ledger.postings import Booked, LedgerError
from plugins.tourism_market.tables import JournalEntry

NOTE = "voucher"
"""The sale entry's note that makes it a voucher."""
PREFIX = "PBV"
CODE = re.compile(rf"^{PREFIX}-(\d{{1,12}})-([0-9A-F]{{10}})$")


def voucher_code(secret: str, village_code: str, sale_entry: int) -> str:
    return f"{PREFIX}-{sale_entry}-{_mac(secret, village_code, sale_entry)}"


def _mac(secret: str, village_code: str, sale_entry: int) -> str:
    message = f"tourism_market.voucher:{village_code}:{sale_entry}".encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()[:10].upper()


def sale_of(secret: str, village_code: str, code: str) -> int:
    """The sale entry a code names, or a refusal: a typo and a forgery read the same."""
    found = CODE.match(code.strip().upper())
    if found is None or not hmac.compare_digest(
        found[2], _mac(secret, village_code, int(found[1]))
    ):
        raise LedgerError(_("Kode voucher tidak sah. Pindai ulang atau ketik kode di bawah QR."))
    return int(found[1])


async def sell_voucher(till: ops.Till, tokens: int, key: str) -> Booked:
    """Sell `tokens` as one voucher; its code is `voucher_code(...)` of the returned entry."""
    return await ops.sell_tokens(till, tokens, key, note=NOTE)


async def use_voucher(
    till: ops.Till, secret: str, village_code: str, code: str, vendor: tuple[int, str] | None
) -> Booked:
    """Redeem the voucher for `vendor` (id, name), or refund it to its bearer when None."""
    sale_entry = sale_of(secret, village_code, code)
    sale = (
        await JournalEntry.select(
            JournalEntry.kind, JournalEntry.tokens, JournalEntry.note, JournalEntry.market
        )
        .where(JournalEntry.id == sale_entry)
        .first()
    )
    if sale is None or sale["note"] != NOTE or sale["kind"] != ops.SELL:
        raise LedgerError(_("Voucher tidak dikenal di pasar ini."))
    if sale["market"] != till.market_id:
        raise LedgerError(_("Voucher ini dari pasar lain."))
    if await JournalEntry.exists().where(JournalEntry.reverses == sale_entry):
        raise LedgerError(_("Penjualan voucher ini sudah dikoreksi; voucher tidak berlaku."))
    key = f"voucher-{sale_entry}"
    await _refuse_a_second_use(key, vendor)
    if vendor is None:
        booked = await ops.refund_tokens(till, sale["tokens"], key)
    else:
        booked = await ops.redeem_tokens(till, vendor[0], vendor[1], sale["tokens"], key)
    if not booked.created:
        await _refuse_a_second_use(key, vendor)  # a booth that raced this one used it first
    return booked


async def _refuse_a_second_use(key: str, vendor: tuple[int, str] | None) -> None:
    used = (
        await JournalEntry.select(JournalEntry.id, JournalEntry.kind, JournalEntry.vendor)
        .where(JournalEntry.idempotency_key == key)
        .first()
    )
    if used is None:
        return
    same = used["kind"] == (ops.REFUND if vendor is None else ops.REDEEM) and used["vendor"] == (
        vendor[0] if vendor else None
    )
    if not same:
        raise LedgerError(
            _("Voucher sudah dipakai ({kind}, struk PB-{entry:06d}).").format(
                kind=_(ops.KIND_LABELS[used["kind"]]), entry=used["id"]
            )
        )
