"""The population plugin's permissions and the roles that hold them by default."""

from __future__ import annotations

from core import Permission
from plugins.population.letters.workflow import CHECK_PERMISSION as LETTER_CHECK
from plugins.population.letters.workflow import DRAFT_PERMISSION as LETTER_DRAFT
from plugins.population.letters.workflow import SIGN_PERMISSION as LETTER_SIGN
from plugins.population.services.workflow import (
    CHECK_PERMISSION,
    HANDOVER_PERMISSION,
    PROCESS_PERMISSION,
    RATE_PERMISSION,
    SUBMIT_PERMISSION,
)

VILLAGE_STAFF = ("village_admin", "village_operator", "village_secretary", "village_head")
REGENCY_STAFF = ("regency_admin", "regency_officer")
OPERATORS = ("village_admin", "village_operator")

RESIDENT_READ = "population.resident.read"
RESIDENT_WRITE = "population.resident.write"
EVENT_RECORD = "population.event.record"
REQUEST_QUEUE = "population.request.queue"
IMPORT = "population.import"
EXPORT = "population.export"
STATS = "population.stats.view"
CITIZEN_MANAGE = "population.citizen.manage"
TEMPLATE_EDIT = "population.letter.template"

PERMISSIONS = [
    Permission(
        RESIDENT_READ, "Melihat data penduduk", (*VILLAGE_STAFF, *REGENCY_STAFF, "district_viewer")
    ),
    Permission(RESIDENT_WRITE, "Mengubah data penduduk dan keluarga", OPERATORS),
    Permission(EVENT_RECORD, "Mencatat peristiwa kependudukan", OPERATORS),
    Permission(SUBMIT_PERMISSION, "Mengajukan permohonan layanan", OPERATORS),
    Permission(CHECK_PERMISSION, "Memeriksa dan meneruskan permohonan", OPERATORS),
    Permission(PROCESS_PERMISSION, "Memproses permohonan di Dispendukcapil", ("regency_officer",)),
    Permission(HANDOVER_PERMISSION, "Menyerahkan dokumen kepada pemohon", OPERATORS),
    Permission(RATE_PERMISSION, "Mencatat penilaian layanan", OPERATORS),
    Permission(REQUEST_QUEUE, "Melihat antrean permohonan kabupaten", REGENCY_STAFF),
    Permission(LETTER_DRAFT, "Menyusun surat keterangan", OPERATORS),
    Permission(LETTER_CHECK, "Memeriksa surat keterangan", ("village_secretary",)),
    Permission(LETTER_SIGN, "Menandatangani surat keterangan", ("village_head",)),
    Permission(TEMPLATE_EDIT, "Mengubah templat surat desa", ("village_admin",)),
    Permission(IMPORT, "Mengimpor data penduduk", ("village_admin", "regency_admin")),
    Permission(EXPORT, "Mengekspor data penduduk", ("village_admin", "regency_admin")),
    Permission(
        STATS, "Melihat statistik penduduk", (*VILLAGE_STAFF, *REGENCY_STAFF, "district_viewer")
    ),
    Permission(CITIZEN_MANAGE, "Menerbitkan PIN layanan mandiri warga", OPERATORS),
]
