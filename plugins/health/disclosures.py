"""What the health pages disclose, for the access trail: every read of a health record."""

from __future__ import annotations

from collections.abc import Iterable

from core.audit import DisclosureKind, Subject
from core.i18n import N_

CHILD_LIST = DisclosureKind("health.child.list", N_("Daftar balita posyandu"))
CHILD_RECORD = DisclosureKind("health.child.record", N_("Catatan kesehatan balita"))
CANDIDATES = DisclosureKind("health.child.candidates", N_("Pencarian balita di data penduduk"))
IMMUNISATION_DUE = DisclosureKind("health.immunisation.due", N_("Daftar imunisasi balita"))
PREGNANCY_LIST = DisclosureKind("health.pregnancy.list", N_("Daftar ibu hamil"))
PREGNANCY_RECORD = DisclosureKind("health.pregnancy.record", N_("Catatan kehamilan"))
REFERRAL = DisclosureKind("health.referral", N_("Rujukan ke puskesmas"))
EPPGBM = DisclosureKind("health.eppgbm", N_("Unduhan e-PPGBM per nama"))

CHILD, PREGNANCY, RESIDENT = "health_child", "health_pregnancy", "resident"


def children(ids: Iterable[int], village_code: str = "") -> list[Subject]:
    return [Subject(CHILD, i, village_code=village_code) for i in ids]


def pregnancies(ids: Iterable[int], village_code: str = "") -> list[Subject]:
    return [Subject(PREGNANCY, i, village_code=village_code) for i in ids]


def residents(ids: Iterable[int]) -> list[Subject]:
    return [Subject(RESIDENT, i) for i in ids]
