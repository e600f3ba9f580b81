"""What the population plugin's pages disclose, named for the access trail (core.audit).

Every page or API answer that shows a NIK, a KK number or a birth date calls `disclose()` with one
of these kinds and the residents and families it shows, so the trail can answer "who saw this
person's data" (a village admin, the regency, the citizen in the portal).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from core.audit import DisclosureKind, Subject
from core.i18n import N_

RESIDENT = "resident"
FAMILY = "family"

RESIDENT_LIST = DisclosureKind("population.resident.list", N_("Daftar dan pencarian penduduk"))
RESIDENT_DETAIL = DisclosureKind("population.resident.detail", N_("Data penduduk"))
RESIDENT_FORM = DisclosureKind("population.resident.form", N_("Formulir ubah data penduduk"))
RESIDENT_HISTORY = DisclosureKind("population.resident.history", N_("Riwayat akses penduduk"))
FAMILY_LIST = DisclosureKind("population.family.list", N_("Daftar keluarga"))
MUTATION_BOOK = DisclosureKind("population.register.mutation", N_("Buku mutasi penduduk"))
FAMILY_DETAIL = DisclosureKind("population.family.detail", N_("Data keluarga"))
FAMILY_FORM = DisclosureKind("population.family.form", N_("Formulir keluarga"))
API_RESIDENT_LIST = DisclosureKind("population.api.resident.list", N_("API: daftar penduduk"))
API_RESIDENT = DisclosureKind("population.api.resident", N_("API: data penduduk"))
EXPORT = DisclosureKind("population.export", N_("Ekspor data penduduk"))
REQUEST_LIST = DisclosureKind("population.request.list", N_("Daftar permohonan layanan"))
REQUEST_DETAIL = DisclosureKind("population.request.detail", N_("Permohonan layanan"))
REQUEST_DOCUMENT = DisclosureKind("population.request.document", N_("Dokumen permohonan"))
LETTER_LIST = DisclosureKind("population.letter.list", N_("Daftar surat"))
LETTER_DETAIL = DisclosureKind("population.letter.detail", N_("Surat"))
LETTER_PDF = DisclosureKind("population.letter.pdf", N_("Berkas PDF surat"))
PORTAL_FAMILY = DisclosureKind("population.portal.family", N_("Portal warga: data keluarga"))
PORTAL_TRAIL = DisclosureKind("population.portal.trail", N_("Portal warga: riwayat akses"))


def resident(row: Mapping[str, Any], *, id_key: str = "id", nik_key: str = "nik") -> Subject:
    """A resident row as a trail subject (named by id and NIK, in its own village)."""
    return Subject(
        RESIDENT,
        row[id_key],
        str(row.get(nik_key) or ""),
        str(row.get("village_code") or ""),
    )


def residents(rows: Iterable[Mapping[str, Any]]) -> list[Subject]:
    return [resident(row) for row in rows]


def family_card(family_id: int) -> Subject:
    """A family card known only by its id (the portal's own family)."""
    return Subject(FAMILY, family_id)


def family(row: Mapping[str, Any]) -> Subject:
    return Subject(
        FAMILY, row["id"], str(row.get("kk_number") or ""), str(row.get("village_code") or "")
    )


def letter(row: Mapping[str, Any]) -> list[Subject]:
    """A village letter and the resident it is about."""
    village = str(row.get("village_code") or "")
    found = [Subject("letter", row["id"], "", village)]
    if row.get("resident"):
        found.append(
            Subject(RESIDENT, row["resident"], str(row.get("resident_nik") or ""), village)
        )
    return found


def service_request(row: Mapping[str, Any]) -> list[Subject]:
    """A one-door request and its applicant (a resident of the village, when registered)."""
    village = str(row.get("village_code") or "")
    found = [Subject("request", row["id"], str(row.get("applicant_nik") or ""), village)]
    if row.get("resident"):
        found.append(Subject(RESIDENT, row["resident"], "", village))
    return found


def document(document_id: int, village_code: str = "") -> Subject:
    """A supporting document of a request (a KTP or KK photo)."""
    return Subject("document", document_id, "", village_code)


def many(rows: Iterable[Mapping[str, Any]], subjects: Any) -> list[Subject]:
    """The subjects of every row of a list, with `subjects` one of the functions above."""
    return [subject for row in rows for subject in subjects(row)]
