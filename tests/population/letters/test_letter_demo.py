"""The demo fills a village with letters in every state, two of them signed."""

from __future__ import annotations

from core import DemoContext
from core.tenancy.resolve import village_tenant
from core.tenancy.tables import Village
from plugins.population.letters.demo import demo_letters
from plugins.population.tables import Letter


async def test_demo_letters_cover_every_state(kampung, add_resident):
    village = await kampung.village()
    await add_resident(village, "3527014506900001")
    await add_resident(village, "3527011203880003", name="Ahmad Fauzi", sex=1)
    users = {
        role: await kampung.user(role, village.code)
        for role in ("village_operator", "village_secretary", "village_head")
    }
    row = await Village.select().where(Village.code == village.code).first()
    context = DemoContext(kampung.kernel, village_tenant(row), seed=7, users=users)

    async with kampung.scope(village.code):
        await demo_letters(context)
        statuses = [r["status"] for r in await Letter.select(Letter.status)]
        signers = {
            r["signer_name"]
            for r in await Letter.select(Letter.signer_name).where(
                Letter.status == "ditandatangani"
            )
        }

    assert set(statuses) == {"diminta", "draf", "diperiksa", "ditandatangani", "dibatalkan"}
    assert statuses.count("ditandatangani") == 2
    assert signers == {"Moh. Hasan"}
