"""The demo fills a village with a published site, a budget with realisation, an information
list and requests in every state, one overdue and one objected; and it runs twice the same way."""

from __future__ import annotations

from core import DemoContext
from core.localtime import local_today
from core.tenancy.resolve import village_tenant
from core.tenancy.tables import Village
from plugins.public_info import plugin
from plugins.public_info.ppid.lifecycle import REQUEST_LIFECYCLE
from plugins.public_info.ppid.views import late_flag
from plugins.public_info.tables import BudgetRevision, InfoDocument, InfoRequest, Post


async def _demo(kampung, village) -> None:
    row = await Village.select().where(Village.code == village.code).first()
    context = DemoContext(kernel=kampung.kernel, village=village_tenant(row), seed=7)
    async with kampung.scope(village.code):
        await plugin.kampung_demo_data(context)


async def test_the_demo_has_requests_in_every_state(kampung) -> None:
    village = await kampung.village()
    await _demo(kampung, village)
    today = local_today()
    async with kampung.scope(village.code):
        requests = await InfoRequest.select()
        posts = await Post.select()
        years = {r["year"] for r in await BudgetRevision.select()}
        documents = await InfoDocument.select()
    assert {r["status"] for r in requests} == set(REQUEST_LIFECYCLE.states)
    late = [r for r in requests if late_flag(r, today)]
    assert len(late) == 1 and late[0]["status"] == "diajukan"
    assert sum(1 for r in requests if r["status"] == "keberatan") == 1
    assert {p["status"] for p in posts} == {"terbit", "terjadwal", "draf"}
    assert len(years) == 2
    assert {d["category"] for d in documents} == {
        "berkala", "serta_merta", "setiap_saat", "dikecualikan"
    }  # fmt: skip


async def test_the_demo_site_shows_to_a_visitor(kampung) -> None:
    village = await kampung.village()
    await _demo(kampung, village)
    visitor = kampung.client()
    for path in ("", "/profil", "/berita", "/agenda", "/layanan", "/apbdes", "/informasi"):
        page = await visitor.get(f"{village.url}/situs{path}")
        assert page.status_code == 200, path
    assert (
        "Kerja bakti membersihkan saluran irigasi"
        in (await visitor.get(f"{village.url}/situs")).text
    )
