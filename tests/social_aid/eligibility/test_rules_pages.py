"""Rules on a real register: the operator previews who qualifies and why, saves only a rule that
compiles, and the shipped BLT-DD tiers pick desil 1 first, then desil 2-4, then the criteria."""

from __future__ import annotations

import datetime as dt
from typing import Any

from plugins.social_aid.eligibility import rules
from plugins.social_aid.programmes import programmes

PROGRAMME = {
    "code": "BLT-DD", "name": "BLT Dana Desa", "kind": "tunai", "target": "family",
    "period_start": "2026-01-01", "period_end": "2026-12-31", "fund_source": "Dana Desa",
    "budget": "36000000", "amount": "300000", "amount_basis": "target", "cycles": "12",
}  # fmt: skip


async def _programme(client: Any, village: Any) -> str:
    answer = await client.post(f"{village.url}/bantuan/program/baru", data=PROGRAMME)
    assert answer.status_code == 303
    return answer.headers["location"]


async def _dtsen(client: Any, village: Any, lines: list[str]) -> str:
    content = "no_kk,desil,sakit_menahun,kehilangan_pekerjaan,kriteria_bps\n" + "\n".join(lines)
    answer = await client.post(
        f"{village.url}/bantuan/dtsen", files={"file": ("dtsen.csv", content.encode(), "text/csv")}
    )
    assert answer.status_code == 200, answer.text[:2000]
    return answer.text


async def test_preview_shows_who_qualifies_and_why_before_anything_is_saved(kampung, desk) -> None:
    village = desk.village
    client = await kampung.login("aid_operator", village)
    url = await _programme(client, village)
    kk = await desk.family()
    await desk.resident("MBAH KARSO", kk=kk, born=dt.date(1940, 3, 1))
    other = await desk.family()
    await desk.resident("ANDI WIJAYA", kk=other, born=dt.date(1990, 3, 1))
    await desk.resident("RINA WIJAYA", kk=other, relationship=3, sex=2, born=dt.date(1992, 3, 1))
    rule = {"name": "Lansia sendiri", "expression": "head && elderly_alone", "action": "preview"}
    preview = await client.post(url + "/aturan", data=rule)
    assert preview.status_code == 200
    assert "1 orang memenuhi" in preview.text and "MBAH KARSO" in preview.text
    assert "ANDI WIJAYA" not in preview.text
    assert "elderly_alone = true" in preview.text and "head = true" in preview.text
    assert 'value="Lansia sendiri"' in preview.text
    async with kampung.scope(village.code):
        saved = await programmes.by_code("BLT-DD")
        assert saved is not None and await rules.rules_of(saved["id"]) == []


async def test_a_bad_rule_is_not_saved_and_the_error_names_it(kampung, desk) -> None:
    village = desk.village
    client = await kampung.login("aid_operator", village)
    url = await _programme(client, village)
    rule = {"name": "Usia lanjut", "expression": "umur >= 60", "action": "save"}
    answer = await client.post(url + "/aturan", data=rule)
    assert answer.status_code == 422
    assert "Aturan &#39;Usia lanjut&#39;: fakta umur tidak dikenal" in answer.text
    assert "umur &gt;= 60" in answer.text
    async with kampung.scope(village.code):
        saved = await programmes.by_code("BLT-DD")
        assert saved is not None and await rules.rules_of(saved["id"]) == []


async def test_the_dtsen_import_reports_every_row(kampung, desk) -> None:
    village = desk.village
    client = await kampung.login("aid_operator", village)
    kk = await desk.family()
    text = await _dtsen(
        client, village, [f"{kk},1,tidak,ya,3", "1234,2,,,", "3527019999999999,2,,,"]
    )
    assert "Desil 1 dicatat." in text
    assert "No. KK harus 16 digit angka." in text
    assert "No. KK tidak terdaftar di desa ini." in text


async def test_blt_dd_tiers_take_desil_1_first_then_desil_2_to_4_then_the_criteria(
    kampung, desk
) -> None:
    village = desk.village
    client = await kampung.login("aid_operator", village)
    url = await _programme(client, village)
    assert (
        await client.post(url + "/aturan/contoh", data={"example": "blt_dd_2024"})
    ).status_code == 303
    poorest, poor, alone = await desk.family(), await desk.family(), await desk.family()
    await desk.resident("SAMIDI", kk=poorest)
    await desk.resident("PAIMAN", kk=poor)
    await desk.resident("MBAH SUMI", kk=alone, sex=2, born=dt.date(1941, 1, 1))
    day = dt.date(2026, 12, 2)

    async def tier() -> tuple[int, set[str]]:
        async with kampung.scope(village.code):
            programme = await programmes.by_code("BLT-DD")
            position, outcome = await rules.candidates(programme, day)
        return position, {s.person.name for s in outcome.selected} if outcome else set()

    assert await tier() == (3, {"MBAH SUMI"})
    await _dtsen(client, village, [f"{poor},3,,,"])
    assert await tier() == (2, {"PAIMAN"})
    await _dtsen(client, village, [f"{poorest},1,,,"])
    assert await tier() == (1, {"SAMIDI"})
