"""A birth recorded from a family card starts from the card: its hamlet, RW, RT and address, and
the head and spouse as father and mother; a newborn stored without a place lives at the card's."""

from __future__ import annotations

from lxml import html

from plugins.population.register.families import FamilyInput, create_family
from plugins.population.tables import Resident

KK = "3527010101260001"
FATHER_NIK, MOTHER_NIK = "3527011405900001", "3527011405900002"


async def _family_with_parents(kampung, register, village) -> int:
    async with kampung.scope(village.code):
        family_id = await create_family(
            kampung.kernel,
            village.code,
            "test",
            FamilyInput(KK, "Jl. Mawar 1", dusun="Temor", rw="002", rt="001"),
        )
    on_card = {"kk_number": KK, "dusun": "Temor", "rw": "2", "rt": "1"}
    await register.resident(village, 1, name="Budi Santoso", relationship="1", **on_card)
    await register.resident(
        village, 2, name="Siti Aminah", sex="2", birth_date="1992-07-01", relationship="3",
        **on_card,
    )  # fmt: skip
    return family_id


def _values(page: str) -> dict[str, str]:
    """What the browser would send back: every input's and every select's current value."""
    tree = html.fromstring(page)
    values = {field.get("name"): field.get("value") or "" for field in tree.iter("input")}
    for select in tree.iter("select"):
        chosen = select.xpath("option[@selected]/@value")
        values[select.get("name")] = chosen[0] if chosen else ""
    return values


async def test_the_birth_form_starts_from_the_family_card(kampung, register) -> None:
    village = await kampung.village()
    await _family_with_parents(kampung, register, village)
    client = await kampung.login("village_operator", village)

    form = await client.get(f"{village.url}/penduduk/baru", params={"kk": KK, "arrival": "1"})
    arrival = await client.get(f"{village.url}/penduduk/baru", params={"kk": KK, "arrival": "5"})

    values = _values(form.text)
    assert (values["dusun"], values["rw"], values["rt"], values["address"]) == (
        "Temor",
        "002",
        "001",
        "Jl. Mawar 1",
    )
    assert (values["father_nik"], values["father_name"]) == (FATHER_NIK, "Budi Santoso")
    assert (values["mother_nik"], values["mother_name"]) == (MOTHER_NIK, "Siti Aminah")
    moved_in = _values(arrival.text)
    assert moved_in["dusun"] == "Temor" and moved_in["father_nik"] == ""


async def test_the_prefilled_birth_is_stored_with_the_cards_place_and_parents(
    kampung, register
) -> None:
    village = await kampung.village()
    family_id = await _family_with_parents(kampung, register, village)
    client = await kampung.login("village_operator", village)
    form = await client.get(f"{village.url}/penduduk/baru", params={"kk": KK, "arrival": "1"})
    prefilled = {k: v for k, v in _values(form.text).items() if k != "nik"}
    baby = {
        **prefilled,
        "nik_temporary": "1",
        "name": "Bayi Mungil",
        "sex": "2",
        "birth_date": "2026-01-02",
        "relationship": "4",
        "religion": "1",
        "event_date": "2026-01-02",
        "report_date": "2026-01-10",
        "nik_checked": "1",
    }

    response = await client.post(f"{village.url}/penduduk/baru", data=baby)

    assert response.status_code == 303, response.text
    async with kampung.scope(village.code):
        row = await Resident.select().where(Resident.name == "Bayi Mungil").first()
    assert row["family"] == family_id
    assert (row["dusun"], row["rw"], row["rt"], row["address"]) == (
        "Temor",
        "002",
        "001",
        "Jl. Mawar 1",
    )
    assert (row["father_nik"], row["father_name"]) == (FATHER_NIK, "Budi Santoso")
    assert (row["mother_nik"], row["mother_name"]) == (MOTHER_NIK, "Siti Aminah")


async def test_a_member_stored_without_a_place_lives_at_the_cards(kampung, register) -> None:
    village = await kampung.village()
    await _family_with_parents(kampung, register, village)

    child = await register.resident(
        village, 3, name="Rina", dusun="", rw="", rt="", kk_number=KK, relationship="4"
    )

    async with kampung.scope(village.code):
        row = await Resident.select().where(Resident.id == child).first()
    assert (row["dusun"], row["rw"], row["rt"], row["address"]) == (
        "Temor",
        "002",
        "001",
        "Jl. Mawar 1",
    )
