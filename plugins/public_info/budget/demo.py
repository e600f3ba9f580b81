"""A demo APBDes for last year (fully realised) and this year (partly realised)."""

from __future__ import annotations

import random
from datetime import UTC, datetime

from core import DemoContext
from core.localtime import local_day
from plugins.public_info.budget.lines import Line
from plugins.public_info.budget.revisions import save_revision

PLAN = (
    ("4.1", "Hasil usaha desa dan sewa tanah kas desa", 25_000_000),
    ("4.2.1", "Dana Desa", 1_010_000_000),
    ("4.2.2", "Bagi hasil pajak dan retribusi", 45_000_000),
    ("4.2.3", "Alokasi Dana Desa", 420_000_000),
    ("4.2.5", "Bantuan keuangan kabupaten", 100_000_000),
    ("1", "Penghasilan tetap dan tunjangan perangkat", 430_000_000),
    ("1", "Operasional kantor desa", 85_000_000),
    ("2", "Rabat beton jalan dusun", 420_000_000),
    ("2", "Rehabilitasi saluran irigasi", 180_000_000),
    ("3", "Pembinaan PKK, karang taruna dan linmas", 65_000_000),
    ("4", "Pelatihan usaha pengolahan hasil laut", 75_000_000),
    ("5", "Bantuan langsung tunai Dana Desa", 300_000_000),
    ("6.1", "SiLPA tahun sebelumnya", 30_000_000),
    ("6.2", "Penyertaan modal BUMDes", 50_000_000),
)


def _balanced(lines: list[Line]) -> list[Line]:
    """A village budget balances: last year's surplus (SiLPA) covers the planned deficit."""
    income = sum(line.budget for line in lines if line.group.startswith("4."))
    spending = sum(line.budget for line in lines if not line.group.startswith(("4.", "6.")))
    out = sum(line.budget for line in lines if line.group == "6.2")
    receipts = max(0, spending + out - income)
    return [
        Line(line.group, line.name, receipts, receipts) if line.group == "6.1" else line
        for line in lines
    ]


async def fill_budget(context: DemoContext) -> None:
    rng = random.Random(f"{context.seed}:{context.village.code}:budget")
    now = datetime.now(UTC)
    year = local_day(now).year
    for budget_year, share in ((year - 1, (90, 100)), (year, (35, 80))):
        lines = []
        for group, name, amount in PLAN:
            planned = amount + rng.randrange(0, 40) * 1_000_000
            realised = planned * rng.randint(*share) // 100 // 1000 * 1000
            if group.startswith("6"):
                realised = planned
            lines.append(Line(group, name, planned, realised))
        lines = _balanced(lines)
        await save_revision(
            context.kernel, context.village.code, budget_year, lines,
            source="formulir", actor="demo", now=now,
        )  # fmt: skip
