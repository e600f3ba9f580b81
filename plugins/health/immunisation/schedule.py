"""The national routine immunisation schedule as data, and what is due for one child.

A dose is due from its age and overdue a month later (HB0: after its first day). Japanese
encephalitis is given only where it is endemic, a setting of the village. "Imunisasi dasar
lengkap" (IDL) is the set of basic doses every child should have by its first birthday.

A regency that runs its own schedule (an extra dose in a campaign, a dose moved) names a JSON file
of the same fields as `[health] immunisation_schedule` in its config (`regency_schedule.py`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from core.i18n import N_
from plugins.health.dates import add_months


@dataclass(frozen=True, slots=True)
class Dose:
    key: str
    label: str
    due_months: int
    """Age at which the dose is due; 0 with `due_days` for the birth doses."""
    due_days: int = 0
    overdue_days: int | None = None
    """Days after the due age when it becomes overdue; one month unless set."""
    endemic_only: bool = False
    basic: bool = False
    """Part of imunisasi dasar lengkap."""


NATIONAL: tuple[Dose, ...] = (
    Dose("hb0", N_("HB0 (Hepatitis B lahir)"), 0, overdue_days=1, basic=True),
    Dose("bcg", N_("BCG"), 1, basic=True),
    Dose("polio1", N_("Polio tetes 1"), 1, basic=True),
    Dose("dpt1", N_("DPT-HB-Hib 1"), 2, basic=True),
    Dose("polio2", N_("Polio tetes 2"), 2, basic=True),
    Dose("pcv1", N_("PCV 1"), 2),
    Dose("rota1", N_("Rotavirus 1"), 2),
    Dose("dpt2", N_("DPT-HB-Hib 2"), 3, basic=True),
    Dose("polio3", N_("Polio tetes 3"), 3, basic=True),
    Dose("pcv2", N_("PCV 2"), 3),
    Dose("rota2", N_("Rotavirus 2"), 3),
    Dose("dpt3", N_("DPT-HB-Hib 3"), 4, basic=True),
    Dose("polio4", N_("Polio tetes 4"), 4, basic=True),
    Dose("ipv1", N_("IPV 1"), 4, basic=True),
    Dose("rota3", N_("Rotavirus 3"), 4),
    Dose("mr1", N_("MR 1"), 9, basic=True),
    Dose("ipv2", N_("IPV 2"), 9),
    Dose("je", N_("JE (Japanese encephalitis)"), 10, endemic_only=True),
    Dose("pcv3", N_("PCV 3"), 12),
    Dose("dpt4", N_("DPT-HB-Hib 4 (lanjutan)"), 18),
    Dose("mr2", N_("MR 2 (lanjutan)"), 18),
)
GIVEN, OVERDUE, DUE, LATER = "given", "overdue", "due", "later"
STATE_LABELS = {
    GIVEN: N_("Sudah"),
    OVERDUE: N_("Terlambat"),
    DUE: N_("Jadwal bulan ini"),
    LATER: N_("Belum waktunya"),
}


@dataclass(frozen=True, slots=True)
class Schedule:
    """The doses a regency gives, in the order its cards list them."""

    doses: tuple[Dose, ...]

    def dose(self, key: str) -> Dose | None:
        return next((dose for dose in self.doses if dose.key == key), None)

    def for_village(self, *, endemic: bool) -> tuple[Dose, ...]:
        return tuple(d for d in self.doses if endemic or not d.endemic_only)

    def basic_complete(self, given: Iterable[str]) -> bool:
        """Imunisasi dasar lengkap: every basic dose given."""
        keys = set(given)
        return all(d.key in keys for d in self.doses if d.basic)


NATIONAL_SCHEDULE = Schedule(NATIONAL)


def due_date(dose: Dose, birth_date: dt.date) -> dt.date:
    return add_months(birth_date, dose.due_months) + dt.timedelta(days=dose.due_days)


def overdue_date(dose: Dose, birth_date: dt.date) -> dt.date:
    """The first day the dose counts as overdue."""
    due = due_date(dose, birth_date)
    if dose.overdue_days is not None:
        return due + dt.timedelta(days=dose.overdue_days)
    return add_months(due, 1)


@dataclass(frozen=True, slots=True)
class DoseState:
    dose: Dose
    state: str
    due_on: dt.date
    given_on: dt.date | None = None


def dose_states(
    birth_date: dt.date,
    given: dict[str, dt.date],
    today: dt.date,
    *,
    endemic: bool,
    schedule: Schedule = NATIONAL_SCHEDULE,
) -> list[DoseState]:
    """Every dose of the schedule for this child, in schedule order."""
    states = []
    for dose in schedule.for_village(endemic=endemic):
        due = due_date(dose, birth_date)
        if dose.key in given:
            states.append(DoseState(dose, GIVEN, due, given[dose.key]))
        elif today >= overdue_date(dose, birth_date):
            states.append(DoseState(dose, OVERDUE, due))
        elif today >= due or (due.year, due.month) == (today.year, today.month):
            states.append(DoseState(dose, DUE, due))
        else:
            states.append(DoseState(dose, LATER, due))
    return states
