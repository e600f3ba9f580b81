"""What the plugin's pages require, the roles it adds, and who holds what unless a regency
changes it. Villages fill the survey with their facilitator (pendamping desa); the regency's
Dinas PMD verifies and imports the ministry's results."""

from __future__ import annotations

from core import Permission, Role

VIEW = "village_index.view"
EDIT = "village_index.edit"
SUBMIT = "village_index.submit"
VERIFY = "village_index.verify"
OVERSEE = "village_index.oversee"
IMPORT = "village_index.import"

FACILITATOR = "village_index_facilitator"
VERIFIER = "village_index_verifier"

ROLES = [
    Role(FACILITATOR, "Pendamping Desa (Indeks Desa)", "district"),
    Role(VERIFIER, "Verifikator Indeks Desa Kabupaten", "regency"),
]

_VILLAGE_STAFF = ("village_admin", "village_operator", "village_secretary", "village_head")
_REGENCY = ("regency_admin", "regency_officer", VERIFIER)

PERMISSIONS = [
    Permission(
        VIEW, "Melihat Indeks Desa", (*_VILLAGE_STAFF, FACILITATOR, "district_viewer", *_REGENCY)
    ),
    Permission(
        EDIT, "Mengisi survei Indeks Desa", ("village_admin", "village_operator", FACILITATOR)
    ),
    Permission(
        SUBMIT, "Mengajukan survei Indeks Desa", ("village_admin", "village_head", FACILITATOR)
    ),
    Permission(VERIFY, "Memverifikasi survei Indeks Desa", ("regency_admin", VERIFIER)),
    Permission(
        OVERSEE, "Memantau Indeks Desa antardesa", ("district_viewer", FACILITATOR, *_REGENCY)
    ),
    Permission(IMPORT, "Mengimpor hasil Indeks Desa kementerian", ("regency_admin", VERIFIER)),
]
