"""The plugin's roles and permissions, with the roles that hold each by default.

The PPID officer (Pejabat Pengelola Informasi dan Dokumentasi) answers requests; the village
head is the PPID's superior (atasan PPID) who rules on objections; the site editor writes the
village's public pages. A village admin may do what the officer and editor do.
"""

from __future__ import annotations

from core import Permission, Role
from plugins.public_info.ppid.lifecycle import DECIDE_PERMISSION, HANDLE_PERMISSION

PPID_OFFICER = "public_info_officer"
SITE_EDITOR = "public_info_editor"

REQUEST_READ = "public_info.request.read"
DIP_MANAGE = "public_info.dip.manage"
SITE_EDIT = "public_info.site.edit"
BUDGET_EDIT = "public_info.budget.edit"
REGENCY_REPORT = "public_info.report.regency"

ROLES = [
    Role(PPID_OFFICER, "PPID desa (Pejabat Pengelola Informasi dan Dokumentasi)", "village"),
    Role(SITE_EDITOR, "Pengelola situs desa", "village"),
]

PERMISSIONS = [
    Permission(
        REQUEST_READ,
        "Melihat permohonan informasi publik",
        (PPID_OFFICER, "village_admin", "village_head", "village_secretary"),
    ),
    Permission(
        HANDLE_PERMISSION, "Menjawab permohonan informasi publik", (PPID_OFFICER, "village_admin")
    ),
    Permission(DECIDE_PERMISSION, "Memutus keberatan (atasan PPID)", ("village_head",)),
    Permission(DIP_MANAGE, "Mengelola daftar informasi publik", (PPID_OFFICER, "village_admin")),
    Permission(SITE_EDIT, "Mengelola situs desa dan beritanya", (SITE_EDITOR, "village_admin")),
    Permission(
        BUDGET_EDIT,
        "Mengisi APBDes dan realisasinya",
        (SITE_EDITOR, "village_admin", "village_secretary"),
    ),
    Permission(
        REGENCY_REPORT,
        "Melihat laporan layanan informasi publik semua desa",
        ("regency_admin", "regency_officer"),
    ),
]
