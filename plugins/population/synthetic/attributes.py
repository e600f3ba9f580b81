"""Education, occupation and blood type that fit a person's age, sex and place in the family.

Shares are rough figures for rural East Java: most adults finished primary school, older people
often never went to school, farming and day labour dominate, and half of the wives keep the house.
"""

from __future__ import annotations

from random import Random

from plugins.population.synthetic.weighted import Weighted

# Education in KK (pendidikan_kk_id).
NONE, PRIMARY_UNFINISHED, PRIMARY, JUNIOR, SENIOR = 1, 2, 3, 4, 5

_EDUCATION_BORN_BEFORE_1960 = Weighted(
    {NONE: 30, PRIMARY_UNFINISHED: 22, PRIMARY: 36, JUNIOR: 6, SENIOR: 4, 7: 0.5, 8: 1.5}
)
_EDUCATION_BORN_BEFORE_1980 = Weighted(
    {NONE: 9, PRIMARY_UNFINISHED: 12, PRIMARY: 38, JUNIOR: 19, SENIOR: 17, 6: 1, 7: 1, 8: 3}
)
_EDUCATION_BORN_LATER = Weighted(
    {
        NONE: 2,
        PRIMARY_UNFINISHED: 4,
        PRIMARY: 20,
        JUNIOR: 27,
        SENIOR: 35,
        6: 2,
        7: 3,
        8: 6.5,
        9: 0.5,
    }
)

# Occupation (pekerjaan_id), by the Dukcapil codes.
NOT_WORKING, HOUSEKEEPING, STUDENT, PENSIONER = 1, 2, 3, 4

_WORK_MEN = Weighted(
    {
        9: 30,
        20: 9,
        19: 10,
        88: 13,
        8: 3,
        84: 5,
        15: 9,
        11: 3,
        81: 2.5,
        26: 3,
        27: 1.5,
        5: 2,
        65: 1.5,
        85: 0.7,
        14: 1,
        35: 1,
        6: 0.4,
        7: 0.4,
        45: 0.4,
        1: 3,
    }
)
_WORK_WOMEN = Weighted(
    {
        HOUSEKEEPING: 44,
        9: 13,
        20: 5,
        19: 4,
        84: 7,
        8: 2,
        88: 8,
        15: 6,
        30: 1,
        65: 2.5,
        5: 1.5,
        73: 0.4,
        74: 0.4,
        23: 1,
        1: 4,
    }
)
_WORK_ELDERLY_MEN = Weighted({NOT_WORKING: 40, 9: 35, 20: 8, PENSIONER: 6, 84: 5, 88: 6})
_WORK_ELDERLY_WOMEN = Weighted({NOT_WORKING: 35, HOUSEKEEPING: 35, 9: 20, PENSIONER: 3, 84: 7})
_WORK_YOUNG_ADULT = Weighted({STUDENT: 30, NOT_WORKING: 30, 15: 15, 19: 10, 88: 8, 9: 7})

_BLOOD = Weighted({13: 78, 1: 5, 2: 6, 3: 2, 4: 8, 11: 0.5, 5: 0.5})
_DISABILITY = Weighted({1: 40, 2: 15, 3: 15, 4: 15, 5: 5, 6: 10})
DISABILITY_SHARE = 0.01


def education(rng: Random, age: int, birth_year: int) -> int:
    """Highest education finished, as the KK records it."""
    if age < 7:
        return NONE
    if age < 13:
        return PRIMARY_UNFINISHED
    if age < 16:
        return PRIMARY
    if age < 19:
        return JUNIOR
    if birth_year < 1960:
        return _EDUCATION_BORN_BEFORE_1960.draw(rng)
    if birth_year < 1980:
        return _EDUCATION_BORN_BEFORE_1980.draw(rng)
    return _EDUCATION_BORN_LATER.draw(rng)


def occupation(rng: Random, age: int, female: bool, child_at_home: bool) -> int:
    """Occupation code; school-age children are pupils, young adults at home often still study."""
    if age < 5:
        return NOT_WORKING
    if age < 19:
        return STUDENT
    if child_at_home and age < 25:
        return _WORK_YOUNG_ADULT.draw(rng)
    if age >= 65:
        return (_WORK_ELDERLY_WOMEN if female else _WORK_ELDERLY_MEN).draw(rng)
    return (_WORK_WOMEN if female else _WORK_MEN).draw(rng)


def blood_type(rng: Random) -> int:
    """Most people do not know their blood type (13 Tidak Tahu)."""
    return _BLOOD.draw(rng)


def disability(rng: Random) -> str:
    """A disability code for about one in a hundred people, empty otherwise as in real sheets."""
    return str(_DISABILITY.draw(rng)) if rng.random() < DISABILITY_SHARE else ""
