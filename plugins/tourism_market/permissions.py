"""What the market's pages require, the roles the plugin adds, and who holds what by default."""

from __future__ import annotations

from core import Permission, Role

VIEW = "tourism_market.view"
MANAGE = "tourism_market.manage"
CASH = "tourism_market.cash"
GATE = "tourism_market.gate"
VENDOR_SELF = "tourism_market.vendor_self"
OVERVIEW = "tourism_market.overview"

MANAGER = "market_manager"
CASHIER = "market_cashier"
VENDOR = "market_vendor"

ROLES = [
    Role(MANAGER, "Manajer pasar wisata (BUMDes)", "village"),
    Role(CASHIER, "Kasir loket pasar wisata", "village"),
    Role(VENDOR, "Pedagang pasar wisata", "village"),
]

PERMISSIONS = [
    Permission(
        VIEW,
        "Melihat pasar wisata",
        ("village_admin", "village_head", "village_operator", "district_viewer", MANAGER, CASHIER),
    ),
    Permission(MANAGE, "Mengelola pasar wisata", ("village_admin", MANAGER)),
    Permission(CASH, "Bertugas di loket penukaran koin", (MANAGER, CASHIER)),
    Permission(GATE, "Mencatat pengunjung dan parkir", (MANAGER, CASHIER)),
    Permission(VENDOR_SELF, "Melihat dagangan dan hasil penjualan sendiri", (VENDOR,)),
    Permission(
        OVERVIEW, "Melihat semua pasar wisata kabupaten", ("regency_admin", "regency_officer")
    ),
]
