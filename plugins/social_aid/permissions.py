"""What social aid's pages require, its own two roles, and who holds what unless a regency
changes that.

The village aid operator prepares (programmes, candidate lists, cycles, payouts); the village head
approves; the regency's social aid officer runs regency programmes and sees overlaps across
villages. Approval is a separate permission so "preparer cannot approve" can be granted apart.
"""

from __future__ import annotations

from core import Permission, Role

VIEW = "social_aid.view"
MANAGE = "social_aid.manage"
APPROVE = "social_aid.approve"
PAY = "social_aid.pay"
REGENCY = "social_aid.regency"

OFFICER = "aid_officer"
OPERATOR = "aid_operator"

ROLES = [
    Role(OFFICER, "Petugas Bantuan Sosial Kabupaten", "regency"),
    Role(OPERATOR, "Operator Bantuan Sosial Desa", "village"),
]

_VILLAGE_STAFF = ("village_admin", "village_operator", "village_secretary", "village_head")

PERMISSIONS = [
    Permission(
        VIEW,
        "Melihat program dan penerima bantuan sosial",
        (*_VILLAGE_STAFF, OPERATOR, OFFICER, "regency_officer", "district_viewer"),
    ),
    Permission(
        MANAGE,
        "Mengelola program, musyawarah dan siklus bantuan",
        ("village_admin", OPERATOR, OFFICER),
    ),
    Permission(APPROVE, "Menyetujui penerima dan siklus pencairan", ("village_head", OFFICER)),
    Permission(PAY, "Mencatat pembayaran bantuan", ("village_operator", OPERATOR)),
    Permission(
        REGENCY,
        "Memantau bantuan sosial se-kabupaten",
        (OFFICER, "regency_officer", "regency_admin"),
    ),
]
