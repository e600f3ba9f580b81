"""The groups of an APBDes as Permendagri 20/2018 structures it, and as the infographic shows it.

Income (pendapatan) by source, spending (belanja) by field (bidang 1-5), and financing
(pembiayaan): receipts (SiLPA of last year, reserves drawn) and expenditures (reserves formed,
capital put into the village enterprise).
"""

from __future__ import annotations

from dataclasses import dataclass

from core.i18n import N_

INCOME = "pendapatan"
SPENDING = "belanja"
FINANCING_IN = "pembiayaan_masuk"
FINANCING_OUT = "pembiayaan_keluar"


@dataclass(frozen=True, slots=True)
class Group:
    key: str
    section: str
    label: str


GROUPS: tuple[Group, ...] = (
    Group("4.1", INCOME, N_("Pendapatan asli desa")),
    Group("4.2.1", INCOME, N_("Dana desa")),
    Group("4.2.2", INCOME, N_("Bagi hasil pajak dan retribusi daerah")),
    Group("4.2.3", INCOME, N_("Alokasi dana desa")),
    Group("4.2.4", INCOME, N_("Bantuan keuangan provinsi")),
    Group("4.2.5", INCOME, N_("Bantuan keuangan kabupaten/kota")),
    Group("4.3", INCOME, N_("Pendapatan lain-lain")),
    Group("1", SPENDING, N_("Penyelenggaraan pemerintahan desa")),
    Group("2", SPENDING, N_("Pelaksanaan pembangunan desa")),
    Group("3", SPENDING, N_("Pembinaan kemasyarakatan desa")),
    Group("4", SPENDING, N_("Pemberdayaan masyarakat desa")),
    Group("5", SPENDING, N_("Penanggulangan bencana, keadaan darurat dan mendesak desa")),
    Group("6.1", FINANCING_IN, N_("Penerimaan pembiayaan")),
    Group("6.2", FINANCING_OUT, N_("Pengeluaran pembiayaan")),
)
BY_KEY = {group.key: group for group in GROUPS}
BY_LABEL = {group.label.lower(): group for group in GROUPS}


def find_group(text: str) -> Group | None:
    """A group named by its key ("4.2.1", "2") or by its label, as a spreadsheet may have it."""
    cleaned = text.strip()
    return BY_KEY.get(cleaned) or BY_LABEL.get(cleaned.lower())
