"""A village's letter template is bounded in size, rendering time and output, on saving and when
a letter is issued, and a runaway template never stalls the server."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime

import pytest

from plugins.population.letters.renderer import RENDER_SECONDS
from plugins.population.letters.template_pages import MAX_TEMPLATE_LENGTH
from plugins.population.tables import Letter, LetterTemplate

NIK = "3527014506900002"
NESTED_LOOPS = (
    "{% for a in range(100000) %}{% for b in range(100000) %}{% for c in range(100000) %}"
    "{% endfor %}{% endfor %}{% endfor %}"
)


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (NESTED_LOOPS, "terlalu lama diisi"),
        ("{{ 'x' * 10**9 }}", "terlalu panjang"),
        ("{% for a in range(99999) %}{{ resident.name * 10 }}{% endfor %}", "terlalu panjang"),
        ("{{ 2 ** 100000000 }}", "pangkat yang terlalu besar"),
    ],
)
async def test_template_that_cannot_render_in_bounds_is_refused_on_save(
    kampung, body: str, reason: str
) -> None:
    village = await kampung.village()
    admin = await kampung.login("village_admin", village)
    started = time.monotonic()
    saved = await admin.post(village.url + "/surat/templat/domisili", data={"body": body})
    assert saved.status_code == 422
    assert reason in saved.text
    assert time.monotonic() - started < RENDER_SECONDS + 30
    async with kampung.scope(village.code):
        assert await LetterTemplate.count() == 0


async def test_runaway_template_does_not_stall_other_requests(kampung) -> None:
    village = await kampung.village()
    admin = await kampung.login("village_admin", village)
    await admin.post(village.url + "/surat/templat/domisili", data={"body": "{{ resident.name }}"})
    saving = asyncio.create_task(
        admin.post(village.url + "/surat/templat/domisili", data={"body": NESTED_LOOPS})
    )
    await asyncio.sleep(0.3)
    started = time.monotonic()
    health = await kampung.client().get("/-/health")
    assert health.status_code == 200
    assert time.monotonic() - started < 1.0
    assert not saving.done()
    assert (await saving).status_code == 422


async def test_template_over_the_length_limit_is_refused_naming_the_field(kampung) -> None:
    village = await kampung.village()
    admin = await kampung.login("village_admin", village)
    body = "Surat " * (MAX_TEMPLATE_LENGTH // 5)
    saved = await admin.post(village.url + "/surat/templat/domisili", data={"body": body})
    assert saved.status_code == 422
    assert f"Isi templat paling banyak {MAX_TEMPLATE_LENGTH} karakter" in saved.text
    huge = await admin.post(
        village.url + "/surat/templat/domisili", data={"body": "x" * (10 * 1024 * 1024)}
    )
    assert huge.status_code == 413
    assert "Kiriman terlalu besar" in huge.text


async def test_runaway_template_already_stored_fails_cleanly_when_a_letter_is_drafted(
    kampung, add_resident, draft
) -> None:
    village = await kampung.village()
    await add_resident(village, NIK)
    async with kampung.scope(village.code):
        await LetterTemplate.insert(
            LetterTemplate(
                village_code=village.code,
                kind="domisili",
                body=NESTED_LOOPS,
                updated_by="admin",
                updated_at=datetime.now(UTC),
            )
        )
    operator = await kampung.login("village_operator", village)
    response = await draft(operator, village, NIK)
    assert response.status_code == 422
    assert "terlalu lama diisi" in response.text
    async with kampung.scope(village.code):
        assert await Letter.count() == 0
