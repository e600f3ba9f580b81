"""An instance that serves the network but still has the default `public_url` refuses to sign:
its QR codes would send citizens to 127.0.0.1."""

from __future__ import annotations

import pytest

from core.testing.databases import make_test_settings

NIK = "3527014506900001"


@pytest.fixture
def kampung_settings(kampung_database, kampung_loaded_plugins, tmp_path):
    app_url, owner_url = kampung_database
    return make_test_settings(
        app_url,
        owner_url,
        plugins=kampung_loaded_plugins,
        data_dir=str(tmp_path / "data"),
        host="0.0.0.0",
        cookie_secure=False,
    )


async def test_signing_is_refused_until_the_admin_sets_public_url(
    kampung, add_resident, draft, act
):
    village = await kampung.village()
    await add_resident(village, NIK)
    operator = await kampung.login("village_operator", village)
    secretary = await kampung.login("village_secretary", village)
    head = await kampung.login("village_head", village)
    letter_id = (await draft(operator, village, NIK)).json()["id"]
    assert (await act(secretary, village, letter_id, "periksa")).status_code == 200

    response = await act(head, village, letter_id, "tandatangani")

    assert response.status_code == 422
    assert "public_url" in response.text and "admin TI kabupaten" in response.text
    letter = (await head.get(f"{village.api}/surat/{letter_id}")).json()
    assert letter["status"] == "diperiksa" and letter["number"] == ""
    confirm = await head.get(f"{village.url}/surat/{letter_id}/tandatangani")
    assert "public_url" in confirm.text and 'name="kata_sandi"' not in confirm.text
