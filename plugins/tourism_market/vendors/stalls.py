"""The stall plan: numbered places, given to approved vendors for a day or a season, and what
each sells at what price in tokens."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from core.i18n import _
from plugins.tourism_market.tables import PriceItem, Stall, StallAssignment
from plugins.tourism_market.vendors.vendors import APPROVED, VendorError, vendor_status


async def add_stall(market_id: int, number: int, zone: str = "") -> int:
    if number <= 0:
        raise VendorError(_("Nomor lapak harus lebih dari nol."))
    taken = await Stall.exists().where((Stall.market == market_id) & (Stall.number == number))
    if taken:
        raise VendorError(_("Lapak nomor {number} sudah ada.").format(number=number))
    rows = await Stall.insert(Stall(market=market_id, number=number, zone=zone.strip()[:50]))
    return int(rows[0]["id"])


async def assign(
    stall_id: int, vendor_id: int, starts_on: date, ends_on: date, actor: str, now: datetime
) -> int:
    """Give a stall to an approved vendor from one date to another; a stall has one vendor a day."""
    if ends_on < starts_on:
        raise VendorError(_("Tanggal selesai tidak boleh sebelum tanggal mulai."))
    if await vendor_status(vendor_id) != APPROVED:
        raise VendorError(_("Hanya pedagang yang disetujui yang mendapat lapak."))
    overlapping = await StallAssignment.exists().where(
        (StallAssignment.stall == stall_id)
        & (StallAssignment.starts_on <= ends_on)
        & (StallAssignment.ends_on >= starts_on)
    )
    if overlapping:
        raise VendorError(_("Lapak ini sudah dipakai pedagang lain pada tanggal itu."))
    rows = await StallAssignment.insert(
        StallAssignment(
            stall=stall_id,
            vendor=vendor_id,
            starts_on=starts_on,
            ends_on=ends_on,
            actor=actor,
            at=now,
        )
    )
    return int(rows[0]["id"])


async def plan_on(market_id: int, day: date) -> list[dict[str, Any]]:
    """Every stall of the market with the vendor who holds it on `day` (or none)."""
    stalls = await Stall.select().where(Stall.market == market_id).order_by(Stall.number)
    held = await StallAssignment.select(
        StallAssignment.stall,
        StallAssignment.vendor,
        StallAssignment.vendor.stall_name.as_alias("stall_name"),
        StallAssignment.vendor.category.as_alias("category"),
    ).where(
        (StallAssignment.stall.market == market_id)
        & (StallAssignment.starts_on <= day)
        & (StallAssignment.ends_on >= day)
    )
    by_stall = {row["stall"]: row for row in held}
    for stall in stalls:
        stall["holder"] = by_stall.get(stall["id"])
    return stalls


async def add_price(vendor_id: int, name: str, price_tokens: int) -> int:
    name = name.strip()
    if not name or len(name) > 100:
        raise VendorError(_("Nama barang wajib diisi, paling banyak 100 karakter."))
    if price_tokens <= 0:
        raise VendorError(_("Harga dalam koin harus lebih dari nol."))
    rows = await PriceItem.insert(PriceItem(vendor=vendor_id, name=name, price_tokens=price_tokens))
    return int(rows[0]["id"])


async def price_lists(market_id: int) -> dict[int, list[dict[str, Any]]]:
    rows = (
        await PriceItem.select()
        .where(PriceItem.vendor.market == market_id)
        .order_by(PriceItem.name)
    )
    lists: dict[int, list[dict[str, Any]]] = {}
    for row in rows:
        lists.setdefault(row["vendor"], []).append(row)
    return lists
