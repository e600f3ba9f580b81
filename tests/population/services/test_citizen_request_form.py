"""The citizen's online request form names family members without their NIKs, and takes only
members of the citizen's own family."""

from __future__ import annotations

import re

from core.testing.harness import csrf_ready
from plugins.population.tables import ServiceRequest


async def _citizen(kampung, village, nik: str):
    operator = await kampung.login("village_operator", village)
    issued = await operator.post(village.url + "/warga-akun", data={"nik": nik})
    pin = re.search(r'class="issued-pin">(\d{6})<', issued.text).group(1)
    client = kampung.client()
    await csrf_ready(client)
    signed_in = await client.post("/warga/masuk", data={"nik": nik, "pin": pin})
    assert signed_in.status_code == 303
    changed = await client.post(
        "/warga/ganti-pin",
        data={"current_pin": pin, "pin": "582914", "pin_confirm": "582914"},
    )
    assert changed.status_code == 303, changed.text[:500]
    return client


async def test_no_nik_appears_in_the_citizen_request_form(kampung, people) -> None:
    village = await kampung.village()
    family = await people.family(village)
    me = await people.resident(village, "SITI AMINAH", family=family)
    child = await people.resident(village, "ANAK SITI", family=family)
    client = await _citizen(kampung, village, me["nik"])
    form = await client.get(village.url + "/warga/layanan/baru?kind=kia")
    assert form.status_code == 200
    assert "ANAK SITI" in form.text
    assert f'<option value="{child["id"]}"' in form.text
    for nik in (me["nik"], child["nik"]):
        assert nik not in form.text
    assert re.search(r"(?<![0-9A-Za-z])\d{16}(?![0-9A-Za-z])", form.text) is None


async def test_a_forged_id_of_another_familys_member_is_refused(kampung, people) -> None:
    village = await kampung.village()
    mine = await people.family(village)
    me = await people.resident(village, "SITI AMINAH", family=mine)
    stranger = await people.resident(village, "ORANG LAIN", family=await people.family(village))
    client = await _citizen(kampung, village, me["nik"])
    refused = await client.post(
        village.url + "/warga/layanan/baru",
        data={"kind": "kia", "idempotency_key": "forged-1", "member": str(stranger["id"])},
    )
    assert refused.status_code == 422
    assert "Pilih anggota keluarga Anda yang dilayani." in refused.text
    assert stranger["nik"] not in refused.text
    by_nik = await client.post(
        village.url + "/warga/layanan/baru",
        data={"kind": "kia", "idempotency_key": "forged-2", "nik": stranger["nik"]},
    )
    assert by_nik.status_code == 422
    async with kampung.scope(village.code):
        assert await ServiceRequest.count() == 0
