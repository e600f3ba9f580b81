"""The demo's citizen finds a returned request waiting: the reason, and a way to fix and resend."""

from __future__ import annotations

import re

from core import DemoContext
from core.tenancy.resolve import village_tenant
from core.tenancy.tables import Village
from core.testing.harness import csrf_ready
from plugins.population import plugin
from plugins.population.portal.demo import RETURN_REASON
from plugins.population.tables import ServiceRequest

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


async def test_the_demo_citizen_reads_why_a_request_came_back_and_resends_it(kampung) -> None:
    village = await kampung.village()
    async with kampung.scope(village.code):
        row = await Village.select().where(Village.code == village.code).first()
    context = DemoContext(
        kernel=kampung.kernel, village=village_tenant(row), seed=3, users={"village_head": "k"}
    )
    async with kampung.scope(village.code):
        await plugin.kampung_demo_data(context)
    [login] = [login for login in context.logins if login.role == "citizen"]
    client = kampung.client()
    await csrf_ready(client)
    await client.post("/warga/masuk", data={"nik": login.username, "pin": login.secret})

    home = (await client.get(village.url + "/warga")).text
    found = re.search(r'href="([^"]+)">Lihat alasan dan perbaiki', home)
    assert found is not None, "the returned request is pointed out on the home page"
    detail = await client.get(found.group(1))
    assert RETURN_REASON in detail.text
    resent = await client.post(
        found.group(1) + "/ajukan-ulang", files={"dok_kk": ("kk.pdf", PDF, "application/pdf")}
    )
    assert resent.status_code == 303
    request_id = int(found.group(1).rsplit("/", 1)[1])
    async with kampung.scope(village.code):
        status = await ServiceRequest.select(ServiceRequest.status).where(
            ServiceRequest.id == request_id
        )
    assert status == [{"status": "diajukan"}]
