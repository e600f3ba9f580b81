"""Cancelling a request cannot be undone, so the page asks first, with plain forms (no script)."""

from __future__ import annotations

import re


async def test_cancel_asks_for_confirmation_before_cancelling(counter, people) -> None:
    person = await people.resident(counter.village)
    request_id = await counter.submit(person["nik"], "c-1")
    page = await counter.operator.get(counter.url(request_id))
    form = re.search(
        r'<form method="post" action="([^"]+/aksi/batalkan)"[^>]*>(.*?)</form>', page.text, re.S
    )
    assert form is not None and "konfirmasi" not in form.group(2)
    asked = await counter.act(request_id, "batalkan")
    assert asked.status_code == 200
    assert f"Batalkan permohonan #{request_id}?" in asked.text
    assert '<input type="hidden" name="konfirmasi" value="ya">' in asked.text
    assert f'href="{counter.url(request_id)}">Tidak, kembali</a>' in asked.text
    assert await counter.status(request_id) == "diajukan"
    confirmed = await counter.act(request_id, "batalkan", {"konfirmasi": "ya"})
    assert confirmed.status_code == 303
    assert await counter.status(request_id) == "dibatalkan"


async def test_cancel_without_the_permission_is_still_refused_not_asked(
    kampung, counter, people
) -> None:
    person = await people.resident(counter.village)
    request_id = await counter.submit(person["nik"], "c-2")
    head = await kampung.login("village_head", counter.village)
    refused = await head.post(f"{counter.url(request_id)}/aksi/batalkan")
    assert refused.status_code == 403
    assert await counter.status(request_id) == "diajukan"


async def test_cancel_through_the_api_needs_no_confirmation_page(counter, people) -> None:
    person = await people.resident(counter.village)
    request_id = await counter.submit(person["nik"], "c-3")
    sent = await counter.operator.post(
        counter.village.api + f"/layanan/{request_id}/aksi/batalkan", json={}
    )
    assert sent.status_code == 200
    assert await counter.status(request_id) == "dibatalkan"
