"""The facts a rule may read about one resident, and how they are computed.

Rules see these names and nothing else: plain numbers, strings, booleans and one list, built here
from population's public read API and the plugin's own records. A rule therefore cannot reach an
object, a method or another village's data; it can only compare what this catalog hands it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from core.i18n import N_

HEAD = 1
"""Dukcapil relationship code of the head of the family."""
DISABILITY_CODES = frozenset(range(1, 7))
"""Dukcapil disability codes 1-6; 7 is "Tidak Cacat"."""
ELDERLY_AGE = 60


@dataclass(frozen=True)
class Fact:
    name: str
    kind: type
    label: str
    """What the fact means, in Indonesian, for the rule editor's list."""
    sample: Any
    """A typical value: a new rule is tried on a resident made of samples to catch type errors."""


CATALOG: tuple[Fact, ...] = (
    Fact("age", int, N_("Umur dalam tahun penuh (-1 bila tanggal lahir tidak ada)"), 45),
    Fact("sex", str, N_('Jenis kelamin: "L" atau "P"'), "P"),
    Fact("status", str, N_('Status penduduk: "hidup", "meninggal", "pindah", "hilang"'), "hidup"),
    Fact("disability", int, N_("Kode jenis cacat Dukcapil (0 bila tidak tercatat)"), 0),
    Fact("disabled", bool, N_("Penyandang disabilitas (kode cacat 1–6)"), False),
    Fact("occupation", int, N_("Kode pekerjaan Dukcapil (0 bila tidak tercatat)"), 1),
    Fact("household_size", int, N_("Jumlah anggota keluarga (KK) yang masih hidup"), 4),
    Fact("member_disabled", bool, N_("Ada anggota keluarga penyandang disabilitas"), False),
    Fact("elderly_alone", bool, N_("Lansia (60 tahun ke atas) yang tinggal sendiri"), False),
    Fact("head", bool, N_("Kepala keluarga (KK)"), True),
    Fact("female_head", bool, N_("Perempuan kepala keluarga"), False),
    Fact(
        "decile", int, N_("Desil kesejahteraan DTSEN keluarga, 1 termiskin (0 bila tidak ada)"), 0
    ),
    Fact(
        "chronic_illness", bool, N_("Ada anggota keluarga sakit menahun (data DTSEN/desa)"), False
    ),
    Fact("lost_livelihood", bool, N_("Kehilangan mata pencaharian (data DTSEN/desa)"), False),
    Fact("bps_criteria", int, N_("Jumlah kriteria kemiskinan BPS yang dipenuhi (0–14)"), 0),
    Fact(
        "programmes",
        list,
        N_('Kode program yang sedang diterima, misalnya "PKH" in programmes'),
        ["PBI-JK"],
    ),
)
NAMES: frozenset[str] = frozenset(fact.name for fact in CATALOG)
SAMPLE: dict[str, Any] = {fact.name: fact.sample for fact in CATALOG}


@dataclass(frozen=True)
class Welfare:
    """What the regency's DTSEN list (or the village's own survey) says about one family."""

    decile: int = 0
    chronic_illness: bool = False
    lost_livelihood: bool = False
    bps_criteria: int = 0


class Person(Protocol):
    """The part of population's `PersonFacts` the facts are built from."""

    id: int
    family_id: int | None
    kk_number: str
    sex: str
    birth_date: dt.date | None
    status: str
    relationship: int | None
    disability: int | None
    occupation: int | None


@dataclass
class Register:
    """A village's people grouped by family, with what the plugin knows beside population."""

    people: list[Person] = field(default_factory=list)
    welfare: Mapping[str, Welfare] = field(default_factory=dict)
    """By KK number."""
    programmes: Mapping[int, frozenset[str]] = field(default_factory=dict)
    """Active programme codes by resident id (a family programme counts for every member)."""

    def household_sizes(self) -> dict[int, int]:
        sizes: dict[int, int] = {}
        for person in self.people:
            if person.family_id is not None and person.status == "hidup":
                sizes[person.family_id] = sizes.get(person.family_id, 0) + 1
        return sizes

    def families_with_disability(self) -> set[int]:
        return {
            p.family_id
            for p in self.people
            if p.family_id is not None and (p.disability or 0) in DISABILITY_CODES
        }


def age_on(birth_date: dt.date | None, day: dt.date) -> int:
    if birth_date is None:
        return -1
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def facts_of(
    person: Person,
    register: Register,
    sizes: Mapping[int, int],
    disabled_families: set[int],
    day: dt.date,
) -> dict[str, Any]:
    """One resident's facts on `day`, as plain Python values."""
    age = age_on(person.birth_date, day)
    disabled = (person.disability or 0) in DISABILITY_CODES
    size = sizes.get(person.family_id, 1) if person.family_id is not None else 1
    welfare = register.welfare.get(person.kk_number or "", Welfare())
    head = person.relationship == HEAD
    return {
        "age": age,
        "sex": person.sex,
        "status": person.status,
        "disability": person.disability or 0,
        "disabled": disabled,
        "member_disabled": disabled or person.family_id in disabled_families,
        "occupation": person.occupation or 0,
        "household_size": size,
        "elderly_alone": age >= ELDERLY_AGE and size == 1,
        "head": head,
        "female_head": head and person.sex == "P",
        "decile": welfare.decile,
        "chronic_illness": welfare.chronic_illness,
        "lost_livelihood": welfare.lost_livelihood,
        "bps_criteria": welfare.bps_criteria,
        "programmes": sorted(register.programmes.get(person.id, frozenset())),
    }


def all_facts(register: Register, day: dt.date) -> Iterable[tuple[Person, dict[str, Any]]]:
    """(person, facts) for every person of the register."""
    sizes = register.household_sizes()
    disabled_families = register.families_with_disability()
    for person in register.people:
        yield person, facts_of(person, register, sizes, disabled_families, day)
