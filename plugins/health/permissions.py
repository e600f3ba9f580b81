"""The health plugin's roles and permissions.

Health records are specific personal data (UU PDP): only the health roles read them. The
village's other roles (the letter operator, the secretary) hold none of these unless the
regency grants them; the village head and admin see the anonymous figures and manage posyandu.
"""

from __future__ import annotations

from core import Permission, Role

CADRE, MIDWIFE, PUSKESMAS, DINKES = (
    "posyandu_cadre",
    "village_midwife",
    "puskesmas_staff",
    "dinkes_officer",
)
ROLES = [
    Role(CADRE, "Kader Posyandu", "village"),
    Role(MIDWIFE, "Bidan Desa", "village"),
    Role(PUSKESMAS, "Petugas Puskesmas", "district"),
    Role(DINKES, "Petugas Dinas Kesehatan", "regency"),
]

READ = "health.read"
RECORD = "health.record"
MANAGE = "health.manage"
MOTHERS = "health.mothers"
REFER = "health.refer"
RECEIVE = "health.referral.receive"
REPORT = "health.report"
EXPORT = "health.export"

PERMISSIONS = [
    Permission(READ, "Melihat data kesehatan anak dan ibu", (CADRE, MIDWIFE, PUSKESMAS, DINKES)),
    Permission(RECORD, "Mencatat penimbangan dan imunisasi", (CADRE, MIDWIFE)),
    Permission(MANAGE, "Mengelola posyandu dan kader", (MIDWIFE, "village_admin")),
    Permission(MOTHERS, "Mencatat kehamilan dan pemeriksaan ibu", (MIDWIFE,)),
    Permission(REFER, "Merujuk ke puskesmas", (CADRE, MIDWIFE)),
    Permission(RECEIVE, "Menindaklanjuti rujukan di puskesmas", (PUSKESMAS,)),
    Permission(EXPORT, "Mengunduh data gizi per nama (e-PPGBM)", (MIDWIFE, PUSKESMAS)),
    Permission(
        REPORT,
        "Melihat laporan gizi dan imunisasi",
        (MIDWIFE, PUSKESMAS, DINKES, "village_head", "regency_admin"),
    ),
]
