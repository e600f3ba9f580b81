"""A Musdesus from the rules' candidates to the head's approval, as the village runs it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from plugins.social_aid.deliberation import deliberations
from plugins.social_aid.programmes import recipients
from plugins.social_aid.tables import DeliberationStep

PROGRAMME = {
    "code": "BLT-DD",
    "name": "BLT Dana Desa",
    "kind": "tunai",
    "target": "family",
    "period_start": "2026-01-01",
    "period_end": "2026-12-31",
    "fund_source": "Dana Desa",
    "budget": "36000000",
    "amount": "300000",
    "amount_basis": "target",
    "cycles": "12",
}
MEETING = {
    "action": "hold",
    "meeting_date": "2026-02-10",
    "place": "Balai Desa",
    "attendance": "H. Slamet (BPD)\nSuparno (RT 02)",
    "minutes": "Musyawarah menetapkan KPM.",
}


async def _deliberation(kampung: Any, desk: Any) -> tuple[Any, str, dict[str, Any]]:
    village = desk.village
    operator = await kampung.login("aid_operator", village)
    created = await operator.post(f"{village.url}/bantuan/program/baru", data=PROGRAMME)
    programme_id = created.headers["location"].rsplit("/", 1)[1]
    rule = {"name": "Lansia sendiri", "expression": "head && elderly_alone", "action": "save"}
    assert (
        await operator.post(created.headers["location"] + "/aturan", data=rule)
    ).status_code == 303
    people = {}
    for name, born in (("MBAH KARSO", dt.date(1940, 1, 1)), ("MBAH WAGINAH", dt.date(1945, 1, 1))):
        people[name] = await desk.resident(name, kk=await desk.family(), born=born)
    people["TONO"] = await desk.resident("TONO", kk=await desk.family())
    opened = await operator.post(
        f"{village.url}/bantuan/musyawarah",
        data={"programme": programme_id, "title": "Musdesus BLT-DD 2026"},
    )
    assert opened.status_code == 303
    return operator, opened.headers["location"], people


async def test_a_musdesus_turns_candidates_into_recipients_once_the_head_approves(
    kampung, desk
) -> None:
    operator, url, people = await _deliberation(kampung, desk)
    assert (await operator.post(url + "/calon-aturan")).status_code == 303
    assert (await operator.post(url + "/calon-aturan")).status_code == 303
    page = await operator.get(url)
    assert page.text.count("MBAH KARSO") == 1 and "MBAH WAGINAH" in page.text
    assert "Tingkat 1: Lansia sendiri" in page.text
    proposed = await operator.post(
        url + "/calon", data={"nik": people["TONO"]["nik"], "reason": ""}
    )
    assert proposed.status_code == 422 and "Alasan usulan wajib diisi." in proposed.text
    proposed = await operator.post(
        url + "/calon", data={"nik": people["TONO"]["nik"], "reason": "Rumah terbakar Januari"}
    )
    assert proposed.status_code == 303
    async with kampung.scope(desk.village.code):
        state = await deliberations.load(int(url.rsplit("/", 1)[1]))
        listed = {
            c.row["name"]: c.row["id"] for c in await deliberations.candidates(state.row["id"])
        }
    excluded = await operator.post(
        url + f"/calon/{listed['MBAH WAGINAH']}/keputusan",
        data={"include": "0", "reason": "Sudah menerima bantuan dari anaknya"},
    )
    assert excluded.status_code == 303
    missing = await operator.post(
        url + "/aksi", data={"action": "hold", "meeting_date": "2026-02-10"}
    )
    assert missing.status_code == 422 and "Berita acara wajib diisi." in missing.text
    assert (await operator.post(url + "/aksi", data=MEETING)).status_code == 303
    refused = await operator.post(url + "/aksi", data={"action": "approve"})
    assert refused.status_code == 403
    head = await kampung.login("village_head", desk.village)
    assert (await head.post(url + "/aksi", data={"action": "approve"})).status_code == 303
    async with kampung.scope(desk.village.code):
        names = {r["name"] for r in await recipients.active()}
    assert names == {"MBAH KARSO", "TONO"}
    late = await operator.post(
        url + "/calon", data={"nik": people["MBAH WAGINAH"]["nik"], "reason": "x"}
    )
    assert late.status_code == 422 and "perlu musyawarah baru" in late.text
    shown = (await operator.get(url)).text
    assert "Balai Desa" in shown and "Disetujui kepala desa" in shown


async def test_the_deliberation_history_cannot_be_rewritten(kampung, desk) -> None:
    operator, url, _ = await _deliberation(kampung, desk)
    assert (await operator.post(url + "/aksi", data=MEETING)).status_code == 303
    with pytest.raises(Exception, match=r"insert-only|permission denied"):
        async with kampung.scope(desk.village.code):
            await DeliberationStep.update({DeliberationStep.action: "approve"}, force=True)
