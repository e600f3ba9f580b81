from __future__ import annotations

import pytest
from plugin_samples import plugin

from core.builtin import plugin as core_plugin
from core.kernel import load_plugins
from core.plugins.registry import PluginError, PluginRegistry
from core.tenancy.context import Tenant


def load(*plugins):
    return PluginRegistry.from_modules([(core_plugin, "core"), *((p, "test") for p in plugins)])


def test_plugins_load_in_dependency_order() -> None:
    registry = load(plugin("beta", requires_=("alpha",)), plugin("alpha"))
    assert registry.names == ["core", "alpha", "beta"]


def test_missing_requirement_fails_start_up_naming_plugin_and_fix() -> None:
    with pytest.raises(PluginError) as error:
        load(plugin("aid", requires_=("population_x",)))
    message = str(error.value)
    assert "plugin aid" in message
    assert "requires plugin population_x" in message
    assert "install population_x or disable aid" in message


def test_requirement_cycle_fails_start_up() -> None:
    with pytest.raises(PluginError, match="cycle"):
        load(plugin("one", requires_=("two",)), plugin("two", requires_=("one",)))


def test_duplicate_plugin_name_fails_start_up() -> None:
    with pytest.raises(PluginError, match="two plugins use this name"):
        load(plugin("twin"), plugin("twin"))


def test_unknown_hook_implementation_fails_start_up_naming_the_plugin() -> None:
    with pytest.raises(PluginError, match=r"docs/hooks\.md") as error:
        load(plugin("typo", kampung_menu_itemz=lambda: []))
    assert str(error.value).startswith("plugin typo: ")
    assert "kampung_menu_itemz" in str(error.value)


def test_plugin_for_another_core_version_is_refused() -> None:
    with pytest.raises(PluginError, match="supports core >=9"):
        load(plugin("future", core_version=">=9"))


def test_instance_setting_naming_a_missing_plugin_fails(tmp_path) -> None:
    from core.config import load_settings

    settings = load_settings(None, environ={}, secret_key="s" * 40, plugins=("nonexistent",))
    with pytest.raises(PluginError, match="nonexistent"):
        load_plugins(settings)


def test_tryfirst_and_trylast_order_a_hooks_results_as_pluggy_documents() -> None:
    from core import hookimpl

    def menu(label: str):
        return lambda tenant: [label]

    early = plugin("early")
    early.kampung_menu_items = hookimpl(tryfirst=True)(menu("early"))
    late = plugin("late")
    late.kampung_menu_items = hookimpl(trylast=True)(menu("late"))
    middle = plugin("middle", kampung_menu_items=menu("middle"))
    registry = load(late, middle, early)
    village = Tenant(kind="village", code="35.27.01.2001", name="Noreh", slug="noreh", base_url="/")
    answers = registry.results("kampung_menu_items", tenant=village)
    assert [items[0] for name, items in answers if name != "core"] == ["early", "middle", "late"]


def test_a_wrapper_on_a_contribution_hook_is_refused_naming_the_plugin() -> None:
    from core import hookimpl

    def wrapping(tenant):
        return (yield)

    wrapper = plugin("wrapper")
    wrapper.kampung_menu_items = hookimpl(wrapper=True)(wrapping)
    with pytest.raises(PluginError, match="plugin wrapper: kampung_menu_items"):
        load(wrapper).results("kampung_menu_items", tenant=None)
