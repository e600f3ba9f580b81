from __future__ import annotations

import pytest
from plugin_samples import configurable


@pytest.fixture
def kampung_extra_plugins():
    return [configurable()]


async def test_plugin_static_files_are_served(kampung) -> None:
    response = await kampung.client().get("/static/plugins/configurable/contoh.txt")
    assert response.status_code == 200
    assert "berkas statis contoh" in response.text


async def test_village_settings_include_plugin_fields_and_validate_them(kampung) -> None:
    village = await kampung.village(plugins=["configurable"])
    admin = await kampung.login("village_admin", village)
    page = await admin.get(village.url + "/pengaturan")
    assert "Kuota harian" in page.text
    bad = await admin.post(
        village.url + "/pengaturan", data={"configurable.quota": "banyak", "configurable.mode": "z"}
    )
    assert bad.status_code == 422
    assert "Kuota harian harus berupa angka bulat" in bad.text
    assert "Mode harus salah satu dari: a, b" in bad.text
    good = await admin.post(
        village.url + "/pengaturan", data={"configurable.quota": "25", "configurable.mode": "b"}
    )
    assert good.status_code == 303
    assert 'value="25"' in (await admin.get(village.url + "/pengaturan")).text
