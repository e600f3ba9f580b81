"""Population's public read API, as a consumer plugin (social aid, posyandu) calls it.

Residents and families are written through the register's own services (`Register` below), then
read only through `plugins.population.public` inside a village's scope, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path

import pytest

from core import EventSubscriber, PluginInfo, hookimpl
from core.db import TenantScopeError
from plugins.population import public
from plugins.population.register.events import correct_event, record_event
from plugins.population.register.families import FamilyInput, create_family
from plugins.population.register.resident_form import read_resident
from plugins.population.register.residents import create_resident
from plugins.population.register.status import BIRTH, DEATH, LEFT, MISSING, MOVE_IN, MOVE_OUT
from plugins.population.services.status_events import REQUEST_STATUS_CHANGED

HEARD: list = []


class Consumer:
    """A stand-in for another plugin that subscribes to every event population publishes."""

    @hookimpl
    def kampung_plugin_info(self) -> PluginInfo:
        return PluginInfo(name="consumer", title="Konsumen uji", version="0.1.0")

    @hookimpl
    def kampung_event_subscribers(self) -> list[EventSubscriber]:
        async def heard(event, kernel) -> None:
            HEARD.append(event)

        return [EventSubscriber(name, heard) for name in public.EVENTS]


def nik(serial: int, born: dt.date, sex: str) -> str:
    """A NIK of region 35.27.01 that agrees with the birth date and sex (women: day + 40)."""
    day = born.day + (40 if sex == "2" else 0)
    return f"352701{day:02d}{born:%m%y}{serial:04d}"


class Register:
    """Writes residents and families through population's own services, as the register does."""

    def __init__(self, kampung) -> None:
        self.kampung = kampung

    async def family(self, village, kk_number: str) -> int:
        async with self.kampung.scope(village.code):
            return await create_family(
                self.kampung.kernel, village.code, "test", FamilyInput(kk_number, "Jl. Mawar 1")
            )

    async def resident(self, village, serial: int, **fields: str) -> int:
        """A man born 14-05-1990 in Dusun Krajan unless `fields` say otherwise."""
        async with self.kampung.scope(village.code):
            return await self.resident_here(village, serial, **fields)

    async def resident_here(
        self, village, serial: int, *, born: str = "1990-05-14", sex: str = "1", **fields: str
    ) -> int:
        """The same, inside the caller's transaction (its scope must be that village's)."""
        values = {
            "nik": nik(serial, dt.date.fromisoformat(born), sex),
            "name": "Budi Santoso",
            "sex": sex,
            "birth_place": "Sampang",
            "birth_date": born,
            "citizenship": "1",
            "religion": "1",
            "marital_status": "2",
            "dusun": "Krajan",
            "rw": "1",
            "rt": "2",
            "nik_checked": "1",
            **fields,
        }
        result = read_resident(values, village_code=village.code, today=dt.date(2026, 6, 1))
        assert result.data is not None, result.errors
        return await create_resident(self.kampung.kernel, village.code, "test", result.data)


@pytest.fixture
def kampung_plugins() -> tuple[str, ...]:
    """Population alone: what is read here must not depend on any other plugin being there."""
    return ("population",)


@pytest.fixture
def register(kampung) -> Register:
    return Register(kampung)


async def _family_of_three(kampung, register, village, kk: str) -> dict[str, int]:
    """A child, a wife and the head of the family, put on the card in that order."""
    family_id = await register.family(village, kk)
    on_card = {"kk_number": kk}
    child = await register.resident(
        village, 3, name="Rina Santoso", born="2015-03-02", sex="2", relationship="4", **on_card
    )
    wife = await register.resident(
        village, 2, name="Siti Aminah", born="1992-07-01", sex="2", relationship="3", **on_card
    )
    head = await register.resident(village, 1, name="Budi Santoso", relationship="1", **on_card)
    return {"family": family_id, "head": head, "wife": wife, "child": child}


async def test_a_resident_is_found_by_id_and_by_nik_with_labels(kampung, register) -> None:
    village = await kampung.village()
    ids = await _family_of_three(kampung, register, village, "3527010101260001")

    async with kampung.scope(village.code):
        by_id = await public.person(ids["head"])
        by_nik = await public.person_by_nik("3527011405900001")
        nobody = await public.person(ids["child"] + 1000)

    assert by_id == by_nik
    assert by_id is not None and nobody is None
    assert (by_id.name, by_id.sex, by_id.status, by_id.kk_number) == (
        "Budi Santoso",
        "L",
        "hidup",
        "3527010101260001",
    )
    assert (by_id.village_code, by_id.family_id) == (village.code, ids["family"])
    assert (by_id.relationship, by_id.relationship_label) == (1, "Kepala Keluarga")
    assert (by_id.religion, by_id.religion_label) == (1, "Islam")
    assert (by_id.marital_status_label, by_id.education, by_id.education_label) == (
        "Kawin",
        None,
        "",
    )
    assert (by_id.birth_date, by_id.birth_place) == (dt.date(1990, 5, 14), "Sampang")
    assert (by_id.dusun, by_id.rw, by_id.rt) == ("Krajan", "001", "002")


def test_age_in_years_and_months_counts_whole_units() -> None:
    baby = _someone(birth_date=dt.date(2024, 1, 31))
    assert baby.age_on(dt.date(2025, 1, 30)) == 0
    assert baby.age_on(dt.date(2025, 1, 31)) == 1
    assert baby.age_months_on(dt.date(2024, 2, 29)) == 0
    assert baby.age_months_on(dt.date(2024, 3, 31)) == 2
    assert baby.age_months_on(dt.date(2026, 1, 31)) == 24
    unknown = _someone(birth_date=None)
    assert unknown.age_on(dt.date(2025, 1, 1)) is None
    assert unknown.age_months_on(dt.date(2025, 1, 1)) is None


async def test_people_reads_many_ids_in_one_call(kampung, register) -> None:
    village = await kampung.village()
    ids = await _family_of_three(kampung, register, village, "3527010101260002")

    async with kampung.scope(village.code):
        found = await public.people([ids["head"], ids["child"], 999_999, ids["head"]])
        none = await public.people([])

    assert sorted(found) == sorted([ids["head"], ids["child"]])
    assert found[ids["child"]].name == "Rina Santoso"
    assert none == {}


async def test_reads_take_one_query_per_call_or_batch(kampung, register, monkeypatch) -> None:
    village = await kampung.village()
    ids = await _family_of_three(kampung, register, village, "3527010101260008")
    for serial in range(4, 8):
        await register.resident(village, serial, name=f"Warga {serial}")
    engine = type(kampung.kernel.engine)
    run = engine.run_querystring
    sent: list[str] = []

    async def counted(self, querystring, *args, **kwargs):
        sent.append(str(querystring))
        return await run(self, querystring, *args, **kwargs)

    async def queries(read) -> int:
        """How many statements `read` sends to the database (Piccolo's one way out)."""
        sent.clear()
        with monkeypatch.context() as patch:
            patch.setattr(engine, "run_querystring", counted)
            await read()
        return len(sent)

    async def all_batches() -> None:
        assert [len(b) async for b in public.people_in_batches(batch=3)] == [3, 3, 1]

    async with kampung.scope(village.code):
        assert await queries(lambda: public.people(list(ids.values()))) == 1
        assert await queries(lambda: public.family(ids["family"])) == 2
        assert await queries(lambda: public.person_by_nik("3527011405900001")) == 1
        assert await queries(all_batches) == 3


async def test_a_family_lists_its_members_head_first(kampung, register) -> None:
    village = await kampung.village()
    ids = await _family_of_three(kampung, register, village, "3527010101260003")

    async with kampung.scope(village.code):
        card = await public.family(ids["family"])
        by_kk = await public.family_by_kk("3527010101260003")
        none = await public.family_by_kk("3527010101269999")

    assert card is not None and card == by_kk and none is None
    assert [m.name for m in card.members] == ["Budi Santoso", "Siti Aminah", "Rina Santoso"]
    assert card.head is not None and card.head.id == ids["head"]
    assert (card.kk_number, card.address, card.village_code) == (
        "3527010101260003",
        "Jl. Mawar 1",
        village.code,
    )
    assert all(m.kk_number == "3527010101260003" for m in card.members)


async def test_find_people_by_the_start_of_the_name_and_by_nik(kampung, register) -> None:
    village = await kampung.village()
    await _family_of_three(kampung, register, village, "3527010101260004")
    await register.resident(village, 4, name="Budi Utomo")

    async with kampung.scope(village.code):
        by_start = await public.find_people("  BUDI  s")
        by_first_word = await public.find_people("budi")
        by_nik = await public.find_people("3527014203150003")
        limited = await public.find_people("budi", limit=1)
        blank = await public.find_people("   ")
        nobody = await public.find_people("joko")

    assert [p.name for p in by_start] == ["Budi Santoso"]
    assert [p.name for p in by_first_word] == ["Budi Santoso", "Budi Utomo"]
    assert [p.name for p in by_nik] == ["Rina Santoso"]
    assert [p.name for p in limited] == ["Budi Santoso"]
    assert blank == nobody == []


async def test_find_people_by_a_word_inside_the_name(kampung, register) -> None:
    village = await kampung.village()
    await _family_of_three(kampung, register, village, "3527010101260007")
    await register.resident(village, 4, name="Aminah Wati")

    async with kampung.scope(village.code):
        found = await public.find_people("aminah")

    assert [p.name for p in found] == ["Aminah Wati", "Siti Aminah"]


async def test_living_only_leaves_out_the_dead_unless_asked(kampung, register) -> None:
    village = await kampung.village()
    alive = await register.resident(village, 1, name="Budi Santoso")
    dead = await register.resident(village, 2, name="Budi Hartono")
    await _record(kampung, village, dead, DEATH)

    async with kampung.scope(village.code):
        living = await public.find_people("budi")
        everyone = await public.find_people("budi", living_only=False)
        gone = await public.person(dead)

    assert [p.id for p in living] == [alive]
    assert {p.id for p in everyone} == {alive, dead}
    assert gone is not None and (gone.status, gone.status_label, gone.living) == (
        "meninggal",
        "Mati",
        False,
    )


async def test_batches_cover_the_whole_village_once(kampung, register) -> None:
    village = await kampung.village()
    made = [
        await register.resident(village, serial, name=f"Warga {serial}") for serial in range(1, 8)
    ]
    await _record(kampung, village, made[3], MOVE_OUT)

    async with kampung.scope(village.code):
        living = [batch async for batch in public.people_in_batches(batch=3)]
        everyone = [batch async for batch in public.people_in_batches(living_only=False, batch=3)]

    assert [len(batch) for batch in living] == [3, 3]
    assert [p.id for batch in living for p in batch] == [i for i in made if i != made[3]]
    assert [len(batch) for batch in everyone] == [3, 3, 1]
    assert [p.id for batch in everyone for p in batch] == made


async def test_born_between_includes_both_ends(kampung, register) -> None:
    village = await kampung.village()
    first = await register.resident(village, 1, born="2021-01-01")
    last = await register.resident(village, 2, born="2025-12-31")
    await register.resident(village, 3, born="2020-12-31")
    await register.resident(village, 4, born="2026-01-01")

    async with kampung.scope(village.code):
        children = await public.born_between(dt.date(2021, 1, 1), dt.date(2025, 12, 31))

    assert [p.id for p in children] == [first, last]


async def test_village_counts_are_numbers_of_living_residents(kampung, register) -> None:
    village = await kampung.village()
    await _family_of_three(kampung, register, village, "3527010101260005")
    dead = await register.resident(village, 4, dusun="Temor")
    await _record(kampung, village, dead, DEATH)
    await register.resident(village, 5, dusun="Temor")

    counts = await public.village_counts(village.code)

    assert counts == public.PopulationCounts(
        residents=4, male=2, female=2, families=1, by_dusun={"Krajan": 3, "Temor": 1}
    )
    with pytest.raises(ValueError):
        await public.village_counts("35.27.01")


async def _database_scope(kampung) -> str | None:
    """What PostgreSQL's Row-Level Security reads; SQLite has no such setting."""
    if kampung.kernel.engine.engine_type != "postgres":
        return None
    rows = await kampung.kernel.engine.run_ddl(
        "SELECT current_setting('kampung.scope', true) AS scope"
    )
    return rows[0]["scope"] or ""


async def test_village_counts_leave_the_callers_scope_as_it_was(kampung, register) -> None:
    village = await kampung.village(0)
    other = await kampung.village(1)
    mine = await register.resident(village, 1)
    theirs = await register.resident(other, 2)
    postgres = kampung.kernel.engine.engine_type == "postgres"

    async with kampung.kernel.engine.transaction():
        assert (await public.village_counts(village.code)).residents == 1
        assert await _database_scope(kampung) == ("" if postgres else None)
        with pytest.raises(TenantScopeError):
            await public.person(mine)
    async with kampung.scope(village.code):
        assert (await public.village_counts(other.code)).residents == 1
        assert await _database_scope(kampung) == (village.code if postgres else None)
        assert await public.person(theirs) is None
        assert (await public.person(mine)) is not None
        await register.resident_here(village, 3)
        assert (await public.village_counts(village.code)).residents == 2


async def test_another_villages_resident_is_never_returned(kampung, register) -> None:
    village = await kampung.village(0)
    other = await kampung.village(1)
    theirs = await _family_of_three(kampung, register, other, "3527010101260006")
    ours = await register.resident(village, 9, name="Budi Santoso")

    async with kampung.scope(village.code):
        assert await public.person(theirs["head"]) is None
        assert await public.person_by_nik("3527011405900001") is None
        assert await public.people([theirs["head"], ours]) == {ours: await public.person(ours)}
        assert [p.id for p in await public.find_people("budi")] == [ours]
        assert await public.find_people("3527011405900001") == []
        assert await public.family(theirs["family"]) is None
        assert await public.family_by_kk("3527010101260006") is None
        batches = [b async for b in public.people_in_batches(living_only=False)]
        assert [p.id for b in batches for p in b] == [ours]
        assert await public.born_between(dt.date(1900, 1, 1), dt.date(2100, 1, 1)) == [
            await public.person(ours)
        ]
    assert (await public.village_counts(other.code)).residents == 3
    assert (await public.village_counts(village.code)).residents == 1


async def test_without_a_scope_nothing_is_read(kampung, register) -> None:
    village = await kampung.village()
    resident = await register.resident(village, 1)

    with pytest.raises(TenantScopeError):
        async with kampung.kernel.engine.transaction():
            await public.person(resident)


@pytest.mark.parametrize("kampung_extra_plugins", [[Consumer()]])
async def test_every_published_event_carries_the_documented_payload(kampung, register) -> None:
    HEARD.clear()
    village = await kampung.village()
    resident = await register.resident(village, 1)
    day = dt.date(2026, 1, 5)
    for kind in (MISSING, MOVE_IN, LEFT, MOVE_IN, MOVE_OUT, MOVE_IN, BIRTH, DEATH):
        event_id = await _record(kampung, village, resident, kind, day)
    async with kampung.scope(village.code):
        await correct_event(kampung.kernel, village.code, "test", event_id, "Salah catat", day)

    life = set(public.EVENTS) - {REQUEST_STATUS_CHANGED}
    assert {event.name for event in HEARD} == life
    for event in HEARD:
        assert tuple(sorted(event.payload)) == tuple(sorted(public.EVENTS[event.name].payload))
        assert (event.payload["resident_id"], event.payload["nik"], event.village_code) == (
            resident,
            "3527011405900001",
            village.code,
        )
    life_events = [e for e in HEARD if e.name != "population.event_corrected"]
    assert {e.payload["event_date"] for e in life_events} == {"2026-01-05"}


def test_every_event_name_population_uses_is_in_events() -> None:
    """An event published under a name missing from `EVENTS` would reach no consumer's eye."""
    package = Path(public.__file__).parent
    names = {
        node.value
        for path in package.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and re.fullmatch(r"population\.(resident|event|request)_\w+", node.value)
    }
    assert names == set(public.EVENTS)


async def _record(kampung, village, resident_id: int, kind: int, day: dt.date | None = None) -> int:
    day = day or dt.date(2026, 1, 5)
    details = {"place": "Rumah", "cause": "1"} if kind == DEATH else {}
    async with kampung.scope(village.code):
        return await record_event(
            kampung.kernel, village.code, "test", resident_id, kind, day, day, details
        )


def _someone(**changes) -> public.PersonFacts:
    values = {field: "" for field in public.PersonFacts.__dataclass_fields__}
    values.update(id=1, nik_temporary=False, family_id=None, birth_date=None)
    values.update({f: None for f in ("relationship", "religion", "education", "occupation")})
    values.update(marital_status=None, disability=None)
    values.update(changes)
    return public.PersonFacts(**values)
