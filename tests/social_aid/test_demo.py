"""The demo fills a village the way the issue asks: two programmes, a Musdesus with minutes, a
closed cycle with payouts, one awaiting approval, and a death that suspended an entitlement."""

from __future__ import annotations

from core.testing.sweep import fill_with_demo_data
from plugins.population import public as population
from plugins.social_aid.cycles import cycles
from plugins.social_aid.deliberation import deliberations
from plugins.social_aid.programmes import programmes


async def test_the_demo_runs_a_whole_season_in_a_village(kampung) -> None:
    village = await kampung.village(0)
    await fill_with_demo_data(kampung, village, ["population", "social_aid"])
    async with kampung.scope(village.code):
        codes = {p["code"] for p in await programmes.programmes()}
        statuses = sorted(c.status for c in await cycles.cycles())
        held = [d for d in await deliberations.deliberations() if d.meeting]
        waiting = next(c for c in await cycles.cycles() if c.status == "submitted")
        suspended = [
            e for e in await cycles.entitlements(waiting.row["id"]) if e["outcome"] == "suspended"
        ]
        dead = [await population.person(e["resident_id"]) for e in suspended]
    assert codes == {"BLT-DD", "PANGAN-KAB", "PKH"}
    assert statuses == ["closed", "submitted"]
    assert held and all(d.status == "approved" for d in held)
    assert len(suspended) == 1, "the oldest head's death suspended their pending entitlement"
    assert dead[0] is not None and not dead[0].living
    assert "meninggal" in suspended[0]["stop"]["reason"]
    head = await kampung.login("village_head", village)
    for path in ("/bantuan", "/bantuan/siklus", "/bantuan/musyawarah"):
        assert (await head.get(village.url + path)).status_code == 200
    cycle_page = await head.get(f"{village.url}/bantuan/siklus/{waiting.row['id']}")
    assert cycle_page.status_code == 200
    assert suspended[0]["name"] in cycle_page.text and "meninggal" in cycle_page.text
