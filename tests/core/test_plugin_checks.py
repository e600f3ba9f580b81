"""Start-up refuses a plugin that breaks the contract, naming the plugin and the fix."""

from __future__ import annotations

import pytest
from litestar import get
from plugin_samples import GREETING, greeter, plugin

from core import Permission, Role
from core.auth.roles import ROLES, RoleError, check_grant
from core.plugins.registry import PluginError
from core.testing.databases import make_test_settings
from core.web.app import create_app
from core.web.guards import public, requires


@get("/terbuka", include_in_schema=False)
async def unguarded() -> str:
    return "siapa saja"


@get("/salah-eja", guards=[requires("sample.greett")], include_in_schema=False)
async def misspelt() -> str:
    return "tak seorang pun"


@get("/umum", guards=[public], include_in_schema=False)
async def open_on_purpose() -> str:
    return "untuk umum"


def build(*plugins: object) -> None:
    create_app(make_test_settings("sqlite:///unused.sqlite3", None), extra_plugins=plugins)


def test_a_route_without_a_guard_stops_start_up_naming_the_plugin() -> None:
    with pytest.raises(PluginError) as error:
        build(plugin("leaky", kampung_village_routes=lambda: [unguarded]))
    message = str(error.value)
    assert message.startswith("plugin leaky: route GET /desa/{village_slug:str}/terbuka")
    assert "has no permission guard" in message
    assert "guards=[public]" in message


def test_a_guard_naming_an_undeclared_permission_stops_start_up() -> None:
    with pytest.raises(PluginError) as error:
        build(greeter(), plugin("typo", kampung_village_routes=lambda: [misspelt]))
    message = str(error.value)
    assert message.startswith("plugin typo: ")
    assert "'sample.greett', which no plugin declares" in message


def test_a_permission_given_to_an_unknown_role_stops_start_up() -> None:
    wrong_role = Permission(GREETING, "Menyapa", ("village_operater",))
    with pytest.raises(PluginError) as error:
        build(plugin("roles", kampung_permissions=lambda: [wrong_role]))
    message = str(error.value)
    assert message.startswith("plugin roles: permission sample.greet")
    assert "village_operater, which does not exist" in message


CADRE = Role("sample_cadre", "Kader Contoh", "village")


def test_a_plugin_role_can_hold_permissions_and_be_granted_at_its_level() -> None:
    greeting = Permission(GREETING, "Menyapa", ("sample_cadre",))
    build(plugin("cadres", kampung_roles=lambda: [CADRE], kampung_permissions=lambda: [greeting]))
    assert ROLES["sample_cadre"] == CADRE
    assert check_grant("sample_cadre", "35.10.01.2001") == CADRE
    with pytest.raises(RoleError, match="tingkat village"):
        check_grant("sample_cadre", "35.10")


def test_a_plugin_role_sees_the_dashboard_it_lands_on_after_signing_in() -> None:
    from core.builtin.permissions import DASHBOARD
    from core.kernel import load_plugins

    settings = make_test_settings("sqlite:///unused.sqlite3", None)
    registry = load_plugins(settings, extra=[plugin("cadres", kampung_roles=lambda: [CADRE])])
    assert "sample_cadre" in registry.permissions()[DASHBOARD].default_roles


def test_a_role_of_a_plugin_that_is_not_loaded_is_not_known() -> None:
    build(plugin("cadres", kampung_roles=lambda: [CADRE]))
    build(greeter())
    assert "sample_cadre" not in ROLES
    assert "village_operator" in ROLES


def test_a_role_declared_twice_stops_start_up() -> None:
    with pytest.raises(PluginError, match="plugin twice: role village_head is declared twice"):
        build(plugin("twice", kampung_roles=lambda: [Role("village_head", "Lurah", "village")]))


def test_a_role_of_an_unknown_level_stops_start_up() -> None:
    hamlet = Role("hamlet_head", "Kepala Dusun", "dusun")  # type: ignore[arg-type]
    with pytest.raises(PluginError, match="role hamlet_head has level 'dusun'"):
        build(plugin("hamlets", kampung_roles=lambda: [hamlet]))


def test_guarded_and_explicitly_public_routes_start() -> None:
    build(greeter(), plugin("open", kampung_public_routes=lambda: [open_on_purpose]))


def test_templates_outside_the_plugins_own_folder_stop_start_up(tmp_path) -> None:
    (tmp_path / "layouts").mkdir()
    (tmp_path / "layouts" / "base.html").write_text("{% block content %}{% endblock %}")
    with pytest.raises(PluginError) as error:
        build(plugin("sneaky", kampung_template_dirs=lambda: [tmp_path]))
    message = str(error.value)
    assert message.startswith(f"plugin sneaky: template folder {tmp_path} holds layouts")
    assert "move its templates to" in message


def test_templates_in_the_plugins_own_folder_start(tmp_path) -> None:
    (tmp_path / "tidy").mkdir()
    (tmp_path / "tidy" / "index.html").write_text("rapi")
    build(plugin("tidy", kampung_template_dirs=lambda: [tmp_path]))
