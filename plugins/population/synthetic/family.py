"""Families as a Kartu Keluarga lists them: a head, a spouse, children, and sometimes others.

A family is drawn from a kind (married couple, single mother, elderly person alone, young person
alone, a wife heading the card) and the mother's age. Children are born to the mother between 18
and about 45 and stay on the card while young; most leave in their twenties to start their own
family. Older couples sometimes keep grandchildren (their parents work away) or take in a widowed
parent. Drawn this way the members' ages add up to Indonesia's pyramid: wide under 15, narrowing
above 50.
"""

from __future__ import annotations

from dataclasses import dataclass
from random import Random

from plugins.population.synthetic.culture import Culture
from plugins.population.synthetic.names import draw_name
from plugins.population.synthetic.weighted import Weighted

DAYS_PER_YEAR = 365.2425
MAX_AGE = 95

# Relationship in the family (SHDK).
HEAD, HUSBAND, WIFE, CHILD, GRANDCHILD, PARENT, PARENT_IN_LAW, RELATIVE = 1, 2, 3, 4, 6, 7, 8, 9
# Marital status.
SINGLE, MARRIED, DIVORCED, WIDOWED = 1, 2, 3, 4

_KINDS = Weighted(
    {"couple": 81, "single_mother": 9.5, "lone_elder": 4.5, "lone_young": 3, "wife_heads": 2}
)
_MOTHER_AGE = Weighted(
    {
        (18, 25): 9, (25, 30): 12, (30, 35): 13, (35, 40): 13, (40, 45): 12, (45, 50): 11,
        (50, 55): 9.5, (55, 60): 8, (60, 65): 6, (65, 70): 4, (70, 80): 2.5,
    }
)  # fmt: skip
_CHILDREN_BORN_SINCE_1970 = Weighted({0: 4, 1: 12, 2: 34, 3: 29, 4: 13, 5: 5, 6: 3})
_CHILDREN_BORN_BEFORE_1970 = Weighted({0: 3, 1: 8, 2: 22, 3: 27, 4: 20, 5: 12, 6: 8})


class Person:
    """One member of a family; ``nik`` is filled when the family gets its numbers."""

    __slots__ = (
        "age",
        "birth",
        "clan",
        "father",
        "father_name",
        "female",
        "marital",
        "mother",
        "mother_name",
        "name",
        "nik",
        "role",
    )

    def __init__(self, role: int, female: bool, age: float, marital: int, clan: str) -> None:
        self.role = role
        self.female = female
        self.age = age
        self.marital = marital
        self.clan = clan
        self.birth = 0
        self.name = ""
        self.nik = ""
        self.father: Person | None = None
        self.mother: Person | None = None
        self.father_name = ""
        self.mother_name = ""


@dataclass(slots=True)
class Family:
    """The members in card order (head first) and what they share."""

    culture: Culture
    religion: int
    members: list[Person]


class FamilyDrawer:
    """Draws families for one regency from one random stream, so a seed fixes every family."""

    def __init__(self, rng: Random, cultures: Weighted[Culture], as_of_ordinal: int) -> None:
        self._rng = rng
        self._cultures = cultures
        self._as_of = as_of_ordinal
        self._as_of_year = (as_of_ordinal - 1) / DAYS_PER_YEAR + 1
        self._culture: Culture
        """The culture of the family being drawn; its members' names come from it."""

    def draw(self, max_size: int) -> Family:
        """A family of at most ``max_size`` members (the village's remaining residents)."""
        rng = self._rng
        culture = self._cultures.draw(rng)
        self._culture = culture
        kind = _KINDS.draw(rng)
        if kind == "lone_elder":
            female = rng.random() < 0.7
            status = WIDOWED if rng.random() < 0.85 else DIVORCED
            members = [self._person(HEAD, female, rng.triangular(60, 92, 68), status)]
        elif kind == "lone_young":
            female = rng.random() < 0.25
            status = SINGLE if rng.random() < 0.85 else DIVORCED
            members = [self._person(HEAD, female, rng.uniform(19, 36), status)]
        elif kind == "single_mother":
            status = WIDOWED if rng.random() < 0.65 else DIVORCED
            mother = self._person(HEAD, True, rng.triangular(28, 85, 55), status)
            members = [mother, *self._children(mother, None)]
            members += self._grandchildren(mother)
        else:
            members = self._couple(wife_heads=kind == "wife_heads")
        if rng.random() < 0.025:
            members.append(self._relative())
        for person in members:
            self._name(person)
        for person in members:
            self._name_parents(person)
        return Family(culture, culture.religion.draw(rng), members[:max_size])

    def _clan(self) -> str:
        clans = self._culture.names.family_names
        return clans[int(self._rng.random() * len(clans))] if clans else ""

    def _person(self, role: int, female: bool, age: float, marital: int, clan: str = "") -> Person:
        return Person(role, female, min(age, MAX_AGE), marital, clan or self._clan())

    def _couple(self, wife_heads: bool) -> list[Person]:
        rng = self._rng
        low, high = _MOTHER_AGE.draw(rng)
        wife_age = rng.uniform(low, high)
        husband_age = max(19.0, wife_age + rng.triangular(-2, 12, 3))
        husband = self._person(HUSBAND if wife_heads else HEAD, False, husband_age, MARRIED)
        wife = self._person(HEAD if wife_heads else WIFE, True, wife_age, MARRIED)
        members = [wife, husband] if wife_heads else [husband, wife]
        members += self._children(wife, husband)
        members += self._grandchildren(wife)
        if husband_age < 60 and rng.random() < 0.09:
            in_law = rng.random() < 0.3
            child = wife if in_law else husband
            parent_age = child.age + rng.uniform(20, 35)
            if parent_age <= MAX_AGE:
                female = rng.random() < 0.75
                status = WIDOWED if rng.random() < 0.9 else DIVORCED
                clan = "" if female else child.clan
                parent = self._person(
                    PARENT_IN_LAW if in_law else PARENT, female, parent_age, status, clan
                )
                if female:
                    child.mother = parent
                else:
                    child.father = parent
                members.append(parent)
        return members

    def _children(self, mother: Person, father: Person | None) -> list[Person]:
        rng = self._rng
        born_before_1970 = self._as_of_year - mother.age < 1970
        planned = (
            _CHILDREN_BORN_BEFORE_1970 if born_before_1970 else _CHILDREN_BORN_SINCE_1970
        ).draw(rng)
        clan = father.clan if father else self._clan()
        mother_age_at_birth = rng.uniform(18, 24) if born_before_1970 else rng.uniform(19, 28)
        children = []
        for _ in range(planned):
            age = mother.age - mother_age_at_birth
            if age < 0:
                break
            female = rng.random() < 0.49
            if rng.random() < _still_at_home(age, female):
                child = self._person(CHILD, female, age, SINGLE, clan)
                child.mother = mother
                child.father = father
                children.append(child)
            mother_age_at_birth += rng.uniform(1.8, 6)
        if father is None and children:
            father_name = self._name_of_absent(False, mother.age + rng.uniform(0, 8), clan)
            for child in children:
                child.father_name = father_name
        children.reverse()
        return children

    def _grandchildren(self, grandmother: Person) -> list[Person]:
        """Siblings left with their grandparents while their parents work away."""
        rng = self._rng
        if grandmother.age < 43 or rng.random() >= 0.35:
            return []
        age = rng.uniform(0, min(grandmother.age - 37, 15))
        clan = self._clan()
        father_name = self._name_of_absent(False, age + 28, clan)
        mother_name = self._name_of_absent(True, age + 24, self._clan())
        grandchildren: list[Person] = []
        while age >= 0 and len(grandchildren) < 2:
            grandchild = self._person(GRANDCHILD, rng.random() < 0.49, age, SINGLE, clan)
            grandchild.father_name = father_name
            grandchild.mother_name = mother_name
            grandchildren.append(grandchild)
            age -= rng.uniform(1.5, 12)
        return grandchildren

    def _relative(self) -> Person:
        rng = self._rng
        age = rng.uniform(5, 65)
        status = SINGLE if age < 22 else (MARRIED if rng.random() < 0.5 else WIDOWED)
        return self._person(RELATIVE, rng.random() < 0.55, age, status)

    def _name_of_absent(self, female: bool, age: float, clan: str) -> str:
        birth_year = int(self._as_of_year - age)
        return draw_name(self._rng, self._culture.names, female, birth_year, clan)

    def _name(self, person: Person) -> None:
        person.birth = self._as_of - int(person.age * DAYS_PER_YEAR)
        birth_year = int(self._as_of_year - person.age)
        person.name = draw_name(
            self._rng, self._culture.names, person.female, birth_year, person.clan
        )

    def _name_parents(self, person: Person) -> None:
        """Parents' names; those not on the card get a name of their generation."""
        if person.father is not None:
            person.father_name = person.father.name
        elif not person.father_name:
            person.father_name = self._name_of_absent(False, person.age + 28, person.clan)
        if person.mother is not None:
            person.mother_name = person.mother.name
        elif not person.mother_name:
            person.mother_name = self._name_of_absent(True, person.age + 24, self._clan())


def _still_at_home(age: float, female: bool) -> float:
    """Chance that a son or daughter of this age is still on the parents' card.

    Daughters marry younger and move to the husband's card; sons stay longer.
    """
    if age < 17:
        return 1.0
    if age < 22:
        return 0.8 if female else 0.9
    if age < 27:
        return 0.35 if female else 0.65
    if age < 32:
        return 0.12 if female else 0.3
    return 0.04
