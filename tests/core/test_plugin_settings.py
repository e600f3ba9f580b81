"""Typed per-village settings: a declaration no value fits stops start-up, and what an admin sends
is parsed to the declared type within its bounds, or refused beside the field."""

from __future__ import annotations

import pytest
from plugin_samples import plugin

from core import SettingField
from core.plugins.registry import PluginError
from core.plugins.settings import parse
from core.testing.databases import make_test_settings
from core.web.app import create_app

QUOTA = SettingField("quota", "Kuota harian", kind="int", default=10, minimum=1, maximum=50)
MOTTO = SettingField("motto", "Semboyan", required=True, max_length=20, default="Guyub")


def settings_plugin(*fields: SettingField) -> object:
    return plugin("bounded", kampung_village_settings=lambda: list(fields))


@pytest.mark.parametrize(
    ("field", "raw", "value", "error"),
    [
        (QUOTA, "25", 25, None),
        (QUOTA, "0", 10, "Kuota harian paling kecil 1."),
        (QUOTA, "51", 10, "Kuota harian paling besar 50."),
        (QUOTA, "banyak", 10, "Kuota harian harus berupa angka bulat."),
        (QUOTA, "", 10, None),
        (MOTTO, "", "Guyub", "Semboyan wajib diisi."),
        (MOTTO, "x" * 21, "Guyub", "Semboyan paling banyak 20 karakter."),
        (MOTTO, "Rukun", "Rukun", None),
    ],
)
def test_a_value_is_parsed_to_its_type_within_its_bounds(field, raw, value, error) -> None:
    assert parse(field, raw) == (value, error)


@pytest.mark.parametrize(
    ("field", "message"),
    [
        (SettingField("mode", "Mode", kind="choice", default="a"), "is a choice without choices"),
        (SettingField("n", "N", kind="int", default=99, maximum=10), "has default 99"),
        (SettingField("x", "X", kind="date"), "has kind 'date'"),  # type: ignore[arg-type]
    ],
)
def test_a_declaration_no_value_fits_stops_start_up(field, message) -> None:
    with pytest.raises(PluginError, match=f"plugin bounded: setting {field.key} {message}"):
        create_app(
            make_test_settings("sqlite:///unused.sqlite3", None),
            extra_plugins=[settings_plugin(field)],
        )


@pytest.fixture
def kampung_extra_plugins():
    return [settings_plugin(QUOTA, MOTTO)]


async def test_an_out_of_bounds_value_is_refused_beside_the_field_and_nothing_is_saved(
    kampung,
) -> None:
    village = await kampung.village(0)
    admin = await kampung.login("village_admin", village)
    refused = await admin.post(
        village.url + "/pengaturan", data={"bounded.quota": "500", "bounded.motto": "Rukun"}
    )
    assert refused.status_code == 422
    assert "Kuota harian paling besar 50." in refused.text
    assert 'value="Rukun"' in refused.text
    saved = await admin.post(
        village.url + "/pengaturan", data={"bounded.quota": "7", "bounded.motto": "Rukun"}
    )
    assert saved.status_code == 303
    page = await admin.get(village.url + "/pengaturan")
    assert 'value="7"' in page.text
