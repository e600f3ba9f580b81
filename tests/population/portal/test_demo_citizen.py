"""`kampung demo` prints a citizen's portal login (NIK and PIN) for the village its staff work in,
and that login signs straight in to the citizen's own family page."""

from __future__ import annotations

from core import DemoContext
from core.tenancy.resolve import village_tenant
from core.tenancy.tables import Village
from core.testing.harness import csrf_ready
from plugins.population import plugin
from plugins.population.portal.demo import demo_citizen
from plugins.population.register.families import HEAD
from plugins.population.tables import CitizenAccount, Resident


async def _context(kampung, village, users: dict[str, str]) -> DemoContext:
    async with kampung.scope(village.code):
        row = await Village.select().where(Village.code == village.code).first()
    return DemoContext(kernel=kampung.kernel, village=village_tenant(row), seed=3, users=users)


async def test_the_demo_prints_a_citizen_login_that_opens_the_family_page(kampung) -> None:
    village = await kampung.village()
    context = await _context(kampung, village, {"village_head": "kades-demo"})
    async with kampung.scope(village.code):
        await plugin.kampung_demo_data(context)

    [login] = [login for login in context.logins if login.role == "citizen"]
    assert (login.scope, login.home) == (village.code, "/warga/masuk")
    assert len(login.secret) == 6 and login.secret.isdigit()
    async with kampung.scope(village.code):
        resident = await Resident.select().where(Resident.nik == login.username).first()
    assert resident is not None and resident["status"] == 1

    client = kampung.client()
    await csrf_ready(client)
    signed_in = await client.post("/warga/masuk", data={"nik": login.username, "pin": login.secret})
    assert signed_in.status_code == 303
    assert signed_in.headers["location"] == village.url + "/warga"
    home = await client.get(village.url + "/warga")
    assert home.status_code == 200 and resident["name"] in home.text


async def test_the_same_seed_gives_the_same_citizen_and_pin(kampung, people) -> None:
    village = await kampung.village()
    for name in ("AHMAD FAUZI", "BUDI SANTOSO", "CHOIRUL ANAM"):
        await people.resident(village, name, family=await people.family(village), relationship=HEAD)
    logins = []
    for _ in range(2):
        context = await _context(kampung, village, {"village_head": "kades-demo"})
        async with kampung.scope(village.code):
            await demo_citizen(context)
        logins.append(context.logins)
    assert logins[0] == logins[1] and len(logins[0]) == 1


async def test_a_village_without_its_staff_accounts_gets_no_citizen_login(kampung, people) -> None:
    village = await kampung.village()
    await people.resident(village, family=await people.family(village), relationship=HEAD)
    context = await _context(kampung, village, {"village_operator": "operator-demo"})
    async with kampung.scope(village.code):
        await demo_citizen(context)
        accounts = await CitizenAccount.count()
    assert context.logins == [] and accounts == 0
