"""The rule engine: rules select exactly whom a plain-Python reading of the same condition
selects, on generated registers; bad rules are refused in Indonesian, naming the rule."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plugins.social_aid.eligibility import engine
from plugins.social_aid.eligibility.facts import Register, Welfare, all_facts

DAY = dt.date(2026, 12, 2)


@dataclass(frozen=True)
class Resident:
    id: int
    family_id: int | None
    kk_number: str
    sex: str
    birth_date: dt.date | None
    status: str
    relationship: int | None
    disability: int | None
    occupation: int | None


def _years(person: Resident) -> int:
    if person.birth_date is None:
        return -1
    years = DAY.year - person.birth_date.year
    return (
        years - 1
        if (DAY.month, DAY.day) < (person.birth_date.month, person.birth_date.day)
        else years
    )


def _living_in_family(register: Register, person: Resident) -> int:
    if person.family_id is None:
        return 1
    return sum(
        1 for p in register.people if p.family_id == person.family_id and p.status == "hidup"
    )


ORACLES = {
    "age >= 60 && household_size == 1": lambda r, p: (
        _years(p) >= 60 and _living_in_family(r, p) == 1
    ),
    "elderly_alone": lambda r, p: _years(p) >= 60 and _living_in_family(r, p) == 1,
    'sex == "P" && head': lambda r, p: p.sex == "P" and p.relationship == 1,
    "decile >= 1 && decile <= 4": lambda r, p: (
        1 <= r.welfare.get(p.kk_number, Welfare()).decile <= 4
    ),
    '!("PKH" in programmes) && disabled': lambda r, p: (
        "PKH" not in r.programmes.get(p.id, frozenset()) and (p.disability or 0) in range(1, 7)
    ),
    "member_disabled && household_size >= 3": lambda r, p: (
        p.family_id is not None
        and any((q.disability or 0) in range(1, 7) for q in r.people if q.family_id == p.family_id)
        and _living_in_family(r, p) >= 3
    ),
    "occupation == 1 || age < 18": lambda r, p: p.occupation == 1 or _years(p) < 18,
}


@st.composite
def registers(draw: st.DrawFn) -> Register:
    count = draw(st.integers(min_value=0, max_value=40))
    people = []
    for index in range(count):
        family = draw(st.one_of(st.none(), st.integers(min_value=1, max_value=8)))
        people.append(
            Resident(
                id=index + 1,
                family_id=family,
                kk_number=f"{family:016d}" if family else "",
                sex=draw(st.sampled_from(["L", "P"])),
                birth_date=draw(st.one_of(st.none(), st.dates(dt.date(1920, 1, 1), DAY))),
                status="hidup",
                relationship=draw(st.one_of(st.none(), st.integers(min_value=1, max_value=4))),
                disability=draw(st.one_of(st.none(), st.integers(min_value=1, max_value=7))),
                occupation=draw(st.one_of(st.none(), st.integers(min_value=1, max_value=5))),
            )
        )
    welfare = {
        f"{family:016d}": Welfare(decile=draw(st.integers(min_value=0, max_value=10)))
        for family in range(1, 9)
    }
    on_pkh = draw(st.sets(st.integers(min_value=1, max_value=40)))
    return Register(people, welfare, {i: frozenset({"PKH"}) for i in on_pkh})


@settings(max_examples=40, deadline=None)
@given(register=registers(), expression=st.sampled_from(sorted(ORACLES)))
def test_a_rule_selects_exactly_whom_the_plain_python_oracle_selects(
    register: Register, expression: str
) -> None:
    rule = engine.compile_rule("Uji", expression)
    chosen = {person.id for person, _ in engine.select(rule, all_facts(register, DAY))}
    expected = {p.id for p in register.people if ORACLES[expression](register, p)}
    assert chosen == expected


def test_the_why_names_the_facts_the_rule_read() -> None:
    person = Resident(1, None, "", "P", dt.date(1950, 1, 1), "hidup", 1, None, 1)
    rule = engine.compile_rule("Lansia", "age >= 60 && household_size == 1")
    [(chosen, why)] = engine.select(rule, all_facts(Register([person]), DAY))
    assert chosen is person and why == {"age": 76, "household_size": 1}


@pytest.mark.parametrize(
    ("expression", "message"),
    [
        ("umur >= 60", "Aturan 'Lansia': fakta umur tidak dikenal"),
        ("age >= ", "Aturan 'Lansia': penulisan ekspresi salah"),
        ('age + "tahun" > 1', "Aturan 'Lansia': jenis nilai tidak cocok"),
        ("age", "Aturan 'Lansia': hasil ekspresi harus benar/salah"),
        (
            'sex.matches("(a+)+$")',
            "Aturan 'Lansia': fungsi matches (ekspresi reguler) tidak diizinkan.",
        ),
        ("", "Aturan 'Lansia': ekspresi wajib diisi."),
        ("age > 1 || " * 300 + "true", "Aturan 'Lansia': ekspresi paling banyak 2000 karakter."),
    ],
)
def test_a_bad_rule_is_refused_in_indonesian_naming_the_rule(expression: str, message: str) -> None:
    with pytest.raises(engine.RuleError, match="^" + re.escape(message)):
        engine.compile_rule("Lansia", expression)


def test_macro_variables_are_not_mistaken_for_unknown_facts() -> None:
    rule = engine.compile_rule("PKH", 'programmes.exists(p, p == "PKH")')
    assert rule.referenced == ("programmes",)


def test_a_rule_that_runs_past_its_deadline_stops_with_an_error() -> None:
    people = [
        Resident(i, None, "", "L", dt.date(1990, 1, 1), "hidup", 1, None, 1) for i in range(600)
    ]
    rule = engine.compile_rule("Semua", "age >= 0")
    with pytest.raises(engine.RuleError, match="melebihi 0 detik"):
        engine.select(rule, all_facts(Register(people), DAY), deadline_seconds=0.0)


@pytest.mark.parametrize(
    "expression",
    ["__class__ == 1", "sex.__class__ == 1", "programmes.__len__() > 0", "os.name == 1"],
)
def test_a_rule_reaches_nothing_but_the_facts(expression: str) -> None:
    with pytest.raises(engine.RuleError, match=r"^Aturan 'Jahat': "):
        engine.compile_rule("Jahat", expression)
